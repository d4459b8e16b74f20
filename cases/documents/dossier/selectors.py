"""What a reader may put in a procesdossier: the records the case page shows them.

Everything comes from the door (`CaseAccess`): meldingen, logboek and bijlagen at `volledig`,
another organisation's logboekregels and bijlagen only when shared with the participants.
A dossier holds persons (melders, betrokkenen in the logboek), so only a reader at
`volledig` may make one; at `proces` the page is refused outright.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cases.access import CaseAccess
from cases.models import Attachment, Measure, Note, Report
from woonoverlast.refusals import Refusal

from .content import melder_labels

# The kinds of record, in the order the dossier shows them.
KINDS = ("reports", "notes", "measures", "attachments")


@dataclass
class Selection:
    """Records of one case, per kind, oldest first."""

    reports: list[Report] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    measures: list[Measure] = field(default_factory=list)
    attachments: list[Attachment] = field(default_factory=list)
    # {melding id: how the dossier names its melder}, for the selection page.
    melders: dict[int, str] = field(default_factory=dict)

    def __len__(self) -> int:
        return sum(len(getattr(self, kind)) for kind in KINDS)

    def ids(self) -> dict[str, list[int]]:
        return {kind: [record.pk for record in getattr(self, kind)] for kind in KINDS}


def require_dossier_maker(case_access: CaseAccess) -> None:
    """Only a reader who sees the case's persons may make a document that contains them."""
    if not case_access.sees_details:
        raise Refusal.forbidden(
            _(
                "Een procesdossier bevat persoonsgegevens (meldingen, logboek, bijlagen). "
                "Uw organisatie ziet deze zaak op procesniveau en kan er geen procesdossier "
                "van maken."
            )
        )


def _door(case_access: CaseAccess) -> dict[str, QuerySet]:
    return {
        "reports": case_access.reports().order_by("received_at", "pk"),
        "notes": case_access.notes().order_by("occurred_on", "created_at", "pk"),
        "measures": case_access.measures().order_by("start_date", "created_at", "pk"),
        "attachments": case_access.attachments().order_by("created_at", "pk"),
    }


def dossier_choices(case_access: CaseAccess) -> Selection:
    """Every record the reader may put in the dossier."""
    require_dossier_maker(case_access)
    choices = Selection(**{kind: list(records) for kind, records in _door(case_access).items()})
    # As in a dossier of every melding; the page shows it so the user sees who is named.
    choices.melders = melder_labels(case_access, choices.reports)
    return choices


def selected_records(case_access: CaseAccess, chosen: dict[str, list[int]]) -> Selection:
    """The chosen records, through the door; an id the reader may not see refuses it all.

    A posted id that is not among the reader's records is either made up or another
    organisation's record kept to itself: a 404, logged on the case, and no dossier.
    """
    require_dossier_maker(case_access)
    door = _door(case_access)
    selection = Selection()
    for kind in KINDS:
        ids = set(chosen.get(kind) or ())
        if not ids:
            continue
        found = list(door[kind].filter(pk__in=ids))
        if len(found) != len(ids):
            raise Refusal.not_found(
                f"procesdossier: {kind} {sorted(ids - {r.pk for r in found})} not visible",
                case=case_access.case,
            )
        setattr(selection, kind, found)
    if not len(selection):
        raise Refusal(_("Kies ten minste één onderdeel voor het procesdossier."))
    return selection
