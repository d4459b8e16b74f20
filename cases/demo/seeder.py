"""Fills the demo organisations with cases, persons, meldingen, logboek and shares."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.utils import timezone

from cases import services
from cases.access import CaseAccess
from cases.clock import PinnedClock as EventClock
from cases.demo import data
from cases.demo.history import seed_history
from cases.demo.measures import seed_measures
from cases.models import Case, CaseResult, Event, NuisanceCategory, Person
from cases.models.choices import (
    AccessLevel,
    LegalGround,
    NoteKind,
    PersonRole,
    ReportSource,
    Sensitivity,
    Visibility,
)
from cases.services import lifecycle

SEED = 2026


@dataclass
class CasePlan:
    lead: str
    stage_index: int
    categories: list[str]
    opened_on: date
    closed: bool = False
    closed_earlier_by: int = 0  # days before the usual closing window (data.CLOSED_EARLIER_BY)
    known_causer: bool = False  # the veroorzaker is known from an earlier case
    case: Case | None = None
    stage_times: dict[int, datetime] = field(default_factory=dict)
    end_at: datetime | None = None


class DemoSeeder:
    def __init__(self, organisations, users, clock: EventClock):
        self.organisations = organisations
        self.users = users
        self.clock = clock
        # Deterministic fictional demo data, no secrets: a seeded PRNG is what is wanted here.
        self.rng = random.Random(SEED)  # noqa: S311  # nosec B311
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.categories = {category.code: category for category in NuisanceCategory.objects.all()}
        self.lead_user = {"linde": users["consulent"], "stadswonen": users["consulent-b"]}
        self.addresses: set[tuple[str, str]] = set()
        self.causers: dict[str, list[Person]] = {"linde": [], "stadswonen": []}
        self.stages: dict[int, list] = {}
        self.used_texts: set[str] = set()

    # -- planning -------------------------------------------------------------------------

    def _plans(self) -> list[CasePlan]:
        primaries = list(data.PRIMARY_CATEGORIES)
        self.rng.shuffle(primaries)
        plans, closed = [], 0
        for index, stage_index in enumerate(data.STAGE_SPREAD):
            primary = primaries[index]
            codes = [primary]
            if self.rng.random() < 0.35:
                codes.append(self.rng.choice(data.RELATED_CATEGORIES[primary]))
            least, most = data.AGE_BY_STAGE[stage_index]
            opened_on = _workday(self.today - timedelta(days=self.rng.randint(least, most)))
            is_closed = stage_index == 6 and closed < 4
            earlier_by = data.CLOSED_EARLIER_BY[closed] if is_closed else 0
            opened_on -= timedelta(days=earlier_by)
            closed += is_closed
            plans.append(
                CasePlan(
                    lead="stadswonen" if index % 5 == 2 else "linde",
                    stage_index=stage_index,
                    categories=[code for code in codes if code in self.categories],
                    opened_on=opened_on,
                    closed=is_closed,
                    closed_earlier_by=earlier_by,
                    known_causer=index % 8 == 7,
                )
            )
        plans.sort(key=lambda plan: plan.opened_on)  # references follow the opening dates
        return plans

    def _at(self, day: date, earliest: int = 9, latest: int = 16) -> datetime:
        moment = time(self.rng.randint(earliest, latest), self.rng.choice([0, 10, 15, 30, 45]))
        return timezone.make_aware(datetime.combine(day, moment))

    def _between(self, start: datetime, end: datetime) -> datetime:
        fraction = self.rng.random()  # drawn even when unused: keeps the sequence stable
        return start + (end - start) * fraction if end > start else start

    def _pick(self, texts: list[str]) -> str:
        """A text not used in this case yet, while there are any."""
        fresh = [text for text in texts if text not in self.used_texts] or texts
        text = self.rng.choice(fresh)
        self.used_texts.add(text)
        return text

    def _address(self, plan: CasePlan) -> dict:
        while True:
            wijk = self.rng.choice(list(data.WIJKEN))
            digits, streets = data.WIJKEN[wijk]
            street_index = self.rng.randrange(len(streets))
            number = self.rng.randint(1, 160)
            suffix = self.rng.choice(["", "", "", "A", "-1", "-2", "bis"])
            house_number = f"{number}{suffix}"
            if (streets[street_index], house_number) not in self.addresses:
                break
        self.addresses.add((streets[street_index], house_number))
        letters = data.POSTCODE_LETTERS[(street_index * 2 + number // 80) % 13]
        return {
            "street": streets[street_index],
            "house_number": house_number,
            "postcode": f"{digits + number % 2} {letters}",
            "city": data.CITY,
            "wijk": wijk,
        }

    # -- seeding ----------------------------------------------------------------------------

    def run(self):
        plans = self._plans()
        for plan in plans:
            self._seed_case(plan)
        self._share(plans)
        seed_measures(self, plans)
        self._recurrence(plans)
        seed_history(self)  # two years for the figures page (cases/figures)
        self._move(plans)  # last, so the seeded random draws above stay as they were

    def _seed_case(self, plan: CasePlan):
        actor = self.lead_user[plan.lead]
        opened_at = self._at(plan.opened_on)
        self.used_texts: set[str] = set()
        self._plan_stages(plan, opened_at)

        self.clock.at = opened_at
        case = services.create_case(
            actor=actor,
            categories=[self.categories[code] for code in plan.categories],
            opened_on=plan.opened_on,
            summary=self.rng.choice(data.SUMMARIES[plan.categories[0]]),
            **self._address(plan),
        )
        plan.case = case
        access = CaseAccess(case=case, user=actor, level=AccessLevel.VOLLEDIG)

        self.clock.at = opened_at + timedelta(minutes=5)
        causer = self._persons(plan, access)
        self._reports(plan, access, opened_at)
        self._notes(plan, access, opened_at, causer)
        for stage_index, moment in sorted(plan.stage_times.items()):
            _move_to_stage(case, self._stage(case, stage_index), actor, moment)
        if plan.closed:
            self._close(plan, actor)

    def _plan_stages(self, plan: CasePlan, opened_at: datetime):
        """Entry times for every later stage the case went through, in order."""
        path = list(range(1, plan.stage_index + 1))
        if plan.stage_index >= 3 and self.rng.random() < 0.2:
            path.remove(2)  # onderzoek skipped: the facts were clear from the start
        if plan.closed:
            last_day = self.today - timedelta(
                days=self.rng.randint(14, 60) + plan.closed_earlier_by
            )
            plan.end_at = self._at(_workday(last_day), 13, 15)
            stop = plan.end_at - timedelta(days=self.rng.randint(35, 90))
        else:
            plan.end_at = self.now
            stop = self.now - timedelta(days=1)
        start = opened_at + timedelta(days=1)
        moments = sorted(self._between(start, stop) for _step in path)
        previous = opened_at
        for stage_index, moment in zip(path, moments, strict=True):
            moment = self._at(_workday(timezone.localdate(moment)))
            if moment <= previous:
                moment = previous + timedelta(hours=1)
            plan.stage_times[stage_index] = previous = min(moment, self.now)

    def _stage(self, case: Case, index: int):
        """The stage at `index` of the case's own workflow (the last one if it is shorter)."""
        if case.workflow_id not in self.stages:
            self.stages[case.workflow_id] = list(case.workflow.stages.order_by("order"))
        stages = self.stages[case.workflow_id]
        return stages[min(index, len(stages) - 1)]

    def _stage_on(self, plan: CasePlan, moment: datetime) -> int:
        current = 0
        for stage_index, entered in sorted(plan.stage_times.items()):
            if entered <= moment:
                current = stage_index
        return current

    def _new_person(self, last_name=None, adult=True) -> dict:
        first = self.rng.choice(data.FIRST_NAMES)
        last = last_name or self.rng.choice(data.LAST_NAMES)
        age = self.rng.randint(23, 78) if adult else self.rng.randint(18, 22)
        born = self.today - timedelta(days=age * 365 + self.rng.randint(0, 364))
        return {"first_name": first, "last_name": last, "birth_date": born}

    def _persons(self, plan: CasePlan, access: CaseAccess) -> Person:
        actor = access.user
        earlier = self.causers[plan.lead]
        if earlier and plan.known_causer:
            # Known from an earlier case: rehoused, or moved in with family.
            causer = self.rng.choice(earlier)
            services.add_person(
                actor=actor, access=access, role=PersonRole.VEROORZAKER, person=causer
            )
        else:
            causer = services.add_person(
                actor=actor, access=access, role=PersonRole.VEROORZAKER, **self._new_person()
            ).person
            earlier.append(causer)
        extra = self.rng.random()
        if extra < 0.55:
            same_household = self.rng.random() < 0.6
            services.add_person(
                actor=actor,
                access=access,
                role=PersonRole.BEWONER,
                **self._new_person(causer.last_name if same_household else None),
            )
        if extra < 0.15:
            services.add_person(
                actor=actor,
                access=access,
                role=PersonRole.BEWONER,
                **self._new_person(causer.last_name, adult=False),
            )
        return causer

    def _reports(self, plan: CasePlan, access: CaseAccess, opened_at: datetime):
        count = self.rng.randint(1, 2 + min(plan.stage_index, 3))
        last = plan.stage_times.get(6, plan.end_at) if plan.closed else plan.end_at
        melders: list[Person] = []
        for number in range(count):
            if number == 0:  # the melding that opened the case
                received_at = opened_at - timedelta(minutes=self.rng.randint(20, 2000))
                registered_at = opened_at + timedelta(minutes=10)
            else:
                received_at = self._between(opened_at + timedelta(hours=2), last)
                received_at = received_at.replace(hour=self.rng.choice([1, 8, 14, 19, 22, 23]))
                received_at = min(received_at, self.now - timedelta(hours=1))
                registered_at = min(received_at + timedelta(hours=2), self.now)
            code = self.rng.choice(plan.categories)
            source = self.rng.choice(data.REPORT_SOURCES)
            melder_fields = {}
            roll = self.rng.random()
            if source in (ReportSource.POLITIE, ReportSource.PARTNER):
                pass  # passed on by a partner: the melder is not known to us
            elif roll < 0.35:
                melder_fields = {"melder_anonymous": True}
            elif roll < 0.55 and melders:
                melder_fields = {"melder": self.rng.choice(melders)}
            elif roll < 0.9:
                melder_fields = {"new_melder": self._melder()}
            self.clock.at = registered_at
            report = services.add_report(
                actor=access.user,
                access=access,
                received_at=received_at,
                category=self.categories[code],
                description=self._pick(data.REPORTS[code]),
                source=source,
                **melder_fields,
            )
            if report.melder and report.melder not in melders:
                melders.append(report.melder)

    def _melder(self) -> dict:
        first = self.rng.choice(data.FIRST_NAMES)
        last = self.rng.choice(data.LAST_NAMES)
        local = f"{first[0]}.{last.replace(' ', '')}".lower()
        return {
            "first_name": first,
            "last_name": last,
            "email": f"{local}@{self.rng.choice(data.MAIL_DOMAINS)}",
        }

    def _notes(self, plan: CasePlan, access: CaseAccess, opened_at: datetime, causer: Person):
        count = self.rng.randint(1, min(4, 1 + plan.stage_index))
        moments = sorted(
            self._between(opened_at + timedelta(hours=3), plan.end_at) for _n in range(count)
        )
        case = access.case
        for moment in moments:
            day = min(_workday(timezone.localdate(moment)), self.today)
            day = max(day, plan.opened_on)
            kind = self.rng.choice(data.NOTE_KINDS_BY_STAGE[self._stage_on(plan, moment)])
            text = self._pick(data.NOTES[kind]).format(
                naam=causer.full_name, straat=f"{case.street} {case.house_number}"
            )
            self.clock.at = min(self._at(day), self.now)
            services.add_note(
                actor=access.user,
                access=access,
                kind=kind,
                occurred_on=day,
                text=text,
                visibility=(
                    Visibility.PARTICIPANTS
                    if self.rng.random() < 0.4
                    else Visibility.OWN_ORGANISATION
                ),
            )

    def _close(self, plan: CasePlan, actor):
        """Closed through the service, as a consulent would: a result, a note, informed."""
        code, note = self.rng.choice(data.RESULTS)
        self.clock.at = plan.end_at
        access = CaseAccess(case=plan.case, user=actor, level=AccessLevel.VOLLEDIG)
        # Work still running (a measure in the history) goes along into the nazorg.
        measures, items = lifecycle.open_work(access)
        plan.case = lifecycle.close_case(
            actor=actor,
            access=access,
            result=CaseResult.objects.get(code=code),
            note=note,
            closed_on=timezone.localdate(plan.end_at),
            carry_over={
                "measures": [m.pk for m in measures],
                "action_items": [i.pk for i in items],
            },
            melder_informed=True,
            veroorzaker_informed=code != "verhuisd",
            not_informed_reason="" if code != "verhuisd" else "Vertrokken zonder nieuw adres.",
        )

    def _recurrence(self, plans: list[CasePlan]):
        """The case closed longest ago gets a new melding after its nazorg, within the year,
        and is reopened: a reopened case is better than a fresh one."""
        closed = [plan for plan in plans if plan.closed]
        if not closed:
            return
        plan = min(closed, key=lambda p: p.end_at)
        actor = self.lead_user[plan.lead]
        access = CaseAccess(case=plan.case, user=actor, level=AccessLevel.VOLLEDIG)
        received_at = self._at(_workday(self.today - timedelta(days=9)))
        self.clock.at = received_at + timedelta(hours=1)
        code = plan.categories[0]
        services.add_report(
            actor=actor,
            access=access,
            received_at=received_at,
            category=self.categories[code],
            description=self._pick(data.REPORTS[code]),
            source=ReportSource.TELEFOON,
            melder_anonymous=True,
        )
        self.clock.at = received_at + timedelta(days=1)
        plan.case = lifecycle.reopen_case(
            actor=actor,
            access=access,
            reason=(
                "Na de nazorg opnieuw een melding op dit adres binnen het jaar: "
                "de zaak is heropend in plaats van een nieuwe zaak te openen."
            ),
        )

    def _move(self, plans: list[CasePlan]):
        """The oldest open case moved with its household a month ago: the demo shows a case
        with two addresses, and a new melding at the old one still finds it."""
        open_plans = [
            plan
            for plan in plans
            if not plan.closed and plan.opened_on <= self.today - timedelta(days=60)
        ]
        if not open_plans:
            return
        plan = min(open_plans, key=lambda p: p.opened_on)
        case = Case.objects.get(pk=plan.case.pk)
        wijk = case.wijk if case.wijk in data.WIJKEN else next(iter(data.WIJKEN))
        digits, streets = data.WIJKEN[wijk]
        street = next((name for name in streets if name != case.street), streets[0])
        number = next(n for n in range(7, 200) if (street, str(n)) not in self.addresses)
        self.addresses.add((street, str(number)))
        moved_on = _workday(self.today - timedelta(days=30))
        self.clock.at = self._at(moved_on)
        actor = self.lead_user[plan.lead]
        services.move_case_address(
            actor=actor,
            access=CaseAccess(case=case, user=actor, level=AccessLevel.VOLLEDIG),
            street=street,
            house_number=str(number),
            postcode=f"{digits + number % 2} {data.POSTCODE_LETTERS[number % 13]}",
            city=data.CITY,
            wijk=wijk,
            moved_on=moved_on,
            reason="Huishouden verhuisd binnen de wijk; de overlast gaat door op het nieuwe adres.",
        )
        plan.case = Case.objects.get(pk=case.pk)

    # -- sharing with ketenpartners ---------------------------------------------------------

    def _share(self, plans: list[CasePlan]):
        rng = self.rng
        later = [plan for plan in plans if plan.stage_index >= 3]
        escalated = [plan for plan in later if plan.stage_index in (4, 5)]
        rest = [plan for plan in later if plan.stage_index not in (4, 5)]
        rng.shuffle(rest)
        gemeente = escalated + rest[: max(0, 15 - len(escalated))]
        for plan in gemeente:
            escalated_case = plan.stage_index in (4, 5)
            self._participate(
                plan,
                "gemeente",
                AccessLevel.VOLLEDIG,
                LegalGround.CONVENANT if escalated_case else LegalGround.PUBLIEKE_TAAK,
            )

        police_cases = [
            plan
            for plan in plans
            if plan.stage_index >= 1 and {"intimidatie", "drugs"} & set(plan.categories)
        ]
        others = [plan for plan in plans if plan.stage_index >= 2 and plan not in police_cases]
        rng.shuffle(others)
        for plan in (police_cases + others)[:10]:
            self._participate(plan, "politie", AccessLevel.PROCES, LegalGround.CONVENANT)

        care = [
            plan for plan in plans if plan.stage_index >= 2 and "zorgwekkend" in plan.categories
        ]
        for number, plan in enumerate(care[:5]):
            ground = LegalGround.TOESTEMMING if number < 2 else LegalGround.CONVENANT
            self._participate(plan, "ggd", AccessLevel.VOLLEDIG, ground)

        linde = [plan for plan in plans if plan.lead == "linde" and plan.stage_index >= 2]
        for plan in rng.sample(linde, 2):
            self._participate(
                plan, "stadswonen", AccessLevel.BESTAAN, LegalGround.GERECHTVAARDIGD_BELANG
            )
        stadswonen = [plan for plan in plans if plan.lead == "stadswonen" and plan.stage_index >= 2]
        if stadswonen:
            self._participate(
                stadswonen[0], "linde", AccessLevel.BESTAAN, LegalGround.GERECHTVAARDIGD_BELANG
            )

        self._partner_notes(gemeente, care[:5])
        self._hand_over(escalated)

    def _participate(self, plan: CasePlan, org_key: str, level: str, ground: str):
        case = plan.case
        if case.lead_organisation_id == self.organisations[org_key].pk:
            return
        if case.participations.filter(organisation=self.organisations[org_key]).exists():
            return
        shared_at = plan.stage_times.get(
            4, plan.stage_times.get(3, plan.stage_times.get(2, self._share_fallback(plan)))
        )
        actor = self.lead_user[plan.lead]
        self.clock.at = shared_at + timedelta(hours=1)
        services.share_case(
            actor=actor,
            access=CaseAccess(case=case, user=actor, level=AccessLevel.VOLLEDIG),
            organisation=self.organisations[org_key],
            level=level,
            legal_ground=ground,
            convenant_name=data.CONVENANT if ground == LegalGround.CONVENANT else "",
        )

    def _share_fallback(self, plan: CasePlan) -> datetime:
        return timezone.make_aware(datetime.combine(plan.opened_on, time(12)))

    def _partner_notes(self, gemeente_plans: list[CasePlan], care_plans: list[CasePlan]):
        writers = [
            (self.users["gemeente"], plan, text, Visibility.PARTICIPANTS, Sensitivity.NONE)
            for plan, text in zip(gemeente_plans, data.GEMEENTE_NOTES, strict=False)
        ]
        if care_plans:
            writers.append(
                (self.users["ggd"], care_plans[0], data.GGD_NOTE, Visibility.OWN_ORGANISATION,
                 Sensitivity.ZORG)
            )  # fmt: skip
        for user, plan, text, visibility, sensitivity in writers:
            shared = plan.case.participations.get(organisation_id=user.organisation_id).shared_at
            moment = min(shared + timedelta(days=self.rng.randint(3, 20)), plan.end_at)
            day = min(_workday(timezone.localdate(moment)), self.today)
            self.clock.at = min(self._at(day), self.now)
            services.add_note(
                actor=user,
                access=CaseAccess(case=plan.case, user=user, level=AccessLevel.VOLLEDIG),
                kind=NoteKind.OVERLEG if user == self.users["gemeente"] else NoteKind.HUISBEZOEK,
                occurred_on=day,
                text=text,
                visibility=visibility,
                sensitivity=sensitivity,
            )

    def _hand_over(self, escalated: list[CasePlan]):
        """In two escalated cases the gemeente's coordinator became the casusregisseur."""
        for plan in [plan for plan in escalated if plan.lead == "linde"][:2]:
            actor = self.lead_user[plan.lead]
            self.clock.at = plan.stage_times[4] + timedelta(hours=2)
            plan.case = services.hand_over(
                actor=actor,
                access=CaseAccess(case=plan.case, user=actor, level=AccessLevel.VOLLEDIG),
                regisseur=self.users["coordinator"],
            )


def _move_to_stage(case: Case, stage, actor, at: datetime):
    """Put a case in a later stage as of `at` (there is no transition service yet)."""
    old = case.stage
    if old.pk == stage.pk:
        return
    case.stage = stage
    case.stage_entered_at = at
    case._history_user = actor
    case.save()
    Event.objects.create(
        case=case,
        kind=Event.Kind.STAGE_CHANGED,
        occurred_at=at,
        actor=actor,
        organisation_id=actor.organisation_id,
        data={"from": old.name, "to": stage.name},
    )


def _workday(day: date) -> date:
    """The day itself, or the Friday before a weekend day."""
    return day - timedelta(days=max(0, day.weekday() - 4))
