"""Letter templates: a fixed set of invulplekken, no code, and each organisation its own."""

import pytest

from cases.documents.letters.models import LetterTemplate
from cases.documents.letters.placeholders import PLACEHOLDERS, fill, has_code, unknown_placeholders
from cases.documents.letters.seed import TEMPLATES
from cases.documents.letters.services import save_letter_template
from tests.factories import UserFactory
from woonoverlast.refusals import Refusal

pytestmark = pytest.mark.django_db

FIELDS = {
    "name": "Tweede waarschuwing",
    "instrument": None,
    "stage": "Vrijwillig kader",
    "subject": "Waarschuwing {{ zaak.kenmerk }}",
    "body": "Geachte {{ betrokkene.naam }},\n\nDe overlast aan {{ zaak.adres }} moet stoppen.",
    "term_kind": "",
    "default_term_weeks": 2,
    "active": True,
}


@pytest.fixture
def admin(corporatie):
    return UserFactory(organisation=corporatie, role="Functioneel beheerder")


def test_fill_replaces_only_the_known_names_and_runs_nothing():
    text = "{{ zaak.adres }} {{zaak.kenmerk}} {{ betrokkene.naam|upper }}"
    assert unknown_placeholders(text) == ["betrokkene.naam|upper"]
    assert fill("Aan {{ betrokkene.naam }}.", {"betrokkene.naam": "<b>Henk</b>"}) == (
        "Aan <b>Henk</b>."
    )
    assert has_code("{% load static %}") and has_code("{# stil #}") and has_code("{{ open")
    assert not has_code("Aan {{ betrokkene.naam }}, 3 {x}.")


def test_every_seeded_template_uses_known_invulplekken_only():
    for name, _instrument, _stage, subject, body, _term in TEMPLATES:
        assert not unknown_placeholders(subject + body), name
        assert not has_code(subject + body), name
    assert len(TEMPLATES) >= 5 and len(PLACEHOLDERS) >= 8


def test_an_unknown_invulplek_is_refused_in_dutch_naming_it(admin):
    with pytest.raises(Refusal) as refused:
        save_letter_template(
            actor=admin, template=None, **{**FIELDS, "body": "Beste {{ betrokkene.voornaam }}"}
        )
    assert refused.value.kind == Refusal.INVALID
    assert "Onbekende invulplek: {{ betrokkene.voornaam }}" in refused.value.errors["body"][0]
    assert not LetterTemplate.objects.exists()


def test_template_code_is_refused(admin):
    with pytest.raises(Refusal) as refused:
        save_letter_template(
            actor=admin, template=None, **{**FIELDS, "subject": "{% now 'Y' %} brief"}
        )
    assert "geen opdrachten" in refused.value.errors["subject"][0]
    assert not LetterTemplate.objects.exists()


def test_the_admin_of_another_organisation_cannot_change_the_template(admin, other_org, client_for):
    template = save_letter_template(actor=admin, template=None, **FIELDS)
    admin_b = UserFactory(organisation=other_org, role="Functioneel beheerder")
    with pytest.raises(Refusal) as refused:
        save_letter_template(actor=admin_b, template=template, **{**FIELDS, "name": "Gekaapt"})
    assert refused.value.kind == Refusal.NOT_FOUND
    client = client_for(admin_b)
    url = f"/beheer/briefsjablonen/{template.pk}/"
    assert client.get(url).status_code == 404
    assert client.post(url, {**FIELDS, "instrument": "", "name": "Gekaapt"}).status_code == 404
    template.refresh_from_db()
    assert template.name == "Tweede waarschuwing"
    assert "Tweede waarschuwing" not in client.get("/beheer/briefsjablonen/").content.decode()


def test_the_admin_edits_through_the_page_and_sees_the_refusal(admin, client_for):
    client = client_for(admin)
    data = {**FIELDS, "instrument": "", "active": "on"}
    response = client.post("/beheer/briefsjablonen/nieuw/", {**data, "body": "{{ zaak.eigenaar }}"})
    assert response.status_code == 200
    assert "Onbekende invulplek: {{ zaak.eigenaar }}" in response.content.decode()
    assert not LetterTemplate.objects.exists()
    response = client.post("/beheer/briefsjablonen/nieuw/", data)
    assert response.status_code == 302
    assert LetterTemplate.objects.get().organisation == admin.organisation


def test_a_consulent_may_not_manage_templates(consulent, client_for):
    client = client_for(consulent)
    assert client.get("/beheer/briefsjablonen/").status_code == 403
    assert client.post("/beheer/briefsjablonen/nieuw/", {"name": "x"}).status_code == 403
