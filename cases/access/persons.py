"""Persons a reader may know: never a melder outside the organisation that received the melding.

Whether a person is known is decided per case, never per person: someone who is melder in
case X and bewoner in case Y is known to a partner of Y as the bewoner of Y, and still not
known in X. A test "is this person known anywhere?" applied to X leaked the melder through
name search and the melder picker of X while X's own page hid her (issue 12). So a person is
known in case C only through a `CasePerson` row of C with a role other than melder, or as the
melder of a melding in C that the reader's organisation received. `known_links` is that rule,
and `CaseAccess.case_persons`, the pickers, the name search and the privacy officer's pages
all use it.
"""

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


def known_links(organisation_id: int | None) -> Q:
    """Filter for `CasePerson` rows the organisation may know: every role but melder, and a
    melder only where the organisation received a melding of theirs in that same case."""
    own_melding = Report.objects.filter(
        case=OuterRef("case_id"),
        melder=OuterRef("person_id"),
        receiving_organisation_id=organisation_id,
    )
    return ~Q(role=PersonRole.MELDER) | Q(Exists(own_melding))


def known_case_persons(organisation_id: int | None, cases: QuerySet[Case]) -> QuerySet[CasePerson]:
    """The links of `cases` the organisation may know (see `known_links`)."""
    return CasePerson.objects.filter(case__in=cases).filter(known_links(organisation_id))


def visible_persons(user) -> QuerySet[Person]:
    """Persons known in a case the user's organisation sees in full.

    For the picker "bestaande persoon" of "Betrokkene toevoegen", which reuses a person across
    the organisation's cases. A picker about one case takes `CaseAccess.persons()` instead.
    """
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_person"):
        return Person.objects.none()
    full_cases = visible_cases(user).filter(full_access_q(user))
    links = known_case_persons(organisation_id, full_cases)
    return Person.objects.filter(pk__in=links.values("person_id"))


def cases_with_person_named(user, name: str) -> QuerySet[Case]:
    """Cases seen in full where a person known *in that case* has a name containing `name`."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_person"):
        return Case.objects.none()
    named = (
        CasePerson.objects.filter(case=OuterRef("pk"))
        .filter(known_links(organisation_id))
        .annotate(full_name=Concat("person__first_name", Value(" "), "person__last_name"))
        .filter(full_name__icontains=name)
    )
    return visible_cases(user).filter(full_access_q(user)).filter(Exists(named))
