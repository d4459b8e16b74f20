"""Bewaartermijnen: anonymise or destroy closed cases when their retention period has passed.

The aanbrengende organisation's rules apply to its cases (it is responsible for the dossier).
Removal takes the simple-history rows with it, and Event rows with free text, so nothing of
a removed person survives in the case tables. Free text is found by shape (every TextField,
and the short fields named in SHORT_FREE_TEXT) and by declaration: a model of any app with a
`case` foreign key lists its other typed text in a class attribute `retention_free_text`
(meetings does so for `AgendaItem.not_informed_reason` and `AgendaRequest.decision_note`,
which once survived anonymisation with names and health information in them). The case
register so never imports meetings, and a new model says what it types in its own file.
A DestructionRecord (no personal data) stays,
and so does the access log, which has its own period (ACCESS_LOG_RETENTION_MONTHS).
Each case is handled in its own transaction: a sweep that dies half-way leaves every case
either untouched or fully done, and the next run continues where it stopped.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import clock
from cases.models import (
    Attachment,
    Case,
    CasePerson,
    DestructionRecord,
    Event,
    Person,
    Report,
    RetentionCategory,
    RetentionRule,
)
from cases.services.configuration import require_configuration_owner
from woonoverlast.refusals import Refusal

from .selectors import PlannedRemoval, add_months, plan

REMOVED_TEXT = "[verwijderd na bewaartermijn]"
# Short fields that are typed free text rather than a label (titles, descriptions, questions).
SHORT_FREE_TEXT = {"title", "description", "question", "reason", "original_name"}
# Broader categories include what the narrower ones remove.
INCLUDES = {
    RetentionCategory.FREE_TEXT: {RetentionCategory.FREE_TEXT},
    RetentionCategory.ATTACHMENTS: {RetentionCategory.ATTACHMENTS},
    RetentionCategory.PERSONS: {
        RetentionCategory.PERSONS,
        RetentionCategory.FREE_TEXT,
        RetentionCategory.ATTACHMENTS,
    },
    RetentionCategory.CASE: set(RetentionCategory),
}


def _delete_events(case: Case, event_ids: list[int] | None = None) -> int:
    """Remove events of this (closed) case: all of them, or those with the given ids.

    On PostgreSQL the application role may not DELETE from cases_event at all; the owner's
    function woonoverlast_delete_case_events does it, for closed cases only (ADR 0016)."""
    if connection.vendor != "postgresql":
        events = Event.objects.filter(case=case)
        if event_ids is not None:
            events = events.filter(pk__in=event_ids)
        return events.delete()[0]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT woonoverlast_delete_case_events(%s::bigint, %s::bigint[])",
            [case.pk, event_ids],
        )
        return cursor.fetchone()[0]


def _history_model(model):
    return getattr(model, "history", None) and model.history.model


def _case_child_models():
    """Every model with a `case` foreign key to Case: also those other apps add later."""
    for model in apps.get_models():
        if model is Case or (model._meta.model_name or "").startswith("historical"):
            continue
        field = next(
            (
                f
                for f in model._meta.concrete_fields
                if f.name == "case" and f.is_relation and f.related_model is Case
            ),
            None,
        )
        if field is not None:
            yield model


def _delete_history(model, **lookup) -> int:
    history = _history_model(model)
    if not history:
        return 0
    deleted, _per_model = history.objects.filter(**lookup).delete()
    return deleted


# Event data keys that hold configuration labels (stage names, kader, levels), never
# something typed about a person; every other text in event data is removed.
STRUCTURAL_KEYS = {"from", "to", "stage", "kader", "level", "old_level", "category", "status"}


def _scrub(value, key=None):
    if isinstance(value, str):
        return value if key in STRUCTURAL_KEYS or not value else REMOVED_TEXT
    if isinstance(value, dict):
        return {k: _scrub(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_scrub(v) for v in value]
    return value


def _scrub_events(case: Case) -> int:
    """Replace events that carry free text with a copy whose texts are removed."""
    scrubbed_events = []
    for event in list(Event.objects.filter(case=case)):
        scrubbed = _scrub(event.data)
        if scrubbed != event.data:
            event.data = scrubbed
            scrubbed_events.append(event)
    if not scrubbed_events:
        return 0
    _delete_events(case, [event.pk for event in scrubbed_events])
    for event in scrubbed_events:
        event.pk = None
        event.save(force_insert=True)
    return len(scrubbed_events)


def free_text_fields(model) -> list[str]:
    """The fields of a case record that hold typed text (see the module docstring)."""
    declared = set(getattr(model, "retention_free_text", ()))
    return [
        f.name
        for f in model._meta.concrete_fields
        if isinstance(f, models.TextField) or f.name in SHORT_FREE_TEXT or f.name in declared
    ]


def _remove_free_text(case: Case) -> dict:
    counts = {}
    case_fields = {
        "summary": REMOVED_TEXT,
        "result": "",
        "not_informed_reason": "",
        "address_key": "",
        "street": REMOVED_TEXT,
        "house_number": "-",
    }
    # update() skips simple-history on purpose: the case's history rows are purged below and
    # one scrubbed snapshot is written (_snapshot), so no old value survives in history.
    Case.objects.filter(pk=case.pk).update(**case_fields)
    counts["zaak"] = 1
    for model in _case_child_models():
        # Every long text on a case record is typed by a person, so it may name people.
        names = free_text_fields(model)
        if not names or model is Event:
            continue
        counts[model._meta.model_name] = model.objects.filter(case=case).update(
            **{name: REMOVED_TEXT for name in names}
        )
    counts["gebeurtenissen"] = _scrub_events(case)
    return counts


def _remove_attachments(case: Case, files: list[str]) -> int:
    attachments = list(Attachment.objects.filter(case=case))
    files.extend(a.file.name for a in attachments if a.file.name)
    Attachment.objects.filter(case=case).delete()
    return len(attachments)


def _remove_persons(case: Case) -> dict:
    person_ids = set(CasePerson.objects.filter(case=case).values_list("person_id", flat=True))
    person_ids |= set(
        Report.objects.filter(case=case, melder__isnull=False).values_list("melder_id", flat=True)
    )
    links = CasePerson.objects.filter(case=case).delete()[0]
    Report.objects.filter(case=case).update(melder=None, melder_anonymous=True)
    # A person who still appears in another case stays there; the rest goes entirely.
    orphaned = (
        Person.objects.filter(pk__in=person_ids)
        .exclude(case_roles__isnull=False)
        .exclude(reports_made__isnull=False)
    )
    orphan_ids = list(orphaned.values_list("pk", flat=True))
    orphaned.delete()
    _delete_history(Person, id__in=orphan_ids)
    return {"koppelingen": links, "personen": len(orphan_ids)}


def _purge_history_of_case(case: Case) -> int:
    """History rows keep old values; after a removal only the scrubbed present may remain."""
    removed = _delete_history(Case, id=case.pk)
    for model in _case_child_models():
        removed += _delete_history(model, case_id=case.pk)
    return removed


def _snapshot(case: Case) -> None:
    """One fresh history row per remaining record, so history restarts from the scrubbed state."""
    for model in [Case, *_case_child_models()]:
        if not _history_model(model):
            continue
        rows = [case] if model is Case else list(model.objects.filter(case=case))
        model.history.bulk_history_create(
            rows, update=True, default_change_reason=_("geanonimiseerd na bewaartermijn")
        )


def _destroy(case: Case, files: list[str]) -> dict:
    counts = {"bijlagen": _remove_attachments(case, files)}
    counts.update(_remove_persons(case))
    counts["gebeurtenissen"] = _delete_events(case)
    # The cascade from the case removes every other record that hangs on it, in an order
    # Django's collector works out (protected links between doomed rows are allowed).
    _total, per_model = Case.objects.filter(pk=case.pk).delete()
    for label, count in per_model.items():
        if not label.split(".")[-1].lower().startswith("historical"):
            counts[label.split(".")[-1].lower()] = count
    # Last: simple-history writes a "deleted" row with the final values on every delete above.
    counts["historie"] = _purge_history_of_case(case)
    return {k: v for k, v in counts.items() if v}


def apply(removal: PlannedRemoval) -> DestructionRecord | None:
    """Carry out one planned removal in one transaction. None if it was done already."""
    files: list[str] = []
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(pk=removal.case.pk).first()
        if (
            case is None
            or DestructionRecord.objects.filter(
                case_id_ref=removal.case.pk, category=removal.category
            ).exists()
        ):
            return None
        included = INCLUDES[RetentionCategory(removal.category)]
        if removal.category == RetentionCategory.CASE:
            removed = _destroy(case, files)
        else:
            removed = {}
            if RetentionCategory.ATTACHMENTS in included:
                removed["bijlagen"] = _remove_attachments(case, files)
            if RetentionCategory.PERSONS in included:
                removed.update(_remove_persons(case))
            if RetentionCategory.FREE_TEXT in included:
                removed.update(_remove_free_text(case))
            removed["historie"] = _purge_history_of_case(case)
            case.refresh_from_db()
            _snapshot(case)
        record = DestructionRecord.objects.create(
            case_id_ref=case.pk,
            case_reference=case.reference,
            lead_organisation_id_ref=case.lead_organisation_id,
            category=removal.category,
            opened_on=case.opened_on,
            closed_on=case.closed_on,
            rule_description=removal.rule,
            removed=removed,
        )
        # Files go only once the database change is committed; a crash in between leaves a
        # file without a row, which the next sweep removes (remove_orphan_files).
        transaction.on_commit(lambda: _delete_files(files))
    return record


def _delete_files(names: list[str]) -> None:
    for name in names:
        if default_storage.exists(name):
            default_storage.delete(name)


def remove_orphan_files() -> int:
    """Attachment files of cases whose attachments were destroyed but whose file survived."""
    removed = 0
    destroyed = DestructionRecord.objects.filter(
        category__in=[
            RetentionCategory.CASE,
            RetentionCategory.ATTACHMENTS,
            RetentionCategory.PERSONS,
        ]
    ).values_list("case_id_ref", flat=True)
    for case_id in destroyed:
        folder = f"attachments/{case_id}"
        if not default_storage.exists(folder):
            continue
        kept = set(Attachment.objects.filter(case_id=case_id).values_list("file", flat=True))
        for name in default_storage.listdir(folder)[1]:
            path = f"{folder}/{name}"
            if path not in kept:
                default_storage.delete(path)
                removed += 1
    return removed


def purge_access_log(today: date | None = None) -> int:
    """Remove access-log rows older than the log's own retention period.

    On PostgreSQL only the owner's function woonoverlast_purge_access_log may delete them; it
    refuses a cut-off later than its own fixed period (ADR 0016). The cut-off here is the
    start of the day, so it never asks for more than that period allows."""
    from cases.models import AccessLog

    now = clock.now()
    cutoff_day = add_months(timezone.localdate(now), -settings.ACCESS_LOG_RETENTION_MONTHS)
    cutoff = timezone.make_aware(datetime.combine(cutoff_day, time.min))
    if connection.vendor != "postgresql":
        return AccessLog.objects.filter(at__lt=cutoff).delete()[0]
    with connection.cursor() as cursor:
        cursor.execute("SELECT woonoverlast_purge_access_log(%s)", [cutoff])
        return cursor.fetchone()[0]


def run_retention_sweep(today: date | None = None) -> int:
    done = 0
    for removal in plan(today):
        done += apply(removal) is not None
    remove_orphan_files()
    purge_access_log(today)
    return done


@transaction.atomic
def save_retention_rule(*, actor, rule: RetentionRule) -> RetentionRule:
    perm = "cases.change_retentionrule" if rule.pk else "cases.add_retentionrule"
    require_configuration_owner(actor, perm, rule.organisation_id)
    try:
        rule.full_clean()
    except ValidationError as error:
        raise Refusal.from_validation_error(error) from error
    rule.save()
    return rule


@transaction.atomic
def delete_retention_rule(*, actor, rule: RetentionRule) -> None:
    require_configuration_owner(actor, "cases.delete_retentionrule", rule.organisation_id)
    rule.delete()
