"""Forms for closing and reopening a case."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonoverlast.forms import StyledFormMixin

from ..models import CaseResult


class CloseCaseForm(StyledFormMixin, forms.Form):
    """Zaak afsluiten: result, note, date; open work finished or carried over; informed."""

    result = forms.ModelChoiceField(
        label=_("Resultaat"),
        queryset=CaseResult.objects.filter(active=True),
        empty_label=_("– kies het resultaat –"),
        error_messages={"required": _("Kies het resultaat van de aanpak.")},
    )
    note = forms.CharField(
        label=_("Toelichting"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Hoe is de zaak geëindigd? Feitelijk, zonder namen van melders."),
        error_messages={"required": _("Beschrijf kort hoe de zaak is geëindigd.")},
    )
    closed_on = forms.DateField(
        label=_("Datum van afsluiten"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Vul de datum van afsluiten in."),
            "invalid": _("Vul een geldige datum in."),
        },
    )
    carry_measures = forms.ModelMultipleChoiceField(
        label=_("Maatregelen die doorlopen in de nazorg"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Een maatregel die u niet aanvinkt, moet eerst worden afgerond."),
    )
    carry_action_items = forms.ModelMultipleChoiceField(
        label=_("Actiepunten die doorlopen in de nazorg"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Een actiepunt dat u niet aanvinkt, moet eerst worden afgerond."),
    )
    melder_informed = forms.BooleanField(
        label=_("De melder is geïnformeerd over de afsluiting"), required=False
    )
    veroorzaker_informed = forms.BooleanField(
        label=_("De veroorzaker is geïnformeerd over de afsluiting"), required=False
    )
    not_informed_reason = forms.CharField(
        label=_("Reden niet geïnformeerd"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Verplicht als de melder of de veroorzaker niet is geïnformeerd."),
    )
    confirm = forms.BooleanField(
        label=_("Ik sluit deze zaak af; de nazorg begint op de datum van afsluiten"),
        error_messages={"required": _("Bevestig dat u de zaak wilt afsluiten.")},
    )

    def __init__(self, *args, measures, action_items, **kwargs):
        kwargs.setdefault("initial", {"closed_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
        self.fields["carry_measures"].queryset = measures
        self.fields["carry_measures"].label_from_instance = lambda measure: (
            f"{measure.instrument.name} ({measure.owner_organisation}, "
            f"{measure.get_status_display()})"
        )
        self.fields["carry_action_items"].queryset = action_items
        self.fields["carry_action_items"].label_from_instance = lambda item: (
            f"{item.title} ({item.owner_organisation}, {item.due_on:%d-%m-%Y})"
        )
        if not measures.exists():
            del self.fields["carry_measures"]
        if not action_items.exists():
            del self.fields["carry_action_items"]

    def clean(self):
        cleaned = super().clean()
        informed = cleaned.get("melder_informed") and cleaned.get("veroorzaker_informed")
        if not informed and not cleaned.get("not_informed_reason", "").strip():
            self.add_error(
                "not_informed_reason",
                _("Leg vast waarom melder of veroorzaker niet is geïnformeerd."),
            )
        return cleaned

    def service_arguments(self) -> dict:
        data = self.cleaned_data
        return {
            "result": data["result"],
            "note": data["note"],
            "closed_on": data["closed_on"],
            "carry_over": {
                "measures": [m.pk for m in data.get("carry_measures") or []],
                "action_items": [i.pk for i in data.get("carry_action_items") or []],
            },
            "melder_informed": data["melder_informed"],
            "veroorzaker_informed": data["veroorzaker_informed"],
            "not_informed_reason": data["not_informed_reason"],
        }


class ReopenCaseForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reden om te heropenen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: nieuwe meldingen van overlast op dit adres."),
        error_messages={"required": _("Geef de reden om de zaak te heropenen.")},
    )
