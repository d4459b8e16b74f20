"""The wijk filter lists the wijken of the cases in the view, whether the case tally gathered
them (no filter narrowed the figures) or a query of its own read them (a filter did)."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import make_case

pytestmark = pytest.mark.django_db

OWN_VIEW = ["Noord", "Oost", "Zuid"]  # A1, A7 (Noord), A3 (Zuid), B6 shared at proces (Oost)


def options_and_wijk_queries(client, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("figures:page"), query)
    options = [value for value, _label in response.context["form"].fields["wijk"].choices]
    separate = [q for q in captured if q["sql"].startswith('SELECT DISTINCT "cases_case"."wijk"')]
    return response, options[1:], len(separate)


@pytest.fixture
def west(region):
    """A wijk only an unshared case of corporatie B is in."""
    make_case(region.other, wijk="West", postcode="9999 ZZ")
    return region


@pytest.mark.parametrize(
    ("query", "separate_query"),
    [({}, 0), ({"wijk": "Zuid"}, 1), ({"resultaat": "goed"}, 1), ({"van": 60}, 0)],
)
def test_the_options_are_the_wijken_of_the_own_view_however_they_were_read(
    client, west, query, separate_query
):
    if "van" in query:  # a shorter period narrows no case out of the view
        query = {"van": (west.today - timedelta(days=query["van"])).isoformat()}
    client.force_login(west.consulent)
    response, options, separate = options_and_wijk_queries(client, query)
    assert response.status_code == 200
    assert options == OWN_VIEW  # not West: that case is not shared with the consulent
    if connection.vendor == "postgresql":  # the tally gathers wijken there (array_agg)
        assert separate == separate_query  # without a filter, no second pass over the cases
    else:
        assert separate == 1


def test_the_regional_view_lists_every_wijk_of_the_region(client, west):
    client.force_login(west.coordinator)
    for query in ({"weergave": "regio"}, {"weergave": "regio", "wijk": "West"}):
        response, options, _separate = options_and_wijk_queries(client, query)
        assert response.status_code == 200
        assert options == ["Noord", "Oost", "West", "Zuid"]


def test_a_wijk_outside_the_view_is_refused_in_dutch(client, west):
    client.force_login(west.consulent)
    response = client.get(reverse("figures:page"), {"wijk": "West"})
    assert response.status_code == 400
    assert "Selecteer een geldige keuze" in response.content.decode()


def test_the_form_selects_are_read_in_plain_queries(client, west):
    """The soort and organisation selects are one query each, not a server-side cursor
    (declare, fetch, close) on every figures page."""
    client.force_login(west.consulent)
    client.get(reverse("figures:page"))
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("figures:page"))
    assert response.status_code == 200
    assert [q["sql"] for q in captured if q["sql"].startswith("DECLARE")] == []
    page = response.content.decode()
    assert '<option value="geluid">Geluid</option>' in page
    assert f'<option value="{west.consulent.organisation_id}">' in page
