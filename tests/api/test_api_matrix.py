"""The access matrix of the API: every API route (read from the resolver, so a new route
fails here until it is classified) × organisations at every level, with a read and a write
token. Below the level a route needs: 404, the same as for an unknown case, and logged; a
read token never writes (403, whatever the case); at the level: the route answers."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from cases import services
from cases.models import AccessLog
from cases.models.choices import AccessLevel
from partners.models import Instrument, OrganisationKind
from tests.factories import OrganisationFactory, access_for, make_case, share

# route -> (method, the level it needs); None: no case in it.
ROUTES = {
    "api:cases": [("GET", None), ("POST", None)],
    "api:case": [("GET", AccessLevel.BESTAAN)],
    "api:reports": [("GET", AccessLevel.BESTAAN), ("POST", AccessLevel.VOLLEDIG)],
    "api:notes": [("GET", AccessLevel.BESTAAN), ("POST", AccessLevel.VOLLEDIG)],
    "api:measures": [("GET", AccessLevel.BESTAAN), ("POST", AccessLevel.VOLLEDIG)],
    "api:measure": [("PATCH", AccessLevel.VOLLEDIG)],
    "api:action_items": [("GET", AccessLevel.BESTAAN)],
    "api:action_item_complete": [("POST", AccessLevel.PROCES)],
    "api:decisions": [("GET", AccessLevel.BESTAAN)],
    "api:timeline": [("GET", AccessLevel.BESTAAN)],
    "api:categories": [("GET", None)],
    "api:instruments": [("GET", None)],
}
# Not part of the case API: covered in tests/cases/test_access_matrix.py and test_schema_*.
OTHER = {"api:token", "api:revoke_token", "api:schema", "api:docs", "api:not_found"}
RANK = {None: 0, AccessLevel.BESTAAN: 1, AccessLevel.PROCES: 2, AccessLevel.VOLLEDIG: 3}
# The lead last: once it completed the actiepunt, completing it again is a no-op for anyone.
WHO = {
    "gemeente": AccessLevel.VOLLEDIG,
    "politie": AccessLevel.PROCES,
    "ggd": AccessLevel.BESTAAN,
    "former": None,
    "outsider": None,
    "lead": AccessLevel.VOLLEDIG,
}


def api_routes(patterns=None, namespace=None, kwargs=()):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        names = tuple(getattr(pattern.pattern, "converters", {}))
        if isinstance(pattern, URLResolver):
            yield from api_routes(
                pattern.url_patterns, pattern.namespace or namespace, kwargs + names
            )
        elif isinstance(pattern, URLPattern) and namespace == "api":
            yield f"api:{pattern.name}", kwargs + names


def test_every_api_route_is_classified():
    names = {name for name, _kwargs in api_routes()}
    assert names - OTHER == set(ROUTES), "classify the new API route in ROUTES"


@pytest.fixture
def world(consulent, corporatie):
    case = make_case(consulent)
    orgs = {"lead": corporatie}
    for key, kind in [
        ("gemeente", OrganisationKind.GEMEENTE),
        ("politie", OrganisationKind.POLITIE),
        ("ggd", OrganisationKind.GGD),
        ("former", OrganisationKind.ZORG),
        ("outsider", OrganisationKind.OVERIG),
    ]:
        orgs[key] = OrganisationFactory(name=f"Matrix {key}", kind=kind)
    for key in ("gemeente", "politie", "ggd"):
        share(case, orgs[key], WHO[key], consulent)
    former = share(case, orgs["former"], AccessLevel.VOLLEDIG, consulent)
    services.revoke_share(actor=consulent, access=access_for(consulent, case), participation=former)
    measure = services.add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=Instrument.objects.filter(active=True).first(),
        owner_organisation=corporatie,
        start_date=date(2026, 1, 5),
    )
    item = services.add_action_item(
        actor=consulent,
        access=access_for(consulent, case),
        title="Actie",
        owner_organisation=corporatie,
        due_on=date(2027, 1, 5),
    )
    fillers = {"reference": case.reference, "measure_id": measure.pk, "item_id": item.pk}
    return case, orgs, fillers


def _call(api, method, url):
    if method == "GET":
        return api.get(url)
    if method == "PATCH":
        return api.patch(url, {"resultaat": "Bijgewerkt door de matrix."})
    return api.post(url, {})


@pytest.mark.parametrize("write", [False, True], ids=["read", "write"])
def test_every_route_for_every_level(world, api_for, write, settings):
    settings.API_THROTTLE_RATE = "100000/minute"
    case, orgs, fillers = world
    mismatches = []
    for who, level in WHO.items():
        api = api_for(orgs[who], write=write)
        for name, kwarg_names in api_routes():
            if name in OTHER:
                continue
            url = reverse(name, kwargs={k: fillers[k] for k in kwarg_names})
            for method, minimum in ROUTES[name]:
                denied = AccessLog.objects.filter(
                    user=api.user, outcome=AccessLog.Outcome.DENIED
                ).count()
                status = _call(api, method, url).status_code
                if method != "GET" and not write:
                    expected = {403}
                elif minimum is not None and RANK[level] < RANK[minimum]:
                    expected = {404}
                elif method == "GET":
                    expected = {200}
                elif name == "api:cases":
                    expected = {400}  # an empty body: field errors
                elif name in ("api:reports", "api:notes", "api:measures"):
                    expected = {400}
                else:
                    # The corporatie's measure and actiepunt: its own, or a partner's 403.
                    expected = {200} if who == "lead" else {403}
                if status not in expected:
                    mismatches.append(f"{who} {method} {name}: {status}, expected {expected}")
                after = AccessLog.objects.filter(
                    user=api.user, outcome=AccessLog.Outcome.DENIED
                ).count()
                if status == 404 and after != denied + 1:
                    mismatches.append(f"{who} {method} {name}: 404 without a logged denial")
                if status == 404:
                    unknown = _call(api, method, url.replace(case.reference, "WO-1999-99999"))
                    if unknown.status_code != 404:
                        mismatches.append(f"{who} {method} {name}: unknown case differs")
    assert mismatches == [], "\n".join(mismatches)
