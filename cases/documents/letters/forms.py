"""Forms of letters: a template and the letterhead (beheer), and "Brief maken" on a case."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import Instrument
from woonoverlast.forms import StyledFormMixin

from .models import Letterhead, LetterTemplate
from .services import TEMPLATE_FIELDS


class LetterTemplateForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = LetterTemplate
        fields = TEMPLATE_FIELDS
        widgets = {"body": forms.Textarea(attrs={"rows": 18})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["instrument"].queryset = Instrument.objects.filter(active=True)
        self.fields["instrument"].required = False

    def _post_clean(self):
        # The service validates and saves (with the organisation it belongs to); the form
        # only parses, so a model check without the organisation does not run here.
        pass


class LetterheadForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Letterhead
        fields = ("text", "closing")
        widgets = {
            "text": forms.Textarea(attrs={"rows": 5}),
            "closing": forms.Textarea(attrs={"rows": 2}),
        }


class LetterForm(StyledFormMixin, forms.Form):
    template = forms.ModelChoiceField(
        label=_("Briefsjabloon"), queryset=LetterTemplate.objects.none()
    )
    addressee = forms.ModelChoiceField(
        label=_("Geadresseerde"),
        queryset=LetterTemplate.objects.none(),
        help_text=_("Alleen betrokkenen van deze zaak die u mag zien."),
    )
    letter_date = forms.DateField(
        label=_("Datum van de brief"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bij een besluit is dit de dag van bekendmaking."),
    )
    term_amount = forms.IntegerField(
        label=_("Termijn voor de zienswijze"),
        required=False,
        min_value=1,
        max_value=180,
        help_text=_("Alleen bij een brief die om een zienswijze vraagt."),
    )
    term_unit = forms.ChoiceField(
        label=_("Eenheid van de termijn"),
        choices=[("weken", _("weken")), ("dagen", _("dagen"))],
        initial="weken",
    )

    def __init__(self, *args, templates, persons, **kwargs):
        kwargs.setdefault("initial", {"letter_date": timezone.localdate(), "term_amount": 2})
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = templates
        self.fields["addressee"].queryset = persons

    @property
    def choices(self) -> dict:
        return dict(self.cleaned_data)
