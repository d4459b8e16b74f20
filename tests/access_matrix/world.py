"""The real world of the access matrix, built through the services as the app builds it.

One case of a corporatie, shared at every level with a partner of every kind, a former
partner whose share was revoked after the casusoverleg, and an outsider; a casusoverleg
series with a held meeting (agenda items, notulen, besluit, actiepunt, agenda and verslag
PDFs) and an upcoming one with a pending request; a calendar subscription. Every
organisation has a user in every role, so the matrix runs every organisation kind × role.

Distinctive texts let a test see whether a page gave away more than the reader's level:
DETAIL_TEXTS only at `volledig`, PROCESS_TEXTS from `proces`, the reference from `bestaan`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

import time_machine
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.calendars import working_days
from cases.documents.inzage.services import register_inzageverzoek
from cases.documents.letters.seed import seed_letter_templates
from cases.models import RetentionCategory, RetentionRule, Transition
from cases.models.choices import AccessLevel, PersonRole, Visibility
from cases.models.decisions import Decision
from cases.notifications.models import Notification
from cases.notifications.services import add_extra_day_off, notify
from cases.retention.services import save_retention_rule
from meetings import documents as meeting_documents
from meetings import services as meeting_services
from meetings.models import CalendarToken, Meeting, MeetingDocument, Series
from partners.models import Instrument, OrganisationKind
from partners.roles import ROLE_PERMISSIONS
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    add_note,
    add_person,
    add_report,
    make_case,
)
from tests.factories import share as share_case

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
MODEL_BACKEND = "partners.backends.UserBackend"

# What each organisation has on the main case now (None: nothing).
LEVELS = {
    "lead": AccessLevel.VOLLEDIG,  # the corporatie that brought the case in
    "gemeente": AccessLevel.VOLLEDIG,  # coordinates the casusoverleg
    "politie": AccessLevel.PROCES,
    "ggd": AccessLevel.BESTAAN,
    "zorg": AccessLevel.VOLLEDIG,
    "former": None,  # was at proces, revoked after the meeting
    "outsider": None,  # another corporatie: never shared, not in the overleg
}
KINDS = {
    "lead": OrganisationKind.CORPORATIE,
    "gemeente": OrganisationKind.GEMEENTE,
    "politie": OrganisationKind.POLITIE,
    "ggd": OrganisationKind.GGD,
    "zorg": OrganisationKind.ZORG,
    "former": OrganisationKind.OVERIG,
    "outsider": OrganisationKind.CORPORATIE,
}
IN_SERIES = {"lead", "gemeente", "politie", "ggd", "zorg", "former"}
ROLES = list(ROLE_PERMISSIONS)
RANK = {None: 0, AccessLevel.BESTAAN: 1, AccessLevel.PROCES: 2, AccessLevel.VOLLEDIG: 3}

# The actors the issue names; each also gets every POST of the matrix.
NAMED = {
    "lead consulent": ("lead", "Medewerker"),
    "coordinator": ("gemeente", "Coordinator"),
    "partner at bestaan": ("ggd", "Medewerker"),
    "partner at proces": ("politie", "Medewerker"),
    "partner at volledig": ("zorg", "Medewerker"),
    "former partner": ("former", "Medewerker"),
    "outsider": ("outsider", "Medewerker"),
    "privacy officer": ("lead", "Privacy officer"),
    "beheerder": ("lead", "Beheerder"),
    "functioneel beheerder": ("lead", "Functioneel beheerder"),
}

STREET = "Lijsterbesstraat"
# An earlier address of the main case's household (docs/adr/0030): an address, volledig only.
EARLIER_STREET = "Vlierbesstraat"
SUMMARY = "Matrixzaak: nachtelijk geschreeuw en bedreiging van de buren."
PERSON = "Pottenbakker"
MINUTES = "Matrixnotulen: bewoner erkent de overlast."
DECISION = "Matrixbesluit: opschalen naar drang."
QUESTION = "Matrixvraag: wie legt het huisbezoek af?"
ACTION = "Matrixactie: huisbezoek plannen"
QUESTION_LOWERED = "Matrixvraag twee: is er een zorgmelding nodig?"
LOWERED_STREET = "Berkenlaan"


@dataclass(frozen=True)
class Known:
    """What each organisation has on a case, and the texts that betray each level."""

    levels: dict
    detail: tuple[str, ...]  # only at volledig
    process: tuple[str, ...]  # from proces


CASES = {
    "main": Known(
        LEVELS, (STREET, EARLIER_STREET, SUMMARY, PERSON, MINUTES, DECISION), (QUESTION, ACTION)
    ),
    # Discussed while the gemeente had it at proces; lowered to bestaan since.
    "lowered": Known(
        {key: None for key in LEVELS}
        | {"lead": AccessLevel.VOLLEDIG, "gemeente": AccessLevel.BESTAAN},
        (LOWERED_STREET,),
        (QUESTION_LOWERED,),
    ),
}


@dataclass
class Actor:
    user: object
    org_key: str
    role: str
    name: str = ""  # the name for the actor, if it is one of NAMED
    is_regisseur: bool = False

    def perm(self, name: str) -> bool:
        return self.user.has_perm(name if "." in name else f"cases.{name}")

    @property
    def level(self):
        """The level on the main case (the level of the organisation, if the role may
        read cases at all)."""
        return LEVELS[self.org_key] if self.perm("view_case") else None

    def level_on(self, case_key: str):
        return CASES[case_key].levels[self.org_key] if self.perm("view_case") else None

    @property
    def is_lead(self):
        return self.org_key == "lead"

    @property
    def in_series(self) -> bool:
        """Sees the casusoverleg: its organisation takes part and the role reads meetings."""
        return self.org_key in IN_SERIES and self.perm("meetings.view_meeting")

    @property
    def coordinates(self) -> bool:
        return self.org_key == "gemeente" and self.perm("meetings.change_meeting")

    def __str__(self):
        return f"{self.name or self.org_key}/{self.role}"


@dataclass
class World:
    cases: dict  # CASES key -> case
    orgs: dict
    actors: list[Actor]
    case: object  # the main case
    case_lowered: object  # gemeente at proces when discussed, since lowered to bestaan
    series: Series
    meeting: Meeting  # held, with notulen, besluit and actiepunt
    upcoming: Meeting  # planned, with a pending request
    item: object  # the main case's agenda item
    item_lowered: object  # the agenda item the coordinator no longer sees
    docs: dict = field(default_factory=dict)  # (kind, org key or "chair") -> document
    withdrawn: dict = field(default_factory=dict)  # (kind, org key) -> withdrawn copy
    fillers: dict = field(default_factory=dict)

    def named(self, name: str) -> Actor:
        return next(actor for actor in self.actors if actor.name == name)

    def actor(self, org_key: str, role: str) -> Actor:
        return next(a for a in self.actors if a.org_key == org_key and a.role == role)


def _generate(document) -> MeetingDocument:
    assert meeting_documents.generate(document.pk) == "ready"
    document.refresh_from_db()
    return document


def _by_org(made, orgs) -> dict:
    keys = {org.pk: key for key, org in orgs.items()}
    return {keys.get(doc.organisation_id, "chair"): doc for doc in made}


def build_world() -> World:  # noqa: PLR0915 (one story, told in order)
    orgs = {
        key: OrganisationFactory(name=f"Matrix {key} ({KINDS[key]})", kind=KINDS[key])
        for key in LEVELS
    }
    actors = []
    for key in orgs:
        for role in ROLES:
            name = next((n for n, (k, r) in NAMED.items() if (k, r) == (key, role)), "")
            user = UserFactory(organisation=orgs[key], role=role, email=f"{key}{len(actors)}@x.nl")
            actors.append(Actor(user, key, role, name))
    by = {actor.name: actor for actor in actors if actor.name}
    consulent = by["lead consulent"]
    consulent.is_regisseur = True
    coordinator = by["coordinator"].user
    lead = consulent.user

    # Three weeks ago: the case is opened and shared, the overleg planned and prepared.
    now = timezone.localtime()
    three_weeks_ago = now - timedelta(days=21)
    held_at = timezone.make_aware(
        datetime.combine(timezone.localdate(three_weeks_ago) + timedelta(days=7), time(10, 0))
    )
    with time_machine.travel(three_weeks_ago, tick=False):
        case = make_case(
            lead, street=STREET, house_number="77", postcode="3011 AB", summary=SUMMARY
        )
        earlier_address = services.add_case_address(
            actor=lead,
            access=access_for(lead, case),
            street=EARLIER_STREET,
            house_number="9",
            postcode="3011 AD",
            city="Utrecht",
            note="eerder adres",
        )
        add_person(lead, case, PersonRole.VEROORZAKER, first_name="Piet", last_name=PERSON)
        add_report(lead, case)
        add_note(lead, case, visibility=Visibility.PARTICIPANTS)
        for key in ("gemeente", "politie", "ggd", "zorg"):
            share_case(case, orgs[key], LEVELS[key], lead)
        former_share = share_case(case, orgs["former"], AccessLevel.PROCES, lead)
        case_lowered = make_case(lead, street=LOWERED_STREET, house_number="5", postcode="3011 AC")
        lowered_share = share_case(case_lowered, orgs["gemeente"], AccessLevel.PROCES, lead)

        series = meeting_services.create_series(
            actor=coordinator,
            name="Casusoverleg Matrix",
            area="Matrixstad",
            rhythm=Series.Rhythm.TWO_WEEKLY,
            default_location="Stadhuis, zaal 1",
            cutoff_working_days=1,
            participants=[orgs[key] for key in IN_SERIES],
        )
        meeting = meeting_services.plan_meeting(
            actor=coordinator, series=series, starts_at=held_at, chair=coordinator
        )
        items = {}
        for one in (case, case_lowered):
            request = meeting_services.request_discussion(
                actor=lead,
                access=access_for(lead, one),
                series=series,
                question=QUESTION if one == case else QUESTION_LOWERED,
                partners_needed=[orgs["politie"]],
            )
            items[one.pk] = meeting_services.accept_request(actor=coordinator, request=request)
        made = _by_org(meeting_services.send_agenda(actor=coordinator, meeting=meeting), orgs)
        docs = {}
        for key in ("chair", "politie", "ggd", "former", "zorg"):
            docs[("agenda", key)] = _generate(made[key])

    # The meeting was held: notulen, a besluit and an actiepunt, and the verslag.
    with time_machine.travel(held_at + timedelta(hours=2), tick=False):
        meeting_services.mark_held(actor=coordinator, meeting=meeting)
        item = items[case.pk]
        meeting_services.record_outcome(
            actor=coordinator,
            item=item,
            next_review_on=timezone.localdate() + timedelta(days=28),
            betrokkene_informed=True,
            minutes=MINUTES,
            agreements="Matrixafspraak: geen muziek na 22 uur.",
        )
        meeting_services.record_item_decision(
            actor=coordinator, item=item, kind=Decision.Kind.ESCALATE, text=DECISION
        )
        action = meeting_services.add_item_action(
            actor=coordinator,
            item=item,
            title=ACTION,
            owner_organisation=orgs["politie"],
            due_on=timezone.localdate() + timedelta(days=14),
        )
        made = _by_org(
            meeting_services.request_documents(
                actor=coordinator, meeting=meeting, kind=MeetingDocument.Kind.MINUTES
            ),
            orgs,
        )
        for key in ("chair", "politie", "former", "zorg"):
            docs[("verslag", key)] = _generate(made[key])

    # Today: an upcoming meeting with a request waiting for the coordinator.
    start = now.replace(hour=10, minute=0, second=0, microsecond=0)
    upcoming = meeting_services.plan_meeting(
        actor=coordinator, series=series, starts_at=start + timedelta(days=14)
    )
    pending = meeting_services.request_discussion(
        actor=lead,
        access=access_for(lead, case),
        series=series,
        question="Matrixvraag voor het volgende overleg.",
    )
    assert pending.meeting == upcoming

    # The record of the case beyond the meeting: a bijlage, a maatregel, a decision.
    attachment = services.add_attachment(
        actor=lead,
        access=access_for(lead, case),
        upload=SimpleUploadedFile("brief.pdf", PDF),
        content_type="application/pdf",
        visibility=Visibility.PARTICIPANTS,
    )
    instrument = Instrument.objects.filter(active=True).first()
    measure = services.add_measure(
        actor=lead,
        access=access_for(lead, case),
        instrument=instrument,
        owner_organisation=orgs["lead"],
        start_date=date(2026, 1, 5),
    )

    # Access drops after the documents were made; the receivers run after the commit (here:
    # captured and run, with Celery eager so the replacements are made in-process).
    with TestCase.captureOnCommitCallbacks(execute=True):
        services.revoke_share(
            actor=lead,
            access=access_for(lead, case),
            participation=former_share,
            reason="Samenwerking beëindigd",
        )
        services.change_share_level(
            actor=lead,
            access=access_for(lead, case_lowered),
            participation=lowered_share,
            level=AccessLevel.BESTAAN,
        )
    withdrawn = {}
    for (kind, key), old in list(docs.items()):
        old.refresh_from_db()
        if old.status == MeetingDocument.Status.WITHDRAWN:
            withdrawn[(kind, key)] = old
            docs[(kind, key)] = meeting.documents.get(
                kind=old.kind,
                organisation_id=old.organisation_id,
                status=MeetingDocument.Status.READY,
            )
    # The former partner's copies went (the case was in them), and the chair's (the
    # coordinator's own organisation now sees the lowered case at bestaan only).
    assert set(withdrawn) == {
        (kind, key) for kind in ("agenda", "verslag") for key in ("former", "chair")
    }, set(withdrawn)

    # A calendar subscription, asked for on its page as a user does.
    client = Client()
    client.force_login(lead, backend=MODEL_BACKEND)
    assert client.post(reverse("meetings:subscribe", args=[series.pk])).status_code == 200
    token = CalendarToken.objects.get(user=lead, series=series).token

    # Someone else's notification, a retention rule and a draft workflow of the lead.
    colleague = UserFactory(organisation=orgs["lead"])
    (notification,) = notify(
        [colleague], key="matrix", kind=Notification.Kind.STAGE_OVERDUE, text="Matrix", case=case
    )
    lead_admin = by["functioneel beheerder"].user
    rule = save_retention_rule(
        actor=lead_admin,
        rule=RetentionRule(
            organisation=orgs["lead"], category=RetentionCategory.CASE, months_after_closure=24
        ),
    )
    # An extra day off of the lead organisation's working calendar (a weekday, no holiday).
    day = timezone.localdate() + timedelta(days=7)
    while not working_days.is_working_day(day):
        day += timedelta(days=1)
    day_off = add_extra_day_off(
        actor=lead_admin, organisation_id=orgs["lead"].pk, day=day, description="Brugdag"
    )
    draft = services.workflow_config.copy_workflow(actor=lead_admin, workflow=case.workflow)
    seed_letter_templates([orgs["lead"]])
    letter_template = orgs["lead"].letter_templates.order_by("pk").first()
    transition = Transition.objects.filter(workflow=case.workflow, from_stage=case.stage).first()
    assert transition is not None, "the default workflow has a way out of the first stage"

    world = World(
        cases={"main": case, "lowered": case_lowered},
        orgs=orgs,
        actors=actors,
        case=case,
        case_lowered=case_lowered,
        series=series,
        meeting=meeting,
        upcoming=upcoming,
        item=items[case.pk],
        item_lowered=items[case_lowered.pk],
        docs=docs,
        withdrawn=withdrawn,
    )
    # An inzageverzoek of the lead's privacy officer about the veroorzaker of the main case.
    verzoek = register_inzageverzoek(
        actor=by["privacy officer"].user,
        person=case.case_persons.get().person,
        received_on=timezone.localdate(),
        identity_checked_by="Matrix: paspoort gezien",
    )
    world.fillers = {
        "verzoek_id": verzoek.pk,
        "reference": case.reference,
        "attachment_id": attachment.pk,
        "transition_id": transition.pk,
        "participation_id": case.participations.get(organisation=orgs["politie"]).pk,
        "person_id": case.case_persons.get().person_id,
        "uidb64": "MQ",
        "token": token,
        "pk": draft.pk,
        "draft_stage": draft.stages.order_by("order").first().pk,
        "draft_transition": draft.transitions.first().pk,
        "user_id": lead.pk,
        "stage_id": case.stage_id,
        "kind": "stage",
        "measure_id": measure.pk,
        "address_id": earlier_address.pk,
        "notification_id": notification.pk,
        "rule_id": rule.pk,
        "day_off_id": day_off.pk,
        "instrument": instrument.pk,
        "letter_template": letter_template.pk,
        "action_item": action.pk,
        "transition": transition.pk,
        "series_id": series.pk,
        "meeting_id": meeting.pk,
        "upcoming_meeting": upcoming.pk,
        "request_id": pending.pk,
        "agenda_item": items[case.pk].pk,
        # The politie's copy of the agenda: politie and the coordinator may download it.
        "document_id": docs[("agenda", "politie")].pk,
        "action": "accept",
    }
    return world
