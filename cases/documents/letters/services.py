"""Writes of letters: keeping an organisation's templates and letterhead, making a letter.

A template is refused when it names an invulplek outside `placeholders.PLACEHOLDERS` or holds
template code, so what is stored can always be filled and never run. Making a letter reads
the case at `volledig` only (a letter names persons), offers only persons known in the case
(`CaseAccess.persons`: a melder of another organisation is never one), stores the PDF and
the Word file as attachments of the maker's organisation, and appends one `letter_made`
event; a letter that starts a legal term adds an actiepunt due on its last day.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import date

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from cases.access import CaseAccess
from cases.calendars.legal_terms import term_end
from cases.models import Attachment, Event
from cases.models.choices import Visibility
from cases.services.actions import add_action_item
from cases.services.common import record_event, save_with_history
from cases.services.configuration import require_configuration_owner
from woonoverlast.refusals import Refusal

from . import compose
from .models import Letter, Letterhead, LetterTemplate, TermKind
from .placeholders import has_code, unknown_placeholders

TEMPLATE_FIELDS = (
    "name",
    "instrument",
    "stage",
    "subject",
    "body",
    "term_kind",
    "default_term_weeks",
    "active",
)
BEZWAAR_WEEKS = 6  # art. 6:7 Awb
TERM_TITLES = {
    TermKind.ZIENSWIJZE: gettext_noop("Termijn zienswijze loopt af: %(name)s"),
    TermKind.BEZWAAR: gettext_noop("Bezwaartermijn loopt af: %(name)s"),
}
PDF_TYPE = "application/pdf"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def check_template_text(**texts: str) -> None:
    """Refuse texts with an unknown invulplek or template code, per field, in Dutch."""
    problems = {}
    for field, text in texts.items():
        if has_code(text):
            problems[field] = _(
                "Een sjabloon kan geen opdrachten bevatten: gebruik alleen invulplekken "
                "zoals {{ zaak.adres }}, zonder {%, %} of losse accolades."
            )
        elif unknown := unknown_placeholders(text):
            problems[field] = _("Onbekende invulplek: %(names)s. Kies uit de lijst hieronder.") % {
                "names": ", ".join(f"{{{{ {name} }}}}" for name in unknown)
            }
    if problems:
        raise Refusal.on_fields(problems)


@transaction.atomic
def save_letter_template(*, actor, template: LetterTemplate | None, **fields) -> LetterTemplate:
    unknown = set(fields) - set(TEMPLATE_FIELDS)
    if unknown:
        raise ValueError(f"Geen veld van een briefsjabloon: {', '.join(sorted(unknown))}")
    if template is None:
        require_configuration_owner(actor, "cases.add_lettertemplate", actor.organisation_id)
        template = LetterTemplate(organisation_id=actor.organisation_id)
    else:
        require_configuration_owner(actor, "cases.change_lettertemplate", template.organisation_id)
        template = LetterTemplate.objects.select_for_update().get(pk=template.pk)
    check_template_text(subject=fields.get("subject", ""), body=fields.get("body", ""))
    for name, value in fields.items():
        setattr(template, name, value)
    try:
        template.full_clean()
    except ValidationError as error:
        raise Refusal.from_validation_error(error) from error
    template.save()
    return template


@transaction.atomic
def save_letterhead(*, actor, text: str, closing: str = "") -> Letterhead:
    require_configuration_owner(actor, "cases.change_lettertemplate", actor.organisation_id)
    if not text.strip():
        raise Refusal(
            _("Vul het briefhoofd in: ten minste de naam van uw organisatie."), field="text"
        )
    letterhead, _created = Letterhead.objects.update_or_create(
        organisation_id=actor.organisation_id,
        defaults={"text": text.strip(), "closing": closing.strip()},
    )
    return letterhead


@dataclass(frozen=True)
class PreparedLetter:
    content: compose.LetterContent
    term_ends_on: date | None


def prepare_letter(
    *,
    actor,
    access: CaseAccess,
    template: LetterTemplate,
    addressee,
    letter_date: date,
    term_amount: int | None = None,
    term_unit: str = "weken",
) -> PreparedLetter:
    """The filled letter (for the preview and for making it), or a refusal saying why not."""
    if not access.sees_details:
        # Below volledig the persons of the case are not this reader's to know.
        raise Refusal.not_found(_("Zaak niet gevonden"), case=access.case)
    if not actor.has_perm("cases.add_letter"):
        raise Refusal.forbidden(_("U mag geen brieven maken."))
    if template.organisation_id != actor.organisation_id or not template.active:
        raise Refusal(_("Kies een actief briefsjabloon van uw organisatie."), field="template")
    if addressee is None or not access.persons().filter(pk=addressee.pk).exists():
        raise Refusal(_("Kies een betrokkene van deze zaak als geadresseerde."), field="addressee")
    weeks = days = None
    ends_on = None
    if template.term_kind == TermKind.ZIENSWIJZE:
        if not term_amount or term_amount < 1 or term_amount > 180:
            raise Refusal(
                _("Vul de termijn voor de zienswijze in (1 tot 180 dagen of weken)."),
                field="term_amount",
            )
        weeks, days = (term_amount, None) if term_unit == "weken" else (None, term_amount)
        ends_on = term_end(letter_date, weeks=weeks or 0, days=days or 0)
    elif template.term_kind == TermKind.BEZWAAR:
        # Bekendmaking is the date of the letter; the term starts the day after (art. 6:8 Awb).
        ends_on = term_end(letter_date, weeks=BEZWAAR_WEEKS)
        weeks = BEZWAAR_WEEKS
    values = compose.letter_values(
        case=access.case,
        person=addressee,
        author=actor,
        letter_date=letter_date,
        term_end=ends_on,
        term=compose.term_text(weeks, days),
    )
    letterhead = Letterhead.objects.filter(organisation_id=template.organisation_id).first()
    content = compose.compose(
        template=template,
        letterhead=letterhead,
        values=values,
        case=access.case,
        person=addressee,
        letter_date=letter_date,
    )
    return PreparedLetter(content, ends_on)


def _file_name(content: compose.LetterContent, extension: str) -> str:
    stem = re.sub(r"[^\w\- ]+", "", f"{content.title} {content.reference}").strip()
    return f"{stem} {content.letter_date:%Y-%m-%d}.{extension}"[:255]


def _attachment(actor, access, content, data: bytes, extension: str, content_type: str, stored):
    attachment = Attachment(
        case=access.case,
        storage_key=uuid.uuid4().hex,
        original_name=_file_name(content, extension),
        content_type=content_type,
        size=len(data),
        description=_("Brief: %(name)s") % {"name": content.title},
        visibility=Visibility.OWN_ORGANISATION,
        uploaded_by=actor,
        organisation_id=actor.organisation_id,
    )
    attachment.file.save(attachment.storage_key, ContentFile(data), save=False)
    stored.append(attachment)  # from here on its file is removed if the transaction fails
    return save_with_history(attachment, actor)


def make_letter(*, actor, access: CaseAccess, **choices) -> Letter:
    """Make the letter as PDF and Word, store both on the case, and start its term."""
    prepared = prepare_letter(actor=actor, access=access, **choices)
    content = prepared.content
    # Rendered before the transaction: WeasyPrint takes a while and holds no rows.
    pdf, docx = compose.to_pdf(content), compose.to_docx(content)
    stored: list[Attachment] = []
    try:
        with transaction.atomic():
            pdf_file = _attachment(actor, access, content, pdf, "pdf", PDF_TYPE, stored)
            docx_file = _attachment(actor, access, content, docx, "docx", DOCX_TYPE, stored)
            template = choices["template"]
            item = None
            if prepared.term_ends_on is not None:
                item = add_action_item(
                    actor=actor,
                    access=access,
                    title=_(TERM_TITLES[template.term_kind]) % {"name": template.name},
                    description=_("Volgt uit de brief van %(date)s aan %(person)s.")
                    % {"date": content.date_text, "person": choices["addressee"].full_name},
                    owner_organisation=actor.organisation,
                    owner=actor,
                    due_on=prepared.term_ends_on,
                )
            letter = Letter.objects.create(
                case=access.case,
                template=template,
                template_name=template.name,
                addressee=choices["addressee"],
                level=access.level,
                letter_date=content.letter_date,
                term_ends_on=prepared.term_ends_on,
                action_item=item,
                pdf=pdf_file,
                docx=docx_file,
                organisation_id=actor.organisation_id,
                made_by=actor,
            )
            record_event(access.case, Event.Kind.LETTER_MADE, actor, target=letter)
    except Exception:
        # The database rolled back; the files must not stay behind on disk.
        for attachment in stored:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return letter
