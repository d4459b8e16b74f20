"""Forms for a case's addresses: the overlast moved with the household, or another address."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonoverlast.forms import StyledFormMixin

from ..models.case import as_postcode, postcode_validator

DATE_ERRORS = {"invalid": _("Vul een geldige datum in.")}


def _date_field(label, **kwargs):
    return forms.DateField(
        label=label,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        **kwargs,
    )


class AddressFields(StyledFormMixin, forms.Form):
    street = forms.CharField(
        label=_("Straat"),
        max_length=200,
        error_messages={"required": _("Vul de straat in.")},
    )
    house_number = forms.CharField(
        label=_("Huisnummer"),
        max_length=20,
        help_text=_("Met letter of toevoeging, bijvoorbeeld 12a of 12-2."),
        error_messages={"required": _("Vul het huisnummer in.")},
    )
    postcode = forms.CharField(
        label=_("Postcode"),
        max_length=7,
        help_text=_("Vier cijfers en twee letters, bijvoorbeeld 1234 AB."),
        error_messages={"required": _("Vul de postcode in.")},
        widget=forms.TextInput(attrs={"autocomplete": "postal-code"}),
    )
    city = forms.CharField(
        label=_("Plaats"),
        max_length=100,
        error_messages={"required": _("Vul de plaats in.")},
    )

    def clean_postcode(self):
        entered = self.cleaned_data["postcode"]
        postcode = as_postcode(entered) or entered.strip().upper()
        postcode_validator(postcode)
        return postcode


class MoveAddressForm(AddressFields):
    """Overlast verhuisd mee: the new address, the day of the move and why."""

    wijk = forms.CharField(
        label=_("Wijk"),
        max_length=100,
        required=False,
        help_text=_("De wijk van het nieuwe adres; leeg maken als die onbekend is."),
    )
    moved_on = _date_field(
        _("Verhuisd op"),
        error_messages={"required": _("Vul de datum van de verhuizing in."), **DATE_ERRORS},
    )
    reason = forms.CharField(
        label=_("Toelichting"),
        max_length=200,
        required=False,
        help_text=_("Bijvoorbeeld: huishouden verhuisd, overlast gaat door op het nieuwe adres."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("moved_on", timezone.localdate())


class AddAddressForm(AddressFields):
    """Another address of the case, without moving: an earlier address of the household or a
    second address of the same overlast."""

    valid_from = _date_field(_("Vanaf"), required=False, error_messages=DATE_ERRORS)
    valid_until = _date_field(
        _("Tot"),
        required=False,
        error_messages=DATE_ERRORS,
        help_text=_("Leeg laten als het huishouden hier nog woont of verblijft."),
    )
    note = forms.CharField(
        label=_("Toelichting"),
        max_length=200,
        required=False,
        help_text=_("Waarom dit adres bij de zaak hoort, bijvoorbeeld: eerder adres."),
    )
