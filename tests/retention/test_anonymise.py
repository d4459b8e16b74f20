"""Anonymisation that deserves the name (issue 13, docs/adr/0026).

After `persoonsgegevens anonimiseren` no name, address, free text or day-exact date of the
case is left anywhere in the database, history tables included; and every field of every
model that reaches a case is decided, so a field added later cannot be forgotten.
"""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import models
from django.utils import timezone

from cases import services
from cases.models import (
    Case,
    CaseAddress,
    CaseResult,
    DestructionRecord,
    Measure,
    RetentionCategory,
    RetentionRule,
    Transition,
)
from cases.models.choices import AccessLevel, Visibility
from cases.retention import anonymise
from cases.retention import services as retention
from cases.services.lifecycle import close_case
from partners.models import Instrument
from tests.factories import (
    access_for,
    add_note,
    add_person,
    add_report,
    make_case,
    set_case_state,
    share,
)
from tests.retention.test_retention import PDF, rows_mentioning

SEEDED_AT = "2024-03-14 10:17 +0100"
# Words that appear once, in one field each: any hit after anonymising is a leak.
TYPED = {
    "summary": "Kelderboxruzie bij de Uniekesteeg",
    "street": "Uniekesteeg",
    "first_name": "Zwaantje",
    "last_name": "Uniekenaamsma",
    "melder": "Meldersmaatje",
    "phone": "0612398745",
    "email": "zwaantje@voorbeeld.example",
    "report": "Melding over geschreeuw bij Zwaantje",
    "note": "Huisbezoek, Zwaantje vertelt over haar behandeling",
    "attachment": "verslag-zwaantje.pdf",
    "measure": "Gesprek met Zwaantje ging goed",
    "action": "Zwaantje bellen over haar schuld",
    "decision": "Opschalen naar het Zorg- en Veiligheidshuis",
    "decision_body": "Overleg Rivierkwartier",
    "decision_reference": "agendapunt 7 van 8 maart",
    "justification": "Zwaantje weigert elk gesprek",
    "closing": "Zwaantje is verhuisd naar haar zus",
    "not_informed": "Zwaantje is onbereikbaar in de kliniek",
    # The case's addresses (docs/adr/0030): the household moved, and another address.
    "new_street": "Verhuisdreefje",
    "moved": "Zwaantje trok in bij haar moeder",
    "other_street": "Tweedeadreslaan",
    "other_note": "Logeeradres van Zwaantje",
}
BIRTH_DATE = date(1971, 6, 23)


def _case_paths(model, depth=3):
    """The test's own walk: forward foreign keys from `model` that end at a Case."""
    if model is Case or getattr(model, "instance_type", None) is Case:
        return ["pk" if model is Case else "id"]
    paths = []
    for field in model._meta.concrete_fields:
        if not field.is_relation or field.many_to_many:
            continue
        if field.related_model is Case:
            paths.append(field.name)
        elif depth > 1 and field.related_model is not model:
            for path in _case_paths(field.related_model, depth - 1):
                if path != "pk":
                    paths.append(f"{field.name}__{path}")
    return paths


def linked_models():
    return {m: p for m in apps.get_models() if (p := _case_paths(m))}


def rows_of_case(case_id):
    for model, paths in linked_models().items():
        query = models.Q()
        for path in paths:
            query |= models.Q(**{path: case_id})
        yield model, list(model._base_manager.filter(query))


def test_every_field_of_every_case_linked_model_is_decided():
    found = dict(anonymise.case_linked_models())
    expected = linked_models()
    assert set(found) == set(expected), "the retention walk misses a model that reaches a case"
    for label in ("cases.HistoricalNote", "cases.HistoricalCase", "meetings.AgendaItem"):
        assert apps.get_model(label) in found
    undecided, text_kept = [], []
    for model in found:
        for field in model._meta.concrete_fields:
            kind = anonymise.treatment(model, field)
            if kind is None:
                undecided.append(f"{model._meta.label}.{field.name}")
            text = isinstance(field, models.CharField | models.TextField)
            if text and not field.choices and kind != anonymise.TEXT:
                text_kept.append(anonymise._label(model, field))
        anonymise.model_treatments(model)  # raises on an undecided field
    assert undecided == []
    # Only the reviewed list keeps text (and the postcode keeps its digits).
    assert set(text_kept) <= set(anonymise.KEPT_TEXT) | anonymise.POSTCODE_FIELDS
    # No stale entries: every kept field exists.
    for label in anonymise.KEPT_TEXT.keys() | anonymise.POSTCODE_FIELDS:
        app_model, name = label.rsplit(".", 1)
        apps.get_model(app_model)._meta.get_field(name)


def test_a_new_field_is_removed_or_refused_never_kept_silently():
    nickname = models.CharField(max_length=50)
    nickname.set_attributes_from_name("bijnaam")
    assert anonymise.treatment(Case, nickname) == anonymise.TEXT
    seen_on = models.DateTimeField()
    seen_on.set_attributes_from_name("gezien_op")
    assert anonymise.treatment(Case, seen_on) == anonymise.MONTH
    address = models.GenericIPAddressField()
    address.set_attributes_from_name("ip")
    assert anonymise.treatment(Case, address) is None  # the introspection test then fails


def _seed(consulent, partner_user):
    """A case full of personal data, closed through the app, with history on every record."""
    case = make_case(
        consulent,
        summary=TYPED["summary"],
        street=TYPED["street"],
        house_number="17b",
        postcode="1234 AB",
        wijk="Rivierkwartier",
    )
    services.move_case_address(
        actor=consulent,
        access=access_for(consulent, case),
        street=TYPED["new_street"],
        house_number="3",
        postcode="1234 AC",
        city="Utrecht",
        wijk="Rivierkwartier",
        moved_on=date(2024, 3, 6),
        reason=TYPED["moved"],
    )
    services.add_case_address(
        actor=consulent,
        access=access_for(consulent, case),
        street=TYPED["other_street"],
        house_number="44",
        postcode="5678 CD",
        city="Utrecht",
        valid_from=date(2024, 2, 12),
        note=TYPED["other_note"],
    )
    case.refresh_from_db()
    add_person(
        consulent,
        case,
        first_name=TYPED["first_name"],
        last_name=TYPED["last_name"],
        birth_date=BIRTH_DATE,
        phone=TYPED["phone"],
        email=TYPED["email"],
    )
    add_report(
        consulent,
        case,
        received_at=timezone.make_aware(datetime(2024, 3, 12, 21, 30)),
        description=TYPED["report"],
        new_melder={"last_name": TYPED["melder"]},
    )
    note = add_note(consulent, case, text=TYPED["note"], occurred_on=date(2024, 3, 13))
    note.text += " (aangevuld)"
    note._history_user = consulent
    note.save()
    own = access_for(consulent, case)
    services.add_attachment(
        actor=consulent,
        access=own,
        upload=SimpleUploadedFile(TYPED["attachment"], PDF, content_type="application/pdf"),
        content_type="application/pdf",
        description=TYPED["attachment"],
        visibility=Visibility.OWN_ORGANISATION,
    )
    services.add_measure(
        actor=consulent,
        access=own,
        instrument=Instrument.objects.filter(partner_kind="corporatie").first(),
        owner_organisation=consulent.organisation,
        start_date=date(2024, 3, 11),
        status=Measure.Status.DONE,
        outcome=TYPED["measure"],
    )
    item = services.add_action_item(
        actor=consulent,
        access=own,
        title=TYPED["action"],
        owner_organisation=consulent.organisation,
        due_on=date(2024, 3, 27),
    )
    services.complete_action_item(actor=consulent, access=access_for(consulent, case), item=item)
    services.record_decision(
        actor=consulent,
        access=access_for(consulent, case),
        decided_on=date(2024, 3, 8),
        body=TYPED["decision_body"],
        kind="escaleren",
        text=TYPED["decision"],
    )
    Case.objects.get(pk=case.pk).decisions.update(reference=TYPED["decision_reference"])
    share(case, partner_user.organisation, AccessLevel.VOLLEDIG, consulent)
    step = Transition.objects.filter(workflow=case.workflow, from_stage=case.stage).first()
    services.transition_case(
        actor=consulent,
        access=access_for(consulent, case),
        transition=step,
        justification=TYPED["justification"],
    )
    case.refresh_from_db()
    set_case_state(case, consulent, stage=case.workflow.stages.get(is_final=True))
    return close_case(
        actor=consulent,
        access=access_for(consulent, case),
        result=CaseResult.objects.get(code="verhuisd"),
        note=TYPED["closing"],
        closed_on=date(2024, 3, 14),
        melder_informed=True,
        veroorzaker_informed=False,
        not_informed_reason=TYPED["not_informed"],
    )


@pytest.mark.django_db(transaction=False)
def test_after_anonymising_nothing_of_the_case_remains(consulent, partner_user, corporatie):
    with time_machine.travel(SEEDED_AT, tick=False):
        case = _seed(consulent, partner_user)
    for text in TYPED.values():
        assert rows_mentioning(text), f"the seed must hold {text!r}"
    assert rows_mentioning("1234 AB") and rows_mentioning("5678 CD")
    timeline = list(case.events.values_list("kind", flat=True))
    RetentionRule.objects.create(
        organisation=corporatie, category=RetentionCategory.PERSONS, months_after_closure=6
    )
    swept_at = datetime.combine(case.nazorg_until, datetime.min.time()) + timedelta(days=200)
    with time_machine.travel(timezone.make_aware(swept_at), tick=False):
        assert retention.run_retention_sweep() == 1

    addresses = ["1234 AB", "1234AB", "1234 AC", "1234AC", "5678 CD", "5678"]
    leaks = {text: rows_mentioning(text) for text in [*TYPED.values(), *addresses]}
    assert {text: rows for text, rows in leaks.items() if rows} == {}
    day_exact = []
    for model, rows in rows_of_case(case.pk):
        for row in rows:
            for field in model._meta.concrete_fields:
                value = getattr(row, field.attname)
                if isinstance(field, models.DateTimeField) and value is not None:
                    value = timezone.localtime(value)
                    if (value.day, value.hour, value.minute) != (1, 0, 0):
                        day_exact.append(f"{model._meta.label}.{field.name}={value}")
                elif isinstance(field, models.DateField) and value and value.day != 1:
                    day_exact.append(f"{model._meta.label}.{field.name}={value}")
    assert day_exact == []
    for record in DestructionRecord.objects.filter(case_id_ref=case.pk):
        assert record.opened_on.day == 1 and record.closed_on.day == 1
    # The birth date went with the person, history included.
    assert not any(
        rows
        for model in apps.get_models()
        for field in model._meta.concrete_fields
        if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
        for rows in [model._base_manager.filter(**{field.name: BIRTH_DATE}).exists()]
    )

    # What stays (docs/adr/0026): reference, categories, area, month, stage path, result.
    kept = Case.objects.get(pk=case.pk)
    assert kept.reference == case.reference
    assert (kept.postcode, kept.wijk, kept.city) == ("1234", "Rivierkwartier", "Utrecht")
    assert (kept.street, kept.house_number, kept.address_key) == (retention.REMOVED_TEXT, "", "")
    # The further addresses keep nothing, not even the four digits: several postcodes with
    # the months of a move would narrow the case down to one household (docs/adr/0030).
    further = list(CaseAddress._base_manager.filter(case=kept))
    assert len(further) == 2
    for address in further:
        assert (address.street, address.house_number, address.postcode, address.city) == (
            retention.REMOVED_TEXT,
            "",
            "",
            retention.REMOVED_TEXT,
        )
        assert address.valid_from in (None, date(2024, 2, 1))
        assert (address.address_key, address.note) == ("", "")
    assert (kept.opened_on, kept.closed_on) == (date(2024, 3, 1), date(2024, 3, 1))
    assert kept.closing_result.code == "verhuisd"
    assert kept.stage.is_final and list(kept.categories.values_list("code", flat=True))
    assert kept.veroorzaker_informed is False  # the fact stays, the reason goes
    assert kept.history.count() == 1  # history restarts from the anonymised state
    # The timeline keeps its order although its moments now share a month.
    assert list(kept.events.values_list("kind", flat=True)) == timeline
    assert kept.measures.get().status == Measure.Status.DONE
