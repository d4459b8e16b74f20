"""Two years of history for the demo, so that the figures page (cases/figures) has
something to show: instroom and closures per month, stage periods with their kader,
melder contact early or late, results, measures in cases that ended well, recurrence on an
address after closure, and overdue actiepunten.

Kept apart from the seeder (which others extend) and called once from `DemoSeeder.run`.
Like the seeder it writes fictional data as the system, through the services where one
exists and with the seeder's pinned clock for the times of the events.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.utils import timezone

from cases import services
from cases.access import CaseAccess
from cases.demo import data
from cases.models import CaseResult, Event
from cases.models.choices import AccessLevel, NoteKind, PersonRole, ReportSource, Visibility
from partners.models import Instrument

SEED = 2024
CASES = 90
GOOD_INSTRUMENTS = ("Buurtbemiddeling", "Gesprek", "Huisbezoek", "Gedragsovereenkomst")


def seed_history(seeder) -> None:
    from cases.demo.seeder import CasePlan, _workday

    rng = random.Random(SEED)  # noqa: S311  # nosec B311 - fictional demo data
    instruments = {i.name: i for i in Instrument.objects.filter(name__in=GOOD_INSTRUMENTS)}
    closed_addresses = []
    for number in range(CASES):
        lead = "stadswonen" if number % 3 == 2 else "linde"
        actor = seeder.lead_user[lead]
        opened_on = _workday(seeder.today - timedelta(days=rng.randint(30, 730)))
        recurring = closed_addresses and rng.random() < 0.15
        address = None
        if recurring:
            closed_on, address = rng.choice(closed_addresses)
            opened_on = _workday(closed_on + timedelta(days=rng.randint(20, 330)))
            if opened_on >= seeder.today:
                address = None
                opened_on = _workday(seeder.today - timedelta(days=rng.randint(30, 730)))
        primary = rng.choice(list(data.PRIMARY_CATEGORIES))
        if primary not in seeder.categories:
            continue
        plan = CasePlan(lead=lead, stage_index=0, categories=[primary], opened_on=opened_on)
        opened_at = seeder._at(opened_on)
        seeder.clock.at = opened_at
        case = services.create_case(
            actor=actor,
            categories=[seeder.categories[primary]],
            opened_on=opened_on,
            summary=rng.choice(data.SUMMARIES[primary]),
            **(address or seeder._address(plan)),
        )
        plan.case = case
        access = CaseAccess(case=case, user=actor, level=AccessLevel.VOLLEDIG)
        _melding(seeder, rng, access, opened_at, seeder.categories[primary])
        age = (seeder.today - opened_on).days
        moment, stage_index = opened_at, 0
        for _step in range(rng.randint(1, 5)):
            moment += timedelta(days=rng.randint(3, 60))
            if (moment.date() - opened_on).days >= age - 2:
                break
            stage_index += 1
            _move(seeder, case, stage_index, actor, seeder._at(_workday(moment.date())))
        good = rng.random() < 0.6
        if good and instruments and stage_index >= 2:
            instrument = instruments.get(rng.choice(GOOD_INSTRUMENTS))
            if instrument is not None:
                seeder.clock.at = moment
                services.add_measure(
                    actor=actor,
                    access=access,
                    instrument=instrument,
                    owner_organisation=actor.organisation,
                    start_date=moment.date(),
                )
        if age > 60 and rng.random() < 0.75:
            end = moment + timedelta(days=rng.randint(10, 120))
            if end.date() >= seeder.today:
                end = seeder._at(seeder.today - timedelta(days=1))
            _move(seeder, case, 6, actor, end - timedelta(days=1))
            plan.end_at = end
            seeder._close(plan, actor)
            # The figures need both kinds: ended well, and huur ontbonden (ended badly).
            code = "overlast-gestopt" if good else "huur-ontbonden"
            case = plan.case
            case.closing_result = CaseResult.objects.get(code=code)
            case.result = dict(data.RESULTS)[code]
            case._history_user = actor
            case.save()
            closed_addresses.append((case.closed_on, _address_of(case)))
        elif rng.random() < 0.3:
            services.add_action_item(
                actor=actor,
                access=access,
                title=rng.choice(["Huisbezoek afleggen", "Buurtonderzoek", "Brief sturen"]),
                owner_organisation=actor.organisation,
                due_on=seeder.today - timedelta(days=rng.randint(1, 40)),
            )


def _address_of(case) -> dict:
    fields = ("street", "house_number", "postcode", "city", "wijk")
    return {name: getattr(case, name) for name in fields}


def _melding(seeder, rng, access, opened_at, category) -> None:
    """The melding that opened the case, and (mostly) the first contact with its melder."""
    from cases.calendars.working_days import add_working_days

    seeder.clock.at = opened_at
    services.add_report(
        actor=access.user,
        access=access,
        received_at=opened_at - timedelta(hours=1),
        category=category,
        description=rng.choice(data.SUMMARIES[category.code]),
        source=rng.choice(list(ReportSource.values)),
        new_melder=seeder._melder(),
    )
    # Every demo case has its veroorzaker, as the register's own demo cases do.
    services.add_person(
        actor=access.user, access=access, role=PersonRole.VEROORZAKER, **seeder._new_person()
    )
    if rng.random() < 0.9:
        contact_on = add_working_days(opened_at, rng.choice([0, 1, 1, 2, 2, 3, 5]))
        services.add_note(
            actor=access.user,
            access=access,
            kind=NoteKind.TELEFONISCH,
            occurred_on=min(contact_on, seeder.today),
            text="Melder gebeld: melding besproken en vervolg uitgelegd.",
            visibility=Visibility.OWN_ORGANISATION,
            melder_contact=True,
        )
    else:
        # No contact yet: the attempt is in the logboek, it does not count as contact.
        services.add_note(
            actor=access.user,
            access=access,
            kind=NoteKind.TELEFONISCH,
            occurred_on=timezone.localdate(opened_at),
            text="Melder gebeld, niet bereikt; voicemail ingesproken.",
            visibility=Visibility.OWN_ORGANISATION,
        )


def _move(seeder, case, stage_index, actor, at) -> None:
    """Into a later stage as of `at`, with the kader in the event as the workflow records it."""
    old, new = case.stage, seeder._stage(case, stage_index)
    if old.pk == new.pk or at.date() > seeder.today:
        return
    case.stage, case.stage_entered_at = new, at
    case._history_user = actor
    case.save()
    Event.objects.create(
        case=case,
        kind=Event.Kind.STAGE_CHANGED,
        occurred_at=at,
        actor=actor,
        organisation_id=actor.organisation_id,
        data={
            "from": old.name,
            "to": new.name,
            "from_id": old.pk,
            "to_id": new.pk,
            "kader": new.kader,
        },
    )
