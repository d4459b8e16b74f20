"""The chosen records as the procesdossier shows them: one entry per record, in time order.

Melders are "melder 1", "melder 2", numbered per distinct melder in the order of their first
melding in the dossier. A melder is named only on a melding that records their consent, and
only when the reader's organisation received that melding (melder identities never leave
it). A named melding takes no number: otherwise "melder 1" on one page and the name on the
next would tell the reader who melder 1 is.

Free text (a melding's description, a logboekregel) is shown as written: it may name the
melder, and no scrubbing finds every way a text can. The selection page warns about it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.access import CaseAccess

from .appendices import Appendix

if TYPE_CHECKING:
    from .selectors import Selection


@dataclass
class Entry:
    """One record in the dossier: where it sits in time and how it is titled."""

    anchor: str
    kind: str  # report, note, measure, attachment
    kind_label: str
    on: date
    title: str
    record: object
    melder: str = ""
    appendix: Appendix | None = None


@dataclass
class Content:
    reports: list[Entry] = field(default_factory=list)
    notes: list[Entry] = field(default_factory=list)
    measures: list[Entry] = field(default_factory=list)
    attachments: list[Entry] = field(default_factory=list)

    @property
    def chronological(self) -> list[Entry]:
        entries = self.reports + self.notes + self.measures + self.attachments
        return sorted(entries, key=lambda entry: entry.on)

    @property
    def appended(self) -> list[Appendix]:
        """Attached PDFs, in the order their pages follow the dossier."""
        return [e.appendix for e in self.attachments if e.appendix and e.appendix.pdf]


def melder_labels(case_access: CaseAccess, reports) -> dict[int, str]:
    """{melding id: how its melder is named}, for meldingen in time order."""
    numbers: dict[int, int] = {}
    labels = {}
    for report in sorted(reports, key=lambda r: (r.received_at, r.pk)):
        if report.melder_anonymous or report.melder_id is None:
            labels[report.pk] = _("anonieme melder")
        elif report.melder_consents_to_be_named and case_access.shows_melder(report):
            consent = (
                _("instemming d.d. %(date)s") % {"date": date_format(report.melder_consent_on)}
                if report.melder_consent_on
                else _("instemming vastgelegd")
            )
            labels[report.pk] = f"{report.melder.full_name} ({consent})"
        else:
            number = numbers.setdefault(report.melder_id, len(numbers) + 1)
            labels[report.pk] = _("melder %(number)s") % {"number": number}
    return labels


def build_content(
    case_access: CaseAccess, selection: Selection, appendices: dict[int, Appendix]
) -> Content:
    labels = melder_labels(case_access, selection.reports)
    content = Content()
    for report in selection.reports:
        content.reports.append(
            Entry(
                f"melding-{report.pk}",
                "report",
                _("Melding"),
                timezone.localdate(report.received_at),
                f"{report.category.name} ({report.get_source_display()})",
                report,
                melder=labels[report.pk],
            )
        )
    for note in selection.notes:
        content.notes.append(
            Entry(
                f"logboek-{note.pk}",
                "note",
                _("Logboek"),
                note.occurred_on,
                f"{note.get_kind_display().capitalize()} – {note.organisation.name}",
                note,
            )
        )
    for measure in selection.measures:
        content.measures.append(
            Entry(
                f"maatregel-{measure.pk}",
                "measure",
                _("Maatregel"),
                measure.start_date,
                f"{measure.instrument.name} – {measure.owner_organisation.name}",
                measure,
            )
        )
    for attachment in selection.attachments:
        appendix = appendices[attachment.pk]
        content.attachments.append(
            Entry(
                appendix.anchor,
                "attachment",
                _("Bijlage"),
                timezone.localdate(attachment.created_at),
                attachment.description or attachment.original_name,
                attachment,
                appendix=appendix,
            )
        )
    return content
