"""The access matrix: every URL pattern × every organisation kind × every role, in a real world.

The URL patterns are read from the resolver, so a new URL is covered automatically: the test
fails until it knows how to fill the URL's arguments (URL_FILLERS, the world's fillers) and
who may GET and POST it (expectations.EXPECTATIONS). The world (world.py) is a real case
shared at every level, a former partner, an outsider and a casusoverleg with its agenda
items, documents and calendar. Every organisation × role GETs every URL; the actors the
issue names also POST to every URL, each POST in a savepoint rolled back after it.

Besides the status: a 404 on a URL with a case reference is logged as a denied access and
answers exactly as for a reference that does not exist; a refused POST changes nothing; and
no page gives an actor a text of a level above its own (world.CASES).
"""

from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.contrib import admin
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import URLPattern, URLResolver, get_resolver, reverse

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
    Participation,
    Person,
    Report,
)

from .expectations import API_ANONYMOUS, EXPECTATIONS, POST_DATA, URL_FILLERS
from .world import CASES, MODEL_BACKEND, PERSON, RANK, Actor

pytestmark = pytest.mark.django_db

UNKNOWN_REFERENCE = "WO-1999-99999"
# The privacy officer's pages: who read which case or person. They name the case (and the
# person whose log it is, the subject of the page) without the privacy officer seeing the
# case, and the references the users of their organisation tried, refused ones included;
# never more of the case than that.
PRIVACY_PAGES = {
    "cases:accesslog",
    "cases:accesslog_case",
    "cases:accesslog_person",
    # The inzageverzoeken of the organisation name their person, and registering one offers
    # the persons the organisation knows (`access.privacy_persons`).
    "inzage:list",
    "inzage:create",
}
# The inzage pages answer a betrokkene with what the organisation holds about them: a
# privacy officer reads each case there at their organisation's level, not at their role's
# (which reads no cases at all). Above the organisation's level is still a leak.
INZAGE_PAGES = {"inzage:detail", "inzage:pdf", "inzage:json", "inzage:close"}

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


def url_patterns(patterns=None, namespace=None, kwargs=()):
    """(namespace, name, kwarg names) of every URL pattern."""
    if patterns is None:
        patterns = get_resolver().url_patterns
    for pattern in patterns:
        names = tuple(getattr(pattern.pattern, "converters", {})) or tuple(
            pattern.pattern.regex.groupindex
        )
        if isinstance(pattern, URLResolver):
            ns = pattern.namespace or namespace
            yield from url_patterns(pattern.url_patterns, ns, kwargs + names)
        elif isinstance(pattern, URLPattern):
            full_name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield namespace, full_name, kwargs + names


def discovered_urls(fillers) -> list[tuple[str, str]]:
    """(name, URL) of every URL pattern but the admin's, filled from the world."""
    urls = []
    for namespace, name, kwarg_names in url_patterns():
        if namespace == "admin":
            continue
        own = URL_FILLERS.get(name, {})
        missing = [kwarg for kwarg in kwarg_names if kwarg not in fillers and kwarg not in own]
        assert not missing, f"{name}: cannot fill {missing}; add them to the access matrix"
        assert name in EXPECTATIONS, f"{name}: say in expectations.py who may GET and POST it"
        values = {}
        for kwarg in kwarg_names:
            value = own.get(kwarg, fillers.get(kwarg))
            values[kwarg] = fillers.get(value, value) if isinstance(value, str) else value
        urls.append((name, reverse(name, kwargs=values)))
    return urls


@pytest.fixture
def urls(world):
    found = discovered_urls(world.fillers)
    assert {name for name, _url in found} == set(EXPECTATIONS), "a rule for a URL that is gone"
    return found


def login(actor: Actor) -> Client:
    client = Client()
    client.force_login(actor.user, backend=MODEL_BACKEND)
    return client


def leaks(world, actor: Actor, name: str, response) -> list[str]:
    """Texts in the response above the actor's level on each case of the world."""
    if response.streaming or not response.content:
        return []
    text = response.content.decode(errors="replace")
    found = []
    for key, known in CASES.items():
        level = actor.level_on(key)
        if name in INZAGE_PAGES and actor.perm("view_inzageverzoek"):
            level = CASES[key].levels[actor.org_key]
        if RANK[level] < RANK["volledig"]:
            found += [
                t for t in known.detail if t in text and not (name in PRIVACY_PAGES and t == PERSON)
            ]
        if RANK[level] < RANK["proces"]:
            found += [t for t in known.process if t in text]
        reference = world.cases[key].reference
        if level is None and name not in PRIVACY_PAGES and reference in text:
            found.append(reference)
    return found


def denied_count(actor: Actor) -> int:
    return AccessLog.objects.filter(user=actor.user, outcome=AccessLog.Outcome.DENIED).count()


# What a refused request may still write: its own access-log row, the session and the
# login bookkeeping of django-axes.
WRITES_OF_A_REFUSAL = re.compile(
    r'^(INSERT INTO|UPDATE|DELETE FROM) "(cases_accesslog|django_session|axes_)'
)
WRITE = re.compile(r"^(INSERT|UPDATE|DELETE)\b")


def writes(queries) -> list[str]:
    """The statements among `queries` that changed data other than a refusal may."""
    return [
        q["sql"][:120]
        for q in queries
        if WRITE.match(q["sql"]) and not WRITES_OF_A_REFUSAL.match(q["sql"])
    ]


def expected_matches(expected, status) -> bool:
    return status in expected if isinstance(expected, frozenset) else status == expected


def test_every_url_for_every_organisation_kind_and_role(world, urls):
    mismatches = []
    reference = world.case.reference
    for actor in world.actors:
        client = login(actor)
        for name, url in urls:
            before = denied_count(actor)
            response = client.get(url)
            expected = EXPECTATIONS[name].get(actor)
            if response.status_code != expected:
                mismatches.append(f"{actor} GET {name}: {response.status_code}, not {expected}")
            logged = denied_count(actor) - before
            if response.status_code == 404 and reference in url and logged != 1:
                mismatches.append(f"{actor} GET {name}: 404 without a logged denial")
            if found := leaks(world, actor, name, response):
                mismatches.append(f"{actor} GET {name}: shows {found}")
    assert mismatches == [], "\n".join(mismatches)


def _post(client, actor, url, data):
    """POST in a savepoint that is rolled back, so the world stays as it was for the next
    one: (response, whether it wrote anything, denied rows it logged)."""
    session = client.cookies.get(settings.SESSION_COOKIE_NAME)
    with transaction.atomic():
        denied = denied_count(actor)
        with CaptureQueriesContext(connection) as queries:
            response = client.post(url, data)
        changed = writes(queries.captured_queries)
        denied = denied_count(actor) - denied
        transaction.set_rollback(True)
    if session is not None:  # a logout or a new session key went with the rollback
        client.cookies[settings.SESSION_COOKIE_NAME] = session.value
    return response, changed, denied


def test_every_url_for_every_named_actor_by_post(world, urls):
    """POSTs of the lead consulent, the coordinator, a partner at each level, the former
    partner, an outsider, the privacy officer, the Beheerder and the functional admin."""
    named = [actor for actor in world.actors if actor.name]
    assert len(named) == 10
    reference = world.case.reference
    mismatches = []
    for actor in named:
        client = login(actor)
        for name, url in urls:
            data = POST_DATA.get(name, {})
            response, changed, denied = _post(client, actor, url, data)
            status = response.status_code
            expected = EXPECTATIONS[name].post(actor)
            if not expected_matches(expected, status):
                mismatches.append(f"{actor} POST {name}: {status}, not {sorted([expected])}")
            if status in (403, 404, 405) and changed:
                mismatches.append(f"{actor} POST {name}: refused ({status}) but wrote {changed}")
            if status == 404 and reference in url:
                if denied != 1:
                    mismatches.append(f"{actor} POST {name}: 404 with {denied} denials logged")
                unknown, *_ = _post(client, actor, url.replace(reference, UNKNOWN_REFERENCE), data)
                if unknown.status_code != 404:
                    mismatches.append(f"{actor} POST {name}: unknown case {unknown.status_code}")
            if found := leaks(world, actor, name, response):
                mismatches.append(f"{actor} POST {name}: shows {found}")
    assert mismatches == [], "\n".join(mismatches)


def test_anonymous_users_are_sent_to_the_login(world, urls):
    client = Client()
    public = {
        "login",
        "password_reset",
        "password_reset_confirm",
        "password_reset_complete",
    }
    for name, url in urls:
        response = client.get(url)
        if name in API_ANONYMOUS:
            # Tokens, not logins: 401, or the public schema, docs and token endpoint.
            assert response.status_code == API_ANONYMOUS[name].get(None), name
        elif name == "meetings:feed":
            # A calendar app cannot log in: the secret token is the key (an unknown one 404).
            assert response.status_code == 200, name
            assert world.case.reference.encode() not in response.content
            unknown = reverse("meetings:feed", args=["onbekend"])
            assert client.get(unknown).status_code == 404
        elif name == "password_reset_done":  # no reset mail is sent: back to the explanation
            assert response.status_code == 302, name
            assert response["Location"] == reverse("password_reset")
        elif name in public:
            assert response.status_code == 200, name
        else:
            assert response.status_code == 302, name
            assert response["Location"].startswith(reverse("login")) or name == "home"
    assert not AccessLog.objects.filter(user=None, outcome=AccessLog.Outcome.ALLOWED).exists()


def test_the_admin_holds_no_case_data():
    registered = set(admin.site._registry)
    assert registered.isdisjoint(CASE_DATA_MODELS), registered & set(CASE_DATA_MODELS)
