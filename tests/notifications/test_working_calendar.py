"""Each organisation's own working calendar (docs/adr/0029): the norms of a case count the
working days of its lead organisation's calendar; legal terms do not look at it."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cases import selectors
from cases.calendars import legal_terms, working_days
from cases.models import ExtraDayOff, Notification, ReminderSettings
from cases.notifications.calendars import calendar_of, calendars_of
from cases.notifications.services import (
    add_extra_day_off,
    update_reminder_settings,
    use_default_reminder_settings,
)
from tests.factories import UserFactory, add_report, make_case
from woonoverlast.refusals import Refusal

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def beheerder(organisation):
    return UserFactory(organisation=organisation, role="Functioneel beheerder")


def stage_reminders(user):
    return Notification.objects.filter(recipient=user, kind=Notification.Kind.STAGE_OVERDUE)


@pytest.fixture
def good_friday_off(corporatie):
    update_reminder_settings(
        actor=beheerder(corporatie), organisation_id=corporatie.pk, good_friday_off=True
    )


@pytest.fixture
def easter_cases(consulent, other_org_user):
    """Two cases opened on Wednesday 1 April 2026 in the melding stage (target 2 working
    days): one led by the consulent's corporatie, one by another organisation. Goede Vrijdag
    is 3 April, Tweede Paasdag 6 April."""
    with time_machine.travel(at(2026, 4, 1, 10, 0), tick=False):
        return make_case(consulent), make_case(other_org_user, house_number="99")


@pytest.mark.django_db
class TestStageTarget:
    def test_goede_vrijdag_off_keeps_the_case_within_its_target(
        self, easter_cases, good_friday_off
    ):
        ours, theirs = easter_cases
        with time_machine.travel(at(2026, 4, 7, 12, 0), tick=False):
            # Ours: Thursday 2 and Tuesday 7 April. Theirs also counts Goede Vrijdag.
            assert selectors.stage_status(ours) == {"spent": 2, "target": 2, "overdue": False}
            assert selectors.stage_status(theirs) == {"spent": 3, "target": 2, "overdue": True}

    def test_the_case_page_counts_in_the_lead_calendar(
        self, client_for, consulent, easter_cases, good_friday_off
    ):
        ours, _theirs = easter_cases
        with time_machine.travel(at(2026, 4, 7, 12, 0), tick=False):
            page = client_for(consulent).get(reverse("cases:detail", args=[ours.reference]))
        assert "2 werkdagen in deze fase" in page.text
        assert "over de streefduur" not in page.text

    def test_without_goede_vrijdag_off_the_case_page_shows_it_over_target(
        self, client_for, consulent, easter_cases
    ):
        ours, _theirs = easter_cases
        with time_machine.travel(at(2026, 4, 7, 12, 0), tick=False):
            page = client_for(consulent).get(reverse("cases:detail", args=[ours.reference]))
        assert "3 werkdagen in deze fase" in page.text
        assert "over de streefduur" in page.text

    def test_the_sweep_uses_each_lead_organisations_calendar(
        self, consulent, other_org_user, easter_cases, good_friday_off
    ):
        from cases.notifications.services import run_reminder_sweep

        run_reminder_sweep(today=date(2026, 4, 7))
        assert not stage_reminders(consulent).exists()
        assert stage_reminders(other_org_user).count() == 1
        # A day later our case is over its target too: Thursday 2, Tuesday 7, Wednesday 8.
        run_reminder_sweep(today=date(2026, 4, 8))
        assert stage_reminders(consulent).count() == 1

    @pytest.mark.parametrize(("own_calendar", "badge"), [(True, False), (False, True)])
    def test_the_case_list_marks_overdue_in_the_lead_calendar(
        self, client_for, consulent, corporatie, easter_cases, own_calendar, badge
    ):
        if own_calendar:
            update_reminder_settings(
                actor=beheerder(corporatie), organisation_id=corporatie.pk, good_friday_off=True
            )
        with time_machine.travel(at(2026, 4, 7, 12, 0), tick=False):
            page = client_for(consulent).get(reverse("cases:list"))
        assert easter_cases[0].reference in page.text
        assert ("over streefduur" in page.text) is badge


@pytest.mark.django_db
class TestMelderContact:
    @pytest.fixture
    def report(self, consulent):
        # Received on Thursday 24 December 2026: with Kerst and the weekend, the default two
        # working days are Monday 28 and Tuesday 29 December.
        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            case = make_case(consulent)
        return add_report(
            consulent, case, received_at=at(2026, 12, 24, 16, 0), new_melder={"last_name": "Jansen"}
        )

    def _reminded(self, user):
        return Notification.objects.filter(
            recipient=user, kind=Notification.Kind.MELDER_CONTACT
        ).exists()

    def test_an_extra_day_off_moves_the_deadline(self, consulent, corporatie, report):
        from cases.notifications.services import run_reminder_sweep

        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            add_extra_day_off(
                actor=beheerder(corporatie),
                organisation_id=corporatie.pk,
                day=date(2026, 12, 28),
                description="Brugdag",
            )
        # Deadline now Wednesday 30 December: nothing on the 30th, a reminder on the 31st.
        run_reminder_sweep(today=date(2026, 12, 30))
        assert not self._reminded(consulent)
        run_reminder_sweep(today=date(2026, 12, 31))
        assert self._reminded(consulent)

    def test_without_it_the_default_deadline_holds(self, consulent, report):
        from cases.notifications.services import run_reminder_sweep

        run_reminder_sweep(today=date(2026, 12, 30))
        assert self._reminded(consulent)


@pytest.mark.django_db
class TestCalendarOf:
    def test_own_row_else_default_else_common(self, corporatie, other_org, partner_org):
        assert calendar_of(corporatie.pk) == working_days.DEFAULT  # no row at all yet
        default = ReminderSettings.current()
        default.liberation_day_every_year = True
        default.save()
        own = ReminderSettings.objects.create(organisation=corporatie, good_friday_off=True)
        ExtraDayOff.objects.create(settings=own, day=date(2026, 5, 15), description="Brugdag")
        with CaptureQueriesContext(connection) as queries:
            calendars = calendars_of([corporatie.pk, other_org.pk, partner_org.pk])
        assert len(queries) == 1
        ours = calendars.of(corporatie.pk)
        assert ours.good_friday_off and not ours.liberation_day_every_year
        assert ours.extra_days_off == {date(2026, 5, 15)}
        assert calendars.of(other_org.pk) == working_days.WorkingCalendar(
            liberation_day_every_year=True
        )
        assert calendar_of(partner_org.pk).liberation_day_every_year

    def test_legal_terms_ignore_the_organisation_calendar(self, corporatie):
        # Goede Vrijdag is always a feestdag for the Algemene termijnenwet, whatever the
        # organisation works: the term ending on 3 April 2026 moves to Tuesday 7 April.
        assert legal_terms.term_end(date(2026, 3, 20), days=14) == date(2026, 4, 7)
        assert not calendar_of(corporatie.pk).good_friday_off

    def test_use_default_drops_the_own_calendar_too(self, corporatie):
        admin = beheerder(corporatie)
        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            add_extra_day_off(
                actor=admin, organisation_id=corporatie.pk, day=date(2026, 12, 28), description="x"
            )
        assert calendar_of(corporatie.pk).extra_days_off == {date(2026, 12, 28)}
        use_default_reminder_settings(actor=admin, organisation_id=corporatie.pk)
        assert calendar_of(corporatie.pk) == working_days.DEFAULT
        # The removal is in the history, as every configuration change.
        assert ExtraDayOff.history.filter(history_type="-").count() == 1

    def test_the_first_own_row_copies_the_default_calendar(self, corporatie):
        regional = UserFactory(organisation=corporatie, role="Regionaal functioneel beheerder")
        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            add_extra_day_off(
                actor=regional, organisation_id=None, day=date(2026, 12, 31), description="Oud"
            )
            add_extra_day_off(
                actor=beheerder(corporatie),
                organisation_id=corporatie.pk,
                day=date(2026, 12, 28),
                description="Brugdag",
            )
        assert calendar_of(corporatie.pk).extra_days_off == {
            date(2026, 12, 28),
            date(2026, 12, 31),
        }


@pytest.mark.django_db
class TestRefusals:
    @pytest.fixture
    def admin(self, corporatie):
        return beheerder(corporatie)

    def _add(self, admin, day, description="Brugdag"):
        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            return add_extra_day_off(
                actor=admin, organisation_id=admin.organisation_id, day=day, description=description
            )

    @pytest.mark.parametrize(
        ("day", "description", "field", "text"),
        [
            (date(2025, 11, 28), "Brugdag", "day", "meer dan een jaar in het verleden"),
            (date(2062, 12, 1), "Brugdag", "day", "te ver in de toekomst"),
            (date(2026, 12, 5), "Brugdag", "day", "valt in het weekend"),
            (date(2026, 12, 25), "Brugdag", "day", "al een vrije dag: Eerste Kerstdag"),
            (date(2026, 12, 28), "  ", "description", "Geef een omschrijving"),
        ],
    )
    def test_nonsense_is_refused_in_dutch(self, admin, day, description, field, text):
        with pytest.raises(Refusal) as refused:
            self._add(admin, day, description)
        assert text in " ".join(refused.value.errors[field])
        assert not ExtraDayOff.objects.exists()

    def test_a_duplicate_is_refused(self, admin):
        self._add(admin, date(2026, 12, 28))
        with pytest.raises(Refusal) as refused:
            self._add(admin, date(2026, 12, 28), "Nog eens")
        assert "staat al" in refused.value.errors["day"][0]
        assert ExtraDayOff.objects.count() == 1

    def test_another_organisations_calendar_is_not_found(self, admin, other_org):
        with pytest.raises(Refusal) as refused:
            add_extra_day_off(
                actor=admin, organisation_id=other_org.pk, day=date(2026, 12, 28), description="x"
            )
        assert refused.value.kind == Refusal.NOT_FOUND


@pytest.mark.django_db
class TestActionItems:
    """An actiepunt's "due within N working days" counts in its owner organisation's
    calendar (its threshold is the owner's too), not in the lead's."""

    @pytest.fixture
    def item(self, consulent, partner_org):
        from cases.services.actions import add_action_item
        from tests.factories import access_for, share

        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            case = make_case(consulent)
            share(case, partner_org, "volledig", consulent)
            return add_action_item(
                actor=consulent,
                access=access_for(consulent, case),
                title="Huisbezoek plannen",
                owner_organisation=partner_org,
                due_on=date(2026, 12, 29),
            )

    def _brugdag(self, organisation):
        with time_machine.travel(at(2026, 12, 1, 10, 0), tick=False):
            add_extra_day_off(
                actor=beheerder(organisation),
                organisation_id=organisation.pk,
                day=date(2026, 12, 28),
                description="Brugdag",
            )

    def _due(self):
        return Notification.objects.filter(kind=Notification.Kind.ACTION_DUE)

    def test_the_owners_day_off_brings_the_reminder_forward(self, item, partner_org, partner_user):
        from cases.notifications.services import run_reminder_sweep

        # From Wednesday 23 December two working days end on Monday 28, before the 29th.
        run_reminder_sweep(today=date(2026, 12, 23))
        assert not self._due().exists()
        self._brugdag(partner_org)
        # With the owner's brugdag on the 28th they end on Tuesday 29: due within them.
        run_reminder_sweep(today=date(2026, 12, 23))
        assert self._due().exists()

    def test_the_leads_day_off_does_not(self, item, corporatie, partner_user):
        from cases.notifications.services import run_reminder_sweep

        self._brugdag(corporatie)
        run_reminder_sweep(today=date(2026, 12, 23))
        assert not self._due().exists()
