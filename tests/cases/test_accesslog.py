"""The access log (NEN 7513 style) and the privacy officer's pages."""

import csv
import io
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from cases import services
from cases.models import AccessLog
from cases.models.choices import AccessLevel, PersonRole
from partners.models import OrganisationKind
from tests.factories import (
    OrganisationFactory,
    UserFactory,
    access_for,
    add_person,
    add_report,
    make_case,
    share,
)


def table(response) -> str:
    """The log table of a page (the filter form lists organisations too)."""
    html = response.content.decode()
    return html[html.index("app-log-table") :] if "app-log-table" in html else ""


@pytest.fixture
def privacy(corporatie):
    return UserFactory(username="privacy", organisation=corporatie, role="Privacy officer")


@pytest.fixture
def politie(db):
    return UserFactory(
        username="politie",
        organisation=OrganisationFactory(name="Politie Midden", kind=OrganisationKind.POLITIE),
    )


def test_every_read_and_change_is_logged_with_all_fields(client_for, consulent, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    client = client_for(partner_user)
    client.get(reverse("cases:detail", args=[case.reference]), REMOTE_ADDR="10.1.2.3")
    client.get(reverse("cases:edit", args=[case.reference]))
    client.get(reverse("cases:list"), {"q": "Jansen"})

    read = AccessLog.objects.get(action=AccessLog.Action.VIEW, user=partner_user)
    assert read.at.utcoffset() == timedelta(0)  # stored and read back in UTC
    assert read.username == "gemeente"
    assert read.organisation_id_ref == partner_user.organisation_id
    assert read.organisation_name == "Gemeente Voorbeeld"
    assert (read.case_reference, read.case_id_ref) == (case.reference, case.pk)
    assert read.level == AccessLevel.PROCES
    assert read.purpose
    assert read.outcome == AccessLog.Outcome.ALLOWED
    assert read.client_address == "10.1.2.3"
    denied = AccessLog.objects.get(action=AccessLog.Action.CHANGE)
    assert denied.outcome == AccessLog.Outcome.DENIED  # proces may not edit: 404, logged
    search = AccessLog.objects.get(action=AccessLog.Action.SEARCH)
    assert "Jansen" not in search.resource


def test_privacy_officer_sees_who_read_the_case(client_for, consulent, politie, privacy):
    case = make_case(consulent)
    share(case, politie.organisation, AccessLevel.VOLLEDIG, consulent)
    client_for(politie).get(reverse("cases:detail", args=[case.reference]))
    outsider = UserFactory(username="buiten", organisation=OrganisationFactory())
    client_for(outsider).get(reverse("cases:detail", args=[case.reference]))

    client = client_for(privacy)
    html = table(client.get(reverse("cases:accesslog_case", args=[case.reference])))
    assert "Politie Midden" in html and "politie" in html
    assert "buiten" in html and "geweigerd" in html  # the denied attempt, too

    denied_only = table(
        client.get(reverse("cases:accesslog_case", args=[case.reference]), {"outcome": "denied"})
    )
    assert "buiten" in denied_only and "Politie Midden" not in denied_only
    by_user = table(client.get(reverse("cases:accesslog"), {"user": "politie"}))
    assert "Politie Midden" in by_user and "buiten" not in by_user
    tomorrow = (timezone.localdate() + timedelta(days=1)).isoformat()
    none = client.get(reverse("cases:accesslog"), {"date_from": tomorrow}).content.decode()
    assert "0 regels gevonden" in none
    bad = client.get(reverse("cases:accesslog"), {"date_from": "gisteren", "page": "x"})
    assert bad.status_code == 200

    own_reads = AccessLog.objects.filter(user=privacy, action=AccessLog.Action.VIEW)
    assert own_reads.filter(case_id_ref=case.pk).exists()  # reading the log is logged


def test_csv_export_is_complete_in_utc_and_logged(client_for, consulent, politie, privacy):
    case = make_case(consulent)
    share(case, politie.organisation, AccessLevel.VOLLEDIG, consulent)
    client_for(politie).get(reverse("cases:detail", args=[case.reference]), REMOTE_ADDR="10.0.0.7")
    response = client_for(privacy).get(
        reverse("cases:accesslog_case", args=[case.reference]), {"export": "csv"}
    )
    assert response["Content-Type"].startswith("text/csv")
    assert f"toegangslog-{case.reference}.csv" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "tijdstip (UTC)"
    politie_rows = [row for row in rows[1:] if row[1] == "politie"]
    assert len(politie_rows) == 1
    assert politie_rows[0][0].endswith("Z")
    assert politie_rows[0][4] == case.reference
    assert politie_rows[0][-1] == "10.0.0.7"
    export = AccessLog.objects.get(action=AccessLog.Action.EXPORT)
    assert (export.user, export.case_id_ref) == (privacy, case.pk)


def test_privacy_scope_is_the_own_organisation(client_for, consulent, other_org_user, privacy):
    foreign = make_case(other_org_user)
    client_for(other_org_user).get(reverse("cases:detail", args=[foreign.reference]))
    client = client_for(privacy)
    assert client.get(reverse("cases:accesslog_case", args=[foreign.reference])).status_code == 404
    assert AccessLog.objects.filter(
        user=privacy, outcome=AccessLog.Outcome.DENIED, case_reference=foreign.reference
    ).exists()
    overview = table(client.get(reverse("cases:accesslog")))
    assert "consulent-b" not in overview


def test_only_privacy_officers_read_the_log(client_for, consulent):
    case = make_case(consulent)
    client = client_for(consulent)
    assert client.get(reverse("cases:accesslog")).status_code == 403
    assert client.get(reverse("cases:accesslog_case", args=[case.reference])).status_code == 403
    assert client.get(reverse("cases:accesslog"), {"export": "csv"}).status_code == 403


def test_who_looked_at_this_persons_file(client_for, consulent, politie, partner_user, privacy):
    case = make_case(consulent)
    person = add_person(consulent, case, first_name="Jan", last_name="Jansen").person
    share(case, politie.organisation, AccessLevel.VOLLEDIG, consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    client_for(politie).get(reverse("cases:detail", args=[case.reference]))
    client_for(partner_user).get(reverse("cases:detail", args=[case.reference]))

    client = client_for(privacy)
    found = client.get(reverse("cases:accesslog_persons"), {"q": "jan jans"}).content.decode()
    assert "Jan Jansen" in found
    assert AccessLog.objects.filter(user=privacy, action=AccessLog.Action.SEARCH).exists()
    html = table(client.get(reverse("cases:accesslog_person", args=[person.pk])))
    assert "Politie Midden" in html
    assert "Gemeente Voorbeeld" not in html  # read at proces: no personal data shown
    assert AccessLog.objects.filter(user=privacy, person_id_ref=person.pk).exists()

    elsewhere = UserFactory(organisation=OrganisationFactory())
    stranger = add_person(elsewhere, make_case(elsewhere), last_name="Vreemd").person
    assert client.get(reverse("cases:accesslog_person", args=[stranger.pk])).status_code == 404


def test_the_lead_privacy_officer_does_not_find_a_melder_received_elsewhere(
    client_for, consulent, partner_user, privacy
):
    """A melder's identity stays with the organisation that received the melding, also for
    the privacy officer of the lead (issue 12)."""
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    melder = add_report(
        partner_user, case, new_melder={"first_name": "Greet", "last_name": "Geheimhouder"}
    ).melder
    client = client_for(privacy)
    found = client.get(reverse("cases:accesslog_persons"), {"q": "Geheimhouder"}).text
    assert "Greet Geheimhouder" not in found
    assert client.get(reverse("cases:accesslog_person", args=[melder.pk])).status_code == 404
    # The receiving organisation's privacy officer finds the melder.
    own = UserFactory(organisation=partner_user.organisation, role="Privacy officer")
    found = client_for(own).get(reverse("cases:accesslog_persons"), {"q": "Geheimhouder"}).text
    assert "Greet Geheimhouder" in found
    assert (
        client_for(own).get(reverse("cases:accesslog_person", args=[melder.pk])).status_code == 200
    )


def test_a_denied_attempt_on_a_foreign_case_stays_off_the_person_log(
    client_for, consulent, other_org_user, privacy
):
    """Shown on a person's log, a denied attempt on a foreign case (logged with its real id
    for the lead's privacy officer) would tell which foreign case involves the person, and
    let an insider probe references (issue 12)."""
    own_case = make_case(consulent)
    person = add_person(consulent, own_case, first_name="Piet", last_name="Probeer").person
    foreign = make_case(other_org_user)
    services.add_person(
        actor=other_org_user,
        access=access_for(other_org_user, foreign),
        role=PersonRole.BEWONER,
        person=person,
    )
    client_for(consulent).get(reverse("cases:detail", args=[foreign.reference]))
    denied = AccessLog.objects.get(user=consulent, outcome=AccessLog.Outcome.DENIED)
    assert denied.case_id_ref == foreign.pk  # logged for the lead of the foreign case

    html = table(client_for(privacy).get(reverse("cases:accesslog_person", args=[person.pk])))
    assert foreign.reference not in html
    # The foreign case's lead sees the attempt, on the case's log and on the person's.
    lead_privacy = UserFactory(organisation=other_org_user.organisation, role="Privacy officer")
    client = client_for(lead_privacy)
    case_log = table(client.get(reverse("cases:accesslog_case", args=[foreign.reference])))
    assert "consulent" in case_log and "geweigerd" in case_log
    person_log = table(client.get(reverse("cases:accesslog_person", args=[person.pk])))
    assert foreign.reference in person_log and "geweigerd" in person_log
