"""Reminder rules with frozen time: weekends and Dutch holidays count as no working day."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail

from cases.models import Notification, ReminderSettings
from cases.models.choices import AccessLevel, PersonRole
from cases.notifications.services import run_reminder_sweep, send_all_digests
from partners.models import EmailPreference
from tests.factories import UserFactory, add_note, add_person, add_report, make_case, share

AMS = ZoneInfo("Europe/Amsterdam")


def at(*args):
    return datetime(*args, tzinfo=AMS)


def kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


@pytest.fixture
def coordinator(corporatie):
    return UserFactory(username="coordinator", organisation=corporatie, role="Coordinator")


@pytest.fixture
def melding_case(consulent):
    # Opened on Friday 24 April 2026: the melding stage has a target of 2 working days.
    # Monday 27 April is Koningsdag, so the days that count are Tuesday 28 and Wednesday 29.
    with time_machine.travel(at(2026, 4, 24, 10, 0), tick=False):
        return make_case(consulent)


@pytest.mark.django_db
class TestStageOverTarget:
    def test_not_over_target_while_the_holiday_and_weekend_do_not_count(
        self, consulent, melding_case
    ):
        assert run_reminder_sweep(today=date(2026, 4, 29)) == 0
        assert kinds(consulent) == []

    def test_over_target_reminds_the_regisseur_once(self, consulent, melding_case, coordinator):
        created = run_reminder_sweep(today=date(2026, 4, 30))
        assert created == 1
        assert kinds(consulent) == [Notification.Kind.STAGE_OVERDUE]
        assert kinds(coordinator) == []
        notification = Notification.objects.get(recipient=consulent)
        assert melding_case.reference in notification.text
        assert notification.link == f"/zaken/{melding_case.reference}/"
        # The next sweeps (same day, next day) send nothing again for the same stage period.
        assert run_reminder_sweep(today=date(2026, 4, 30)) == 0
        assert run_reminder_sweep(today=date(2026, 5, 1)) == 0
        assert Notification.objects.filter(recipient=consulent).count() == 1

    def test_long_over_target_also_reminds_the_coordinator_of_the_lead(
        self, consulent, melding_case, coordinator, partner_org
    ):
        other_coordinator = UserFactory(organisation=partner_org, role="Coordinator")
        share(melding_case, partner_org, AccessLevel.VOLLEDIG, consulent)
        # Factor 2 × target 2: more than 4 working days. Friday 1 May is the 4th (28, 29, 30
        # April, 1 May); Monday 4 May the 5th. Bevrijdingsdag (5 May) is only a holiday in
        # lustrum years, and 2026 is not one.
        assert run_reminder_sweep(today=date(2026, 5, 1)) == 1
        assert run_reminder_sweep(today=date(2026, 5, 4)) == 2
        assert kinds(consulent) == [
            Notification.Kind.STAGE_LONG_OVERDUE,
            Notification.Kind.STAGE_OVERDUE,
        ]
        assert kinds(coordinator) == [Notification.Kind.STAGE_LONG_OVERDUE]
        assert kinds(other_coordinator) == []

    def test_the_factor_is_a_setting(self, consulent, melding_case, coordinator):
        config = ReminderSettings.current()
        config.stage_long_overdue_factor = 5
        config.save()
        run_reminder_sweep(today=date(2026, 5, 5))
        assert kinds(coordinator) == []

    def test_closed_cases_are_not_reminded(self, consulent, melding_case):
        from tests.factories import set_case_state

        set_case_state(melding_case, consulent, closed_on=date(2026, 4, 28))
        assert run_reminder_sweep(today=date(2026, 5, 5)) == 0


@pytest.mark.django_db
class TestMelderContact:
    @pytest.fixture
    def report(self, consulent, melding_case):
        # Received on Thursday 24 December 2026: Kerst (25, 26) and the weekend do not count;
        # the two working days are Monday 28 and Tuesday 29 December.
        return add_report(
            consulent,
            melding_case,
            received_at=at(2026, 12, 24, 16, 0),
            new_melder={"last_name": "Jansen"},
        )

    def _melder_reminders(self, user):
        return Notification.objects.filter(recipient=user, kind=Notification.Kind.MELDER_CONTACT)

    def test_within_two_working_days_no_reminder(self, consulent, report):
        run_reminder_sweep(today=date(2026, 12, 29))
        assert not self._melder_reminders(consulent).exists()

    def test_after_two_working_days_the_regisseur_is_reminded(self, consulent, report):
        run_reminder_sweep(today=date(2026, 12, 30))
        assert self._melder_reminders(consulent).count() == 1
        run_reminder_sweep(today=date(2026, 12, 31))
        assert self._melder_reminders(consulent).count() == 1

    def test_a_contact_with_the_melder_prevents_it(self, consulent, melding_case, report):
        add_note(consulent, melding_case, occurred_on=date(2026, 12, 28), melder_contact=True)
        run_reminder_sweep(today=date(2026, 12, 30))
        assert not self._melder_reminders(consulent).exists()

    def test_an_ordinary_note_does_not_count_as_contact(self, consulent, melding_case, report):
        add_note(consulent, melding_case, occurred_on=date(2026, 12, 28))
        run_reminder_sweep(today=date(2026, 12, 30))
        assert self._melder_reminders(consulent).count() == 1

    def test_anonymous_meldingen_need_no_contact(self, consulent, melding_case):
        add_report(
            consulent, melding_case, received_at=at(2026, 12, 1, 9, 0), melder_anonymous=True
        )
        run_reminder_sweep(today=date(2026, 12, 30))
        assert not self._melder_reminders(consulent).exists()


@pytest.mark.django_db
class TestEmail:
    def test_each_notification_is_mailed_once_without_personal_data(
        self, consulent, melding_case, django_capture_on_commit_callbacks
    ):
        consulent.email = "carla@example.nl"
        consulent.save()
        add_person(consulent, melding_case, last_name="Uniekenaam")
        with django_capture_on_commit_callbacks(execute=True):
            run_reminder_sweep(today=date(2026, 4, 30))
        assert len(mail.outbox) == 1
        message = mail.outbox[0]
        assert message.to == ["carla@example.nl"]
        assert melding_case.reference in message.body
        assert f"/zaken/{melding_case.reference}/" in message.body
        assert "Uniekenaam" not in message.body
        assert melding_case.street not in message.body
        from cases.notifications.services import send_notification_email_now

        notification = Notification.objects.get(recipient=consulent)
        assert send_notification_email_now(notification.pk) is False
        assert len(mail.outbox) == 1

    def test_digest_users_get_one_mail_a_day(self, consulent, melding_case):
        consulent.email = "carla@example.nl"
        consulent.notification_email = EmailPreference.DIGEST
        consulent.save()
        add_person(consulent, melding_case, role=PersonRole.BEWONER, last_name="Jansen")
        run_reminder_sweep(today=date(2026, 5, 5))
        assert len(mail.outbox) == 0
        assert send_all_digests(day=date(2026, 5, 5)) == 1
        assert send_all_digests(day=date(2026, 5, 5)) == 0
        assert len(mail.outbox) == 1
        assert melding_case.reference in mail.outbox[0].body

    def test_no_mail_for_users_who_chose_none(
        self, consulent, melding_case, django_capture_on_commit_callbacks
    ):
        consulent.email = "carla@example.nl"
        consulent.notification_email = EmailPreference.NONE
        consulent.save()
        with django_capture_on_commit_callbacks(execute=True):
            run_reminder_sweep(today=date(2026, 4, 30))
        assert Notification.objects.filter(recipient=consulent).count() == 1
        assert send_all_digests(day=date(2026, 4, 30)) == 0
        assert mail.outbox == []


@pytest.mark.django_db
class TestActionItems:
    """Due within 2 working days → the owner; overdue → again once a week until done."""

    @pytest.fixture
    def item(self, consulent, melding_case, partner_org):
        from cases.services.actions import add_action_item
        from tests.factories import access_for

        share(melding_case, partner_org, AccessLevel.VOLLEDIG, consulent)
        # Due Monday 28 December 2026: from Thursday 24 December the working days are
        # Monday 28 (Kerst and the weekend do not count), so the reminder comes on the 24th.
        return add_action_item(
            actor=consulent,
            access=access_for(consulent, melding_case),
            title="Huisbezoek plannen",
            owner_organisation=partner_org,
            due_on=date(2026, 12, 28),
        )

    def _reminders(self, kind):
        return Notification.objects.filter(kind=kind)

    def test_not_yet_when_the_deadline_is_further_than_two_working_days(self, item):
        run_reminder_sweep(today=date(2026, 12, 22))
        assert not self._reminders(Notification.Kind.ACTION_DUE).exists()

    def test_without_an_owner_person_the_organisations_case_workers_are_reminded(
        self, item, partner_user, partner_org
    ):
        reader = UserFactory(organisation=partner_org, role="Lezer")
        run_reminder_sweep(today=date(2026, 12, 24))
        due = self._reminders(Notification.Kind.ACTION_DUE)
        assert list(due.values_list("recipient", flat=True)) == [partner_user.pk]
        assert not due.filter(recipient=reader).exists()
        run_reminder_sweep(today=date(2026, 12, 28))
        assert due.count() == 1

    def test_overdue_reminds_once_a_week_until_done(self, item, partner_user, consulent):
        from cases.services.actions import complete_action_item
        from tests.factories import access_for

        run_reminder_sweep(today=date(2026, 12, 29))
        run_reminder_sweep(today=date(2026, 12, 31))
        overdue = self._reminders(Notification.Kind.ACTION_OVERDUE)
        assert overdue.count() == 1
        run_reminder_sweep(today=date(2027, 1, 5))
        assert overdue.count() == 2
        complete_action_item(
            actor=partner_user, access=access_for(partner_user, item.case), item=item
        )
        run_reminder_sweep(today=date(2027, 1, 12))
        assert overdue.count() == 2


@pytest.mark.django_db
def test_a_wvggz_verkennend_onderzoek_open_over_14_days_reminds_its_owner(
    consulent, melding_case, partner_org, partner_user
):
    from cases.services.measures import add_measure
    from partners.models import Instrument
    from tests.factories import access_for

    share(melding_case, partner_org, AccessLevel.VOLLEDIG, consulent)
    onderzoek = Instrument.objects.get(name__icontains="verkennend onderzoek wvggz")
    add_measure(
        actor=consulent,
        access=access_for(consulent, melding_case),
        instrument=onderzoek,
        owner_organisation=partner_org,
        start_date=date(2026, 6, 1),
    )
    open_too_long = Notification.objects.filter(kind=Notification.Kind.MEASURE_OPEN)
    run_reminder_sweep(today=date(2026, 6, 15))
    assert not open_too_long.exists()
    run_reminder_sweep(today=date(2026, 6, 16))
    run_reminder_sweep(today=date(2026, 6, 17))
    assert list(open_too_long.values_list("recipient", flat=True)) == [partner_user.pk]


@pytest.mark.django_db
def test_a_measure_owner_lowered_to_bestaan_is_not_reminded(
    consulent, melding_case, partner_org, partner_user, django_capture_on_commit_callbacks
):
    """A reminder is process information: an owner organisation whose share was lowered to
    bestaan gets neither the notification nor its e-mail, and older ones leave its inbox."""
    from cases import services
    from cases.notifications import selectors as inbox
    from cases.services.measures import add_measure
    from partners.models import Instrument
    from tests.factories import access_for

    partner_user.email = "gerda@example.nl"
    partner_user.save()
    participation = share(melding_case, partner_org, AccessLevel.VOLLEDIG, consulent)
    add_measure(
        actor=consulent,
        access=access_for(consulent, melding_case),
        instrument=Instrument.objects.get(name__icontains="verkennend onderzoek wvggz"),
        owner_organisation=partner_org,
        start_date=date(2026, 6, 1),
    )
    run_reminder_sweep(today=date(2026, 6, 16))
    assert inbox.unread_count(partner_user) == 1
    services.change_share_level(
        actor=consulent,
        access=access_for(consulent, melding_case),
        participation=participation,
        level=AccessLevel.BESTAAN,
    )
    assert inbox.unread_count(partner_user) == 0
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        run_reminder_sweep(today=date(2026, 6, 17))
    assert not Notification.objects.filter(recipient=partner_user).exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_wvggz_term_follows_the_algemene_termijnenwet(
    consulent, melding_case, partner_org, partner_user
):
    """14 days from 30 April 2026 end on Hemelvaartsdag (14 May): the term runs to Friday 15 May,
    so the reminder comes on the 16th, not the 15th."""
    from cases.services.measures import add_measure
    from partners.models import Instrument
    from tests.factories import access_for

    share(melding_case, partner_org, AccessLevel.VOLLEDIG, consulent)
    add_measure(
        actor=consulent,
        access=access_for(consulent, melding_case),
        instrument=Instrument.objects.get(name__icontains="verkennend onderzoek wvggz"),
        owner_organisation=partner_org,
        start_date=date(2026, 4, 30),
    )
    open_too_long = Notification.objects.filter(kind=Notification.Kind.MEASURE_OPEN)
    run_reminder_sweep(today=date(2026, 5, 15))
    assert not open_too_long.exists()
    run_reminder_sweep(today=date(2026, 5, 16))
    assert open_too_long.filter(recipient=partner_user).exists()
