"""`manage.py seed_demo`: complete, realistic enough to demo, and idempotent."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.db.models import Count
from django.test import RequestFactory
from django.utils import timezone

from cases import access
from cases.models import (
    Case,
    CasePerson,
    Event,
    InzageVerzoek,
    Note,
    Participation,
    Person,
    Report,
    Stage,
)
from cases.models.case import postcode_validator
from partners.models import Organisation, User

PASSWORD = "demo-wachtwoord-2026"
USERS = {
    "consulent": ("corporatie", "Medewerker"),
    "consulent-b": ("corporatie", "Medewerker"),
    "coordinator": ("gemeente", "Coordinator"),
    "gemeente": ("gemeente", "Medewerker"),
    "politie": ("politie", "Medewerker"),
    "ggd": ("ggd", "Medewerker"),
    "beheer": ("gemeente", "Regionaal functioneel beheerder"),
    "privacy": ("corporatie", "Privacy officer"),
    "beheerder": ("corporatie", "Beheerder"),
    "beheerder-b": ("corporatie", "Beheerder"),
    "beheer-b": ("corporatie", "Functioneel beheerder"),
}


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def login_request():
    # django-axes (first backend) needs the request it would count a failure against.
    return RequestFactory().post("/account/login/")


def seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def counts() -> dict[str, int]:
    models = (Organisation, User, Case, Person, CasePerson, Report, Note, Participation, Event)
    return {model.__name__: model.objects.count() for model in models}


@pytest.mark.django_db
def test_seed_demo_twice_creates_everything_once():
    seed(password=PASSWORD)
    first = counts()
    output = seed(password=PASSWORD)

    assert counts() == first
    assert "bestaan al" in output
    assert Case.objects.count() >= 40
    for username, (kind, role) in USERS.items():
        user = User.objects.get(username=username)
        assert user.organisation is not None
        if kind:
            assert user.organisation.kind == kind
        assert user.groups.filter(name=role).exists()
        assert user.email.endswith(".example")
        assert authenticate(login_request(), username=username, password=PASSWORD) == user
    consulent = User.objects.get(username="consulent")
    consulent_b = User.objects.get(username="consulent-b")
    assert consulent.organisation != consulent_b.organisation
    # Administration per organisation: a Beheerder of each corporatie, a functional admin of
    # corporatie B, the regional functional admin; nobody may open the Django admin.
    assert User.objects.get(username="beheerder").organisation == consulent.organisation
    assert User.objects.get(username="beheerder-b").organisation == consulent_b.organisation
    assert User.objects.get(username="beheer-b").organisation == consulent_b.organisation
    assert User.objects.get(username="beheer").has_perm("cases.manage_regional_defaults")
    assert not User.objects.get(username="beheer-b").has_perm("cases.manage_regional_defaults")
    assert not User.objects.filter(is_staff=True).exists()
    # The privacy officer has one open inzageverzoek, about a person De Linde knows.
    [verzoek] = InzageVerzoek.objects.all()
    privacy = User.objects.get(username="privacy")
    assert verzoek.is_open and verzoek.organisation == privacy.organisation
    assert access.privacy_persons(privacy).filter(pk=verzoek.person_id).exists()
    assert set(Organisation.objects.values_list("kind", flat=True)) >= {
        "corporatie",
        "gemeente",
        "politie",
        "ggd",
        "zorg",
    }


@pytest.mark.django_db
def test_seed_demo_data_is_spread_and_shared():
    seed(password=PASSWORD)
    cases = Case.objects.all()

    stages = Stage.objects.filter(workflow__name="Standaard woonoverlast")
    assert set(cases.values_list("stage", flat=True)) == set(stages.values_list("pk", flat=True))
    assert cases.filter(closed_on__isnull=False).exclude(result="").count() >= 3
    assert cases.filter(regisseur__username="consulent").count() >= 20
    assert cases.filter(lead_organisation__members__username="consulent-b").count() >= 3
    for case in cases:
        postcode_validator(case.postcode)
        assert case.city == "Rivierstad"
        assert 1 <= case.reports.count() <= 5
        assert 1 <= case.case_persons.exclude(role="melder").count() <= 3
        assert case.notes.exists()
    assert (timezone.localdate() - cases.order_by("opened_on").first().opened_on).days > 365

    reports = Report.objects.all()
    assert reports.filter(melder_anonymous=True).exists()
    assert reports.filter(melder__isnull=False).exists()
    in_two_cases = Person.objects.annotate(n=Count("case_roles__case", distinct=True))
    assert in_two_cases.filter(n__gte=2).exists()

    shares = Participation.objects.filter(revoked_at__isnull=True)
    assert shares.filter(organisation__kind="gemeente", level="volledig").count() >= 10
    assert shares.filter(organisation__kind="politie", level="proces").count() >= 8
    assert shares.filter(organisation__kind="ggd", level="volledig").count() >= 3
    assert shares.filter(organisation__kind="corporatie", level="bestaan").exists()
    assert not shares.filter(legal_ground="convenant", convenant_name="").exists()
    care_note = Note.objects.get(sensitivity="zorg")
    assert care_note.author.username == "ggd"
    assert shares.filter(case=care_note.case, organisation__kind="ggd").exists()

    # The timeline has a past, and each stage change says where it came from.
    assert Event.objects.filter(occurred_at__lt=timezone.now() - timedelta(days=300)).exists()
    change = Event.objects.filter(kind=Event.Kind.STAGE_CHANGED).first()
    assert {"from", "to"} <= set(change.data)
    # Backdating stopped with the seeding: new events are stamped now again.
    default = Event._meta.get_field("occurred_at").get_default()
    assert abs(default - timezone.now()) < timedelta(seconds=5)


@pytest.mark.django_db
def test_seed_demo_generates_a_password_once(monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = seed()
    password = re.search(r"Wachtwoord voor alle demo-gebruikers: (\S+)", output).group(1)
    assert authenticate(login_request(), username="politie", password=password) is not None

    again = seed()
    assert "Wachtwoord voor" not in again
    assert "houden hun wachtwoord" in again
    assert authenticate(login_request(), username="politie", password=password) is not None

    # A demo user that went missing comes back with a new password; the others keep theirs.
    User.objects.get(username="beheer").delete()
    partial = seed()
    new = re.search(r"Wachtwoord voor de nieuwe demo-gebruikers: (\S+)", partial).group(1)
    assert authenticate(login_request(), username="beheer", password=new) is not None
    assert authenticate(login_request(), username="politie", password=password) is not None
    assert authenticate(login_request(), username="politie", password=new) is None


@pytest.mark.django_db
def test_seed_demo_takes_the_password_from_the_environment(monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    output = seed()
    assert PASSWORD not in output
    assert authenticate(login_request(), username="ggd", password=PASSWORD) is not None
