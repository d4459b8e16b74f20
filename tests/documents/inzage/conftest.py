"""A case of the corporatie with a veroorzaker, another bewoner, a melder who did not agree to
be named and one who did; a privacy officer of the corporatie and of another organisation."""

from dataclasses import dataclass

import pytest
from django.utils import timezone

from cases import services
from cases.documents.inzage.services import register_inzageverzoek
from cases.models import Decision, Person
from cases.models.choices import NoteKind, Visibility
from partners.models import Instrument
from tests.factories import UserFactory, access_for, add_note, add_person, add_report, make_case

# Names that appear nowhere else in a PDF, so a test can look for each of them.
CAUSER = ("Vera", "Kloosterman")
OTHER = ("Bert", "Hagedoorn")
SILENT_MELDER = ("Mila", "Zandvoort")
NAMED_MELDER = ("Connie", "Lindeboom")


@dataclass
class Story:
    case: object
    causer: Person
    other: Person
    silent_melder: Person
    named_melder: Person


@pytest.fixture
def privacy(corporatie):
    return UserFactory(
        username="privacy",
        first_name="Fatima",
        last_name="Bouzid",
        organisation=corporatie,
        role="Privacy officer",
    )


@pytest.fixture
def foreign_privacy(other_org):
    return UserFactory(username="privacy-b", organisation=other_org, role="Privacy officer")


@pytest.fixture
def story(consulent):
    case = make_case(consulent, street="Lijsterbesstraat", summary="Overlast door Bert Hagedoorn.")
    causer = add_person(
        consulent, case, "veroorzaker", first_name=CAUSER[0], last_name=CAUSER[1]
    ).person
    other = add_person(consulent, case, "bewoner", first_name=OTHER[0], last_name=OTHER[1]).person
    silent = add_report(
        consulent,
        case,
        description="Geschreeuw in de nacht.",
        new_melder={"first_name": SILENT_MELDER[0], "last_name": SILENT_MELDER[1]},
    ).melder
    consenting = add_report(
        consulent,
        case,
        description="Harde muziek.",
        new_melder={"first_name": NAMED_MELDER[0], "last_name": NAMED_MELDER[1]},
    )
    # No service records the consent yet (it is part of the melding's intake); set it here.
    consenting.melder_consents_to_be_named = True
    consenting.melder_consent_on = timezone.localdate()
    consenting.save()
    add_note(
        consulent,
        case,
        kind=NoteKind.HUISBEZOEK,
        text="Huisbezoek bij Vera Kloosterman; Hagedoorn en Mila Zandvoort waren er ook.",
        visibility=Visibility.OWN_ORGANISATION,
    )
    services.add_measure(
        actor=consulent,
        access=access_for(consulent, case),
        instrument=Instrument.objects.get(name="Buurtbemiddeling", partner_kind="corporatie"),
        owner_organisation=consulent.organisation,
        start_date=timezone.localdate(),
    )
    services.record_decision(
        actor=consulent,
        access=access_for(consulent, case),
        decided_on=timezone.localdate(),
        body="Casusoverleg Rivierstad",
        kind=Decision.Kind.ESCALATE,
        text="Opschalen; Zandvoort wordt gehoord.",
    )
    return Story(case, causer, other, silent, consenting.melder)


@pytest.fixture
def verzoek(privacy, story):
    return register_inzageverzoek(
        actor=privacy,
        person=story.causer,
        received_on=timezone.localdate(),
        identity_checked_by="paspoort gezien door J. de Vries",
    )
