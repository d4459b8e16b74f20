"""Persons a reader may know: never a melder outside the organisation that received the melding."""

from __future__ import annotations

from django.db.models import (
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Value,
)
from django.db.models.functions import Concat

from ..models import (
    Case,
    CasePerson,
    Person,
    Report,
)
from ..models.choices import PersonRole
from .levels import _organisation_id, full_access_q
from .visible import visible_cases


def _known_person_ids(user, cases: QuerySet[Case]):
    """Ids of persons the user's organisation may know in `cases`.

    Everyone except melders, and melders only where this organisation received their
    melding: a melder's identity never leaves the receiving organisation.
    """
    others = CasePerson.objects.filter(case__in=cases).exclude(role=PersonRole.MELDER)
    own_melders = Report.objects.filter(
        case__in=cases, receiving_organisation_id=user.organisation_id, melder__isnull=False
    )
    return Q(pk__in=others.values("person_id")) | Q(pk__in=own_melders.values("melder_id"))


def visible_persons(user) -> QuerySet[Person]:
    """Persons in cases the user's organisation sees in full (for pickers and search)."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_person"):
        return Person.objects.none()
    full_cases = visible_cases(user).filter(full_access_q(user))
    return Person.objects.filter(_known_person_ids(user, full_cases))


def cases_with_person_named(user, name: str) -> QuerySet[Case]:
    """Cases seen in full where a person the user may know has a name containing `name`."""
    persons = (
        visible_persons(user)
        .annotate(full_name=Concat("first_name", Value(" "), "last_name"))
        .filter(full_name__icontains=name)
    )
    return (
        visible_cases(user)
        .filter(full_access_q(user))
        .filter(Exists(CasePerson.objects.filter(case=OuterRef("pk"), person__in=persons)))
    )
