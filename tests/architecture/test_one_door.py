"""The one door, enforced: outside `cases/access/` and the services, no code queries the case
register's access tables or works out what a level may see (DESIGN.md, rule "one door").

A static test, so a new view, form, selector, PDF or task that reaches around the door fails
`make test` before it can leak. It reads the source (ast), it does not run it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("cases", "meetings", "partners", "woonoverlast")

# Where deciding access is the job.
DOOR = (
    "cases/access/",
    "cases/services/",
    "cases/notifications/services.py",
    "cases/retention/services.py",
    "meetings/services/",
    "partners/services.py",
)
# Not readers: schema and data loaders that write fictional or benchmark data as the system.
NOT_READERS = (
    "/migrations/",
    "cases/models/",
    "cases/demo/",
    "cases/bench/",
    "cases/management/commands/",
    "meetings/demo.py",
    "meetings/management/commands/",
)

# The access tables: the cases themselves, the sharing decisions and guardian's rows; and a
# case's further addresses, which only the door cuts to `volledig` (docs/adr/0030).
ACCESS_MODELS = {"Case", "Participation", "CaseAddress"}
GUARDIAN_NAMES = {
    "CaseGroupObjectPermission",
    "CaseUserObjectPermission",
    "GroupObjectPermission",
    "UserObjectPermission",
    "LEVEL_CODENAMES",
}
LEVEL_NAMES = {"LEVEL_RANK", "lowest_level"}


def _is_level_member(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "AccessLevel"
        and node.attr in {"BESTAAN", "PROCES", "VOLLEDIG"}
    )


def _mentions_level(node: ast.AST) -> bool:
    if _is_level_member(node):
        return True
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return any(_is_level_member(element) for element in node.elts)
    return isinstance(node, ast.Name) and node.id.endswith("_LEVELS")


def findings(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if (
            isinstance(node, ast.Attribute)
            and node.attr == "objects"
            and isinstance(node.value, ast.Name)
            and node.value.id in ACCESS_MODELS
        ):
            found.append(f"{line}: {node.value.id}.objects")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "participations"
            # CaseAccess.participations(): the door's own answer, already cut to the level.
            and not (isinstance(node.value, ast.Name) and node.value.id.endswith("access"))
        ):
            found.append(f"{line}: .participations")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr == "further_addresses"
            # CaseAccess.further_addresses(): the door's own answer, already cut to the level.
            and not (isinstance(node.value, ast.Name) and node.value.id.endswith("access"))
        ):
            found.append(f"{line}: .further_addresses")
        elif isinstance(node, ast.Name) and node.id in GUARDIAN_NAMES | LEVEL_NAMES:
            found.append(f"{line}: {node.id}")
        elif isinstance(node, ast.Compare) and any(
            _mentions_level(part) for part in (node.left, *node.comparators)
        ):
            found.append(f"{line}: compares with a level")
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, (ast.Tuple, ast.List, ast.Set))
            and any(_is_level_member(element) for element in node.value.elts)
        ):
            found.append(f"{line}: a set of levels")
    return found


def readers() -> list[Path]:
    paths = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if not relative.startswith(DOOR) and not any(part in relative for part in NOT_READERS):
                paths.append(path)
    return paths


def test_no_code_outside_the_door_queries_access_tables_or_decides_a_level():
    violations = {
        path.relative_to(ROOT).as_posix(): found for path in readers() if (found := findings(path))
    }
    assert not violations, "Ask cases.access instead:\n" + "\n".join(
        f"  {path}:{finding}" for path, found in violations.items() for finding in found
    )


def test_the_check_sees_each_way_around_the_door(tmp_path):
    sample = tmp_path / "leaky_view.py"
    sample.write_text(
        "def view(request, case):\n"
        "    Case.objects.all()\n"
        "    Participation.objects.filter(case=case)\n"
        "    case.participations.all()\n"
        "    case_access.participations()\n"
        "    CaseAddress.objects.filter(case=case)\n"
        "    case.further_addresses.all()\n"
        "    case_access.further_addresses()\n"
        "    CaseGroupObjectPermission.objects.all()\n"
        "    if level == AccessLevel.VOLLEDIG:\n"
        "        pass\n"
        "    if level in (AccessLevel.PROCES, AccessLevel.VOLLEDIG):\n"
        "        pass\n"
        "    SHOWN = (AccessLevel.PROCES,)\n"
        "    return LEVEL_RANK[level]\n"
    )
    assert sorted(finding.split(": ", 1)[1] for finding in findings(sample)) == sorted(
        [
            "Case.objects",
            "Participation.objects",
            ".participations",
            "CaseAddress.objects",
            ".further_addresses",
            "CaseGroupObjectPermission",
            "compares with a level",
            "compares with a level",
            "a set of levels",
            "LEVEL_RANK",
        ]
    )
