"""One way to refuse, enforced (DESIGN.md, rule "one way to refuse"; docs/adr/0018).

Services say no with `woonoverlast.refusals.Refusal` only: no Django ValidationError,
PermissionDenied or Http404, no exception class of their own, no ValueError carrying a message
for the user. Views answer a refusal with `answer_refusal` and catch no ValidationError or
PermissionDenied. A static test: it reads the source (ast), it does not run it.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
APPS = ("cases", "meetings", "partners")

REFUSED_ELSEWHERE = {"ValidationError", "PermissionDenied", "Http404"}
# Refused in a view's `except`: what a service no longer raises.
NOT_CAUGHT_IN_VIEWS = {"ValidationError", "PermissionDenied"}
GETTEXT = {"_", "gettext", "gettext_lazy", "pgettext", "ngettext"}


def _name(node: ast.AST | None) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Call):
        return _name(node.func)
    return ""


def _root(node: ast.AST) -> str:
    """`Refusal` for Refusal(...), Refusal.forbidden(...) and Refusal.on_fields(...)."""
    while isinstance(node, (ast.Call, ast.Attribute)):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def _is_service(relative: str) -> bool:
    return relative.endswith("/services.py") or "/services/" in relative


def _is_view(relative: str) -> bool:
    name = relative.rsplit("/", 1)[-1]
    return "/views/" in relative or name == "views.py" or name.startswith("views_")


def _translated(node: ast.AST) -> bool:
    """A message for the user: a gettext call, or a %-format or f-string made of one."""
    if isinstance(node, ast.Call):
        return _name(node.func) in GETTEXT
    if isinstance(node, ast.BinOp):
        return _translated(node.left)
    return False


def service_findings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Raise) and node.exc is not None:
            raised = _name(node.exc)
            if raised in REFUSED_ELSEWHERE:
                found.append(f"{line}: raises {raised}")
            elif (
                _root(node.exc) != "Refusal"
                and isinstance(node.exc, ast.Call)
                and node.exc.args
                and _translated(node.exc.args[0])
            ):
                found.append(f"{line}: raises {raised} with a message for the user")
        elif isinstance(node, ast.ClassDef) and any(
            _name(base).endswith(("Error", "Exception", "Refused")) for base in node.bases
        ):
            found.append(f"{line}: defines exception {node.name}")
    return sorted(found, key=lambda finding: int(finding.split(":")[0]))


def view_findings(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.ExceptHandler) and node.type is not None:
            types = node.type.elts if isinstance(node.type, ast.Tuple) else [node.type]
            for caught in types:
                if _name(caught) in NOT_CAUGHT_IN_VIEWS:
                    found.append(f"{node.lineno}: catches {_name(caught)}")
    return sorted(found, key=lambda finding: int(finding.split(":")[0]))


def _modules(which) -> list[Path]:
    paths = []
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative and which(relative):
                paths.append(path)
    return paths


def _report(violations: dict[str, list[str]]) -> str:
    return "\n".join(
        f"  {path}:{finding}" for path, found in violations.items() for finding in found
    )


def test_the_service_modules_are_found():
    services = {path.relative_to(ROOT).as_posix() for path in _modules(_is_service)}
    assert {
        "cases/services/sharing.py",
        "cases/services/workflow_config.py",
        "cases/notifications/services.py",
        "cases/retention/services.py",
        "meetings/services/planning.py",
        "partners/services.py",
    } <= services


def test_services_refuse_with_refusal_only():
    violations = {
        path.relative_to(ROOT).as_posix(): found
        for path in _modules(_is_service)
        if (found := service_findings(path))
    }
    assert not violations, "Raise woonoverlast.refusals.Refusal instead:\n" + _report(violations)


def test_views_catch_refusals_not_django_exceptions():
    violations = {
        path.relative_to(ROOT).as_posix(): found
        for path in _modules(_is_view)
        if (found := view_findings(path))
    }
    assert not violations, "Catch Refusal and answer it with answer_refusal instead:\n" + _report(
        violations
    )


def test_the_check_sees_each_other_way_to_refuse(tmp_path):
    service = tmp_path / "services.py"
    service.write_text(
        "class MeetingError(ValueError):\n"
        "    pass\n"
        "def act(actor):\n"
        "    if actor is None:\n"
        "        raise PermissionDenied(_('Nee.'))\n"
        "    if actor.x:\n"
        "        raise ValidationError({'x': _('Fout.')})\n"
        "    if actor.y:\n"
        "        raise Http404\n"
        "    if actor.z:\n"
        "        raise ValueError(_('Een %(x)s.') % {'x': 1})\n"
        "    if actor.fields:\n"
        "        raise ValueError(f'Onbekende velden: {actor.fields}')\n"
        "    raise Refusal(_('Zo wel.'))\n"
    )
    assert [finding.split(": ", 1)[1] for finding in service_findings(service)] == [
        "defines exception MeetingError",
        "raises PermissionDenied",
        "raises ValidationError",
        "raises Http404",
        "raises ValueError with a message for the user",
    ]
    view = tmp_path / "views.py"
    view.write_text(
        "def view(request):\n"
        "    try:\n"
        "        act()\n"
        "    except (ValidationError, exceptions.PermissionDenied):\n"
        "        pass\n"
        "    except Refusal as refusal:\n"
        "        answer_refusal(request, refusal)\n"
        "    except ValueError:\n"
        "        pass\n"
    )
    assert [finding.split(": ", 1)[1] for finding in view_findings(view)] == [
        "catches ValidationError",
        "catches PermissionDenied",
    ]
