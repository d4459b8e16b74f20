"""What retention would remove, and when: the reads behind the sweep and its dry-run report.

A period counts from the final closure: the end of the nazorg when the case was closed
through the app (`Case.nazorg_until`), else the closing date.

The aanbrengende organisation's rules apply to its cases: its own rule per category over the
regional default, and the settings' default period when neither exists.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from cases import access, clock
from cases.calendars import local_date
from cases.calendars.months import add_months
from cases.models import Case, DestructionRecord, RetentionCategory, RetentionRule
from cases.selectors_beheer import not_found, own_or_default


@dataclass(frozen=True)
class PlannedRemoval:
    case: Case
    category: str
    due_on: date
    rule: str

    @property
    def category_label(self):
        return RetentionCategory(self.category).label


def rules_for(organisation_id: int, all_rules=None) -> dict[str, tuple[int, str]]:
    """category → (months, description) for one organisation, own rules over defaults."""
    all_rules = all_rules if all_rules is not None else list(RetentionRule.objects.all())
    rules: dict[str, tuple[int, str]] = {
        RetentionCategory.CASE: (
            settings.RETENTION_DEFAULT_MONTHS,
            _("standaard: %(months)s maanden na sluiting")
            % {"months": settings.RETENTION_DEFAULT_MONTHS},
        )
    }
    for own in (False, True):
        for rule in all_rules:
            if (rule.organisation_id == organisation_id) == own and (
                own or rule.organisation_id is None
            ):
                label = _("%(category)s na %(months)s maanden (%(scope)s)") % {
                    "category": rule.get_category_display(),
                    "months": rule.months_after_closure,
                    "scope": _("eigen regel") if own else _("algemene regel"),
                }
                rules[rule.category] = (rule.months_after_closure, label)
    return rules


def plan(today: date | None = None, cases=None) -> list[PlannedRemoval]:
    """What the next sweep would remove, oldest first.

    The sweep plans over every case (`access.cases_for_sweeps`); the dry-run report passes
    the cases its reader may see in it (`access.retention_cases`).
    """
    today = today or local_date(clock.now())
    all_rules = list(RetentionRule.objects.all())
    if cases is None:
        cases = access.cases_for_sweeps()
    cases = cases.filter(closed_on__isnull=False).order_by("closed_on")
    done = set(
        DestructionRecord.objects.filter(case_id_ref__in=cases.values("pk")).values_list(
            "case_id_ref", "category"
        )
    )
    planned = []
    fields = ("reference", "closed_on", "nazorg_until", "opened_on", "lead_organisation_id")
    for case in cases.only(*fields):
        due = []
        # The period counts from the final closure: the end of the nazorg (docs/adr/0019).
        closed_on = case.nazorg_until or case.closed_on
        if closed_on is None:  # filtered out above; this tells the type checker
            continue
        for category, (months, label) in rules_for(case.lead_organisation_id, all_rules).items():
            due_on = add_months(closed_on, months)
            if due_on <= today and (case.pk, category) not in done:
                due.append(PlannedRemoval(case, category, due_on, label))
        if any(p.category == RetentionCategory.CASE for p in due):
            due = [p for p in due if p.category == RetentionCategory.CASE]
        planned.extend(due)
    return planned


def visible_retention_rules(user):
    """The reader's own organisation's rules and the regional defaults, never another's."""
    return RetentionRule.objects.filter(own_or_default(user)).select_related("organisation")


def get_retention_rule(request, pk) -> RetentionRule:
    rule = visible_retention_rules(request.user).filter(pk=pk).first()
    if rule is None:
        raise not_found(request, "bewaartermijn", pk)
    return rule
