"""Closing a case with a result, nazorg, reopening (issue 13)."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import access
from cases.models import Case, CaseResult, Event, Notification
from cases.models.choices import AccessLevel
from cases.notifications.services import run_reminder_sweep
from cases.retention import selectors as retention_selectors
from cases.retention import services as retention
from cases.services import add_action_item, add_measure, complete_action_item
from cases.services.lifecycle import close_case, reopen_case
from partners.models import Instrument
from tests.factories import UserFactory, access_for, make_case, set_case_state, share
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db


def result(code="overlast-gestopt"):
    return CaseResult.objects.get(code=code)


def final(case, actor):
    return set_case_state(case, actor, stage=case.workflow.stages.get(is_final=True))


def closable(user):
    return final(make_case(user, opened_on=date(2025, 6, 2)), user)


def close(user, case, **overrides):
    fields = {
        "result": result(),
        "note": "Na de gedragsovereenkomst geen meldingen meer.",
        "closed_on": timezone.localdate(),
        "carry_over": {},
        "melder_informed": True,
        "veroorzaker_informed": True,
        **overrides,
    }
    return close_case(actor=user, access=access_for(user, case), **fields)


def action(user, case, title="Nagaan of de buren tevreden zijn"):
    return add_action_item(
        actor=user,
        access=access_for(user, case),
        title=title,
        owner_organisation=user.organisation,
        due_on=timezone.localdate() + timedelta(days=7),
    )


def test_the_results_are_seeded():
    assert list(CaseResult.objects.values_list("name", flat=True)) == [
        "Overlast gestopt",
        "Verhuisd",
        "Huur ontbonden / ontruimd",
        "Doorverwezen naar zorg",
        "Niet vastgesteld",
        "Overig",
    ]


def test_closing_outside_the_final_stage_is_refused(consulent):
    case = make_case(consulent)
    with pytest.raises(Refusal) as refused:
        close(consulent, case)
    assert "eindfase" in refused.value.message
    case.refresh_from_db()
    assert case.closed_on is None


def test_close_sets_result_nazorg_event_and_history(consulent):
    case = closable(consulent)
    close(consulent, case, closed_on=date.today() - timedelta(days=1))
    case.refresh_from_db()
    assert case.closed_on == date.today() - timedelta(days=1)
    assert case.closing_result == result()
    assert case.result.startswith("Na de gedragsovereenkomst")
    assert case.nazorg_until == _three_months_after(case.closed_on)
    assert case.in_nazorg
    event = case.events.get(kind=Event.Kind.CASE_CLOSED)
    assert event.data["result"] == "Overlast gestopt"
    assert case.history.first().history_user == consulent
    listed = access.with_access_level(access.visible_cases(consulent), consulent)
    assert listed.filter(access.closed_and_shown()).filter(pk=case.pk).exists()


def _three_months_after(day):
    from cases.calendars.months import add_months

    return add_months(day, 3)


def test_the_nazorg_period_is_the_workflows(consulent):
    case = closable(consulent)
    case.workflow.nazorg_months = 6
    case.workflow.save()
    close(consulent, case, closed_on=date(2026, 1, 31))
    case.refresh_from_db()
    assert case.nazorg_until == date(2026, 7, 31)


def test_an_open_actiepunt_must_be_finished_or_carried_over(consulent):
    case = closable(consulent)
    item = action(consulent, case)
    with pytest.raises(Refusal) as refused:
        close(consulent, case)
    assert "Nagaan of de buren tevreden zijn" in refused.value.message
    case.refresh_from_db()
    assert case.closed_on is None
    assert not case.events.filter(kind=Event.Kind.CASE_CLOSED).exists()

    close(consulent, case, carry_over={"action_items": [item.pk]})
    case.refresh_from_db()
    item.refresh_from_db()
    assert case.closed_on is not None and item.is_open
    event = case.events.get(kind=Event.Kind.CASE_CLOSED)
    assert event.data["carried_over_action_items"] == [item.pk]


def test_a_finished_actiepunt_does_not_stop_the_closing(consulent):
    case = closable(consulent)
    item = action(consulent, case)
    complete_action_item(actor=consulent, access=access_for(consulent, case), item=item)
    close(consulent, case)
    assert Case.objects.get(pk=case.pk).closed_on is not None


def test_a_running_measure_must_be_finished_or_carried_over(consulent):
    case = closable(consulent)
    measure = add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=Instrument.objects.filter(active=True).first(),
        owner_organisation=consulent.organisation,
        start_date=timezone.localdate(),
    )
    with pytest.raises(Refusal):
        close(consulent, case)
    close(consulent, case, carry_over={"measures": [measure.pk]})
    assert Case.objects.get(pk=case.pk).closed_on is not None


def test_not_informed_needs_a_reason(consulent):
    case = closable(consulent)
    with pytest.raises(Refusal) as refused:
        close(consulent, case, veroorzaker_informed=False)
    assert refused.value.field == "not_informed_reason"
    close(consulent, case, veroorzaker_informed=False, not_informed_reason="Onbereikbaar.")
    assert Case.objects.get(pk=case.pk).not_informed_reason == "Onbereikbaar."


def test_a_date_in_the_future_is_refused(consulent):
    case = closable(consulent)
    with pytest.raises(Refusal) as refused:
        close(consulent, case, closed_on=timezone.localdate() + timedelta(days=1))
    assert refused.value.field == "closed_on"


def test_a_partner_that_is_not_regisseur_may_not_close(consulent, partner_user):
    case = closable(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    with pytest.raises(Refusal) as refused:
        close(partner_user, case)
    assert refused.value.kind == Refusal.FORBIDDEN


def test_a_partner_regisseur_may_close(consulent, partner_user):
    case = closable(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    set_case_state(case, consulent, regisseur=partner_user)
    close(partner_user, case)
    assert Case.objects.get(pk=case.pk).closed_on is not None


def test_participants_at_proces_are_notified_not_at_bestaan(
    consulent, partner_user, other_org_user
):
    case = closable(consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    share(case, other_org_user.organisation, AccessLevel.BESTAAN, consulent)
    close(consulent, case)
    assert Notification.objects.filter(
        recipient=partner_user, kind=Notification.Kind.CASE_CLOSED
    ).exists()
    assert not Notification.objects.filter(recipient=other_org_user).exists()
    assert not Notification.objects.filter(recipient=consulent).exists()


def test_closure_is_cut_to_the_level(consulent, partner_user, other_org_user):
    case = closable(consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    share(case, other_org_user.organisation, AccessLevel.BESTAAN, consulent)
    close(consulent, case, melder_informed=False, not_informed_reason="Melder anoniem.")
    case.refresh_from_db()
    at_bestaan = access_for(other_org_user, case).closure
    assert at_bestaan.closed and at_bestaan.result == "" and at_bestaan.closed_on is None
    at_proces = access_for(partner_user, case).closure
    assert at_proces.result == "Overlast gestopt" and at_proces.note
    assert at_proces.not_informed_reason == "" and not at_proces.shows_informed
    full = access_for(consulent, case).closure
    assert full.not_informed_reason == "Melder anoniem."


def test_the_case_page_shows_the_closure_by_level(consulent, other_org_user, client_for):
    case = closable(consulent)
    share(case, other_org_user.organisation, AccessLevel.BESTAAN, consulent)
    close(consulent, case, note="Geen overlast meer sinds de verhuizing.")
    page = client_for(other_org_user).get(reverse("cases:detail", args=[case.reference]))
    content = page.content.decode()
    assert "Deze zaak is afgesloten." in content
    assert "Overlast gestopt" not in content and "verhuizing" not in content


def test_reopen_needs_a_reason_and_keeps_the_closure_in_history(consulent):
    case = closable(consulent)
    close(consulent, case)
    with pytest.raises(Refusal) as refused:
        reopen_case(actor=consulent, access=access_for(consulent, case), reason=" ")
    assert refused.value.field == "reason"
    case.refresh_from_db()
    reopen_case(actor=consulent, access=access_for(consulent, case), reason="Nieuwe meldingen.")
    case.refresh_from_db()
    assert case.closed_on is None and case.closing_result is None and case.nazorg_until is None
    event = case.events.get(kind=Event.Kind.CASE_REOPENED)
    assert event.data["reason"] == "Nieuwe meldingen."
    assert event.data["result"] == "Overlast gestopt"
    assert case.history.filter(closing_result__isnull=False).exists()
    with pytest.raises(Refusal):
        reopen_case(actor=consulent, access=access_for(consulent, case), reason="Nog eens.")


def test_the_nazorg_end_reminds_the_regisseur_once(consulent):
    case = closable(consulent)
    close(consulent, case)
    case.refresh_from_db()
    assert run_reminder_sweep(today=case.nazorg_until - timedelta(days=1)) == 0
    assert run_reminder_sweep(today=case.nazorg_until) == 1
    assert Notification.objects.get(recipient=consulent).kind == Notification.Kind.NAZORG_ENDED
    assert run_reminder_sweep(today=case.nazorg_until + timedelta(days=1)) == 0


def test_retention_counts_from_the_end_of_nazorg_and_runs(consulent):
    case = closable(consulent)
    close(consulent, case)
    case.refresh_from_db()
    from django.conf import settings

    from cases.calendars.months import add_months

    due = add_months(case.nazorg_until, settings.RETENTION_DEFAULT_MONTHS)
    assert retention_selectors.plan(today=due - timedelta(days=1)) == []
    assert [p.case.pk for p in retention_selectors.plan(today=due)] == [case.pk]
    assert retention.run_retention_sweep(today=due) == 1
    assert not Case.objects.filter(pk=case.pk).exists()


class TestViews:
    def test_close_page_refuses_with_an_open_actiepunt_then_closes(self, consulent, client_for):
        case = closable(consulent)
        item = action(consulent, case)
        client = client_for(consulent)
        url = reverse("cases:close", args=[case.reference])
        assert client.get(url).status_code == 200
        data = {
            "result": result().pk,
            "note": "Overlast gestopt.",
            "closed_on": timezone.localdate().isoformat(),
            "melder_informed": "on",
            "veroorzaker_informed": "on",
            "confirm": "on",
        }
        refused = client.post(url, data)
        assert refused.status_code == 200
        assert "staat nog open" in refused.content.decode()
        assert Case.objects.get(pk=case.pk).closed_on is None
        closed = client.post(url, {**data, "carry_action_items": [item.pk]})
        assert closed.status_code == 302
        assert Case.objects.get(pk=case.pk).closed_on is not None
        listing = client.get(reverse("cases:list"), {"status": "gesloten"})
        assert case.reference in listing.content.decode()

    def test_close_without_confirmation_saves_nothing(self, consulent, client_for):
        case = closable(consulent)
        response = client_for(consulent).post(
            reverse("cases:close", args=[case.reference]), {"result": "x", "closed_on": "31-02"}
        )
        assert response.status_code == 200
        assert "Bevestig dat u de zaak wilt afsluiten." in response.content.decode()
        assert Case.objects.get(pk=case.pk).closed_on is None

    def test_a_partner_gets_403_and_a_stranger_404(
        self, consulent, partner_user, other_org_user, client_for
    ):
        case = closable(consulent)
        share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
        url = reverse("cases:close", args=[case.reference])
        assert client_for(partner_user).get(url).status_code == 403
        assert client_for(other_org_user).get(url).status_code == 404

    def test_reopen_page(self, consulent, client_for):
        case = closable(consulent)
        close(consulent, case)
        client = client_for(consulent)
        url = reverse("cases:reopen", args=[case.reference])
        assert client.get(url).status_code == 200
        assert client.post(url, {"reason": ""}).status_code == 200
        assert client.post(url, {"reason": "Terug van weggeweest."}).status_code == 302
        assert Case.objects.get(pk=case.pk).closed_on is None

    def test_the_lezer_sees_no_close_link(self, consulent, corporatie, client_for):
        lezer = UserFactory(organisation=corporatie, role="Lezer")
        case = closable(consulent)
        page = client_for(lezer).get(reverse("cases:detail", args=[case.reference]))
        assert reverse("cases:close", args=[case.reference]) not in page.content.decode()
