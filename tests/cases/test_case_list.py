"""The case list: search, filters, sorting, pagination and a constant number of queries."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from cases.models import Stage
from cases.models.choices import AccessLevel
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    add_person,
    add_report,
    category,
    make_case,
    set_case_state,
    share,
)

ROW = re.compile(r'<th scope="row"[^>]*><a class="utrecht-link" href="/zaken/(WO-\d{4}-\d{5})/"')


def references(response) -> list[str]:
    assert response.status_code == 200
    return ROW.findall(response.content.decode())


@pytest.fixture
def cases(consulent, colleague):
    """Three cases of the consulent's organisation, with distinct addresses and persons."""
    a = make_case(
        consulent,
        street="Acaciastraat",
        postcode="1111 AA",
        city="Amersfoort",
        opened_on=date(2025, 1, 10),
        categories=[category("geluid")],
    )
    b = make_case(
        consulent,
        street="Beukenlaan",
        postcode="2222 BB",
        city="Breda",
        opened_on=date(2025, 2, 10),
        categories=[category("drugs")],
        regisseur=colleague,
    )
    c = make_case(
        consulent,
        street="Cederhof",
        postcode="3333 CC",
        city="Culemborg",
        opened_on=date(2025, 3, 10),
        categories=[category("vervuiling")],
    )
    add_person(consulent, a, first_name="Jan", last_name="Jansen")
    add_person(consulent, b, first_name="Kees", last_name="de Vries")
    return a, b, c


def search(client, **params):
    return references(client.get(reverse("cases:list"), params))


def test_list_shows_own_cases_newest_first(client_for, consulent, cases):
    a, b, c = cases
    assert search(client_for(consulent)) == [c.reference, b.reference, a.reference]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Acaciastraat", "a"),
        ("acacia", "a"),
        ("2222 BB", "b"),
        ("2222bb", "b"),
        ("2222 bb", "b"),
        ("Jansen", "a"),
        ("Jan Jansen", "a"),
        ("jan jansen", "a"),
        ("de Vries", "b"),
        ("Culemborg", "c"),
    ],
)
def test_search(client_for, consulent, cases, query, expected):
    case = dict(zip("abc", cases, strict=True))[expected]
    assert search(client_for(consulent), q=query) == [case.reference]


def test_search_by_reference(client_for, consulent, cases):
    a, b, c = cases
    client = client_for(consulent)
    assert search(client, q=b.reference) == [b.reference]
    assert search(client, q=b.reference.lower()) == [b.reference]
    assert search(client, q="Niemandsland") == []


def test_person_search_does_not_find_a_process_level_case(
    client_for, consulent, partner_user, cases
):
    a, b, c = cases
    share(a, partner_user.organisation, AccessLevel.PROCES, consulent)
    share(b, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    client = client_for(partner_user)
    assert sorted(search(client)) == sorted([a.reference, b.reference])
    assert search(client, q="Jansen") == []
    assert search(client, q="Acaciastraat") == []
    assert search(client, q="1111 AA") == []
    assert search(client, q="de Vries") == [b.reference]
    assert search(client, q=a.reference) == [a.reference]
    html = client.get(reverse("cases:list")).content.decode()
    assert "Acaciastraat" not in html
    assert "Beukenlaan" in html


def test_melder_name_does_not_find_a_partners_case(client_for, consulent, partner_user, cases):
    """A melder's identity stays with the receiving organisation, also in search.

    Regression test: the name search once matched every CasePerson, melders included.
    """
    a, b, c = cases
    add_report(consulent, a, new_melder={"first_name": "Mel", "last_name": "Meldersma"})
    share(a, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    assert search(client_for(consulent), q="Meldersma") == [a.reference]
    assert search(client_for(partner_user), q="Meldersma") == []


def test_other_organisation_sees_nothing(client_for, other_org_user, cases):
    client = client_for(other_org_user)
    assert search(client, status="") == []
    assert search(client, q="Acaciastraat") == []
    assert search(client, q=cases[0].reference) == []


def test_filter_stage_category_regisseur_and_mine(client_for, consulent, colleague, cases):
    a, b, c = cases
    second_stage = Stage.objects.filter(workflow=a.workflow).order_by("order")[1]
    set_case_state(c, consulent, stage=second_stage)
    client = client_for(consulent)

    assert search(client, stage=second_stage.pk) == [c.reference]
    assert search(client, stage=a.stage.pk) == [b.reference, a.reference]
    assert search(client, category=category("drugs").pk) == [b.reference]
    assert search(client, category=category("overig").pk) == []
    assert search(client, regisseur=colleague.pk) == [b.reference]
    assert search(client, regisseur=consulent.pk) == [c.reference, a.reference]
    assert search(client, mine="on") == [c.reference, a.reference]
    assert search(client, mine="on", category=category("geluid").pk) == [a.reference]
    assert search(client_for(colleague), mine="on") == [b.reference]


def test_regisseur_filter_offers_only_own_colleagues(client_for, consulent, other_org_user, cases):
    html = client_for(consulent).get(reverse("cases:list")).content.decode()
    assert "Carla Consulent" in html
    assert "Bas Buiten" not in html
    # Another organisation's user is not a valid choice: the page still works, and shows
    # only the consulent's own cases.
    response = client_for(consulent).get(reverse("cases:list"), {"regisseur": other_org_user.pk})
    assert sorted(references(response)) == sorted(case.reference for case in cases)


def test_status_filter_defaults_to_open(client_for, consulent, cases):
    a, b, c = cases
    set_case_state(b, consulent, closed_on=timezone.localdate())
    client = client_for(consulent)
    assert search(client) == [c.reference, a.reference]
    assert search(client, status="open") == [c.reference, a.reference]
    assert search(client, status="gesloten") == [b.reference]
    assert search(client, status="") == [c.reference, b.reference, a.reference]


def test_sorting(client_for, consulent, cases):
    a, b, c = cases
    client = client_for(consulent)
    assert search(client, ordering="reference") == [a.reference, b.reference, c.reference]
    assert search(client, ordering="-reference") == [c.reference, b.reference, a.reference]
    assert search(client, ordering="opened_on") == [a.reference, b.reference, c.reference]
    assert search(client, ordering="-postcode") == [c.reference, b.reference, a.reference]


def test_pagination_50_per_page(client_for, consulent):
    made = [make_case(consulent) for _ in range(51)]
    client = client_for(consulent)
    first = search(client, ordering="reference")
    second = search(client, ordering="reference", page=2)
    assert len(first) == 50
    assert len(second) == 1
    assert first + second == [case.reference for case in made]
    assert "51 zaken gevonden" in client.get(reverse("cases:list")).content.decode()
    # A page number out of range shows the last page rather than failing.
    assert search(client, ordering="reference", page=99) == second
    assert search(client, ordering="reference", page="abc") == first


def _list_queries(client) -> tuple[int, int]:
    client.get(reverse("cases:list"))  # warm up: per-process caches (content types, …)
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("cases:list"))
    return len(ctx.captured_queries), len(references(response))


def test_list_query_count_is_constant(client_for, consulent, corporatie, partner_user):
    regisseurs = [consulent, *(UserFactory(organisation=corporatie) for _ in range(3))]
    kinds = ["geluid", "vervuiling", "drugs", "intimidatie", "zorgwekkend", "overig"]

    def build(n, start):
        for i in range(start, start + n):
            case = make_case(
                consulent,
                regisseur=regisseurs[i % len(regisseurs)],
                categories=[category(kinds[i % 6]), category(kinds[(i + 1) % 6])],
            )
            if i % 7 == 0:  # some cases shared, so the access annotation has work to do
                share(case, partner_user.organisation, AccessLevel.PROCES, consulent)

    client = client_for(consulent)
    build(10, 0)
    with_10, rows_10 = _list_queries(client)
    build(190, 10)
    with_200, rows_200 = _list_queries(client)

    assert (rows_10, rows_200) == (10, 50)
    assert with_200 == with_10, f"{with_10} queries for 10 cases, {with_200} for 200"
    assert with_10 <= 15


def test_existence_only_partner_sees_no_more_on_the_list_than_on_the_case_page(
    client_for, consulent, partner_user
):
    """At level `bestaan` the case page shows neither regisseur nor categories; the list
    must not show them either."""
    case = make_case(consulent, categories=[category("drugs")])
    share(case, partner_user.organisation, AccessLevel.BESTAAN, consulent)
    client = client_for(partner_user)

    detail = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert "Carla Consulent" not in detail
    assert "Drugs" not in detail

    assert search(client) == [case.reference]
    html = client.get(reverse("cases:list")).content.decode()
    row = html[html.index(f'href="/zaken/{case.reference}/"') :]
    row = row[: row.index("</tr>")]
    assert "Carla Consulent" not in row
    assert "Drugs" not in row


# --- issue 12: filters and sorting reveal nothing the list hides at bestaan ---------------


@pytest.fixture
def bestaan_case(consulent, partner_user):
    """A closed drugs case at 1111 AA that the partner only knows exists."""
    case = make_case(consulent, postcode="1111 AA", categories=[category("drugs")])
    set_case_state(case, consulent, closed_on=timezone.localdate())
    share(case, partner_user.organisation, AccessLevel.BESTAAN, consulent)
    return case


def test_the_category_filter_does_not_tell_the_category_at_bestaan(
    client_for, partner_user, bestaan_case
):
    client = client_for(partner_user)
    assert search(client, category=category("drugs").pk, status="") == []
    assert search(client, category=category("geluid").pk, status="") == []


def test_the_status_filter_does_not_tell_closure_at_bestaan(client_for, partner_user, bestaan_case):
    client = client_for(partner_user)
    # The default list ("open") lists it: its absence would tell that it is closed.
    assert search(client) == [bestaan_case.reference]
    assert search(client, status="gesloten") == []
    assert search(client, status="") == [bestaan_case.reference]


def test_sorting_by_a_hidden_field_puts_bestaan_rows_by_a_neutral_key(
    client_for, partner_user, bestaan_case
):
    own = make_case(partner_user, postcode="5555 ZZ", opened_on=date(2020, 1, 1))
    client = client_for(partner_user)
    for ordering in ("postcode", "-postcode", "opened_on", "-opened_on", ""):
        assert search(client, ordering=ordering, status="") == [
            own.reference,
            bestaan_case.reference,
        ], ordering
    # A field every level sees still sorts every row.
    assert search(client, ordering="reference", status="") == sorted(
        [own.reference, bestaan_case.reference]
    )


def test_the_shared_list_does_not_tell_the_lead_at_bestaan(
    client_for, consulent, partner_user, bestaan_case
):
    at_proces = make_case(consulent)
    share(at_proces, partner_user.organisation, AccessLevel.PROCES, consulent)
    elsewhere = UserFactory(organisation=OrganisationFactory(name="Woonbedrijf Verborgen"))
    hidden = make_case(elsewhere)
    share(hidden, partner_user.organisation, AccessLevel.BESTAAN, elsewhere)
    client = client_for(partner_user)

    html = client.get(reverse("cases:shared_list"), {"status": ""}).text
    assert "Woonbedrijf Verborgen" not in html
    lead = consulent.organisation_id
    assert references(client.get(reverse("cases:shared_list"), {"lead": lead, "status": ""})) == [
        at_proces.reference
    ]
    closed_only = client.get(reverse("cases:shared_list"), {"status": "gesloten"})
    assert bestaan_case.reference not in references(closed_only)


@pytest.fixture
def mixed_levels(consulent, partner_user):
    """Cases the partner sees at every level, with opening dates and postcodes that
    interleave, two of its own, and two closed: one at bestaan (listed as open), one at
    proces (not listed)."""
    made = [
        make_case(partner_user, postcode="5555 ZZ", opened_on=date(2025, 5, 1)),
        make_case(partner_user, postcode="1234 AB", opened_on=date(2025, 1, 1)),
    ]
    for i, level in enumerate([AccessLevel.BESTAAN, AccessLevel.PROCES, AccessLevel.VOLLEDIG] * 2):
        case = make_case(
            consulent, postcode=f"{3000 + 700 * i} CC", opened_on=date(2025, 6 - i % 5, 1 + i)
        )
        share(case, partner_user.organisation, level, consulent)
        made.append(case)
    for closed in made[2:4]:
        set_case_state(closed, consulent, closed_on=timezone.localdate())
    return made


@pytest.mark.parametrize(
    "ordering", ["-opened_on", "opened_on", "postcode", "-postcode", "reference", "-stage__order"]
)
def test_the_list_read_in_two_parts_keeps_the_order_of_the_level_aware_sort(
    partner_user, mixed_levels, ordering
):
    """LevelOrderedRows (shown rows by the field, then the others by reference) gives, page
    by page, exactly the rows and order of `list_ordering`'s single ORDER BY."""
    from cases import access

    def narrow(cases):
        return access.with_access_level(cases, partner_user).filter(access.open_or_status_hidden())

    expected = list(
        narrow(access.visible_cases(partner_user))
        .order_by(*access.list_ordering([ordering]))
        .values_list("reference", flat=True)
    )
    rows = access.LevelOrderedRows(partner_user, [ordering], narrow)
    assert rows.count() == len(expected) == len(mixed_levels) - 1
    assert [case.reference for case in rows[0 : len(expected)]] == expected
    for start in range(len(expected)):  # every page boundary, also across the two parts
        page = rows[start : start + 3]
        assert [case.reference for case in page] == expected[start : start + 3]


@pytest.mark.parametrize("limit", [1, 3, 5, 7])
@pytest.mark.parametrize("ordering", ["-opened_on", "postcode", "reference"])
def test_past_the_count_limit_the_list_pages_through_the_first_rows_in_order(
    monkeypatch, partner_user, mixed_levels, ordering, limit
):
    """Past COUNT_LIMIT the list counts no further: it says "more than" and pages through
    the first COUNT_LIMIT rows, in the same order as the uncounted list, across both parts."""
    from cases import access
    from cases.access import listing

    def narrow(cases):
        return access.with_access_level(cases, partner_user).filter(access.open_or_status_hidden())

    expected = list(
        narrow(access.visible_cases(partner_user))
        .order_by(*access.list_ordering([ordering]))
        .values_list("reference", flat=True)
    )
    monkeypatch.setattr(listing, "COUNT_LIMIT", limit)
    rows = access.LevelOrderedRows(partner_user, [ordering], narrow)
    assert rows.more_than_counted == (len(expected) > limit)
    assert rows.count() == min(limit, len(expected))
    assert [case.reference for case in rows[0 : rows.count()]] == expected[:limit]


def test_the_list_says_more_than_when_it_stops_counting(monkeypatch, client_for, consulent):
    from cases.access import listing

    for number in range(4):
        make_case(consulent, house_number=str(number + 1))
    monkeypatch.setattr(listing, "COUNT_LIMIT", 3)
    response = client_for(consulent).get(reverse("cases:list"))
    assert len(references(response)) == 3
    assert "Meer dan 3 zaken gevonden" in response.text
    monkeypatch.setattr(listing, "COUNT_LIMIT", 4)
    response = client_for(consulent).get(reverse("cases:list"))
    assert "4 zaken gevonden" in response.text and "Meer dan" not in response.text


def test_the_filter_options_are_read_in_plain_queries(client_for, consulent, cases):
    """Each select of the filter form is one query, not a server-side cursor (DECLARE, FETCH,
    CLOSE: three round trips on every page that shows the form)."""
    client = client_for(consulent)
    client.get(reverse("cases:list"))
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(reverse("cases:list"))
    assert response.status_code == 200
    assert [q["sql"] for q in ctx.captured_queries if q["sql"].startswith("DECLARE")] == []
    page = response.content.decode()
    assert '<option value="" selected>Alle soorten</option>' in page
    for name in ("Geluid", "Drugs"):
        assert re.search(rf'<option value="\d+">{name}</option>', page), name


def test_search_finds_an_address_typed_as_street_and_number_or_postcode_and_number(
    client_for, consulent, partner_user
):
    """A user types the address as it is written on a letter: street or postcode, then the
    house number with or without its letter. Only where the address is shown (volledig)."""
    twelve_a = make_case(consulent, street="Lindelaan", house_number="12 a", postcode="4444 DD")
    twelve = make_case(consulent, street="Lindelaan", house_number="12", postcode="4444 DD")
    make_case(consulent, street="Lindelaan", house_number="120", postcode="4444 DD")
    make_case(consulent, street="Eikenlaan", house_number="12", postcode="5555 EE")
    client = client_for(consulent)

    def found(q):
        return set(search(client, q=q))

    assert found("lindelaan 12") == {twelve_a.reference, twelve.reference}
    assert found("Lindelaan 12A") == {twelve_a.reference}
    assert found("Lindelaan 12-a") == {twelve_a.reference}
    assert found("4444dd 12") == {twelve_a.reference, twelve.reference}
    assert found("4444 DD 12 a") == {twelve_a.reference}
    assert found("Lindelaan 13") == set()

    share(twelve, partner_user.organisation, AccessLevel.PROCES, consulent)
    assert search(client_for(partner_user), q="Lindelaan 12") == []
