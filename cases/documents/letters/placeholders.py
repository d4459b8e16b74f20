"""The invulplekken of a letter template: a fixed list, filled from a fixed dict.

A template is the text of a functional admin, so it is never given to a template engine:
`{{ zaak.adres }}` is replaced by a value looked up in a dict, nothing else is evaluated, and
the text around it stays text. A template that names an invulplek outside this list, or that
holds template code (`{% … %}`), is refused when it is saved, with the unknown name.
"""

from __future__ import annotations

import re

from django.utils.translation import gettext_lazy as _

# name → what it is filled with (shown to the functional admin beside the template form).
PLACEHOLDERS: dict[str, str] = {
    "zaak.kenmerk": _("zaaknummer, bijvoorbeeld WO-2026-00042"),
    "zaak.adres": _("adres van de zaak: straat, huisnummer, postcode en plaats"),
    "betrokkene.naam": _("naam van de geadresseerde"),
    "betrokkene.adres": _("adres van de geadresseerde (het adres van de zaak)"),
    "brief.datum": _("datum van de brief, bijvoorbeeld 1 december 2026"),
    "termijn.duur": _("de termijn voor een zienswijze, bijvoorbeeld 2 weken"),
    "termijn.einddatum": _("laatste dag van de termijn (zienswijze of bezwaar)"),
    "afzender.naam": _("naam van de medewerker die de brief maakt"),
    "afzender.email": _("e-mailadres van de medewerker die de brief maakt"),
    "organisatie.naam": _("naam van uw organisatie"),
}

PLACEHOLDER_RE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
# Anything that looks like template code: tags, comments, or braces left unbalanced.
CODE_RE = re.compile(r"\{%|%\}|\{#|#\}")


def unknown_placeholders(text: str) -> list[str]:
    """The names in `text` that are not invulplekken, in order of appearance, each once."""
    found = []
    for match in PLACEHOLDER_RE.finditer(text):
        name = match.group(1)
        if name not in PLACEHOLDERS and name not in found:
            found.append(name)
    return found


def has_code(text: str) -> bool:
    """Whether `text` holds template tags or comments, or braces that are no invulplek."""
    without = PLACEHOLDER_RE.sub("", text)
    return bool(CODE_RE.search(text)) or "{{" in without or "}}" in without


def used_placeholders(text: str) -> set[str]:
    return {match.group(1) for match in PLACEHOLDER_RE.finditer(text)}


def fill(text: str, values: dict[str, str]) -> str:
    """`text` with every invulplek replaced by its value (an empty value leaves a blank)."""
    return PLACEHOLDER_RE.sub(lambda match: values.get(match.group(1), ""), text)
