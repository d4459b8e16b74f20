"""Who gets what, per URL name: the table the matrix checks every discovered URL against.

Every URL name must be here with a rule for GET and for POST; a new URL fails the matrix
until it is classified. A rule is a function of the actor (tests/access_matrix/world.py)
giving the expected status; `OK` (200 or 302) is an allowed POST: the form again with its
errors, or done and redirected. For case data the app's rule is: an object the user may not
know about is 404 (and logged, checked by the matrix for every URL with the case's
reference), an action the role may not take at all is 403.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cases.models.choices import AccessLevel

from .world import RANK, Actor

OK = frozenset({200, 302})


@dataclass(frozen=True)
class Rule:
    get: Callable[[Actor], int]
    post: Callable[[Actor], int | frozenset]


def form(get: Callable[[Actor], int]) -> Rule:
    """A GET/POST page: whoever may open it may post to it (OK); the others get the same
    refusal as for the GET."""
    return Rule(get, lambda actor: OK if get(actor) in OK else get(actor))


def page(get: Callable[[Actor], int]) -> Rule:
    """A GET-only page: a POST is 405 for everyone, before any lookup."""
    return Rule(get, lambda actor: 405)


def action(post: Callable[[Actor], int | frozenset]) -> Rule:
    """A POST-only action: a GET is 405 for everyone, before any lookup."""
    return Rule(lambda actor: 405, post)


def everyone(status):
    return lambda actor: status


def case_page(minimum: str, allowed=lambda actor: True, refused: int = 403):
    """Case data: 404 below `minimum` (the case is not there for this reader), else 200
    when `allowed`, else `refused`."""

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


def inzage_of_lead(perm: str):
    """The world's inzageverzoek is the lead's: 404 for every other organisation's privacy
    officer, 403 for roles that handle no inzageverzoeken."""
    return lambda a: (200 if a.is_lead else 404) if a.perm(perm) else 403


def with_perm(perm: str, ok: int = 200):
    return lambda actor: ok if actor.perm(perm) else 403


# -- the casusoverleg: participants see the meeting, the coordinator manages it ---------------


def series_page(actor: Actor) -> int:
    return 200 if actor.in_series else 404


def coordinator_page(actor: Actor) -> int:
    """Another organisation's meeting does not exist (404); a participant who does not
    coordinate may not manage it (403)."""
    if not actor.in_series:
        return 404
    return 200 if actor.coordinates else 403


def coordinator_action(actor: Actor):
    status = coordinator_page(actor)
    return OK if status == 200 else status


def politie_copy(actor: Actor) -> int:
    """The politie's copy of the agenda: for the politie and the coordinator; for every
    other participant it is not there."""
    if not actor.in_series:
        return 404
    mine = actor.org_key == "politie" and RANK[actor.level] >= RANK[AccessLevel.PROCES]
    return 200 if actor.coordinates or mine else 404


def request_discussion(actor: Actor) -> int:
    if RANK[actor.level] < RANK[AccessLevel.PROCES]:
        return 404
    return 200 if actor.in_series and actor.perm("meetings.add_agendarequest") else 403


# -- configuration and users -----------------------------------------------------------------


def functional_admin(ok: int = 200):
    return lambda a: ok if a.perm("cases.change_workflow") else 403


def workflow_of_lead(ok: int = 200):
    """The workflow in this world is a draft of the lead organisation: 404 for the
    functional admins of every other organisation (regional ones included)."""
    return lambda a: (ok if a.is_lead else 404) if a.perm("cases.change_workflow") else 403


def member_of_lead(perm: str, ok: int = 200):
    """The Beheerder's pages of a user of the lead organisation: 404 for every other
    organisation's Beheerder, 403 for roles that manage no users."""
    return lambda a: (ok if a.is_lead else 404) if a.perm(perm) else 403


def as_post(get):
    return lambda actor: OK if get(actor) in OK else get(actor)


EXPECTATIONS: dict[str, Rule] = {
    "home": Rule(everyone(302), everyone(302)),
    "login": form(everyone(200)),
    "logout": action(everyone(302)),
    "password_change": form(everyone(200)),
    "password_change_done": page(everyone(200)),
    # A forgotten password goes through the Beheerder: an explanation, no form that mails.
    "password_reset": page(everyone(200)),
    "password_reset_done": Rule(everyone(302), everyone(302)),
    "password_reset_confirm": form(everyone(200)),  # an invalid link: says so
    "password_reset_complete": page(everyone(200)),
    # The user's own account: the same for everyone.
    "account:otp_verify": form(everyone(302)),  # no device: sent on to enrolment
    "account:otp_enrol": form(everyone(200)),
    "account:otp_backup_codes": page(everyone(302)),  # shown once, right after enrolment
    "account:otp_backup_codes_new": form(everyone(200)),
    "account:sessions": page(everyone(200)),
    "account:session_end_others": form(everyone(200)),
    "account:session_end": form(everyone(404)),  # someone else's session
    # Lists are cut to the reader by the door; the checks on content are the matrix's own.
    "cases:list": page(everyone(200)),
    "cases:shared_list": page(everyone(200)),
    "cases:my_actions": page(everyone(200)),
    "cases:create": form(with_perm("add_case")),
    "cases:accesslog": page(with_perm("view_accesslog")),
    "cases:accesslog_persons": page(with_perm("view_accesslog")),
    "cases:accesslog_person": page(privacy_of_lead),
    "cases:accesslog_case": page(privacy_of_lead),
    "cases:detail": page(case_page(AccessLevel.BESTAAN)),
    "cases:edit": form(
        case_page(AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_case"))
    ),
    # A case's addresses (issue 13): whoever may edit the case's details.
    "cases:address_move": form(
        case_page(AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_case"))
    ),
    "cases:address_add": form(
        case_page(AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_case"))
    ),
    "cases:address_remove": form(
        case_page(AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_case"))
    ),
    "cases:person_add": form(case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_caseperson"))),
    "cases:report_add": form(case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_report"))),
    "cases:note_add": form(case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_note"))),
    "cases:attachment_add": form(
        case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_attachment"))
    ),
    "cases:attachment": page(case_page(AccessLevel.VOLLEDIG)),
    "cases:transition": form(case_page(AccessLevel.VOLLEDIG, manages, refused=404)),
    # Closing and reopening (issue 13): the lead or the regisseur. The world's case is open, so
    # reopening it sends a manager back to the case page.
    "cases:close": form(case_page(AccessLevel.VOLLEDIG, manages)),
    "cases:reopen": form(
        lambda a: (
            404 if RANK[a.level] < RANK[AccessLevel.VOLLEDIG] else (302 if manages(a) else 403)
        )
    ),
    "cases:decision_add": form(case_page(AccessLevel.VOLLEDIG, manages)),
    "cases:share_add": form(case_page(AccessLevel.VOLLEDIG, manages)),
    "cases:hand_over": form(case_page(AccessLevel.VOLLEDIG, manages)),
    "cases:share_level": form(case_page(AccessLevel.VOLLEDIG, manages)),
    "cases:share_revoke": form(case_page(AccessLevel.VOLLEDIG, manages)),
    "cases:action_add": form(case_page(AccessLevel.PROCES, lambda a: a.perm("add_actionitem"))),
    # The actiepunt of the meeting is the politie's: the politie or the lead closes it.
    "cases:action_complete": action(
        as_post(
            case_page(
                AccessLevel.PROCES,
                lambda a: a.perm("change_actionitem") and a.org_key in ("politie", "lead"),
            )
        )
    ),
    "cases:measure_add": form(case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_measure"))),
    "cases:measure_edit": form(
        case_page(AccessLevel.VOLLEDIG, lambda a: a.is_lead and a.perm("change_measure"))
    ),
    # The procesdossier holds persons: made at volledig only; at proces the page says why
    # not (403), below it the case is not there (404). An empty POST is the form again.
    "cases:dossier": form(
        case_page(AccessLevel.PROCES, lambda a: RANK[a.level] >= RANK[AccessLevel.VOLLEDIG])
    ),
    # The AVG inzage (cases/documents/inzage): the privacy officer's, of their organisation.
    "inzage:list": page(with_perm("view_inzageverzoek")),
    "inzage:create": form(with_perm("add_inzageverzoek")),
    "inzage:detail": page(inzage_of_lead("view_inzageverzoek")),
    "inzage:pdf": page(inzage_of_lead("view_inzageverzoek")),
    "inzage:json": page(inzage_of_lead("view_inzageverzoek")),
    "inzage:extend": form(inzage_of_lead("change_inzageverzoek")),
    "inzage:close": form(inzage_of_lead("change_inzageverzoek")),
    # Notifications are the user's own; someone else's is 404.
    "notifications:list": page(everyone(200)),
    "notifications:open": page(everyone(404)),
    "notifications:mark_read": action(everyone(302)),
    "notifications:preference": form(everyone(200)),
    # Settings pages hold configuration, no case data: permission or 403.
    "instellingen:reminders": form(with_perm("cases.change_remindersettings")),
    "instellingen:reminders_default": form(with_perm("cases.manage_regional_defaults")),
    "instellingen:reminders_use_default": form(with_perm("cases.change_remindersettings")),
    # The working calendar's extra days: the world's day is the lead organisation's own, so
    # every other organisation's functional admin (and the default's keeper) gets 404.
    "instellingen:day_off_add": action(
        lambda a: OK if a.perm("cases.change_remindersettings") else 403
    ),
    "instellingen:day_off_add_default": action(
        lambda a: OK if a.perm("cases.manage_regional_defaults") else 403
    ),
    "instellingen:day_off_remove": form(
        lambda a: (200 if a.is_lead else 404) if a.perm("cases.change_remindersettings") else 403
    ),
    "instellingen:day_off_remove_default": form(
        lambda a: 404 if a.perm("cases.manage_regional_defaults") else 403
    ),
    # The privacy officer reads the bewaartermijnen; only who may add one may post.
    "instellingen:retention": Rule(
        with_perm("view_retentionrule"),
        lambda a: OK if a.perm("view_retentionrule") and a.perm("add_retentionrule") else 403,
    ),
    # The rule in this world is the lead organisation's own: anyone else's 404.
    "instellingen:retention_delete": form(
        lambda a: (200 if a.is_lead else 404) if a.perm("delete_retentionrule") else 403
    ),
    "instellingen:retention_report": page(with_perm("view_destructionrecord")),
    # The casusoverleg, with a real series, a held meeting and its documents.
    "meetings:list": page(everyone(200)),  # lists only the user's organisation's series
    "meetings:series_create": form(with_perm("meetings.add_series")),
    "meetings:plan": form(coordinator_page),
    "meetings:subscribe": form(series_page),
    "meetings:feed": page(everyone(200)),  # the token is the key: no login, no case data
    "meetings:request": form(request_discussion),
    "meetings:detail": page(series_page),
    "meetings:edit": form(coordinator_page),
    "meetings:status": action(coordinator_action),
    "meetings:ics": page(series_page),
    "meetings:request_decide": action(coordinator_action),
    "meetings:item": form(coordinator_page),
    "meetings:item_move": action(coordinator_action),
    "meetings:item_remove": form(coordinator_page),
    "meetings:documents": page(series_page),
    "meetings:document": page(politie_copy),
    # Stuurinformatie: aggregates only, never a case (cases/figures, docs/adr/0021).
    "figures:page": page(with_perm("cases.view_figures")),
    "figures:pdf": page(with_perm("cases.view_figures")),
    "figures:csv": page(with_perm("cases.view_figures")),
    # Users of an organisation, managed by its Beheerder.
    "users:list": page(with_perm("partners.view_user")),
    "users:add": form(with_perm("partners.add_user")),
    "users:detail": page(member_of_lead("partners.view_user")),
    "users:edit": form(member_of_lead("partners.change_user")),
    "users:deactivate": form(member_of_lead("partners.change_user")),
    "users:activate": form(member_of_lead("partners.change_user")),
    "users:reset_2fa": form(member_of_lead("partners.change_user")),
    "users:password_link": form(member_of_lead("partners.change_user")),
    # An unknown session of a known user: 404 for everyone who manages users.
    "users:session_end": form(member_of_lead("partners.change_user", ok=404)),
    # Workflows and instruments, kept by the functional admin.
    "beheer:index": page(
        lambda a: 200 if a.perm("cases.view_workflow") or a.perm("partners.view_user") else 403
    ),
    "beheer:workflows": page(functional_admin()),
    "beheer:use_default": form(functional_admin()),
    "beheer:instruments": page(functional_admin()),
    "beheer:instrument_add": form(functional_admin()),
    "beheer:instrument_edit": form(functional_admin()),
    "beheer:instrument_toggle": form(functional_admin()),
    "beheer:workflow": page(workflow_of_lead()),
    "beheer:draft_discard": form(workflow_of_lead()),
    "beheer:stage_add": form(workflow_of_lead()),
    "beheer:stage_edit": form(workflow_of_lead()),
    "beheer:transition_add": form(workflow_of_lead()),
    "beheer:transition_edit": form(workflow_of_lead()),
    "beheer:item_delete": form(workflow_of_lead()),
    "beheer:migrate": form(workflow_of_lead()),
    "beheer:draft_create": action(as_post(workflow_of_lead())),
    "beheer:copy": action(as_post(workflow_of_lead())),
    "beheer:publish": action(as_post(workflow_of_lead())),
}

# Letters (cases/documents/letters): made from a case at volledig by who may make letters;
# the templates are the functional admin's, the world's template is the lead organisation's.
EXPECTATIONS.update(
    {
        "letters:make": form(case_page(AccessLevel.VOLLEDIG, lambda a: a.perm("add_letter"))),
        "letters:templates": page(with_perm("cases.view_lettertemplate")),
        "letters:template_add": form(with_perm("cases.change_lettertemplate")),
        "letters:template_edit": form(
            lambda a: (200 if a.is_lead else 404) if a.perm("cases.change_lettertemplate") else 403
        ),
        "letters:letterhead": form(with_perm("cases.change_lettertemplate")),
    }
)

# Parameter names that mean different objects in different URLs (values naming a filler
# are looked up in the world's fillers).
URL_FILLERS = {
    "account:session_end": {"pk": 999_999},
    "beheer:item_delete": {"item_id": "draft_transition", "kind": "overgang"},
    "beheer:stage_edit": {"stage_id": "draft_stage"},
    "beheer:transition_edit": {"transition_id": "draft_transition"},
    "beheer:instrument_edit": {"pk": "instrument"},
    "beheer:instrument_toggle": {"pk": "instrument"},
    "users:session_end": {"session_id": 999_999},
    "cases:action_complete": {"item_id": "action_item"},
    "meetings:status": {"action": "verslag"},  # make the verslagen again
    "meetings:request_decide": {"meeting_id": "upcoming_meeting", "action": "accepteren"},
    "meetings:item": {"item_id": "agenda_item"},
    "meetings:item_move": {"item_id": "agenda_item"},
    "meetings:item_remove": {"item_id": "agenda_item"},
    "figures:csv": {"key": "instroom"},
    "letters:template_edit": {"pk": "letter_template"},
}

# What a POST sends: a valid choice where the page needs one to do anything at all.
POST_DATA = {
    "cases:share_level": {"level": AccessLevel.VOLLEDIG},
    "meetings:item_move": {"richting": "omhoog"},
}

# The Beheerder's API clients (partners.views_api_clients), like the users; the client id
# here is unknown, so 404 for everyone who manages clients.
EXPECTATIONS.update(
    {
        "api_clients:list": page(with_perm("partners.change_user")),
        "api_clients:add": form(with_perm("partners.change_user")),
        "api_clients:revoke": form(lambda a: 404 if a.perm("partners.change_user") else 403),
    }
)
URL_FILLERS.update(
    {
        "api:action_item_complete": {"item_id": "action_item"},
        "api_clients:revoke": {"client_id": 999_999},
    }
)

# The partner API (cases/api/) takes OAuth2 tokens only: a session opens none of it (401,
# for a GET and a POST alike). Who sees what with a token: tests/api/test_api_matrix.py, over
# the same routes. Anonymous visitors get the same answers (test_matrix, API_ANONYMOUS).
API_ANONYMOUS: dict[str, Rule] = {
    # POST only; a POST without client credentials or grant is refused by the toolkit.
    "api:token": Rule(everyone(405), everyone(frozenset({400, 401}))),
    "api:revoke_token": Rule(everyone(405), everyone(frozenset({400, 401}))),
    # No case data: the schema and its documentation are public.
    "api:schema": page(everyone(200)),
    "api:docs": page(everyone(200)),
    "api:not_found": Rule(everyone(404), everyone(404)),  # any other path under /api/
}
for _name in (
    "cases",
    "case",
    "reports",
    "notes",
    "measures",
    "measure",
    "action_items",
    "action_item_complete",
    "decisions",
    "timeline",
    "categories",
    "instruments",
):
    # The matrix posts a form; the API takes JSON only, and its token check reads the body
    # first: 415 (unsupported media type) or 401, never anything about the case.
    API_ANONYMOUS[f"api:{_name}"] = Rule(everyone(401), everyone(frozenset({401, 415})))
EXPECTATIONS.update(API_ANONYMOUS)
