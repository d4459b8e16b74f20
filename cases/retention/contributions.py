"""A partner's own contributions to a case follow that partner's retention rule (ADR 0026).

Each partner is its own controller of what it wrote into a shared case: its logboek
entries, attachments and measures. A model says which organisation owns a row with the
class attribute `retention_owner` (the name of the foreign key), in its own file, so a new
kind of contribution declares itself. The case skeleton (address, persons, meldingen, the
timeline) and the aanbrengende organisation's own contributions follow the aanbrengende
organisation's rules, and a contribution never outlives what those rules remove from the
whole case: an anonymised case keeps no text anywhere, a destroyed case keeps nothing.
"""

from __future__ import annotations

from collections import defaultdict

from django.db import models
from django.utils.translation import gettext as _

from cases.models import Case, Event, RetentionCategory

from .anonymise import FILE, anonymise_rows, case_linked_models, is_history, rows_of, treatment
from .models import INCLUDES


def contribution_models():
    """(model, owner field, lookups to the case) for every model that declares an owner."""
    for model, paths in case_linked_models():
        owner = getattr(model, "retention_owner", None)
        if owner and not is_history(model):
            yield model, owner, paths


def contributors(case_ids) -> dict[int, set[int]]:
    """case id → the organisations with contributions of their own on it."""
    found: dict[int, set[int]] = defaultdict(set)
    for model, owner, paths in contribution_models():
        for path in paths:
            pairs = model._base_manager.filter(**{f"{path}__in": case_ids}).values_list(
                path, f"{owner}_id"
            )
            for case_id, organisation_id in pairs.distinct():
                found[case_id].add(organisation_id)
    return found


def _has_file(model) -> bool:
    return any(treatment(model, f) == FILE for f in model._meta.concrete_fields)


def _forget_history(model, ids: list[int]) -> int:
    history = getattr(model, "history", None)
    if not history or not ids:
        return 0
    return history.model.objects.filter(id__in=ids).delete()[0]


def remove(case: Case, removal, files: list[str]) -> dict:
    """Remove what `removal.category` includes from one organisation's own contributions."""
    category = RetentionCategory(removal.category)
    included = INCLUDES[category]
    counts: dict[str, int] = {}
    touched: dict[str, list[int]] = {}
    for model, owner, paths in contribution_models():
        rows = rows_of(model, paths, case.pk).filter(**{f"{owner}_id": removal.organisation_id})
        ids = list(rows.values_list("pk", flat=True))
        if not ids:
            continue
        name = model._meta.model_name
        goes = category == RetentionCategory.CASE or (
            RetentionCategory.ATTACHMENTS in included and _has_file(model)
        )
        if goes:
            files.extend(
                getattr(row, f.attname)
                for row in rows
                for f in model._meta.concrete_fields
                if isinstance(f, models.FileField) and getattr(row, f.attname)
            )
            counts[name] = rows.delete()[1].get(model._meta.label, 0)
        elif RetentionCategory.FREE_TEXT in included:
            text_only = RetentionCategory.PERSONS not in included
            counts[name] = anonymise_rows(case, model, rows, files, text_only=text_only)
        else:
            continue
        touched[name] = ids
        # History restarts from what is left: old values go, one snapshot of the rest.
        counts["historie"] = counts.get("historie", 0) + _forget_history(model, ids)
        if not goes and getattr(model, "history", None):
            model.history.bulk_history_create(
                list(model._base_manager.filter(pk__in=ids)),
                default_change_reason=_("opgeschoond na bewaartermijn"),
            )
    # Timeline entries about these rows keep their kind and date, not their text.
    for target_type, ids in touched.items():
        events = Event.objects.filter(case=case, target_type=target_type, target_id__in=ids)
        counts["gebeurtenissen"] = counts.get("gebeurtenissen", 0) + anonymise_rows(
            case, Event, events, files, text_only=True
        )
    return {k: v for k, v in counts.items() if v}
