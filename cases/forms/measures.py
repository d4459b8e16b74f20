"""Forms for measures on a case."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import Instrument
from woonoverlast.forms import StyledFormMixin

from ..models import Measure

DATE = {"type": "date"}


class MeasureForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Measure
        fields = [
            "instrument",
            "owner_organisation",
            "start_date",
            "planned_end",
            "status",
            "outcome",
        ]
        widgets = {
            "start_date": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "planned_end": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "outcome": _("Verplicht wanneer de maatregel is afgerond of gestopt."),
        }
        error_messages = {
            "instrument": {"required": _("Kies het instrument dat wordt ingezet.")},
            "owner_organisation": {"required": _("Kies de organisatie die het uitvoert.")},
            "start_date": {"required": _("Vul de startdatum in.")},
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = Instrument.objects.filter(active=True).order_by(
            "partner_kind", "name"
        )
        self.fields["owner_organisation"].queryset = organisations

    def _post_clean(self):
        # The service checks dates, outcome and owner; it raises field errors in Dutch.
        pass


class MeasureUpdateForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Measure
        fields = ["status", "planned_end", "outcome"]
        widgets = {
            "planned_end": forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
            "outcome": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = MeasureForm.Meta.help_texts

    def _post_clean(self):
        pass
