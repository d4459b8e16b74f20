"""The same address again: the address key, earlier cases, predecessor, recurrence (issue 13)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from cases import access
from cases.models import Case
from cases.models.case import address_key
from cases.models.choices import AccessLevel
from cases.selectors_lifecycle import recurrences
from cases.services.lifecycle import reopen_case
from tests.cases.test_lifecycle import closable, close
from tests.factories import access_for, add_report, make_case, set_case_state, share

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")


@pytest.mark.parametrize(
    ("postcode", "number", "key"),
    [
        ("1234 AB", "12a", "1234AB|12|a"),
        ("1234ab", "12 a", "1234AB|12|a"),
        (" 1234 ab ", "12-A", "1234AB|12|a"),
        ("1234AB", "012", "1234AB|12|"),
        ("1234 AB", "12 bis", "1234AB|12|bis"),
        ("1234 AB", "", ""),
        ("", "12", ""),
    ],
)
def test_the_address_key_is_the_same_however_typed(postcode, number, key):
    assert address_key(postcode, number) == key


def test_a_case_gets_its_key_and_keeps_it_when_the_address_changes(consulent):
    case = make_case(consulent, postcode="1234 AB", house_number="12 a")
    assert case.address_key == "1234AB|12|a"
    set_case_state(case, consulent, house_number="14")
    assert Case.objects.get(pk=case.pk).address_key == "1234AB|14|"


def test_a_new_case_records_the_earlier_one_as_predecessor(consulent):
    earlier = closable(consulent)
    close(consulent, earlier)
    new = make_case(consulent, postcode="1234 AB", house_number="12")
    assert new.predecessor == earlier
    elsewhere = make_case(consulent, postcode="1234 AB", house_number="13")
    assert elsewhere.predecessor is None


def test_earlier_cases_only_where_the_address_is_shown(consulent, partner_user, other_org_user):
    case = make_case(consulent, house_number="12A")
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    share(case, other_org_user.organisation, AccessLevel.PROCES, consulent)
    key = address_key("1234ab", "12 a")
    assert list(access.earlier_cases_at(consulent, key)) == [case]
    assert list(access.earlier_cases_at(partner_user, key)) == [case]
    # At proces the address is not shown, so a match on it would tell it.
    assert list(access.earlier_cases_at(other_org_user, key)) == []
    assert make_case(other_org_user, house_number="12a").predecessor is None


def test_the_case_form_shows_the_earlier_case_and_opens_on_confirmation(consulent, client_for):
    earlier = closable(consulent)
    close(consulent, earlier)
    client = client_for(consulent)
    data = {
        "street": "Dorpsstraat",
        "house_number": "12",
        "postcode": "1234ab",
        "city": "Utrecht",
        "categories": [earlier.categories.first().pk],
        "summary": "Weer geluidsoverlast.",
    }
    shown = client.post(reverse("cases:create"), data)
    assert shown.status_code == 200
    content = shown.content.decode()
    assert "Eerder bekend op dit adres:" in content and earlier.reference in content
    assert Case.objects.count() == 1
    opened = client.post(reverse("cases:create"), {**data, "toch_nieuw": "1"})
    assert opened.status_code == 302
    new = Case.objects.exclude(pk=earlier.pk).get()
    assert new.predecessor == earlier
    page = client.get(reverse("cases:detail", args=[new.reference]))
    assert earlier.reference in page.content.decode()


def test_the_melding_form_shows_an_earlier_case_at_the_address(consulent, partner_user, client_for):
    """Logging a melding on an address with an earlier case says so, as opening a case does;
    a partner who sees the new case fully but not the earlier one is told nothing."""
    earlier = closable(consulent)
    close(consulent, earlier)
    new = make_case(consulent, postcode="1234ab", house_number="12")
    url = reverse("cases:report_add", args=[new.reference])
    content = client_for(consulent).get(url).content.decode()
    assert "Eerder bekend op dit adres:" in content and earlier.reference in content
    share(new, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    response = client_for(partner_user).get(url)
    assert response.status_code == 200
    assert "Eerder bekend" not in response.content.decode()
    assert earlier.reference not in response.content.decode()


def _at(day):
    return datetime(day.year, day.month, day.day, 10, tzinfo=AMSTERDAM)


def test_a_melding_within_12_months_is_recurrence(consulent):
    case = closable(consulent)
    close(consulent, case, closed_on=date(2025, 10, 1))
    case.refresh_from_db()
    cases = access.visible_cases(consulent)
    assert recurrences(cases) == []
    later = make_case(consulent, opened_on=date(2026, 9, 1))
    add_report(consulent, later, received_at=_at(date(2026, 9, 30)))
    found = recurrences(cases)
    assert [(r.reference, r.returned_on, r.how) for r in found] == [
        (case.reference, date(2026, 9, 30), "melding")
    ]
    assert recurrences(cases, months=6) == []


def test_a_melding_after_12_months_is_not(consulent):
    case = closable(consulent)
    close(consulent, case, closed_on=date(2025, 7, 10))
    add_report(consulent, case, received_at=_at(date(2026, 7, 11)))
    assert recurrences(access.visible_cases(consulent)) == []


def test_another_organisations_melding_does_not_count(consulent, other_org_user):
    case = closable(consulent)
    close(consulent, case, closed_on=date(2026, 3, 1))
    theirs = make_case(other_org_user)
    add_report(other_org_user, theirs, received_at=_at(date(2026, 4, 1)))
    assert recurrences(access.visible_cases(consulent)) == []


def test_a_reopened_case_counts(consulent):
    case = closable(consulent)
    close(consulent, case, closed_on=date.today() - timedelta(days=20))
    reopen_case(actor=consulent, access=access_for(consulent, case), reason="Terug.")
    found = recurrences(access.visible_cases(consulent))
    assert [(r.case_id, r.how) for r in found] == [(case.pk, "heropend")]
