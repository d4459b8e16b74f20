"""What a privacy officer may look into: the access log and the persons of their organisation.

The privacy officer answers for what their own organisation knows, so they see what it
knows and no more:

- persons: a person is found only where the organisation knows them (`persons.known_links`),
  so the lead's privacy officer does not find a melder whose melding another organisation
  received, nor open that melder's person log (issue 12);
- the per-person log ("wie heeft dit dossier ingezien") counts the reads of the cases in
  which the organisation knows the person and sees in full; a *denied* attempt counts only
  for cases the organisation leads. A denied attempt on a foreign case is logged with that
  case's real id so that the privacy officer of the lead sees it; shown to anyone else, it
  would tell them which foreign case involves the person, and would let an insider probe a
  reference by trying it and looking whether the attempt turns up on a person's log;
- the retention report: the closed cases and destruction records of the cases their
  organisation leads (its rules apply to them), not every organisation's (issue 12). The
  system sweep itself reads `cases_for_sweeps`; the report is a page for a person;
- the inzage export (issue 15): the cases the organisation sees in full and in which it knows
  the person, each as a `CaseAccess` at that level, so the export shows of each case what
  the organisation's own staff would see (its own notes and the shared ones, a melder only
  where it received the melding), and the names to redact in them.
"""

from __future__ import annotations

from django.db.models import (
    Q,
    QuerySet,
)

from ..models import (
    AccessLog,
    Case,
    CasePerson,
    DestructionRecord,
    Person,
    Report,
)
from ..models.choices import AccessLevel
from .case_access import CaseAccess
from .levels import _organisation_id, full_access_q
from .persons import known_links


def visible_access_log(user) -> QuerySet[AccessLog]:
    """Access-log rows a privacy officer may read: those about cases their organisation
    leads, and everything done by members of their organisation."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_accesslog"):
        return AccessLog.objects.none()
    led = Case.objects.filter(lead_organisation_id=organisation_id).values("pk")
    return AccessLog.objects.filter(Q(case_id_ref__in=led) | Q(organisation_id_ref=organisation_id))


def privacy_cases(user) -> QuerySet[Case]:
    """Cases whose access log a privacy officer may read: those their organisation leads."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_accesslog"):
        return Case.objects.none()
    return Case.objects.filter(lead_organisation_id=organisation_id)


def person_access_log(user, person: Person) -> QuerySet[AccessLog]:
    """ "Wie heeft dit dossier ingezien": reads that concerned the person directly, reads at
    level volledig (only those showed personal data) of the cases in which the organisation
    knows the person and sees in full, and denied attempts on such cases it leads."""
    organisation_id = _organisation_id(user)
    known = CasePerson.objects.filter(person=person).filter(known_links(organisation_id))
    seen_cases = Case.objects.filter(full_access_q(user)).filter(pk__in=known.values("case_id"))
    led_cases = seen_cases.filter(lead_organisation_id=organisation_id)
    return visible_access_log(user).filter(
        Q(person_id_ref=person.pk)
        | Q(case_id_ref__in=seen_cases.values("pk"), level=AccessLevel.VOLLEDIG)
        | Q(case_id_ref__in=led_cases.values("pk"), outcome=AccessLog.Outcome.DENIED)
    )


def privacy_persons(user) -> QuerySet[Person]:
    """Persons a privacy officer may look up for an inzageverzoek: those their organisation
    knows in a case it leads, those it registered, and the melders of meldingen it received.
    Never a melder whose melding another organisation received."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_accesslog"):
        return Person.objects.none()
    in_led_cases = CasePerson.objects.filter(case__lead_organisation_id=organisation_id).filter(
        known_links(organisation_id)
    )
    own_melders = Report.objects.filter(
        receiving_organisation_id=organisation_id, melder__isnull=False
    )
    return Person.objects.filter(
        Q(pk__in=in_led_cases.values("person_id"))
        | Q(pk__in=own_melders.values("melder_id"))
        | Q(registered_by_id=organisation_id)
    )


def _reads_retention(user) -> int | None:
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_destructionrecord"):
        return None
    return organisation_id


def retention_cases(user) -> QuerySet[Case]:
    """Closed cases for the retention dry-run report: those the reader's organisation leads,
    and those it contributed logboek, bijlagen or maatregelen of its own to (its own rules
    remove those, docs/adr/0026). The report shows the latter only its own removals."""
    from cases.retention.contributions import contribution_models

    organisation_id = _reads_retention(user)
    if organisation_id is None:
        return Case.objects.none()
    query = Q(lead_organisation_id=organisation_id)
    for model, owner, paths in contribution_models():
        own = model._base_manager.filter(**{f"{owner}_id": organisation_id})
        query |= Q(pk__in=own.values(paths[0]))
    return Case.objects.filter(query, closed_on__isnull=False)


def retention_records(user) -> QuerySet[DestructionRecord]:
    """Destruction records for the report: those of cases the reader's organisation led when
    they were removed, also of cases destroyed entirely (the record keeps the lead by id)."""
    organisation_id = _reads_retention(user)
    if organisation_id is None:
        return DestructionRecord.objects.none()
    return DestructionRecord.objects.filter(
        Q(lead_organisation_id_ref=organisation_id, organisation_id_ref__isnull=True)
        | Q(organisation_id_ref=organisation_id)
    )


def inzage_cases(user, person: Person) -> list[CaseAccess]:
    """The cases of an inzageverzoek about `person`: those the user's organisation sees in
    full and in which it knows the person (`known_links`), oldest first, each cut at that
    level. The organisation answers for what it processes, and only `volledig` shows
    persons; a case at `proces` or `bestaan` holds nothing about them it may read."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_inzageverzoek"):
        return []
    known = CasePerson.objects.filter(person=person).filter(known_links(organisation_id))
    cases = (
        Case.objects.filter(full_access_q(user))
        .filter(pk__in=known.values("case_id"))
        .select_related("stage")
        .order_by("opened_on", "pk")
    )
    return [CaseAccess(case=case, user=user, level=AccessLevel.VOLLEDIG) for case in cases]


def persons_to_redact(access: CaseAccess, person: Person) -> list[Person]:
    """Everyone but `person` who is linked to the case or made one of its meldingen, also
    melders the organisation may not know: their names are only searched for in free text
    and replaced, never shown (the redaction needs them most where they are not known)."""
    linked = CasePerson.objects.filter(case=access.case).values("person_id")
    melders = Report.objects.filter(case=access.case, melder__isnull=False).values("melder_id")
    return list(Person.objects.filter(Q(pk__in=linked) | Q(pk__in=melders)).exclude(pk=person.pk))
