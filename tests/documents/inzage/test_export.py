"""The inzage export, rendered for real and read back: the person's own data in, other
persons and melders who did not agree out; the JSON's shape; the dry run counts what the
export holds; every dry run and export logged per case."""

import io
import json

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from cases import services
from cases.documents.inzage.content import build_inzage
from cases.documents.inzage.pdf import render_inzage_pdf
from cases.documents.inzage.services import register_inzageverzoek
from cases.models import AccessLog
from cases.models.choices import AccessLevel, NoteKind, Visibility
from tests.factories import access_for, add_note, add_person, make_case, share

from .conftest import CAUSER, NAMED_MELDER, OTHER, SILENT_MELDER

pytestmark = pytest.mark.django_db


def pdf_text(body: bytes) -> str:
    reader = PdfReader(io.BytesIO(body))
    return "\n".join(page.extract_text() for page in reader.pages)


def download(client, name, verzoek):
    response = client.get(reverse(f"inzage:{name}", args=[verzoek.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    return response.content


def test_the_pdf_holds_the_person_and_leaves_the_others_out(client_for, privacy, verzoek, story):
    text = pdf_text(download(client_for(privacy), "pdf", verzoek))
    assert CAUSER[0] in text and CAUSER[1] in text
    assert story.case.reference in text
    assert "Lijsterbesstraat" in text  # the address of the case about them
    assert "Buurtbemiddeling" in text and "Opschalen" in text  # measure and decision
    assert "Huisbezoek bij Vera Kloosterman" in text
    assert OTHER[1] not in text and OTHER[0] not in text  # the other bewoner, also in free text
    assert SILENT_MELDER[1] not in text and SILENT_MELDER[0] not in text
    assert "melder 1" in text and "[betrokkene]" in text
    assert NAMED_MELDER[1] in text  # she agreed to be named


def test_a_melder_gets_their_own_melding_and_nothing_about_the_others(privacy, story):
    verzoek = register_inzageverzoek(
        actor=privacy,
        person=story.silent_melder,
        received_on=timezone.localdate(),
        identity_checked_by="paspoort",
    )
    content = build_inzage(privacy, verzoek)
    [case] = content.cases
    assert case.only_melder and case.counts() == {
        "reports": 1,
        "notes": 0,
        "measures": 0,
        "decisions": 0,
    }
    text = pdf_text(render_inzage_pdf(content)[0])
    assert SILENT_MELDER[1] in text and "Geschreeuw in de nacht" in text
    for absent in (CAUSER[1], OTHER[1], NAMED_MELDER[1], "Lijsterbesstraat", "Harde muziek"):
        assert absent not in text


def test_a_partners_own_notes_and_foreign_cases_stay_out(
    privacy, verzoek, story, consulent, partner_user, other_org_user
):
    share(story.case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    add_note(
        partner_user,
        story.case,
        kind=NoteKind.GESPREK,
        text="Eigen notitie van de gemeente.",
        visibility=Visibility.OWN_ORGANISATION,
    )
    # The same person in a case another corporatie leads: not this organisation's data.
    foreign = make_case(other_org_user, street="Zuidlaan")
    add_person(other_org_user, foreign, "bewoner", person=story.causer)
    content = build_inzage(privacy, verzoek)
    assert [case.reference for case in content.cases] == [story.case.reference]
    texts = [note["text"] for note in content.cases[0].notes]
    assert "Eigen notitie van de gemeente." not in texts


def test_the_further_addresses_are_listed_with_the_address(
    client_for, privacy, verzoek, story, consulent
):
    services.add_case_address(
        actor=consulent,
        access=access_for(consulent, story.case),
        street="Vorigeweg",
        house_number="8",
        postcode="1234 AC",
        city="Utrecht",
        note="eerder adres van Bert Hagedoorn",
    )
    data = json.loads(download(client_for(privacy), "json", verzoek))
    [case] = data["cases"]
    assert case["other_addresses"] == [
        {
            "address": "Vorigeweg 8, 1234 AC Utrecht",
            "valid_from": None,
            "valid_until": None,
            "note": "eerder adres van [betrokkene]",
        }
    ]
    assert "Vorigeweg 8, 1234 AC Utrecht" in pdf_text(download(client_for(privacy), "pdf", verzoek))


def test_the_json_has_a_stable_shape(client_for, privacy, verzoek, story):
    data = json.loads(download(client_for(privacy), "json", verzoek))
    assert set(data) == {"format", "made_at", "request", "person", "cases", "access_log"}
    assert data["format"] == "woonoverlast-inzage/1"
    assert data["request"] == {
        "number": verzoek.number,
        "organisation": privacy.organisation.name,
        "received_on": verzoek.received_on.isoformat(),
        "deadline": verzoek.deadline.isoformat(),
    }
    assert data["person"] == {
        "first_name": CAUSER[0],
        "last_name": CAUSER[1],
        "birth_date": None,
        "phone": "",
        "email": "",
    }
    [case] = data["cases"]
    assert set(case) == {
        "reference",
        "roles",
        "address",
        "other_addresses",
        "opened_on",
        "closed_on",
        "stage",
        "summary",
        "reports",
        "notes",
        "measures",
        "decisions",
    }
    assert case["roles"] == ["veroorzaker"]
    assert case["summary"] == "Overlast door [betrokkene]."
    assert set(case["reports"][0]) == {"received_at", "category", "source", "melder", "description"}
    assert sorted(r["melder"] for r in case["reports"]) == ["Connie Lindeboom", "melder 1"]
    assert set(case["notes"][0]) == {"date", "kind", "organisation", "sensitivity", "text"}
    assert case["notes"][0]["text"] == (
        "Huisbezoek bij Vera Kloosterman; [betrokkene] en [betrokkene] waren er ook."
    )
    assert set(case["measures"][0]) == {
        "instrument",
        "organisation",
        "start_date",
        "planned_end",
        "status",
        "outcome",
    }
    assert set(case["decisions"][0]) == {"date", "body", "kind", "text"}
    assert case["decisions"][0]["text"] == "Opschalen; [betrokkene] wordt gehoord."
    assert OTHER[1] not in json.dumps(data) and SILENT_MELDER[1] not in json.dumps(data)


def test_the_dry_run_counts_what_the_export_holds(client_for, privacy, verzoek, consulent, story):
    client = client_for(privacy)
    # Someone read the case in full: a row for "wie heeft uw dossier ingezien".
    assert client_for(consulent).get(reverse("cases:detail", args=[story.case.reference]))
    client = client_for(privacy)
    dry_run = client.get(reverse("inzage:detail", args=[verzoek.pk]))
    totals = dry_run.context["totals"]
    assert totals["cases"] == 1 and totals["access_log"] >= 1
    data = json.loads(download(client, "json", verzoek))
    assert totals == {
        "cases": len(data["cases"]),
        "reports": sum(len(c["reports"]) for c in data["cases"]),
        "notes": sum(len(c["notes"]) for c in data["cases"]),
        "measures": sum(len(c["measures"]) for c in data["cases"]),
        "decisions": sum(len(c["decisions"]) for c in data["cases"]),
        "access_log": len(data["access_log"]),
    }
    assert totals["reports"] == 2 and totals["notes"] == 1
    assert totals["measures"] == 1 and totals["decisions"] == 1


def test_every_dry_run_and_export_is_logged_per_case(client_for, privacy, verzoek, story):
    client = client_for(privacy)
    client.get(reverse("inzage:detail", args=[verzoek.pk]))
    download(client, "pdf", verzoek)
    download(client, "json", verzoek)
    rows = AccessLog.objects.filter(user=privacy, action=AccessLog.Action.EXPORT).order_by("id")
    assert [row.resource.rsplit(": ", 1)[1] for row in rows] == [
        "proefdraai",
        "export PDF",
        "export JSON",
    ]
    for row in rows:
        assert row.case_id_ref == story.case.pk and row.person_id_ref == story.causer.pk
        assert row.level == AccessLevel.VOLLEDIG and row.outcome == AccessLog.Outcome.ALLOWED
    # The answering of this verzoek is not itself in its export; the page reads it back.
    data = json.loads(download(client, "json", verzoek))
    assert all("inzageverzoek" not in row["purpose"] for row in data["access_log"])
