"""The selection page of the procesdossier: checkboxes per kind of record."""

from __future__ import annotations

from django import forms
from django.template.defaultfilters import truncatechars
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from woonoverlast.forms import StyledFormMixin

from .selectors import KINDS, Selection


class RecordIdsField(forms.TypedMultipleChoiceField):
    """Checkboxes offering the reader's records; any posted number is passed on.

    Whether an id is one the reader may see is the door's question, not the form's: the
    service refuses an unknown id as not found (404, logged), rather than the form calling
    it an invalid choice (a 200 that says nothing was wrong with the reader asking).
    """

    widget = forms.CheckboxSelectMultiple

    def __init__(self, **kwargs):
        super().__init__(coerce=int, required=False, **kwargs)

    def valid_value(self, value) -> bool:
        return str(value).isdigit()


def _report_label(report, melder: str) -> str:
    on = date_format(timezone.localtime(report.received_at), "j F Y")
    text = truncatechars(report.description, 90)
    return f"{on} · {report.category.name} · {text} ({_('in het dossier')}: {melder})"


def _note_label(note) -> str:
    on = date_format(note.occurred_on, "j F Y")
    text = truncatechars(note.text, 90)
    return f"{on} · {note.get_kind_display()} ({note.organisation.name}) · {text}"


def _measure_label(measure) -> str:
    on = date_format(measure.start_date, "j F Y")
    return (
        f"{on} · {measure.instrument.name} ({measure.owner_organisation.name}) · "
        f"{measure.get_status_display()}"
    )


def _attachment_label(attachment) -> str:
    on = date_format(timezone.localtime(attachment.created_at), "j F Y")
    described = f" – {attachment.description}" if attachment.description else ""
    return f"{on} · {attachment.original_name}{described} ({attachment.organisation.name})"


LABELS = {
    "reports": (gettext_lazy("Meldingen"), _report_label),
    "notes": (gettext_lazy("Logboek"), _note_label),
    "measures": (gettext_lazy("Maatregelen"), _measure_label),
    "attachments": (gettext_lazy("Bijlagen (ook brieven)"), _attachment_label),
}


class DossierForm(StyledFormMixin, forms.Form):
    def __init__(self, *args, choices: Selection, **kwargs):
        super().__init__(*args, **kwargs)
        for kind in KINDS:
            label, describe = LABELS[kind]
            records = getattr(choices, kind)
            if kind == "reports":
                labels = [(r.pk, describe(r, choices.melders.get(r.pk, ""))) for r in records]
            else:
                labels = [(record.pk, describe(record)) for record in records]
            field = RecordIdsField(label=label, choices=labels)
            # Everything is chosen to start with: the user leaves out what the court need
            # not see.
            field.initial = [record.pk for record in records]
            if not records:
                field.help_text = _("Niets om te kiezen.")
            self.fields[kind] = field

    def clean(self):
        cleaned = super().clean()
        if not any(cleaned.get(kind) for kind in KINDS):
            raise forms.ValidationError(_("Kies ten minste één onderdeel voor het procesdossier."))
        return cleaned

    @property
    def chosen(self) -> dict[str, list[int]]:
        return {kind: list(self.cleaned_data.get(kind) or []) for kind in KINDS}
