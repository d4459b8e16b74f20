from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from cases import services
from cases.access import CaseAccess
from cases.models import Attachment, Case, CasePerson, Event, Note, Person, Report
from cases.models.choices import AccessLevel, NoteKind, PersonRole, Visibility
from tests.factories import (
    UserFactory,
    access_for,
    add_note,
    add_person,
    add_report,
    category,
    make_case,
    share,
)
from woonoverlast.refusals import Refusal

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_create_case(consulent, colleague):
    categories = [category("geluid"), category("drugs")]
    case = make_case(consulent, categories=categories)

    case.refresh_from_db()
    assert case.lead_organisation == consulent.organisation
    assert case.regisseur == consulent
    assert case.stage == case.workflow.first_stage
    assert case.stage.order == min(case.workflow.stages.values_list("order", flat=True))
    assert set(case.categories.all()) == set(categories)
    assert case.opened_on == timezone.localdate()
    assert case.closed_on is None

    event = Event.objects.get(case=case)
    assert event.kind == Event.Kind.CASE_OPENED
    assert event.actor == consulent
    assert event.organisation == consulent.organisation

    # simple-history writes "+" on save and one more row when the categories are set.
    history = list(case.history.order_by("history_id"))
    assert history[0].history_type == "+"
    assert {h.history_user for h in history} == {consulent}
    assert {c.nuisancecategory for c in history[-1].categories.all()} == set(categories)

    other = make_case(consulent, regisseur=colleague)
    assert other.regisseur == colleague


def test_create_case_refused_without_permission(corporatie):
    lezer = UserFactory(organisation=corporatie, role="Lezer")
    nobody = UserFactory(organisation=corporatie, role="")
    for user in (lezer, nobody):
        with pytest.raises(Refusal):
            make_case(user)
    assert not Case.objects.exists()
    assert not Event.objects.exists()


def test_create_case_refused_without_organisation(db):
    user = UserFactory(organisation=None)
    with pytest.raises(Refusal):
        make_case(user)
    assert not Case.objects.exists()


def test_add_person_new_and_existing(consulent):
    case = make_case(consulent)
    link = add_person(
        consulent, case, role=PersonRole.VEROORZAKER, first_name="Jan", last_name="Jansen"
    )
    person = link.person
    assert person.registered_by == consulent.organisation
    assert person.history.get().history_user == consulent
    assert Event.objects.filter(
        case=case, kind=Event.Kind.PERSON_ADDED, target_type="caseperson", target_id=link.pk
    ).exists()

    # The same person, as bewoner in the same case and as veroorzaker in a second case.
    second = make_case(consulent, street="Kerkstraat")
    services.add_person(
        actor=consulent,
        access=access_for(consulent, case),
        role=PersonRole.BEWONER,
        person=person,
    )
    services.add_person(
        actor=consulent,
        access=access_for(consulent, second),
        role=PersonRole.VEROORZAKER,
        person=person,
    )
    assert Person.objects.count() == 1
    assert set(person.case_roles.values_list("case__reference", "role")) == {
        (case.reference, PersonRole.VEROORZAKER),
        (case.reference, PersonRole.BEWONER),
        (second.reference, PersonRole.VEROORZAKER),
    }

    # Adding an existing link again changes nothing and writes no second event.
    events = Event.objects.count()
    services.add_person(
        actor=consulent,
        access=access_for(consulent, second),
        role=PersonRole.VEROORZAKER,
        person=person,
    )
    assert CasePerson.objects.count() == 3
    assert Event.objects.count() == events


def test_add_report_anonymous(consulent):
    case = make_case(consulent)
    report = add_report(consulent, case, melder_anonymous=True)
    assert report.melder is None
    assert report.melder_anonymous
    assert report.receiving_organisation == consulent.organisation
    assert report.created_by == consulent
    assert not CasePerson.objects.filter(case=case).exists()
    assert Event.objects.filter(
        case=case, kind=Event.Kind.REPORT_ADDED, target_type="report", target_id=report.pk
    ).exists()


def test_add_report_with_new_melder(consulent):
    case = make_case(consulent)
    report = add_report(consulent, case, new_melder={"first_name": "Mel", "last_name": "Meldersma"})
    assert report.melder.full_name == "Mel Meldersma"
    link = CasePerson.objects.get(case=case, person=report.melder)
    assert link.role == PersonRole.MELDER


def test_add_report_with_existing_melder_links_them(consulent):
    case = make_case(consulent)
    neighbour = add_person(consulent, case, role=PersonRole.BEWONER, last_name="Buurman").person
    report = add_report(consulent, case, melder=neighbour)
    assert report.melder == neighbour
    assert CasePerson.objects.filter(case=case, person=neighbour, role=PersonRole.MELDER).exists()


def test_add_report_refuses_anonymous_with_melder(consulent):
    case = make_case(consulent)
    neighbour = add_person(consulent, case, role=PersonRole.BEWONER, last_name="Buurman").person
    with pytest.raises(Refusal):
        add_report(consulent, case, melder_anonymous=True, melder=neighbour)
    with pytest.raises(Refusal):
        add_report(consulent, case, melder_anonymous=True, new_melder={"last_name": "Meldersma"})
    assert not Report.objects.exists()
    assert not Person.objects.filter(last_name="Meldersma").exists()
    assert not CasePerson.objects.filter(role=PersonRole.MELDER).exists()


def test_add_note(consulent):
    case = make_case(consulent)
    note = add_note(
        consulent,
        case,
        kind=NoteKind.HUISBEZOEK,
        text="Huisbezoek afgelegd.",
        visibility=Visibility.PARTICIPANTS,
    )
    note.refresh_from_db()
    assert note.author == consulent
    assert note.organisation == consulent.organisation
    assert note.visibility == Visibility.PARTICIPANTS
    assert note.history.get().history_user == consulent
    assert Event.objects.filter(
        case=case, kind=Event.Kind.NOTE_ADDED, target_type="note", target_id=note.pk
    ).exists()


def test_add_attachment_stores_under_generated_name(consulent, settings):
    case = make_case(consulent)
    upload = SimpleUploadedFile("verslag huisbezoek.pdf", PDF, content_type="application/pdf")
    attachment = services.add_attachment(
        actor=consulent,
        access=access_for(consulent, case),
        upload=upload,
        content_type="application/pdf",
        description="Verslag",
        visibility=Visibility.OWN_ORGANISATION,
    )
    attachment.refresh_from_db()
    assert attachment.original_name == "verslag huisbezoek.pdf"
    assert attachment.size == len(PDF)
    assert attachment.file.name == f"attachments/{case.pk}/{attachment.storage_key}"
    assert "verslag" not in attachment.file.name
    stored = Path(settings.MEDIA_ROOT) / attachment.file.name
    assert stored.read_bytes() == PDF
    files = [p for p in Path(settings.MEDIA_ROOT).rglob("*") if p.is_file()]
    assert files == [stored]
    assert Event.objects.filter(
        case=case, kind=Event.Kind.ATTACHMENT_ADDED, target_id=attachment.pk
    ).exists()


def test_update_case_records_event_and_history(consulent):
    case = make_case(consulent)
    updated = services.update_case(
        actor=consulent,
        access=access_for(consulent, case),
        street="Nieuwstraat",
        summary="Aangepaste samenvatting.",
        city=case.city,
        categories=[category("vervuiling")],
    )
    assert updated.street == "Nieuwstraat"
    case.refresh_from_db()
    assert case.street == "Nieuwstraat"
    assert list(case.categories.all()) == [category("vervuiling")]

    event = Event.objects.get(case=case, kind=Event.Kind.CASE_CHANGED)
    assert event.actor == consulent
    assert set(event.data["fields"]) == {"street", "summary", "categories"}
    assert len(event.data["labels"]) == 3
    history = list(case.history.order_by("history_id"))
    latest = history[-1]
    assert latest.history_type == "~"
    assert latest.street == "Nieuwstraat"
    assert latest.summary == "Aangepaste samenvatting."
    assert {c.nuisancecategory for c in latest.categories.all()} == {category("vervuiling")}
    assert {h.history_user for h in history} == {consulent}
    # The version before the change still holds the old street.
    assert [h.street for h in history if h.history_type == "+"] == ["Dorpsstraat"]


def test_update_case_without_changes_writes_nothing(consulent):
    case = make_case(consulent)
    before = case.history.count()
    services.update_case(
        actor=consulent,
        access=access_for(consulent, case),
        street=case.street,
        categories=list(case.categories.all()),
    )
    assert not Event.objects.filter(kind=Event.Kind.CASE_CHANGED).exists()
    assert case.history.count() == before


def test_partner_may_not_change_the_case(consulent, partner_user):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    with pytest.raises(Refusal):
        services.update_case(
            actor=partner_user, access=access_for(partner_user, case), street="Elders"
        )
    case.refresh_from_db()
    assert case.street != "Elders"
    assert not Event.objects.filter(kind=Event.Kind.CASE_CHANGED).exists()


def test_records_refused_below_full_access_or_without_permission(
    consulent, partner_user, corporatie
):
    case = make_case(consulent)
    share(case, partner_user.organisation, AccessLevel.PROCES, consulent)
    proces = access_for(partner_user, case)
    assert proces.level == AccessLevel.PROCES
    lezer = UserFactory(organisation=corporatie, role="Lezer")
    read_only = access_for(lezer, case)

    for actor, case_access in ((partner_user, proces), (lezer, read_only)):
        with pytest.raises(Refusal):
            services.add_note(
                actor=actor,
                access=case_access,
                kind=NoteKind.BRIEF,
                occurred_on=timezone.localdate(),
                text="x",
                visibility=Visibility.OWN_ORGANISATION,
            )
        with pytest.raises(Refusal):
            services.add_report(
                actor=actor,
                access=case_access,
                received_at=timezone.now(),
                category=category(),
                description="x",
                source="telefoon",
            )
        with pytest.raises(Refusal):
            services.add_person(
                actor=actor, access=case_access, role=PersonRole.OVERIG, last_name="X"
            )
        with pytest.raises(Refusal):
            services.add_attachment(
                actor=actor,
                access=case_access,
                upload=SimpleUploadedFile("a.pdf", PDF),
                content_type="application/pdf",
                visibility=Visibility.OWN_ORGANISATION,
            )
        with pytest.raises(Refusal):
            services.update_case(actor=actor, access=case_access, street="Elders")
    assert not Note.objects.exists()
    assert not Report.objects.exists()
    assert not Person.objects.exists()
    assert not Attachment.objects.exists()


def test_other_organisation_has_no_case_access(consulent, other_org_user):
    case = make_case(consulent)
    from cases.access import access_level, visible_cases

    assert access_level(other_org_user, case) is None
    assert not visible_cases(other_org_user).filter(pk=case.pk).exists()
    assert isinstance(access_for(consulent, case), CaseAccess)
