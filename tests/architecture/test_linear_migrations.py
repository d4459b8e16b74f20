"""Migrations are linear (DESIGN.md): one history per app, no merge migrations. Parallel
branches rebase and renumber instead, so every database walks the same path."""

import pytest
from django.db.migrations.loader import MigrationLoader

OWN_APPS = ("cases", "meetings", "partners")
# Branches and merges made before the rule, while apps were built on parallel branches. No
# database outside development exists yet, so they may still be rebuilt into one initial
# migration per app; nothing may be added to this list.
BEFORE_THE_RULE = {
    "cases": {
        "0008_default_transitions",
        "0042_merge_reminders_actionitems",
        "0043_merge_measures",
        "0045_merge_sharing",
    },
    "meetings": set(),
    "partners": {
        "0001_initial",
        "0051_merge_0020_user_sessions_0050_notification_email",
        "0052_merge_instruments",
    },
}


def branch_points(graph, app: str) -> list[str]:
    """Migrations of `app` with more than one parent, or more than one child, in `app`."""
    found = []
    for key, node in graph.node_map.items():
        if key[0] != app:
            continue
        parents = [parent.key for parent in node.parents if parent.key[0] == app]
        children = [child.key for child in node.children if child.key[0] == app]
        if len(parents) > 1:
            found.append(f"{key[1]} merges {sorted(name for _app, name in parents)}")
        if len(children) > 1:
            found.append(f"{key[1]} is the parent of {sorted(name for _app, name in children)}")
    return found


@pytest.mark.parametrize("app", OWN_APPS)
def test_each_app_has_one_straight_migration_history(app):
    graph = MigrationLoader(None, ignore_no_migrations=True).graph
    assert graph.leaf_nodes(app), f"{app} has no migrations"
    assert len(graph.leaf_nodes(app)) == 1, graph.leaf_nodes(app)
    new = [
        point for point in branch_points(graph, app) if point.split()[0] not in BEFORE_THE_RULE[app]
    ]
    assert new == [], "rebase and renumber instead of branching or merging migrations"


def test_a_merge_is_seen():
    from django.db.migrations.graph import MigrationGraph

    graph = MigrationGraph()
    for name in ("0001_initial", "0002_a", "0002_b", "0003_merge"):
        graph.add_node(("cases", name), None)
    graph.add_dependency(None, ("cases", "0002_a"), ("cases", "0001_initial"))
    graph.add_dependency(None, ("cases", "0002_b"), ("cases", "0001_initial"))
    graph.add_dependency(None, ("cases", "0003_merge"), ("cases", "0002_a"))
    graph.add_dependency(None, ("cases", "0003_merge"), ("cases", "0002_b"))
    assert branch_points(graph, "cases") == [
        "0001_initial is the parent of ['0002_a', '0002_b']",
        "0003_merge merges ['0002_a', '0002_b']",
    ]
