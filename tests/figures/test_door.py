"""`cases.access.regional_cases` hands out every case of the region: only the figures'
selectors may ask for it, and they turn it into protected aggregates (docs/adr/0021)."""

import ast

from tests.architecture.test_one_door import APPS, ROOT

ALLOWED = ("cases/access/", "cases/figures/selectors/")


def test_only_the_figures_selectors_ask_for_the_regional_cases():
    users = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if relative.startswith(ALLOWED):
                continue
            tree = ast.parse(path.read_text())
            for node in ast.walk(tree):
                name = getattr(node, "attr", None) or getattr(node, "id", None)
                if name == "regional_cases":
                    users.append(f"{relative}:{node.lineno}")
    assert users == []
