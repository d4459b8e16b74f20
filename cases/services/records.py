"""Writes of the case register: cases, persons, meldingen, logboek and attachments.

A melder is recorded with their melding (`add_report`), never as a bare betrokkene: who
may see a melder is decided by the organisation that received the melding, so a melder
link without a melding would be hidden from everyone, its own organisation included.
`add_person` therefore refuses the role melder and points to "Melding vastleggen".
"""

from __future__ import annotations

import uuid

from django.db import transaction
from django.db.models import Field
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cases.access import CaseAccess, earlier_cases_at
from cases.access.grants import sync_case_permissions
from cases.models import (
    Attachment,
    Case,
    CasePerson,
    Event,
    Note,
    Person,
    Report,
    Workflow,
)
from cases.models.case import address_key
from cases.models.choices import AccessLevel, PersonRole
from cases.references import next_case_reference
from woonoverlast.refusals import Refusal

from .common import record_event as _record
from .common import save_with_history as _save

MELDER_NEEDS_REPORT = gettext_lazy(
    "Een melder legt u vast met de melding: kies “Melding vastleggen” op de "
    "zaakpagina. Zo blijft de melder zichtbaar voor uw organisatie, en alleen voor uw "
    "organisatie."
)
CASE_FIELDS = ("street", "house_number", "postcode", "city", "wijk", "summary", "regisseur")


def workflow_for_new_case(organisation) -> Workflow:
    """The organisation's own published workflow, else the general default."""
    published = Workflow.objects.filter(status=Workflow.Status.PUBLISHED)
    own = published.filter(organisation=organisation).order_by("-version").first()
    workflow = own or published.filter(organisation__isnull=True).order_by("-version").first()
    if workflow is None:
        raise Refusal(_("Er is geen gepubliceerde werkwijze."))
    return workflow


def _check_case_fields(fields: dict, regisseur, case: Case | None, organisation_id) -> None:
    unknown = set(fields) - set(CASE_FIELDS)
    if unknown:
        raise ValueError(f"Niet via deze actie te wijzigen: {', '.join(sorted(unknown))}")
    if regisseur is None or regisseur.organisation_id == organisation_id:
        return
    # A regisseur from a partner organisation needs that organisation to see the case fully.
    partner_sees_all = (
        case is not None
        and case.participations.filter(
            organisation_id=regisseur.organisation_id,
            revoked_at__isnull=True,
            level=AccessLevel.VOLLEDIG,
        ).exists()
    )
    if not partner_sees_all:
        raise Refusal(
            _(
                "De casusregisseur moet werken bij de aanbrengende organisatie of bij een "
                "partner met volledige toegang tot de zaak."
            ),
            field="regisseur",
        )


@transaction.atomic
def create_case(*, actor, categories, regisseur=None, opened_on=None, **fields) -> Case:
    if actor.organisation_id is None or not actor.has_perm("cases.add_case"):
        raise Refusal.forbidden(_("U mag geen zaken openen."))
    _check_case_fields(fields, regisseur, None, actor.organisation_id)
    workflow = workflow_for_new_case(actor.organisation)
    opened_on = opened_on or timezone.localdate()
    case = Case(
        reference=next_case_reference(opened_on.year),
        lead_organisation_id=actor.organisation_id,
        regisseur=regisseur or actor,
        workflow=workflow,
        stage=workflow.first_stage,
        opened_on=opened_on,
        **fields,
    )
    # Recidive: the newest earlier case at this address that the actor sees fully.
    case.predecessor = earlier_cases_at(
        actor, address_key(case.postcode, case.house_number)
    ).first()
    _save(case, actor)
    case.categories.set(categories)
    sync_case_permissions(case, actor.organisation)
    _record(case, Event.Kind.CASE_OPENED, actor, stage=case.stage.name, stage_id=case.stage_id)
    return case


@transaction.atomic
def update_case(*, actor, access: CaseAccess, categories=None, **fields) -> Case:
    if not access.can_edit_case:
        raise Refusal.forbidden(_("U mag deze zaak niet wijzigen."))
    _check_case_fields(
        fields, fields.get("regisseur"), access.case, access.case.lead_organisation_id
    )
    case = Case.objects.select_for_update().get(pk=access.case.pk)
    changed = [name for name, value in fields.items() if getattr(case, name) != value]
    for name in changed:
        setattr(case, name, fields[name])
    if categories is not None and set(case.categories.all()) != set(categories):
        changed.append("categories")
    if not changed:
        return case
    _save(case, actor)
    if categories is not None:
        case.categories.set(categories)
    labels = [_field_label(name) for name in changed]
    _record(case, Event.Kind.CASE_CHANGED, actor, fields=changed, labels=labels)
    return case


def _field_label(name: str) -> str:
    field = Case._meta.get_field(name)
    return str(field.verbose_name) if isinstance(field, Field) else name


def _require(access: CaseAccess, model_name: str):
    if not access.can_add(model_name):
        raise Refusal.forbidden(_("U mag dit niet toevoegen aan deze zaak."))


@transaction.atomic
def add_person(
    *, actor, access: CaseAccess, role: str, person: Person | None = None, **person_fields
) -> CasePerson:
    """Link an existing person, or register a new one, to the case in a role (not melder)."""
    _require(access, "caseperson")
    if role == PersonRole.MELDER:
        raise Refusal(MELDER_NEEDS_REPORT, field="role")
    return _link_person(actor=actor, access=access, role=role, person=person, **person_fields)


def _link_person(
    *, actor, access: CaseAccess, role: str, person: Person | None = None, **person_fields
) -> CasePerson:
    if person is None:
        person = _save(Person(registered_by_id=actor.organisation_id, **person_fields), actor)
    link, created = CasePerson.objects.get_or_create(
        case=access.case, person=person, role=role, defaults={}
    )
    if created:
        _record(access.case, Event.Kind.PERSON_ADDED, actor, target=link, role=role)
    return link


def _check_consent(consents: bool, consent_on, *, named: bool) -> None:
    """Consent to be named in documents that leave the organisation (the procesdossier) is
    evidence in court: it needs a named melder and the date it was given."""
    if not consents:
        return
    problems = {}
    if not named:
        problems["melder_consents_to_be_named"] = _(
            "Instemming met vermelding van de naam kan alleen bij een melder met naam, niet "
            "bij een anonieme melding."
        )
    if consent_on is None:
        problems["melder_consent_on"] = _("Vul de datum in waarop de melder heeft ingestemd.")
    elif consent_on > timezone.localdate():
        problems["melder_consent_on"] = _("De datum van instemming kan niet in de toekomst liggen.")
    if problems:
        raise Refusal.on_fields(problems)


@transaction.atomic
def add_report(
    *,
    actor,
    access: CaseAccess,
    received_at,
    category,
    description: str,
    source: str,
    melder: Person | None = None,
    melder_anonymous: bool = False,
    new_melder: dict | None = None,
    melder_consents_to_be_named: bool = False,
    melder_consent_on=None,
) -> Report:
    _require(access, "report")
    if melder_anonymous and (melder or new_melder):
        raise Refusal(_("Een anonieme melding heeft geen melder."), field="melder")
    _check_consent(
        melder_consents_to_be_named,
        melder_consent_on,
        named=bool(melder or new_melder) and not melder_anonymous,
    )
    if new_melder:
        melder = _link_person(
            actor=actor, access=access, role=PersonRole.MELDER, **new_melder
        ).person
    elif melder is not None:
        _link_person(actor=actor, access=access, role=PersonRole.MELDER, person=melder)
    report = _save(
        Report(
            case=access.case,
            received_at=received_at,
            category=category,
            description=description,
            source=source,
            melder=melder,
            melder_anonymous=melder_anonymous,
            melder_consents_to_be_named=melder_consents_to_be_named,
            melder_consent_on=melder_consent_on if melder_consents_to_be_named else None,
            receiving_organisation_id=actor.organisation_id,
            created_by=actor,
        ),
        actor,
    )
    _record(access.case, Event.Kind.REPORT_ADDED, actor, target=report)
    return report


@transaction.atomic
def add_note(
    *,
    actor,
    access: CaseAccess,
    kind: str,
    occurred_on,
    text: str,
    visibility,
    sensitivity="",
    melder_contact=False,
) -> Note:
    _require(access, "note")
    note = _save(
        Note(
            case=access.case,
            kind=kind,
            occurred_on=occurred_on,
            text=text,
            visibility=visibility,
            sensitivity=sensitivity,
            melder_contact=melder_contact,
            author=actor,
            organisation_id=actor.organisation_id,
        ),
        actor,
    )
    _record(access.case, Event.Kind.NOTE_ADDED, actor, target=note)
    return note


def add_attachment(
    *, actor, access: CaseAccess, upload, content_type: str, description="", visibility
) -> Attachment:
    """Store an already checked upload (see cases.uploads) under a generated name."""
    _require(access, "attachment")
    attachment = Attachment(
        case=access.case,
        storage_key=uuid.uuid4().hex,
        original_name=upload.name[:255],
        content_type=content_type,
        size=upload.size,
        description=description,
        visibility=visibility,
        uploaded_by=actor,
        organisation_id=actor.organisation_id,
    )
    try:
        with transaction.atomic():
            attachment.file.save(attachment.storage_key, upload, save=False)
            _save(attachment, actor)
            _record(access.case, Event.Kind.ATTACHMENT_ADDED, actor, target=attachment)
    except Exception:
        # The database rolled back; the file must not stay behind on disk.
        if attachment.file.name:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment
