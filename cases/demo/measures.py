"""Measures in the demo: what the corporatie and the gemeente have put in per stage.

Chosen by the index of the stage in the default workflow, like the rest of the demo plan;
instruments are looked up by name in the seeded catalogue.
"""

from __future__ import annotations

from datetime import timedelta

from django.utils import timezone

from cases import services
from cases.access import CaseAccess
from cases.models import Measure
from cases.models.choices import AccessLevel
from partners.models import Instrument

S = Measure.Status

# stage index → (partner kind, instrument, status, outcome)
BY_STAGE = {
    3: [
        (
            "corporatie",
            "Waarschuwingsbrief / sommatie",
            S.DONE,
            "Brief verstuurd; bewoner belde terug en beloofde beterschap.",
        ),
        ("corporatie", "Buurtbemiddeling", S.RUNNING, ""),
    ],
    4: [
        (
            "corporatie",
            "Buurtbemiddeling",
            S.STOPPED,
            "Bewoner kwam niet op de afspraken; bemiddeling gestopt.",
        ),
        ("corporatie", "Gedragsovereenkomst", S.RUNNING, ""),
        ("gemeente", "Waarschuwing door de burgemeester", S.PLANNED, ""),
    ],
    5: [
        ("corporatie", "Gedragsovereenkomst", S.STOPPED, "Overeenkomst tweemaal geschonden."),
        ("gemeente", "Gedragsaanwijzing door de burgemeester", S.RUNNING, ""),
        ("corporatie", "Gerechtelijke gedragsaanwijzing", S.PLANNED, ""),
    ],
}


def seed_measures(seeder, plans) -> None:
    """A few measures on the open cases in the vrijwillig, drang and dwang stages."""
    users = {"corporatie": None, "gemeente": seeder.users["gemeente"]}
    for plan in [p for p in plans if not p.closed and p.stage_index in BY_STAGE][:10]:
        case = plan.case
        entered = plan.stage_times.get(plan.stage_index, seeder.now)
        users["corporatie"] = seeder.lead_user[plan.lead]
        for offset, (kind, name, status, outcome) in enumerate(BY_STAGE[plan.stage_index]):
            actor = users[kind]
            if (
                kind == "gemeente"
                and not case.participations.filter(
                    organisation_id=actor.organisation_id, level=AccessLevel.VOLLEDIG
                ).exists()
            ):
                continue
            start = min(timezone.localdate(entered) + timedelta(days=2 * offset), seeder.today)
            seeder.clock.at = min(entered + timedelta(days=2 * offset, hours=1), seeder.now)
            services.add_measure(
                actor=actor,
                access=CaseAccess(case=case, user=actor, level=AccessLevel.VOLLEDIG),
                instrument=Instrument.objects.get(partner_kind=kind, name=name),
                owner_organisation=actor.organisation,
                start_date=start,
                planned_end=start + timedelta(days=90),
                status=status,
                outcome=outcome,
            )
