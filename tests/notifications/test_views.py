import pytest
from django.urls import reverse

from cases import services
from cases.models import Notification, ReminderSettings
from cases.models.choices import AccessLevel
from cases.notifications.services import notify
from partners.models import EmailPreference
from tests.factories import UserFactory, access_for, make_case, share


@pytest.fixture
def case(consulent):
    return make_case(consulent)


def _notify(user, case, key="k1"):
    return notify(
        [user],
        key=key,
        kind=Notification.Kind.STAGE_OVERDUE,
        text=f"{case.reference} staat over de streefduur.",
        case=case,
        link=reverse("cases:detail", args=[case.reference]),
    )


@pytest.mark.django_db
def test_inbox_lists_unread_and_the_header_counts_them(client_for, consulent, case):
    _notify(consulent, case)
    response = client_for(consulent).get(reverse("notifications:list"))
    assert response.status_code == 200
    assert case.reference in response.text
    assert 'class="app-counter">1' in response.text


@pytest.mark.django_db
def test_opening_marks_read_and_goes_to_the_case(client_for, consulent, case):
    (notification,) = _notify(consulent, case)
    response = client_for(consulent).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.reference])
    notification.refresh_from_db()
    assert notification.read_at is not None


@pytest.mark.django_db
def test_mark_selected_and_all_read(client_for, consulent, case):
    first, second = _notify(consulent, case, "a")[0], _notify(consulent, case, "b")[0]
    client = client_for(consulent)
    client.post(reverse("notifications:mark_read"), {"notification": [first.pk]})
    assert Notification.objects.filter(read_at__isnull=True).get() == second
    response = client.post(reverse("notifications:mark_read"), {})
    assert Notification.objects.filter(read_at__isnull=True).count() == 1, "nothing selected"
    assert response.status_code == 302
    client.post(reverse("notifications:mark_read"), {"alle": "1"})
    assert not Notification.objects.filter(read_at__isnull=True).exists()


@pytest.mark.django_db
def test_someone_elses_notification_is_404(client_for, consulent, colleague, case):
    (notification,) = _notify(consulent, case)
    response = client_for(colleague).get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 404
    notification.refresh_from_db()
    assert notification.read_at is None


@pytest.mark.django_db
def test_a_case_no_longer_shared_disappears_from_the_inbox(
    client_for, consulent, partner_user, partner_org, case
):
    participation = share(case, partner_org, AccessLevel.VOLLEDIG, consulent)
    (notification,) = _notify(partner_user, case)
    services.revoke_share(
        actor=consulent, access=access_for(consulent, case), participation=participation
    )
    client = client_for(partner_user)
    response = client.get(reverse("notifications:list") + "?toon=alle")
    assert case.reference not in response.text
    assert 'class="app-counter"' not in response.text
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404


@pytest.mark.django_db
def test_no_notification_for_a_recipient_who_cannot_see_the_case(other_org_user, case):
    assert _notify(other_org_user, case) == []
    assert not Notification.objects.exists()


@pytest.mark.django_db
def test_email_preference_is_saved_and_bad_input_refused(client_for, consulent):
    client = client_for(consulent)
    response = client.post(reverse("notifications:preference"), {"notification_email": "x"})
    assert response.status_code == 200
    assert "Selecteer een geldige keuze" in response.text
    consulent.refresh_from_db()
    assert consulent.notification_email == EmailPreference.EACH
    client.post(reverse("notifications:preference"), {"notification_email": "dagelijks"})
    consulent.refresh_from_db()
    assert consulent.notification_email == EmailPreference.DIGEST


@pytest.mark.django_db
def test_reminder_settings_for_the_functional_admin_only(client_for, consulent, corporatie):
    beheer = UserFactory(organisation=corporatie, role="Functioneel beheerder")
    url = reverse("instellingen:reminders")
    assert client_for(consulent).get(url).status_code == 403
    client = client_for(beheer)
    assert client.get(url).status_code == 200
    data = {
        "action_due_working_days": 3,
        "stage_long_overdue_factor": "1",
        "melder_contact_working_days": 2,
        "long_open_instrument_name": "Wvggz verkennend onderzoek",
        "long_open_days": 14,
    }
    response = client.post(url, data)
    assert "groter zijn dan 1" in response.text
    assert ReminderSettings.for_organisation(corporatie.pk).action_due_working_days == 2
    client.post(url, {**data, "stage_long_overdue_factor": "3"})
    # The organisation's own thresholds; the regional default stays as it was.
    config = ReminderSettings.for_organisation(corporatie.pk)
    assert config.organisation == corporatie
    assert (config.action_due_working_days, config.stage_long_overdue_factor) == (3, 3)
    assert ReminderSettings.current().action_due_working_days == 2
