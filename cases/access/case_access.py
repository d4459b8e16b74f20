"""`CaseAccess`: what one user may see and do with one case, cut to their level.

Pickers about the case take their choices from here too (the melder picker from `persons()`,
the owner pickers of measures and actiepunten from `process_organisations()`), so a form can
never offer what the page hides.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from django.db.models import (
    Q,
    QuerySet,
)

from partners.models import Organisation

from ..models import (
    Attachment,
    Case,
    CaseAddress,
    CasePerson,
    Decision,
    Note,
    Participation,
    Person,
    Report,
)
from ..models.choices import AccessLevel, Visibility
from . import levels
from .listing import FIELD_LEVELS
from .persons import known_links


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
        return levels.at_least(self.level, level)

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

    def further_addresses(self) -> QuerySet[CaseAddress]:
        """The case's earlier and other addresses (issue 13): shown where the case address
        is, at `volledig` only (`listing.FIELD_LEVELS`)."""
        if not self.at_least(FIELD_LEVELS["further_addresses"]):
            return CaseAddress.objects.none()
        if getattr(self.case, "has_further_addresses", True) is False:
            return CaseAddress.objects.none()  # the door's case knows it has none
        return self.case.further_addresses.all()

    @property
    def can_change_addresses(self) -> bool:
        """Registering a move or another address: whoever may edit the case's details."""
        return self.can_edit_case

    @property
    def is_regisseur(self) -> bool:
        return self.case.regisseur_id == self.user.pk

    @property
    def can_close_case(self) -> bool:
        """Closing and reopening: the aanbrengende organisation or the casusregisseur."""
        return (
            self.sees_details
            and (self.is_lead or self.is_regisseur)
            and self.user.has_perm("cases.change_case")
        )

    @cached_property
    def closure(self):
        """The case's closure cut to this level (see cases.access.lifecycle)."""
        from .lifecycle import closure

        return closure(self)

    @property
    def can_share(self) -> bool:
        """Sharing is managed by the aanbrengende organisation and by the casusregisseur."""
        return (
            self.sees_details
            and (self.is_lead or self.is_regisseur)
            and self.user.has_perm("cases.share_case")
        )

    @cached_property
    def shares(self) -> list[Participation]:
        """Every share of the case, revoked ones too, loaded once per request for the case
        page (the sharing panel and the timeline both read it)."""
        return list(self.participations(include_revoked=True))

    @property
    def active_shares(self) -> list[Participation]:
        return [share for share in self.shares if share.revoked_at is None]

    def participations(self, include_revoked: bool = False) -> QuerySet[Participation]:
        """Shares of the case (active ones unless asked): which partners are involved is
        process information."""
        if not self.sees_process:
            return Participation.objects.none()
        shares = self.case.participations.select_related("organisation", "shared_by")
        if not include_revoked:
            shares = shares.filter(revoked_at__isnull=True)
        return shares.order_by("organisation__name")

    def process_organisations(self) -> QuerySet[Organisation]:
        """Organisations that see this case at level `proces` or more: the lead and the
        active participants at proces or volledig.

        The only organisations that may own a measure or an actiepunt, and so the only ones
        reminded about them: a partner at `bestaan` must not learn, through a picker or a
        reminder ("Verkennend onderzoek Wvggz staat al sinds … open"), what it may not see.
        """
        if not self.sees_process:
            return Organisation.objects.none()
        partners = self.case.participations.filter(
            revoked_at__isnull=True, level__in=[AccessLevel.PROCES, AccessLevel.VOLLEDIG]
        ).values("organisation_id")
        return Organisation.objects.filter(
            Q(pk=self.case.lead_organisation_id) | Q(pk__in=partners)
        ).order_by("name")

    def full_partner_ids(self) -> QuerySet[Participation]:
        """Ids of the partner organisations sharing this case at `volledig`: those that may
        take it over as aanbrengende organisation or provide its regisseur."""
        if not self.sees_details:
            return Participation.objects.none()
        return self.case.participations.filter(
            revoked_at__isnull=True, level=AccessLevel.VOLLEDIG
        ).values("organisation_id")

    def can_add(self, model_name: str) -> bool:
        return self.sees_details and self.user.has_perm(f"cases.add_{model_name}")

    @property
    def may_add(self) -> dict[str, bool]:
        """For templates: which records this user may add to the case."""
        return {
            name: self.can_add(name)
            for name in ("caseperson", "report", "note", "attachment", "letter")
        }

    def case_persons(self) -> QuerySet[CasePerson]:
        """Betrokkenen; a melder only for the organisation that received their melding."""
        if not self.sees_details:
            return CasePerson.objects.none()
        return self.case.case_persons.select_related("person").filter(
            known_links(self.organisation_id)
        )

    def persons(self) -> QuerySet[Person]:
        """The persons of `case_persons()`, each once (for pickers about this case, such as
        the melder of a new melding)."""
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

    def letters(self):
        """Letters made from the case: like their files, the maker's organisation's own."""
        from ..models import Letter

        if not self.sees_details:
            return Letter.objects.none()
        return self.case.letters.filter(organisation_id=self.organisation_id).select_related(
            "pdf", "docx", "addressee", "made_by"
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
        from ..models import Measure

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
