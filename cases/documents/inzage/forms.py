"""The forms of the inzage pages: the list's search and filter, and registering a verzoek."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases import access
from woonoverlast.forms import StyledFormMixin

from .models import InzageVerzoek

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class VerzoekFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Zoeken op naam"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("Alle verzoeken")), *InzageVerzoek.Status.choices],
    )


class PersonChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, person):
        name = f"{person.last_name}, {person.first_name}" if person.first_name else person.last_name
        if person.birth_date:
            return _("%(name)s (geboren %(date)s)") % {
                "name": name,
                "date": person.birth_date.strftime("%d-%m-%Y"),
            }
        return name


class VerzoekForm(StyledFormMixin, forms.Form):
    person = PersonChoiceField(
        label=_("Betrokkene"),
        queryset=None,
        error_messages={
            "required": _("Kies de betrokkene die om inzage vraagt."),
            "invalid_choice": _("Kies een betrokkene die uw organisatie kent."),
        },
        help_text=_("Personen in zaken van uw organisatie, en melders van uw meldingen."),
    )
    received_on = forms.DateField(
        label=_("Ontvangen op"),
        widget=DATE,
        error_messages={
            "required": _("Vul de datum van ontvangst in."),
            "invalid": _("Vul een geldige datum in, bijvoorbeeld 15-01-2027."),
        },
        help_text=_("De termijn van één maand (art. 12 lid 3 AVG) loopt vanaf deze dag."),
    )
    identity_checked_by = forms.CharField(
        label=_("Identiteit gecontroleerd"),
        max_length=InzageVerzoek._meta.get_field("identity_checked_by").max_length,
        error_messages={
            "required": _("Vul in wie de identiteit heeft gecontroleerd en hoe."),
            "max_length": _("Gebruik hooguit %(limit_value)d tekens."),
        },
        help_text=_("Wie, en hoe? Bijvoorbeeld: paspoort gezien door J. de Vries."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].queryset = access.privacy_persons(user).order_by(
            "last_name", "first_name", "pk"
        )


class ExtensionForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reden van de verlenging"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Bijvoorbeeld: het verzoek betreft veel zaken over meerdere jaren. De aanvrager "
            "krijgt deze reden binnen een maand na ontvangst te horen."
        ),
    )
