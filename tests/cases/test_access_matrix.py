"""The access matrix: every URL pattern × every organisation kind × every role.

The URL patterns are read from the resolver, so a new URL is covered automatically: the test
fails until it knows how to fill the URL's arguments (FILLERS) and who may see it
(EXPECTATIONS). For case data the rule is: a user whose organisation does not take part gets
404, never 403 or 200, and the attempt is logged. The admin is checked separately: it holds
configuration only, no case data.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest
from django.contrib import admin
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases import services
from cases.models import (
    AccessLog,
    Attachment,
    Case,
    CaseGroupObjectPermission,
    CasePerson,
    CaseUserObjectPermission,
    Decision,
    Event,
    Note,
    Notification,
    Participation,
    Person,
    Report,
    RetentionCategory,
    RetentionRule,
    Transition,
)
from cases.models.choices import AccessLevel, Visibility
from partners.models import Instrument, OrganisationKind
from partners.roles import ROLE_PERMISSIONS
from tests.factories import OrganisationFactory, UserFactory, access_for, add_person, make_case
from tests.factories import share as share_case

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"

# The organisation taking part in the case, per kind, and the level it has.
LEVELS = {
    "lead": AccessLevel.VOLLEDIG,  # the corporatie that brought the case in
    OrganisationKind.GEMEENTE: AccessLevel.VOLLEDIG,
    OrganisationKind.POLITIE: AccessLevel.PROCES,
    OrganisationKind.GGD: AccessLevel.BESTAAN,
    OrganisationKind.ZORG: None,
    OrganisationKind.OVERIG: None,
    "other-corporatie": None,
}
ROLES = list(ROLE_PERMISSIONS)
RANK = {None: 0, AccessLevel.BESTAAN: 1, AccessLevel.PROCES: 2, AccessLevel.VOLLEDIG: 3}


@dataclass
class Actor:
    user: object
    org_key: str
    role: str
    is_regisseur: bool = False

    @property
    def level(self):
        return LEVELS[self.org_key] if self.user.has_perm("cases.view_case") else None

    def perm(self, name: str) -> bool:
        return self.user.has_perm(f"cases.{name}")

    @property
    def is_lead(self):
        return self.org_key == "lead"

    def __str__(self):
        return f"{self.org_key}/{self.role}"


def case_page(minimum: str, allowed=lambda actor: True, refused: int = 403):
    """Expected status for case data: 404 below `minimum`, else 200 or `refused`."""

    def expect(actor: Actor) -> int:
        if RANK[actor.level] < RANK[minimum]:
            return 404
        return 200 if allowed(actor) else refused

    return expect


def manages(actor: Actor) -> bool:
    return (actor.is_lead or actor.is_regisseur) and actor.perm("change_case")


def privacy_of_lead(actor: Actor) -> int:
    if not actor.perm("view_accesslog"):
        return 403
    return 200 if actor.is_lead else 404


EXPECTATIONS = {
    "home": lambda actor: 302,
    "login": lambda actor: 200,
    "logout": lambda actor: 405,  # POST only
    "password_change": lambda actor: 200,
    "password_change_done": lambda actor: 200,
    "password_reset": lambda actor: 200,
    "password_reset_done": lambda actor: 200,
    "password_reset_confirm": lambda actor: 200,  # an invalid link: says so
    "password_reset_complete": lambda actor: 200,
    "cases:list": lambda actor: 200,
    "cases:shared_list": lambda actor: 200,
    "cases:create": lambda actor: 200 if actor.perm("add_case") else 403,
    "cases:accesslog": lambda actor: 200 if actor.perm("view_accesslog") else 403,
    "cases:accesslog_persons": lambda actor: 200 if actor.perm("view_accesslog") else 403,
    "cases:accesslog_person": privacy_of_lead,
    "cases:accesslog_case": privacy_of_lead,
    "cases:detail": case_page(AccessLevel.BESTAAN),
    "cases:edit": case_page(AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_case")),
    "cases:person_add": case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_caseperson")),
    "cases:report_add": case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_report")),
    "cases:note_add": case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_note")),
    "cases:attachment_add": case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_attachment")),
    "cases:attachment": case_page(AccessLevel.VOLLEDIG),
    "cases:transition": case_page(AccessLevel.VOLLEDIG, manages, refused=404),
    "cases:decision_add": case_page(AccessLevel.VOLLEDIG, manages),
    "cases:share_add": case_page(AccessLevel.VOLLEDIG, lambda a: manages(a)),
    "cases:hand_over": case_page(AccessLevel.VOLLEDIG, lambda a: manages(a)),
    "cases:share_level": case_page(AccessLevel.VOLLEDIG, lambda a: manages(a)),
    "cases:share_revoke": case_page(AccessLevel.VOLLEDIG, lambda a: manages(a)),
    "cases:my_actions": lambda actor: 200,
    "cases:action_add": case_page(AccessLevel.PROCES, lambda a: a.perm("add_actionitem")),
    "cases:action_complete": lambda actor: 405,  # POST only, refused before any lookup
    "cases:measure_add": case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_measure")),
    "cases:measure_edit": case_page(
        AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_measure")
    ),
    # The user's own account: the same for everyone.
    "account:otp_verify": lambda actor: 302,  # no device: sent on to enrolment
    "account:otp_enrol": lambda actor: 200,
    "account:otp_backup_codes": lambda actor: 302,  # shown once, right after enrolment
    "account:otp_backup_codes_new": lambda actor: 200,
    "account:sessions": lambda actor: 200,
    "account:session_end_others": lambda actor: 200,
    "account:session_end": lambda actor: 404,  # someone else's session
    # Notifications are the user's own; someone else's is 404.
    "notifications:list": lambda actor: 200,
    "notifications:open": lambda actor: 404,
    "notifications:mark_read": lambda actor: 405,
    "notifications:preference": lambda actor: 200,
    # Settings pages hold configuration, no case data: permission or 403.
    "instellingen:reminders": lambda a: (
        200 if a.user.has_perm("cases.change_remindersettings") else 403
    ),
    "instellingen:retention": lambda a: 200 if a.perm("view_retentionrule") else 403,
    "instellingen:reminders_default": lambda a: 200 if a.perm("manage_regional_defaults") else 403,
    "instellingen:reminders_use_default": lambda a: (
        200 if a.user.has_perm("cases.change_remindersettings") else 403
    ),
    # The rule in this world is the lead organisation's own: anyone else's 404.
    "instellingen:retention_delete": lambda a: (
        (200 if a.is_lead else 404) if a.perm("delete_retentionrule") else 403
    ),
    "instellingen:retention_report": lambda a: 200 if a.perm("view_destructionrecord") else 403,
    "meetings:list": lambda actor: 200,  # lists only the user's organisation's series
    "meetings:series_create": lambda a: 200 if a.user.has_perm("meetings.add_series") else 403,
    "meetings:request": lambda a: 404 if RANK[a.level] < RANK[AccessLevel.PROCES] else 403,
    # Ids of meetings this world does not hold (tests/meetings/test_views.py checks who sees
    # a real meeting); here: an unknown id is 404 for everyone, never an error page.
    "meetings:plan": lambda actor: 404,
    "meetings:subscribe": lambda actor: 404,
    "meetings:feed": lambda actor: 404,
    "meetings:detail": lambda actor: 404,
    "meetings:edit": lambda actor: 404,
    "meetings:status": lambda actor: 405,
    "meetings:ics": lambda actor: 404,
    "meetings:request_decide": lambda actor: 405,
    "meetings:item": lambda actor: 404,
    "meetings:item_move": lambda actor: 405,
    "meetings:item_remove": lambda actor: 404,
    "meetings:documents": lambda actor: 404,
    "meetings:document": lambda actor: 404,
}


def _functional_admin(ok: int):
    return lambda a: ok if a.user.has_perm("cases.change_workflow") else 403


def _workflow_of_lead(ok: int):
    """The workflow in this world is a draft of the lead organisation: 404 for the
    functional admins of every other organisation (regional ones included)."""
    return lambda a: (ok if a.is_lead else 404) if a.user.has_perm("cases.change_workflow") else 403


for _name, _ok in {
    "workflows": 200,
    "use_default": 200,
    "instruments": 200,
    "instrument_add": 200,
    "instrument_edit": 200,
    "instrument_toggle": 200,
}.items():
    EXPECTATIONS[f"beheer:{_name}"] = _functional_admin(_ok)
for _name in (
    "workflow",
    "draft_discard",
    "stage_add",
    "stage_edit",
    "transition_add",
    "transition_edit",
    "item_delete",
    "migrate",
):
    EXPECTATIONS[f"beheer:{_name}"] = _workflow_of_lead(200)
for _name in ("draft_create", "copy", "publish"):
    EXPECTATIONS[f"beheer:{_name}"] = lambda actor: 405  # POST only
EXPECTATIONS["beheer:index"] = lambda a: (
    200 if any(a.user.has_perm(p) for p in ("cases.view_workflow", "partners.view_user")) else 403
)


def _member_of_lead(perm: str, ok: int = 200):
    """The Beheerder's pages of a user of the lead organisation: 404 for every other
    organisation's Beheerder, 403 for roles that manage no users."""
    return lambda a: (ok if a.is_lead else 404) if a.user.has_perm(perm) else 403


EXPECTATIONS.update(
    {
        "users:list": lambda a: 200 if a.user.has_perm("partners.view_user") else 403,
        "users:add": lambda a: 200 if a.user.has_perm("partners.add_user") else 403,
        "users:detail": _member_of_lead("partners.view_user"),
        "users:edit": _member_of_lead("partners.change_user"),
        "users:deactivate": _member_of_lead("partners.change_user"),
        "users:activate": _member_of_lead("partners.change_user"),
        "users:reset_2fa": _member_of_lead("partners.change_user"),
        "users:password_link": _member_of_lead("partners.change_user"),
        # An unknown session of a known user: 404 for everyone who manages users.
        "users:session_end": _member_of_lead("partners.change_user", ok=404),
    }
)

# Parameter names that mean different objects in different URLs.
URL_FILLERS = {
    "account:session_end": {"pk": 999_999},
    "beheer:item_delete": {"item_id": "draft_transition", "kind": "overgang"},
    "beheer:stage_edit": {"stage_id": "draft_stage"},
    "beheer:transition_edit": {"transition_id": "draft_transition"},
    "users:session_end": {"session_id": 999_999},
    "cases:action_complete": {"item_id": "action_item"},
    "meetings:item": {"item_id": 999_999},
    "meetings:item_move": {"item_id": 999_999},
    "meetings:item_remove": {"item_id": 999_999},
    "beheer:instrument_edit": {"pk": "instrument"},
    "beheer:instrument_toggle": {"pk": "instrument"},
}

# Models holding case data: none may be in the admin, which would bypass the door and the log.
CASE_DATA_MODELS = [
    Case,
    Person,
    CasePerson,
    Report,
    Note,
    Attachment,
    Participation,
    Decision,
    Event,
    AccessLog,
    CaseGroupObjectPermission,
    CaseUserObjectPermission,
]


def url_patterns(patterns=None, prefix="", namespace=None, kwargs=()):
    """(name, kwarg names) of every URL pattern, the admin's apart."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        names = tuple(getattr(pattern.pattern, "converters", {})) or tuple(
            pattern.pattern.regex.groupindex
        )
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from url_patterns(pattern.url_patterns, prefix, ns, kwargs + names)
        elif isinstance(pattern, URLPattern):
            full_name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield namespace, full_name, kwargs + names


@pytest.fixture
def world(db):
    """A case of a corporatie, shared with partners of every kind at every level."""
    orgs = {
        "lead": OrganisationFactory(name="Corporatie A", kind=OrganisationKind.CORPORATIE),
        "other-corporatie": OrganisationFactory(
            name="Corporatie B", kind=OrganisationKind.CORPORATIE
        ),
    }
    for kind in (
        OrganisationKind.GEMEENTE,
        OrganisationKind.POLITIE,
        OrganisationKind.GGD,
        OrganisationKind.ZORG,
        OrganisationKind.OVERIG,
    ):
        orgs[kind] = OrganisationFactory(name=f"Partner {kind}", kind=kind)
    actors = [
        Actor(UserFactory(organisation=orgs[key], role=role), key, role)
        for key in orgs
        for role in ROLES
    ]
    regisseur = next(a for a in actors if a.is_lead and a.role == "Medewerker")
    regisseur.is_regisseur = True
    case = make_case(regisseur.user)
    for key, level in LEVELS.items():
        if key != "lead" and level is not None:
            share_case(case, orgs[key], level, regisseur.user)
    person = add_person(regisseur.user, case, first_name="Piet", last_name="Pot").person
    attachment = services.add_attachment(
        actor=regisseur.user,
        access=access_for(regisseur.user, case),
        upload=SimpleUploadedFile("brief.pdf", PDF),
        content_type="application/pdf",
        visibility=Visibility.PARTICIPANTS,
    )
    transition = Transition.objects.filter(workflow=case.workflow, from_stage=case.stage).first()
    assert transition is not None, "the default workflow has a way out of the first stage"
    instrument = Instrument.objects.filter(active=True).first()
    measure = services.add_measure(
        actor=regisseur.user,
        access=access_for(regisseur.user, case),
        instrument=instrument,
        owner_organisation=orgs["lead"],
        start_date=date(2026, 1, 5),
    )
    # Someone else's notification: every actor of the matrix must get 404 for it.
    notification = Notification.objects.create(
        recipient=UserFactory(organisation=orgs["lead"]),
        key="matrix",
        kind=Notification.Kind.STAGE_OVERDUE,
        text=case.reference,
        case=case,
    )
    rule = RetentionRule.objects.create(
        organisation=orgs["lead"], category=RetentionCategory.CASE, months_after_closure=24
    )
    # A draft workflow of the lead organisation, copied from the default by its own
    # functional admin: every other organisation's admin must get 404 for it.
    lead_admin = next(a for a in actors if a.is_lead and a.role == "Functioneel beheerder")
    draft = services.workflow_config.copy_workflow(actor=lead_admin.user, workflow=case.workflow)
    fillers = {
        "reference": case.reference,
        "attachment_id": attachment.pk,
        "transition_id": transition.pk,
        "participation_id": case.participations.get(organisation=orgs["politie"]).pk,
        "person_id": person.pk,
        "uidb64": "MQ",
        "token": "ongeldig-token",
        "pk": draft.pk,
        "draft_stage": draft.stages.order_by("order").first().pk,
        "draft_transition": draft.transitions.first().pk,
        "user_id": regisseur.user.pk,
        "stage_id": case.stage_id,
        "kind": "stage",
        "measure_id": measure.pk,
        "notification_id": notification.pk,
        "rule_id": rule.pk,
        "instrument": instrument.pk,
        "action_item": 999_999,
        "transition": transition.pk,
        "series_id": 999_999,
        "meeting_id": 999_999,
        "request_id": 999_999,
        "document_id": 999_999,
        "action": "accept",
    }
    return actors, fillers, case


def _urls(fillers):
    urls = []
    for namespace, name, kwarg_names in url_patterns():
        if namespace == "admin":
            continue
        own = URL_FILLERS.get(name, {})
        missing = [kwarg for kwarg in kwarg_names if kwarg not in fillers and kwarg not in own]
        assert not missing, f"{name}: cannot fill {missing}; add them to the access matrix"
        assert name in EXPECTATIONS, f"{name}: say in EXPECTATIONS who may see this URL"
        values = {}
        for kwarg in kwarg_names:
            value = own.get(kwarg, fillers.get(kwarg))
            values[kwarg] = fillers.get(value, value) if isinstance(value, str) else value
        urls.append((name, reverse(name, kwargs=values)))
    return urls


def test_every_url_for_every_organisation_kind_and_role(world):
    actors, fillers, case = world
    urls = _urls(fillers)
    assert len(urls) == len(EXPECTATIONS)
    mismatches = []
    for actor in actors:
        client = Client()
        client.force_login(actor.user, backend="partners.backends.UserBackend")
        for name, url in urls:
            denied_before = AccessLog.objects.filter(
                user=actor.user, outcome=AccessLog.Outcome.DENIED
            ).count()
            status = client.get(url).status_code
            expected = EXPECTATIONS[name](actor)
            if status != expected:
                mismatches.append(f"{actor} GET {name}: {status}, expected {expected}")
            denied_after = AccessLog.objects.filter(
                user=actor.user, outcome=AccessLog.Outcome.DENIED
            ).count()
            is_case_data = case.reference in url
            if status == 404 and is_case_data and denied_after != denied_before + 1:
                mismatches.append(f"{actor} GET {name}: 404 without a logged denial")
    assert mismatches == [], "\n".join(mismatches)


def test_non_participants_get_404_on_every_case_url_for_post_too(world):
    actors, fillers, case = world
    outsiders = [a for a in actors if LEVELS[a.org_key] is None]
    case_urls = [
        (n, u) for n, u in _urls(fillers) if n.startswith("cases:") and case.reference in u
    ]
    counts = {model: model.objects.count() for model in (Note, Report, Participation, Person)}
    stage = case.stage_id
    for actor in outsiders:
        client = Client()
        client.force_login(actor.user, backend="partners.backends.UserBackend")
        for name, url in case_urls:
            if name == "cases:accesslog_case":
                continue  # the privacy officer's page, in the GET matrix
            unknown = url.replace(case.reference, "WO-1999-99999")
            got = client.get(url).status_code
            # A POST-only action answers 405 to a GET whether the case exists or not.
            assert got in (404, 405), f"{actor} GET {name}: {got}"
            assert got == client.get(unknown).status_code, f"{actor} GET {name}"
            posted = client.post(url, {"level": "volledig"})
            # A GET-only page answers 405 to a POST whether the case exists or not.
            assert posted.status_code in (404, 405), f"{actor} POST {name}"
            assert posted.status_code == client.post(unknown).status_code, f"{actor} {name}"
            assert case.reference.encode() not in posted.content
    assert {model: model.objects.count() for model in counts} == counts
    case.refresh_from_db()
    assert case.stage_id == stage


def test_anonymous_users_are_sent_to_the_login(world):
    _actors, fillers, _case = world
    client = Client()
    public = {
        "login",
        "password_reset",
        "password_reset_done",
        "password_reset_confirm",
        "password_reset_complete",
    }
    for name, url in _urls(fillers):
        response = client.get(url)
        if name == "meetings:feed":
            # A calendar app cannot log in: the secret token is the key, an unknown one 404.
            assert response.status_code == 404, name
        elif name in public:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("login")) or name == "home"
    assert not AccessLog.objects.filter(outcome=AccessLog.Outcome.ALLOWED).exists()


def test_the_admin_holds_no_case_data():
    registered = set(admin.site._registry)
    assert registered.isdisjoint(CASE_DATA_MODELS), registered & set(CASE_DATA_MODELS)
