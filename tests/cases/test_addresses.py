"""A case with more than one address (issue 13, docs/adr/0030): moving with the household,
another address, and recidive on every address of a case, through the door."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import access, services
from cases.models import Case, CaseAddress, Event
from cases.models.choices import AccessLevel
from cases.selectors_lifecycle import recurrences
from tests.cases.test_lifecycle import close, final
from tests.factories import access_for, add_report, make_case, share
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
OLD = {"street": "Dorpsstraat", "house_number": "12a", "postcode": "1234 AB", "city": "Utrecht"}
NEW = {"street": "Nieuwe Gracht", "house_number": "3", "postcode": "3512 LT", "city": "Utrecht"}


def move(user, case, moved_on=None, **address):
    return services.move_case_address(
        actor=user,
        access=access_for(user, case),
        moved_on=moved_on or timezone.localdate() - timedelta(days=3),
        reason="huishouden verhuisd",
        **{**NEW, **address},
    )


@pytest.fixture
def moved(consulent):
    """A case of the consulent at 1234 AB 12a whose household moved to Nieuwe Gracht 3."""
    case = make_case(consulent, **OLD)
    move(consulent, case)
    return Case.objects.get(pk=case.pk)


def test_moving_keeps_the_old_address_as_earlier_and_puts_an_event_on_the_timeline(consulent):
    case = make_case(consulent, **OLD)
    moved_on = timezone.localdate() - timedelta(days=3)
    earlier = move(consulent, case, moved_on=moved_on)

    case.refresh_from_db()
    assert (case.street, case.house_number, case.postcode) == ("Nieuwe Gracht", "3", "3512 LT")
    assert case.address_key == "3512LT|3|"
    assert (earlier.street, earlier.house_number, earlier.postcode) == (
        "Dorpsstraat",
        "12a",
        "1234 AB",
    )
    assert earlier.address_key == "1234AB|12|a"
    assert (earlier.valid_until, earlier.note) == (moved_on, "huishouden verhuisd")
    event = case.events.get(kind=Event.Kind.ADDRESS_MOVED)
    # Identifiers only on the timeline; the addresses are in the records and their history.
    assert (event.target_type, event.target_id) == ("caseaddress", earlier.pk)
    assert event.data == {"moved_on": moved_on.isoformat()}
    assert "Dorpsstraat" not in str(event.data)
    # History kept: the case's old address is in its history, the earlier address has its own.
    assert case.history.filter(street="Dorpsstraat").exists()
    assert earlier.history.get().history_user == consulent


def test_moving_to_the_current_address_or_into_the_future_is_refused(consulent):
    case = make_case(consulent, **OLD)
    with pytest.raises(Refusal) as same:
        move(consulent, case, **OLD | {"postcode": "1234ab", "house_number": "12 A"})
    assert same.value.field == "house_number"
    with pytest.raises(Refusal) as future:
        move(consulent, case, moved_on=timezone.localdate() + timedelta(days=1))
    assert future.value.field == "moved_on"
    assert not CaseAddress.objects.filter(case=case).exists()
    assert not case.events.filter(kind=Event.Kind.ADDRESS_MOVED).exists()


def test_adding_an_address_leaves_the_case_address_alone(consulent, colleague):
    case = make_case(consulent, **OLD)
    added = services.add_case_address(
        actor=consulent, access=access_for(consulent, case), note="logeeradres", **NEW
    )
    case.refresh_from_db()
    assert case.street == "Dorpsstraat" and added.case == case
    assert case.events.filter(kind=Event.Kind.ADDRESS_ADDED, target_id=added.pk).exists()
    with pytest.raises(Refusal, match="staat al bij de zaak"):
        services.add_case_address(actor=consulent, access=access_for(consulent, case), **NEW)


def test_only_who_may_edit_the_case_registers_addresses(consulent, partner_user):
    case = make_case(consulent, **OLD)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    with pytest.raises(Refusal) as refused:
        move(partner_user, case)
    assert refused.value.kind == Refusal.FORBIDDEN
    assert not CaseAddress.objects.exists()


def test_the_old_address_of_a_moved_case_finds_it_for_a_volledig_reader_only(
    moved, consulent, partner_user, other_org_user, client_for
):
    share(moved, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    share(moved, other_org_user.organisation, AccessLevel.PROCES, consulent)
    typed = {
        "street": "Dorpsstraat",
        "house_number": "12 a",
        "postcode": "1234ab",
        "city": "Utrecht",
        "categories": [moved.categories.first().pk],
        "summary": "Weer overlast op het oude adres.",
    }
    for reader in (consulent, partner_user):
        page = client_for(reader).post(reverse("cases:create"), typed)
        assert page.status_code == 200
        content = page.content.decode()
        assert "Eerder bekend op dit adres:" in content and moved.reference in content
    assert Case.objects.count() == 1
    # At proces the address is not shown, so a match on it would tell it.
    page = client_for(other_org_user).post(reverse("cases:create"), typed)
    assert page.status_code == 302
    new = Case.objects.exclude(pk=moved.pk).get()
    assert moved.reference not in client_for(other_org_user).get(page.url).content.decode()
    assert new.predecessor is None
    assert list(access.earlier_cases_at(other_org_user, "1234AB|12|a", exclude=new)) == []
    assert list(access.earlier_cases_at(partner_user, "1234AB|12|a")) == [moved]


def test_a_new_case_on_the_old_address_records_the_moved_case_and_both_pages_show_it(
    moved, consulent, client_for
):
    new = make_case(consulent, **OLD | {"postcode": "1234ab", "house_number": "12 A"})
    assert new.predecessor == moved
    client = client_for(consulent)
    # The new case's current address is the moved case's earlier one, and the other way round.
    assert (
        moved.reference
        in client.get(reverse("cases:detail", args=[new.reference])).content.decode()
    )
    assert (
        new.reference
        in client.get(reverse("cases:detail", args=[moved.reference])).content.decode()
    )


def test_the_case_page_lists_the_addresses_current_first_at_volledig_only(
    moved, consulent, partner_user, client_for
):
    share(moved, partner_user.organisation, AccessLevel.PROCES, consulent)
    content = (
        client_for(consulent).get(reverse("cases:detail", args=[moved.reference])).content.decode()
    )
    block = content[content.index('id="addresses-heading"') :]
    assert block.index("Nieuwe Gracht 3") < block.index("Dorpsstraat 12a")
    assert "huidig adres" in block and "eerder adres, tot" in block
    assert reverse("cases:address_move", args=[moved.reference]) in content
    partner = client_for(partner_user).get(reverse("cases:detail", args=[moved.reference]))
    assert partner.status_code == 200
    assert "Dorpsstraat" not in partner.content.decode()
    assert 'id="addresses-heading"' not in partner.content.decode()


def test_the_move_form_asks_for_confirmation_before_it_moves(consulent, client_for):
    case = make_case(consulent, **OLD)
    url = reverse("cases:address_move", args=[case.reference])
    client = client_for(consulent)
    data = {
        **NEW,
        "postcode": "3512lt",
        "moved_on": (timezone.localdate() - timedelta(days=1)).isoformat(),
    }
    asked = client.post(url, data)
    assert asked.status_code == 200
    assert "Controleer de verhuizing." in asked.content.decode()
    assert not CaseAddress.objects.exists()
    done = client.post(url, {**data, "bevestigd": "1"})
    assert done.status_code == 302
    case.refresh_from_db()
    assert (case.street, case.postcode) == ("Nieuwe Gracht", "3512 LT")
    assert CaseAddress.objects.get(case=case).street == "Dorpsstraat"


@pytest.mark.parametrize("name", ["cases:address_move", "cases:address_add"])
def test_a_bad_postcode_gets_a_dutch_message_keeps_the_input_and_saves_nothing(
    name, consulent, client_for
):
    case = make_case(consulent, **OLD)
    data = {**NEW, "postcode": "0123 XY", "moved_on": timezone.localdate().isoformat()}
    page = client_for(consulent).post(
        reverse(name, args=[case.reference]), {**data, "bevestigd": "1"}
    )
    assert page.status_code == 200
    content = page.content.decode()
    assert "Vul een geldige Nederlandse postcode in" in content
    assert 'value="Nieuwe Gracht"' in content and 'value="0123 XY"' in content
    assert not CaseAddress.objects.exists()
    case.refresh_from_db()
    assert case.street == "Dorpsstraat"
    assert not case.events.filter(
        kind__in=[Event.Kind.ADDRESS_MOVED, Event.Kind.ADDRESS_ADDED]
    ).exists()


def test_a_partner_at_volledig_who_does_not_lead_may_not_open_the_forms(
    consulent, partner_user, client_for
):
    case = make_case(consulent, **OLD)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    for name in ("cases:address_move", "cases:address_add"):
        assert client_for(partner_user).get(reverse(name, args=[case.reference])).status_code == 403


def _at(day):
    return datetime(day.year, day.month, day.day, 10, tzinfo=AMSTERDAM)


def test_a_melding_at_the_earlier_address_of_a_closed_case_is_recurrence(consulent):
    case = final(make_case(consulent, opened_on=date(2025, 6, 2), **OLD), consulent)
    move(consulent, case, moved_on=date(2025, 8, 1))
    close(consulent, case, closed_on=date(2025, 10, 1))
    later = make_case(consulent, opened_on=date(2026, 9, 1), **OLD | {"house_number": "12 A"})
    add_report(consulent, later, received_at=_at(date(2026, 9, 30)))
    found = recurrences(access.visible_cases(consulent))
    assert [(r.reference, r.returned_on, r.how) for r in found] == [
        (case.reference, date(2026, 9, 30), "melding")
    ]


def test_the_list_finds_a_moved_case_by_its_old_address_where_addresses_are_shown(
    moved, consulent, partner_user, client_for
):
    share(moved, partner_user.organisation, AccessLevel.PROCES, consulent)
    url = reverse("cases:list")
    for term in ("Dorpsstraat", "1234ab"):
        found = client_for(consulent).get(url, {"q": term}).content.decode()
        assert moved.reference in found, term
        # At proces the address is not searched: a hit would tell it.
        assert (
            moved.reference not in client_for(partner_user).get(url, {"q": term}).content.decode()
        )
    assert moved.reference in client_for(partner_user).get(url).content.decode()


def test_the_move_confirmation_names_an_earlier_case_at_the_new_address(consulent, client_for):
    case = make_case(consulent, **OLD)
    there = make_case(consulent, **NEW)
    url = reverse("cases:address_move", args=[case.reference])
    data = {**NEW, "moved_on": timezone.localdate().isoformat()}
    content = client_for(consulent).post(url, data).content.decode()
    assert "Eerder bekend op dit adres:" in content and there.reference in content
    # "Gegevens aanpassen": the form again with what was typed, nothing moved.
    again = client_for(consulent).post(url, {**data, "aanpassen": "1"}).content.decode()
    assert "Controleer de verhuizing." not in again and 'value="Nieuwe Gracht"' in again
    assert not CaseAddress.objects.exists()


def test_a_further_address_typed_by_mistake_is_removed_after_confirmation(
    consulent, client_for, partner_user
):
    case = make_case(consulent, **OLD)
    wrong = services.add_case_address(
        actor=consulent, access=access_for(consulent, case), **NEW, note="per vergissing"
    )
    client = client_for(consulent)
    url = reverse("cases:address_remove", args=[case.reference, wrong.pk])
    page = client.get(reverse("cases:detail", args=[case.reference])).content.decode()
    assert f'href="{url}"' in page
    confirm = client.get(url)
    assert "Ja, verwijderen" in confirm.content.decode()
    assert CaseAddress.objects.filter(pk=wrong.pk).exists()  # a GET changes nothing
    assert client.post(url).status_code == 302
    assert not CaseAddress.objects.filter(pk=wrong.pk).exists()
    assert CaseAddress.history.filter(id=wrong.pk, history_type="-").get().history_user == (
        consulent
    )
    removed = case.events.get(kind=Event.Kind.ADDRESS_REMOVED)
    assert removed.data == {"address_id": wrong.pk}  # identifiers only, no address
    assert list(access.earlier_cases_at(consulent, "3512LT|3|")) == []
    after = client.get(reverse("cases:detail", args=[case.reference]))
    assert after.status_code == 200
    assert "Adres verwijderd" in after.content.decode()
    assert NEW["street"] not in after.content.decode()
    # Gone: the same URL is a 404 now; and a partner at volledig who does not lead may not.
    assert client.post(url).status_code == 404
    other = services.add_case_address(
        actor=consulent, access=access_for(consulent, case), **NEW, note="echt"
    )
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    url = reverse("cases:address_remove", args=[case.reference, other.pk])
    assert client_for(partner_user).post(url).status_code == 403
    assert CaseAddress.objects.filter(pk=other.pk).exists()


def test_an_address_of_another_case_is_not_removed_through_this_one(consulent, client_for):
    case = make_case(consulent, **OLD)
    elsewhere = make_case(consulent, street="Elders", house_number="1", postcode="9999 ZZ")
    foreign = services.add_case_address(
        actor=consulent, access=access_for(consulent, elsewhere), **NEW
    )
    url = reverse("cases:address_remove", args=[case.reference, foreign.pk])
    assert client_for(consulent).post(url).status_code == 404
    assert CaseAddress.objects.filter(pk=foreign.pk).exists()
    with pytest.raises(Refusal):
        services.remove_case_address(
            actor=consulent, access=access_for(consulent, case), address_id=foreign.pk
        )
