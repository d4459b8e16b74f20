"""Anonymising a case: what stays of every record that reaches the case, decided per field.

The walk is generic so that a field added later cannot be forgotten: every model of every
app with a foreign-key path to Case (history tables included) is found in the model graph,
and every concrete field gets a treatment from its type (`treatment`). Text is removed
unless it is on the short reviewed list `KEPT_TEXT`; dates keep their month; a postcode
keeps its four digits; JSON keeps only structural labels. A field of a type this module
does not know has no treatment, and `tests/retention/test_anonymise.py` fails on it until
someone decides. What stays, and why it cannot identify a person: docs/adr/0026.

Rows are changed with `update()` on purpose: the history of the case is purged afterwards
and restarts from one snapshot of the anonymised state (services._snapshot), so no old
value survives in a history row. The append-only timeline is rewritten (events.py).
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import cache

from django.apps import apps
from django.db import models
from django.db.models import Q
from django.utils import timezone

from cases.models import Case, Event, Person

from .events import replace_events

REMOVED_TEXT = "[verwijderd na bewaartermijn]"

# The reviewed allow-list: text on case records that is a code or a coarse area, never typed
# about a person. Choices fields are codes by construction and need no entry. Keep it short:
# every entry is argued in docs/adr/0026.
KEPT_TEXT = {
    "cases.Case.reference": "zaaknummer: jaar en volgnummer",
    "cases.Case.city": "plaats: tienduizenden adressen",
    "cases.Case.wijk": "wijk: duizenden adressen",
    "cases.Event.target_type": "modelnaam van het record waar de gebeurtenis over gaat",
    "cases.Attachment.storage_key": "gegenereerde sleutel; de bijlage zelf gaat weg",
    "cases.Attachment.content_type": "bestandstype; de bijlage zelf gaat weg",
}
POSTCODE_FIELDS = {"cases.Case.postcode"}

# Keys in JSON data (event data) that hold configuration labels (stage names, kader, levels),
# never something typed about a person; every other string in JSON data is removed.
STRUCTURAL_KEYS = {"from", "to", "stage", "kader", "level", "old_level", "category", "status"}

KEEP, TEXT, MONTH, POSTCODE, JSON, PERSON, FILE = (
    "behouden",
    "tekst",
    "maand",
    "postcode",
    "json",
    "persoon",
    "bestand",
)
# Types kept as they are: identifiers, counts, yes/no. Anything else must be decided.
KEPT_TYPES = (models.AutoField, models.BigAutoField, models.IntegerField, models.BooleanField)


def scrub(value, key=None):
    """JSON with every string removed except the labels under STRUCTURAL_KEYS."""
    if isinstance(value, str):
        return value if key in STRUCTURAL_KEYS or not value else REMOVED_TEXT
    if isinstance(value, dict):
        return {k: scrub(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [scrub(v) for v in value]
    return value


def is_history(model) -> bool:
    return hasattr(model, "instance_type") or model._meta.model_name.startswith("historical")


def _label(model, field) -> str:
    # A history table mirrors its model: the same field gets the same treatment.
    source = getattr(model, "instance_type", model)
    return f"{source._meta.label}.{field.name}"


def treatment(model, field) -> str | None:
    """How anonymising treats one concrete field; None when nobody has decided yet."""
    label = _label(model, field)
    if field.is_relation:
        return PERSON if field.related_model is Person else KEEP
    if field.primary_key or label in KEPT_TEXT:
        return KEEP
    if label in POSTCODE_FIELDS:
        return POSTCODE
    if isinstance(field, models.FileField):
        return FILE
    if isinstance(field, models.CharField | models.TextField):
        return KEEP if field.choices else TEXT
    if isinstance(field, models.DateField):  # DateTimeField included
        return MONTH
    if isinstance(field, models.JSONField):
        return JSON
    if isinstance(field, KEPT_TYPES):
        return KEEP
    return None


def _paths(model, depth: int) -> list[str]:
    """Lookups from `model` to a Case id along forward foreign keys, shortest first."""
    if model is Case:
        return ["pk"]
    if getattr(model, "instance_type", None) is Case:
        return ["id"]  # HistoricalCase: the case id is a plain column
    direct, further = [], []
    for field in model._meta.concrete_fields:
        if not (field.is_relation and field.many_to_one or field.one_to_one):
            continue
        target = field.related_model
        if target is Case:
            direct.append(field.name)
        elif depth > 1 and target is not model:
            further += [f"{field.name}__{p}" for p in _paths(target, depth - 1) if p != "pk"]
    return direct or further


@cache
def case_linked_models() -> tuple[tuple[type[models.Model], tuple[str, ...]], ...]:
    """(model, lookups to the case) for every model that reaches a Case, Case included."""
    found = []
    for model in apps.get_models():
        paths = _paths(model, depth=3)
        if paths:
            found.append((model, tuple(paths)))
    return tuple(found)


def rows_of(model, paths, case_id: int):
    query = Q()
    for path in paths:
        query |= Q(**{path: case_id})
    return model._base_manager.filter(query)


def month_of(value):
    """The first day of the value's month (for a moment: midnight, Dutch time)."""
    if isinstance(value, datetime):
        local = timezone.localtime(value) if timezone.is_aware(value) else value
        first = datetime.combine(local.date().replace(day=1), time.min)
        return timezone.make_aware(first) if timezone.is_aware(value) else first
    if isinstance(value, date):
        return value.replace(day=1)
    return value


def removed_text(field, value):
    """A field that may be empty becomes empty (an empty address key matches no address);
    one that may not says the text was removed, where the marker fits."""
    if not value:
        return value
    fits = field.max_length is None or field.max_length >= len(REMOVED_TEXT)
    return REMOVED_TEXT if fits and not field.blank else ""


def _changes(model, row, treatments, *, text_only: bool) -> dict:
    changes = {}
    for field in model._meta.concrete_fields:
        kind = treatments[field.name]
        old = getattr(row, field.attname)
        if kind == TEXT:
            new = removed_text(field, old)
        elif kind == JSON:
            new = scrub(old)
        elif text_only:
            continue
        elif kind == MONTH:
            new = month_of(old)
        elif kind == POSTCODE:
            new = (old or "")[:4]
        elif kind == PERSON:
            new = None
        else:
            continue
        if new != old:
            changes[field.attname] = new
    return changes


def model_treatments(model) -> dict[str, str]:
    treatments = {f.name: treatment(model, f) for f in model._meta.concrete_fields}
    undecided = [name for name, kind in treatments.items() if kind is None]
    if undecided:
        # Never keep a field silently: a new type of field must be decided in this module.
        raise TypeError(f"{model._meta.label}: no retention treatment for {undecided}")
    return treatments


def anonymise_rows(case: Case, model, rows, files: list[str], *, text_only=False) -> int:
    """Remove from `rows` (of one case) what cannot stay; returns how many rows changed.

    `text_only`: only free text (the category vrije tekst); otherwise everything ADR 0026 says.
    A row that cannot exist without what goes (a file, a link to a person, a notification
    that names its date in its key) is deleted instead.
    """
    treatments = model_treatments(model)
    kinds = set(treatments.values())
    required_person = any(
        treatments[f.name] == PERSON and not f.null for f in model._meta.concrete_fields
    )
    if getattr(model, "retention_anonymise", "") == "delete" or (
        not text_only and (FILE in kinds or required_person)
    ):
        for row in rows:
            files.extend(
                getattr(row, f.attname)
                for f in model._meta.concrete_fields
                if treatments[f.name] == FILE and getattr(row, f.attname)
            )
        return rows.delete()[1].get(model._meta.label, 0)
    changed, rewritten = 0, []
    if model is Event:
        # Rewritten copies get new ids: oldest first, so the timeline keeps its order once
        # the moments share a month.
        rows = rows.order_by("occurred_at", "id")
    for row in rows:
        changes = _changes(model, row, treatments, text_only=text_only)
        if not changes:
            continue
        changed += 1
        if model is Event:
            for name, value in changes.items():
                setattr(row, name, value)
            rewritten.append(row)
        else:
            model._base_manager.filter(pk=row.pk).update(**changes)
    replace_events(case, rewritten)
    return changed


def anonymise_case(case: Case, files: list[str], *, text_only=False) -> dict:
    """Every live record of the case, through the treatments above. History: services."""
    counts = {}
    # Children before the case itself, so a lookup through the case still finds them.
    for model, paths in sorted(case_linked_models(), key=lambda item: item[0] is Case):
        if is_history(model):
            continue
        changed = anonymise_rows(
            case, model, rows_of(model, paths, case.pk), files, text_only=text_only
        )
        if changed:
            counts[model._meta.model_name] = changed
    return counts
