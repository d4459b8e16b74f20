"""What retention would remove, and when: the reads behind the sweep and its dry-run report.

A period counts from the final closure: the end of the nazorg when the case was closed
through the app (`Case.nazorg_until`), else the closing date.

The aanbrengende organisation's rules apply to its cases: its own rule per category over the
regional default, and the settings' default period when neither exists. A partner's own
contributions (logboek, bijlagen, maatregelen) follow that partner's rules the same way, as
each partner is its own controller (contributions.py, docs/adr/0026).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from cases import access, clock
from cases.calendars import local_date
from cases.calendars.months import add_months
from cases.models import Case, DestructionRecord, RetentionCategory, RetentionRule
from cases.selectors_beheer import not_found, own_or_default

from .contributions import contributors
from .models import INCLUDES


@dataclass(frozen=True)
class PlannedRemoval:
    case: Case
    category: str
    due_on: date
    rule: str
    # The partner whose own contributions this removes; None for the case itself.
    organisation_id: int | None = None

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


def _due(case, organisation_id, all_rules, today, done: set[str], skip=frozenset()):
    """The removals by one organisation's rules that are due on `today` and not done yet."""
    # The period counts from the final closure: the end of the nazorg (docs/adr/0019).
    closed_on = case.nazorg_until or case.closed_on
    due = []
    for category, (months, label) in rules_for(organisation_id, all_rules).items():
        due_on = add_months(closed_on, months)
        if due_on <= today and category not in done and category not in skip:
            due.append(PlannedRemoval(case, category, due_on, label))
    if any(p.category == RetentionCategory.CASE for p in due):
        due = [p for p in due if p.category == RetentionCategory.CASE]
    return due


def plan(
    today: date | None = None, cases=None, organisation_id: int | None = None
) -> list[PlannedRemoval]:
    """What the next sweep would remove, oldest first.

    The sweep plans over every case (`access.cases_for_sweeps`); the dry-run report passes
    the cases its reader may see in it (`access.retention_cases`) and the reader's
    organisation, and gets only that organisation's removals: of the cases it leads, and of
    its own contributions to others' cases.
    """
    today = today or local_date(clock.now())
    all_rules = list(RetentionRule.objects.all())
    if cases is None:
        cases = access.cases_for_sweeps()
    cases = cases.filter(closed_on__isnull=False).order_by("closed_on")
    records = DestructionRecord.objects.filter(case_id_ref__in=cases.values("pk"))
    # (case id, contributing organisation or None for the case itself) → categories done
    done: dict[tuple[int, int | None], set[str]] = defaultdict(set)
    for case_id, category, contributor in records.values_list(
        "case_id_ref", "category", "organisation_id_ref"
    ):
        done[case_id, contributor].add(category)
    contributed = contributors(cases.values("pk"))
    planned = []
    fields = ("reference", "closed_on", "nazorg_until", "opened_on", "lead_organisation_id")
    for case in cases.only(*fields):
        lead = case.lead_organisation_id
        own_done = done.get((case.pk, None), set())
        due = _due(case, lead, all_rules, today, own_done)
        if organisation_id in (None, lead):
            planned.extend(due)
        # What the case's own removals take along is no partner's removal any more.
        covered = set()
        for category in {p.category for p in due} | own_done:
            covered |= INCLUDES[RetentionCategory(category)]
        for partner in sorted(contributed.get(case.pk, set()) - {lead}):
            if organisation_id not in (None, partner):
                continue
            partner_done = done.get((case.pk, partner), set())
            for removal in _due(case, partner, all_rules, today, partner_done, skip=covered):
                planned.append(
                    PlannedRemoval(case, removal.category, removal.due_on, removal.rule, partner)
                )
    planned.sort(key=lambda p: (p.due_on, p.case.pk))
    return planned


def visible_retention_rules(user):
    """The reader's own organisation's rules and the regional defaults, never another's."""
    return RetentionRule.objects.filter(own_or_default(user)).select_related("organisation")


def get_retention_rule(request, pk) -> RetentionRule:
    rule = visible_retention_rules(request.user).filter(pk=pk).first()
    if rule is None:
        raise not_found(request, "bewaartermijn", pk)
    return rule
