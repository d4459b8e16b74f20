"""What a privacy officer may look into: the access log and the persons of their organisation."""

from __future__ import annotations

from django.db.models import (
    Q,
    QuerySet,
)

from ..models import (
    AccessLog,
    Case,
    CasePerson,
    Person,
)
from ..models.choices import AccessLevel
from .levels import _organisation_id


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
    """ "Wie heeft dit dossier ingezien": reads that concerned the person directly, reads of
    their cases at level volledig (only those showed personal data), and denied attempts."""
    case_ids = CasePerson.objects.filter(person=person).values("case_id")
    return visible_access_log(user).filter(
        Q(person_id_ref=person.pk)
        | Q(case_id_ref__in=case_ids)
        & (Q(level=AccessLevel.VOLLEDIG) | Q(outcome=AccessLog.Outcome.DENIED))
    )


def privacy_persons(user) -> QuerySet[Person]:
    """Persons a privacy officer may look up for an inzageverzoek: those in cases their
    organisation leads, and those their organisation registered."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_accesslog"):
        return Person.objects.none()
    in_led_cases = CasePerson.objects.filter(case__lead_organisation_id=organisation_id)
    return Person.objects.filter(
        Q(pk__in=in_led_cases.values("person_id")) | Q(registered_by_id=organisation_id)
    )
