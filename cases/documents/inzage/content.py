"""What an inzage export holds: the person's data, per case what concerns them, and "wie heeft
uw dossier ingezien". One builder for the dry run, the PDF and the JSON, so what the dry run
counts is what the export holds.

Every case comes from the door (`access.inzage_cases`), cut at the organisation's level.
Inside a case:

- a person who is only melder in it gets their own meldingen and nothing else: the logboek,
  maatregelen and besluiten are about the other persons of the case;
- anyone else in the case gets every melding, logboek entry, maatregel and besluit the
  organisation sees, because a case is about the household at the address. The melder of
  someone else's melding is "melder 1", "melder 2" … (anonymous melders "anonieme melder"),
  by name only when they agreed to be named (`Report.melder_consents_to_be_named`) and the
  organisation received the melding (melder identities never leave it);
- free text is redacted: the names of the other persons of the case (full name, last name,
  first name) become "[betrokkene]". A Note has no link to a person, so this is the only
  protection its text gets; its limits are in docs/adr/0025-inzage.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils.translation import gettext as _

from cases import access, clock
from cases.models import Person
from cases.models.choices import PersonRole

from .models import InzageVerzoek

REDACTED = "[betrokkene]"
FORMAT = "woonoverlast-inzage/1"


class Redactor:
    """Replaces known names of other persons in free text, longest first, whole words only."""

    def __init__(self, others: list[Person], keep: Person):
        own = {keep.first_name.casefold(), keep.last_name.casefold()}
        found: set[str] = set()
        for other in others:
            found.add(other.full_name)
            # A family member shares the person's last name: only their full and first name
            # can be told apart from the person's own.
            for part in (other.last_name, other.first_name):
                if len(part) >= 2 and part.casefold() not in own:
                    found.add(part)
        names = sorted((name for name in found if name.strip()), key=len, reverse=True)
        self.pattern = (
            re.compile(r"\b(?:" + "|".join(re.escape(name) for name in names) + r")\b", re.I)
            if names
            else None
        )

    def __call__(self, text: str) -> str:
        if not text or self.pattern is None:
            return text
        return self.pattern.sub(REDACTED, text)


@dataclass
class CaseContent:
    reference: str
    only_melder: bool
    roles: list[str]
    address: str = ""
    # Earlier and other addresses of the case (docs/adr/0030), from the door like the address.
    other_addresses: list[dict] = field(default_factory=list)
    opened_on: date | None = None
    closed_on: date | None = None
    stage: str = ""
    summary: str = ""
    reports: list[dict] = field(default_factory=list)
    notes: list[dict] = field(default_factory=list)
    measures: list[dict] = field(default_factory=list)
    decisions: list[dict] = field(default_factory=list)
    case_id: int = 0
    level: str = ""  # the level the case was cut for, logged with every export

    def counts(self) -> dict[str, int]:
        return {
            "reports": len(self.reports),
            "notes": len(self.notes),
            "measures": len(self.measures),
            "decisions": len(self.decisions),
        }


@dataclass
class InzageContent:
    verzoek: InzageVerzoek
    person: dict
    cases: list[CaseContent]
    access_log: list[dict]
    made_at: datetime

    def counts(self) -> dict[str, int]:
        totals = {"cases": len(self.cases), "reports": 0, "notes": 0, "measures": 0}
        totals["decisions"] = 0
        for case in self.cases:
            for key, value in case.counts().items():
                totals[key] += value
        totals["access_log"] = len(self.access_log)
        return totals


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def _melder_label(report, person: Person, case_access, numbers: dict[int, int]) -> str:
    if report.melder_id == person.pk:
        return person.full_name
    if report.melder_id is None or report.melder_anonymous:
        return _("anonieme melder")
    if report.melder_consents_to_be_named and case_access.shows_melder(report):
        return report.melder.full_name
    number = numbers.setdefault(report.melder_id, len(numbers) + 1)
    return _("melder %(number)s") % {"number": number}


def _case_content(case_access, person: Person) -> CaseContent:
    case = case_access.case
    links = [link for link in case_access.case_persons() if link.person_id == person.pk]
    only_melder = all(link.role == PersonRole.MELDER for link in links)
    content = CaseContent(
        reference=case.reference,
        only_melder=only_melder,
        roles=[link.get_role_display() for link in links],
        case_id=case.pk,
        level=case_access.level,
    )
    named_melders = {
        report.melder_id
        for report in case_access.reports()
        if report.melder_consents_to_be_named and case_access.shows_melder(report)
    }
    redact = Redactor(
        [p for p in access.persons_to_redact(case_access, person) if p.pk not in named_melders],
        keep=person,
    )
    numbers: dict[int, int] = {}
    for report in case_access.reports().order_by("received_at", "pk"):
        if only_melder and report.melder_id != person.pk:
            continue
        content.reports.append(
            {
                "received_at": report.received_at,
                "category": str(report.category),
                "source": report.get_source_display(),
                "melder": _melder_label(report, person, case_access, numbers),
                "description": redact(report.description),
            }
        )
    if only_melder:
        return content
    content.address = case.address
    content.other_addresses = [
        {
            "address": address.address,
            "valid_from": address.valid_from,
            "valid_until": address.valid_until,
            "note": redact(address.note),
        }
        for address in case_access.further_addresses()
    ]
    content.opened_on = case.opened_on
    content.closed_on = case.closed_on
    content.stage = case.stage.name if case.stage_id else ""
    content.summary = redact(case.summary)
    for note in case_access.notes().order_by("occurred_on", "created_at"):
        content.notes.append(
            {
                "date": note.occurred_on,
                "kind": note.get_kind_display(),
                "organisation": note.organisation.name,
                "sensitivity": note.get_sensitivity_display() if note.sensitivity else "",
                "text": redact(note.text),
            }
        )
    for measure in case_access.measures().order_by("start_date", "created_at"):
        content.measures.append(
            {
                "instrument": measure.instrument.name,
                "organisation": measure.owner_organisation.name,
                "start_date": measure.start_date,
                "planned_end": measure.planned_end,
                "status": measure.get_status_display(),
                "outcome": redact(measure.outcome),
            }
        )
    for decision in case_access.decisions().order_by("decided_on", "created_at"):
        content.decisions.append(
            {
                "date": decision.decided_on,
                "body": redact(decision.body),
                "kind": decision.get_kind_display(),
                "text": redact(decision.text),
            }
        )
    return content


def own_log_prefix(verzoek) -> str:
    """The access-log resource of this verzoek's own dry runs and exports."""
    return f"inzageverzoek {verzoek.number}:"


def build_inzage(user, verzoek) -> InzageContent:
    person = verzoek.person
    cases = [_case_content(one, person) for one in access.inzage_cases(user, person)]
    # The answering of this verzoek itself (its dry runs and exports) is left out: the
    # export would otherwise change with every preview, and it is the answer, not a look at
    # the file. Earlier verzoeken and every other read stay in.
    rows = (
        access.person_access_log(user, person)
        .exclude(resource__startswith=own_log_prefix(verzoek))
        .order_by("at", "id")
    )
    log = [
        {
            "at": row.at,
            "organisation": row.organisation_name,
            "action": row.get_action_display(),
            "case": row.case_reference,
            "purpose": row.purpose,
            "outcome": row.get_outcome_display(),
        }
        for row in rows
    ]
    return InzageContent(
        verzoek=verzoek,
        person={
            "first_name": person.first_name,
            "last_name": person.last_name,
            "birth_date": person.birth_date,
            "phone": person.phone,
            "email": person.email,
        },
        cases=cases,
        access_log=log,
        made_at=clock.now(),
    )


def as_json(content: InzageContent) -> dict:
    """The export as JSON with a stable shape (docs/gebruikershandleiding.md lists it):
    dates as ISO 8601, moments in UTC, every key present even when empty."""
    verzoek = content.verzoek
    return {
        "format": FORMAT,
        "made_at": content.made_at.isoformat(),
        "request": {
            "number": verzoek.number,
            "organisation": verzoek.organisation.name,
            "received_on": _iso(verzoek.received_on),
            "deadline": _iso(verzoek.deadline),
        },
        "person": {key: _iso(v) if key == "birth_date" else v for key, v in content.person.items()},
        "cases": [
            {
                "reference": case.reference,
                "roles": case.roles,
                "address": case.address,
                "other_addresses": [
                    {
                        **row,
                        "valid_from": _iso(row["valid_from"]),
                        "valid_until": _iso(row["valid_until"]),
                    }
                    for row in case.other_addresses
                ],
                "opened_on": _iso(case.opened_on),
                "closed_on": _iso(case.closed_on),
                "stage": case.stage,
                "summary": case.summary,
                "reports": [
                    {**row, "received_at": row["received_at"].isoformat()} for row in case.reports
                ],
                "notes": [{**row, "date": _iso(row["date"])} for row in case.notes],
                "measures": [
                    {
                        **row,
                        "start_date": _iso(row["start_date"]),
                        "planned_end": _iso(row["planned_end"]),
                    }
                    for row in case.measures
                ],
                "decisions": [{**row, "date": _iso(row["date"])} for row in case.decisions],
            }
            for case in content.cases
        ],
        "access_log": [{**row, "at": row["at"].isoformat()} for row in content.access_log],
    }
