"""Bewaartermijnen: anonymise or destroy closed cases when their retention period has passed.

The aanbrengende organisation's rules apply to its cases (it is responsible for the dossier);
a partner's own contributions also follow that partner's rules (contributions.py).
Removal takes the simple-history rows with it, and Event rows with free text, so nothing of
a removed person survives in the case tables. Which fields go and which stay is decided per
field for every model that reaches a case, history tables included (anonymise.py): the
case register so never imports meetings, and a field added later cannot be forgotten.
A DestructionRecord (no personal data) stays,
and so does the access log, which has its own period (ACCESS_LOG_RETENTION_MONTHS).
Each case is handled in its own transaction: a sweep that dies half-way leaves every case
either untouched or fully done, and the next run continues where it stopped.
"""

from __future__ import annotations

from datetime import date, datetime, time

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import clock
from cases.models import (
    Attachment,
    Case,
    CasePerson,
    DestructionRecord,
    Person,
    Report,
    RetentionCategory,
    RetentionRule,
)
from cases.services.configuration import require_configuration_owner
from woonoverlast.refusals import Refusal

from . import contributions
from .anonymise import REMOVED_TEXT, anonymise_case, case_linked_models, is_history, month_of
from .anonymise import rows_of as _rows_of
from .events import delete_events as _delete_events
from .models import INCLUDES
from .selectors import PlannedRemoval, add_months, plan

__all__ = ["REMOVED_TEXT", "apply", "run_retention_sweep"]


def _history_model(model):
    return getattr(model, "history", None) and model.history.model


def _delete_history(model, **lookup) -> int:
    history = _history_model(model)
    if not history:
        return 0
    deleted, _per_model = history.objects.filter(**lookup).delete()
    return deleted


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
    """History rows keep old values; after a removal only the scrubbed present may remain.
    Every history table that reaches the case is found in the model graph (anonymise.py)."""
    removed = 0
    for model, paths in case_linked_models():
        if is_history(model):
            removed += _rows_of(model, paths, case.pk).delete()[0]
    return removed


def _snapshot(case: Case, *, anonymised: bool = False) -> None:
    """One fresh history row per remaining record, so history restarts from the scrubbed
    state. After anonymising, its date keeps only the month too (ADR 0026)."""
    when = month_of(clock.now()) if anonymised else None
    for model, paths in case_linked_models():
        if is_history(model) or not _history_model(model):
            continue
        model.history.bulk_history_create(
            list(_rows_of(model, paths, case.pk)),
            update=True,
            default_change_reason=_("geanonimiseerd na bewaartermijn"),
            default_date=when,
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


def _anonymise(case: Case, removal: PlannedRemoval, files: list[str]) -> dict:
    """Remove what the category includes, then restart history from the scrubbed state."""
    included = INCLUDES[RetentionCategory(removal.category)]
    removed = {}
    if RetentionCategory.ATTACHMENTS in included:
        removed["bijlagen"] = _remove_attachments(case, files)
    if RetentionCategory.PERSONS in included:
        removed.update(_remove_persons(case))
    if RetentionCategory.FREE_TEXT in included:
        # Persoonsgegevens anonimiseren is the full treatment of ADR 0026 (month, four
        # postcode digits, no text); vrije tekst wissen removes only the text.
        anonymised = RetentionCategory.PERSONS in included
        removed.update(anonymise_case(case, files, text_only=not anonymised))
        if anonymised:
            _coarsen_records(case)
    removed["historie"] = _purge_history_of_case(case)
    case.refresh_from_db()
    _snapshot(case, anonymised=RetentionCategory.PERSONS in included)
    return removed


def _coarsen_records(case: Case) -> None:
    """Earlier destruction records of the case keep the month of its dates, like the case."""
    for record in DestructionRecord.objects.filter(case_id_ref=case.pk):
        DestructionRecord.objects.filter(pk=record.pk).update(
            opened_on=month_of(record.opened_on), closed_on=month_of(record.closed_on)
        )


def apply(removal: PlannedRemoval) -> DestructionRecord | None:
    """Carry out one planned removal in one transaction. None if it was done already."""
    files: list[str] = []
    with transaction.atomic():
        case = Case.objects.select_for_update().filter(pk=removal.case.pk).first()
        if (
            case is None
            or DestructionRecord.objects.filter(
                case_id_ref=removal.case.pk,
                category=removal.category,
                organisation_id_ref=removal.organisation_id,
            ).exists()
        ):
            return None
        if removal.organisation_id is not None:
            # One partner's own contributions, by that partner's rule (ADR 0026).
            removed = contributions.remove(case, removal, files)
        elif removal.category == RetentionCategory.CASE:
            removed = _destroy(case, files)
        else:
            removed = _anonymise(case, removal, files)
        record = DestructionRecord.objects.create(
            case_id_ref=case.pk,
            case_reference=case.reference,
            lead_organisation_id_ref=case.lead_organisation_id,
            organisation_id_ref=removal.organisation_id,
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
