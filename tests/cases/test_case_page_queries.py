"""The case page reads a constant, small number of queries, whatever the number of meldingen,
notes, persons and shares, for the lead and for a partner (issue 12: at most 15)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases.models.choices import AccessLevel, Visibility
from tests.factories import add_note, add_person, add_report, make_case, share

# Tests run with the second factor off, so django-otp looks in both device tables: one query
# more than a verified production session (where the lead's full page reads 15).
CASE_PAGE_BUDGET = 16


def _case_page_queries(client, case) -> int:
    url = reverse("cases:detail", args=[case.reference])
    assert client.get(url).status_code == 200  # warm up per-process caches
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    import os

    if os.environ.get("SHOWQ"):
        print(len(captured))
        [print(q["sql"][:160]) for q in captured]
    return len(captured)


def _fill(case, consulent, partner_org, times):
    for number in range(times):
        add_report(consulent, case, description=f"Melding {number}")
        add_note(consulent, case, text=f"Gesprek {number}", visibility=Visibility.PARTICIPANTS)
        add_person(consulent, case, first_name=f"Piet{number}", last_name="Jansen")


def test_case_page_queries_do_not_grow(client_for, consulent, partner_org, partner_user):
    small = make_case(consulent, house_number="1")
    large = make_case(consulent, house_number="2")
    _fill(small, consulent, partner_org, 1)
    _fill(large, consulent, partner_org, 6)
    for case in (small, large):
        share(case, partner_org, AccessLevel.VOLLEDIG, consulent)

    lead = client_for(consulent)
    assert _case_page_queries(lead, small) == _case_page_queries(lead, large)
    assert _case_page_queries(lead, large) <= CASE_PAGE_BUDGET
    partner = client_for(partner_user)
    assert _case_page_queries(partner, small) == _case_page_queries(partner, large)
    assert _case_page_queries(partner, large) <= CASE_PAGE_BUDGET


def test_an_earlier_case_at_the_address_costs_one_query_more(client_for, consulent):
    first = make_case(consulent, house_number="7")
    alone = make_case(consulent, house_number="9")
    second = make_case(consulent, postcode="1234ab", house_number="7 ")
    client = client_for(consulent)
    page = client.get(reverse("cases:detail", args=[second.reference]))
    assert first.reference in page.content.decode()
    assert _case_page_queries(client, second) == _case_page_queries(client, alone) + 1


def test_further_addresses_cost_one_query_more(client_for, consulent):
    from cases import services
    from tests.factories import access_for

    moved = make_case(consulent, house_number="7")
    alone = make_case(consulent, house_number="9")
    services.add_case_address(
        actor=consulent,
        access=access_for(consulent, moved),
        street="Achterstraat",
        house_number="3",
        postcode="1234 AC",
        city="Utrecht",
    )
    client = client_for(consulent)
    assert (
        "Achterstraat 3"
        in client.get(reverse("cases:detail", args=[moved.reference])).content.decode()
    )
    # Its earlier cases are asked for too (it has another address), and its addresses read.
    assert _case_page_queries(client, moved) == _case_page_queries(client, alone) + 2
