"""The one door to case data.

Every view, form choice, list, count, export, PDF and task that touches case data gets its
queryset or its `CaseAccess` from here. Whether a user sees a case depends on their
organisation: the aanbrengende organisation sees it fully, a participating organisation at
the level that was shared, anyone else not at all (404, never a hint that it exists).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import (
    BooleanField,
    CharField,
    Exists,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models import Case as Case_
from django.db.models.functions import Concat
from django.http import Http404

from .models import (
    AccessLog,
    Attachment,
    Case,
    CaseGroupObjectPermission,
    CasePerson,
    Decision,
    Note,
    Participation,
    Person,
    Report,
)
from .models.choices import AccessLevel, PersonRole, Visibility

LEVEL_RANK: dict[str, int] = {
    AccessLevel.BESTAAN: 1,
    AccessLevel.PROCES: 2,
    AccessLevel.VOLLEDIG: 3,
}


def _organisation_id(user) -> int | None:
    if not user.is_authenticated or not user.is_active:
        return None
    return user.organisation_id


def _active_participation(organisation_id: int) -> QuerySet[Participation]:
    return Participation.objects.filter(
        case=OuterRef("pk"), organisation_id=organisation_id, revoked_at__isnull=True
    )


def _granted(user, codename: str) -> QuerySet[CaseGroupObjectPermission]:
    """Guardian rows giving the user's organisation `codename` on the outer case."""
    return CaseGroupObjectPermission.objects.filter(
        content_object=OuterRef("pk"),
        group_id=user.organisation.group_id,
        permission__codename=codename,
        permission__content_type__app_label="cases",
    )


def visible_cases(user) -> QuerySet[Case]:
    """Every case the user's organisation may know of, at any level.

    Filtered through guardian's object permissions, which the sharing services keep equal to
    lead + participations: one indexed table instead of an OR over two (ADR 0007).
    """
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return Case.objects.none()
    return Case.objects.filter(Exists(_granted(user, "view_case_bestaan")))


def cases_via_participations(user) -> QuerySet[Case]:
    """The same cases as `visible_cases`, read from lead and participations.

    The other candidate of the benchmark (bench_access) and the reference the property test
    holds guardian to.
    """
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return Case.objects.none()
    return Case.objects.filter(
        Q(lead_organisation_id=organisation_id) | Q(Exists(_active_participation(organisation_id)))
    )


def shared_with_organisation(user) -> QuerySet[Case]:
    """Cases other organisations shared with the user's organisation (active participation)."""
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return Case.objects.none()
    return Case.objects.filter(Exists(_active_participation(organisation_id))).exclude(
        lead_organisation_id=organisation_id
    )


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


@dataclass(frozen=True)
class CaseAccess:
    """What one user may see and do with one case."""

    case: Case
    user: object
    level: str

    @property
    def organisation_id(self) -> int:
        return self.user.organisation_id

    @property
    def is_lead(self) -> bool:
        return self.case.lead_organisation_id == self.organisation_id

    def at_least(self, level: str) -> bool:
        return LEVEL_RANK[self.level] >= LEVEL_RANK[level]

    @property
    def sees_process(self) -> bool:
        return self.at_least(AccessLevel.PROCES)

    @property
    def sees_details(self) -> bool:
        """Address, summary, persons, meldingen, logboek and attachments."""
        return self.at_least(AccessLevel.VOLLEDIG)

    @property
    def can_edit_case(self) -> bool:
        return self.is_lead and self.user.has_perm("cases.change_case")

    @property
    def is_regisseur(self) -> bool:
        return self.case.regisseur_id == self.user.pk

    @property
    def can_share(self) -> bool:
        """Sharing is managed by the aanbrengende organisation and by the casusregisseur."""
        return (
            self.sees_details
            and (self.is_lead or self.is_regisseur)
            and self.user.has_perm("cases.share_case")
        )

    def participations(self, include_revoked: bool = False) -> QuerySet[Participation]:
        """Shares of the case (active ones unless asked): which partners are involved is
        process information."""
        if not self.sees_process:
            return Participation.objects.none()
        shares = self.case.participations.select_related("organisation", "shared_by")
        if not include_revoked:
            shares = shares.filter(revoked_at__isnull=True)
        return shares.order_by("organisation__name")

    def can_add(self, model_name: str) -> bool:
        return self.sees_details and self.user.has_perm(f"cases.add_{model_name}")

    @property
    def may_add(self) -> dict[str, bool]:
        """For templates: which records this user may add to the case."""
        return {name: self.can_add(name) for name in ("caseperson", "report", "note", "attachment")}

    def case_persons(self) -> QuerySet[CasePerson]:
        """Betrokkenen; a melder only for the organisation that received their melding."""
        if not self.sees_details:
            return CasePerson.objects.none()
        own_melders = Report.objects.filter(
            case=self.case, receiving_organisation_id=self.organisation_id, melder__isnull=False
        ).values("melder_id")
        return self.case.case_persons.select_related("person").exclude(
            Q(role=PersonRole.MELDER) & ~Q(person_id__in=own_melders)
        )

    def persons(self) -> QuerySet[Person]:
        """The persons of `case_persons()`, each once (for pickers)."""
        return Person.objects.filter(pk__in=self.case_persons().values("person_id")).order_by(
            "last_name", "first_name"
        )

    def reports(self) -> QuerySet[Report]:
        if not self.sees_details:
            return Report.objects.none()
        return self.case.reports.select_related("category", "melder", "receiving_organisation")

    def shows_melder(self, report: Report) -> bool:
        # Melder identities never leave the organisation that received the melding.
        return report.receiving_organisation_id == self.organisation_id

    def _shared_or_own(self, queryset):
        return queryset.filter(
            Q(organisation_id=self.organisation_id) | Q(visibility=Visibility.PARTICIPANTS)
        )

    def notes(self) -> QuerySet[Note]:
        if not self.sees_details:
            return Note.objects.none()
        return self._shared_or_own(self.case.notes.select_related("author", "organisation"))

    def decisions(self) -> QuerySet[Decision]:
        if not self.sees_details:
            return Decision.objects.none()
        return self.case.decisions.select_related("recorded_by", "organisation")

    def attachments(self) -> QuerySet[Attachment]:
        if not self.sees_details:
            return Attachment.objects.none()
        return self._shared_or_own(
            self.case.attachments.select_related("uploaded_by", "organisation")
        )

    def action_items(self):
        """Actiepunten are process information: visible from level `proces`."""
        if not self.sees_process:
            return self.case.action_items.none()
        return self.case.action_items.select_related(
            "owner_organisation", "owner", "created_by", "completed_by"
        )

    @property
    def can_add_action_item(self) -> bool:
        return self.sees_process and self.user.has_perm("cases.add_actionitem")

    def can_complete_action_item(self, item) -> bool:
        """The owning organisation closes its own actiepunt; the lead organisation any."""
        return (
            item.is_open
            and self.sees_process
            and self.user.has_perm("cases.change_actionitem")
            and (item.owner_organisation_id == self.organisation_id or self.is_lead)
        )

    # Measures are process information: seen from level `proces`; added by organisations at
    # `volledig` with the permission, changed by the owner organisation or the lead.
    def measures(self):
        from .models import Measure

        if not self.sees_process:
            return Measure.objects.none()
        return self.case.measures.select_related("instrument", "owner_organisation")

    @property
    def can_add_measure(self) -> bool:
        return self.can_add("measure")

    def can_change_measure(self, measure) -> bool:
        return (
            self.sees_details
            and self.user.has_perm("cases.change_measure")
            and (self.is_lead or measure.owner_organisation_id == self.organisation_id)
        )


def access_level(user, case: Case) -> str | None:
    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_case"):
        return None
    if case.lead_organisation_id == organisation_id:
        return AccessLevel.VOLLEDIG
    participation = (
        case.participations.filter(organisation_id=organisation_id, revoked_at__isnull=True)
        .values_list("level", flat=True)
        .first()
    )
    return participation


def client_address(request) -> str | None:
    return request.META.get("REMOTE_ADDR") if request is not None else None


# Why case data is read, as NEN 7513 asks; views with another purpose say so.
DEFAULT_PURPOSE = "uitvoering integrale aanpak woonoverlast"


def log_access(
    request,
    *,
    action: str,
    outcome: str,
    case: Case | None = None,
    case_id: int | None = None,
    reference: str = "",
    resource: str = "",
    person_id: int | None = None,
    purpose: str = "",
    level: str = "",
) -> None:
    user = request.user
    organisation = getattr(user, "organisation", None) if user.is_authenticated else None
    AccessLog.objects.create(
        user=user if user.is_authenticated else None,
        username=user.get_username() if user.is_authenticated else "",
        organisation_id_ref=organisation.pk if organisation else None,
        organisation_name=organisation.name if organisation else "",
        action=action,
        case_id_ref=case.pk if case else case_id,
        case_reference=case.reference if case else reference[:40],
        person_id_ref=person_id,
        resource=resource[:200],
        purpose=(purpose or DEFAULT_PURPOSE)[:200],
        outcome=outcome,
        client_address=client_address(request),
        level=level,
    )


def _case_id(reference: str) -> int | None:
    return Case.objects.filter(reference=reference[:20]).values_list("pk", flat=True).first()


def get_case_access(
    request,
    reference: str,
    *,
    action: str = AccessLog.Action.VIEW,
    resource: str = "",
    minimum_level: str = AccessLevel.BESTAAN,
    purpose: str = "",
) -> CaseAccess:
    """The case with this reference as the requesting user may see it, or 404 (logged)."""
    case = (
        visible_cases(request.user)
        .select_related("stage", "workflow", "regisseur", "lead_organisation")
        .filter(reference=reference)
        .first()
    )
    level = access_level(request.user, case) if case is not None else None
    if case is None or level is None or LEVEL_RANK[level] < LEVEL_RANK[minimum_level]:
        log_access(
            request,
            action=action,
            outcome=AccessLog.Outcome.DENIED,
            case=case if level is not None else None,
            # The id of a case the user may not see is logged, never shown: the privacy officer
            # of its organisation must see attempts on it.
            case_id=None if level is not None else _case_id(reference),
            reference=reference,
            resource=resource or request.path,
            purpose=purpose,
            level=level or "",
        )
        raise Http404("Zaak niet gevonden")
    log_access(
        request,
        action=action,
        outcome=AccessLog.Outcome.ALLOWED,
        case=case,
        resource=resource or request.path,
        purpose=purpose,
        level=level,
    )
    return CaseAccess(case=case, user=request.user, level=level)


def get_attachment(request, reference: str, attachment_id: int) -> tuple[CaseAccess, Attachment]:
    access = get_case_access(
        request,
        reference,
        action=AccessLog.Action.DOWNLOAD,
        minimum_level=AccessLevel.VOLLEDIG,
    )
    attachment = access.attachments().filter(pk=attachment_id).first()
    if attachment is None:
        log_access(
            request,
            action=AccessLog.Action.DOWNLOAD,
            outcome=AccessLog.Outcome.DENIED,
            case=access.case,
            resource=request.path,
        )
        raise Http404("Bijlage niet gevonden")
    return access, attachment


def full_access_q(user) -> Q:
    """Filter for cases the user's organisation sees at level `volledig`."""
    organisation_id = _organisation_id(user)
    if organisation_id is None:
        return Q(pk__in=[])
    return Q(Exists(_granted(user, "view_case_volledig")))


def with_access_level(queryset: QuerySet[Case], user) -> QuerySet[Case]:
    """Annotate each case with `access_level` (the level the user's organisation has) and
    the flags `sees_process` and `sees_details`, as CaseAccess has them for one case."""
    organisation_id = _organisation_id(user)
    shared_level = Subquery(_active_participation(organisation_id).values("level")[:1])
    return queryset.annotate(
        access_level=Case_(
            When(lead_organisation_id=organisation_id, then=Value(AccessLevel.VOLLEDIG)),
            default=shared_level,
            output_field=CharField(),
        )
    ).annotate(
        sees_process=Case_(
            When(access_level__in=[AccessLevel.PROCES, AccessLevel.VOLLEDIG], then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
        sees_details=Case_(
            When(access_level=AccessLevel.VOLLEDIG, then=Value(True)),
            default=Value(False),
            output_field=BooleanField(),
        ),
    )


def cases_for_sweeps() -> QuerySet[Case]:
    """All cases, for system sweeps (reminders, retention) that act for no user.

    What a sweep derives from them reaches a person only through a per-user check
    (a notification is created only for a recipient who can see the case).
    """
    return Case.objects.all()


# -- Actiepunten and the casusoverleg -------------------------------------------------------


def visible_action_items(user):
    """Actiepunten in cases the user's organisation sees at least at level `proces`."""
    from .models import ActionItem

    organisation_id = _organisation_id(user)
    if organisation_id is None or not user.has_perm("cases.view_actionitem"):
        return ActionItem.objects.none()
    process_cases = visible_cases(user).filter(
        Q(lead_organisation_id=organisation_id)
        | Q(
            Exists(
                _active_participation(organisation_id).filter(
                    level__in=[AccessLevel.PROCES, AccessLevel.VOLLEDIG]
                )
            )
        )
    )
    return ActionItem.objects.filter(case__in=process_cases)


def organisation_levels(organisation_id: int, cases) -> dict[int, str]:
    """{case id: level} for the cases `organisation_id` may see (lead = volledig).

    For documents made for an organisation other than the reader's own (the agenda and
    verslag of the casusoverleg, printed per participant).
    """
    case_ids = [case.pk for case in cases]
    levels = {
        case.pk: AccessLevel.VOLLEDIG
        for case in cases
        if case.lead_organisation_id == organisation_id
    }
    shared = Participation.objects.filter(
        case_id__in=case_ids, organisation_id=organisation_id, revoked_at__isnull=True
    ).values_list("case_id", "level")
    for case_id, level in shared:
        levels.setdefault(case_id, level)
    return levels


def lowest_level(*levels: str | None) -> str | None:
    """The most restrictive of `levels` (None, no access at all, wins)."""
    if any(level is None for level in levels):
        return None
    return min(levels, key=LEVEL_RANK.__getitem__)
