from django import forms
from django.contrib.auth.models import Group
from django.contrib.auth.validators import UnicodeUsernameValidator
from django.utils.translation import gettext_lazy as _

from woonoverlast.forms import StyledFormMixin

from .models import ApiClient
from .roles import ROLE_LABELS


class TokenForm(StyledFormMixin, forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=20,
        error_messages={"required": _("Vul de code in.")},
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "none", "spellcheck": "false"}
        ),
    )

    def __init__(self, *args, help_text=None, **kwargs):
        super().__init__(*args, **kwargs)
        if help_text:
            self.fields["token"].help_text = help_text


class RoleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return ROLE_LABELS.get(obj.name, obj.name)


class MemberForm(StyledFormMixin, forms.Form):
    """A user of the Beheerder's own organisation. No organisation, staff or superuser
    field: those are never the Beheerder's to set."""

    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        validators=[UnicodeUsernameValidator()],
        help_text=_("Letters, cijfers en @ . + - _; hiermee logt de gebruiker in."),
        error_messages={"required": _("Vul een gebruikersnaam in.")},
        widget=forms.TextInput(attrs={"autocapitalize": "none", "spellcheck": "false"}),
    )
    first_name = forms.CharField(
        label=_("Voornaam"),
        max_length=150,
        error_messages={"required": _("Vul de voornaam in.")},
    )
    last_name = forms.CharField(
        label=_("Achternaam"),
        max_length=150,
        error_messages={"required": _("Vul de achternaam in.")},
    )
    email = forms.EmailField(
        label=_("E-mailadres"),
        help_text=_("Hierheen gaat de link om een wachtwoord te kiezen."),
        error_messages={
            "required": _("Vul het e-mailadres in."),
            "invalid": _("Vul een geldig e-mailadres in, bijvoorbeeld naam@organisatie.nl."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    roles = RoleChoiceField(
        label=_("Rollen"),
        queryset=Group.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één rol.")},
    )

    def __init__(self, *args, roles, user=None, **kwargs):
        initial = kwargs.pop("initial", {})
        if user is not None:
            initial = {
                "first_name": user.first_name,
                "last_name": user.last_name,
                "email": user.email,
                "roles": [group.pk for group in roles.filter(user=user)],
                **initial,
            }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["roles"].queryset = roles
        if user is not None:
            del self.fields["username"]  # the login name stays what it is


class MemberFilterForm(StyledFormMixin, forms.Form):
    ACTIVE, INACTIVE, ALL = "actief", "inactief", "alle"

    q = forms.CharField(
        label=_("Zoeken"), required=False, help_text=_("Naam, gebruikersnaam of e-mail.")
    )
    rol = forms.ModelChoiceField(
        label=_("Rol"), queryset=Group.objects.none(), required=False, empty_label=_("alle rollen")
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[(ACTIVE, _("actief")), (INACTIVE, _("gedeactiveerd")), (ALL, _("alle"))],
    )

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rol"].queryset = roles
        self.fields["rol"].label_from_instance = lambda obj: ROLE_LABELS.get(obj.name, obj.name)

    def filters(self) -> dict:
        if not self.is_valid():
            return {"active": True}
        data = self.cleaned_data
        status = data.get("status") or self.ACTIVE
        active = {self.ACTIVE: True, self.INACTIVE: False}.get(status)
        return {"search": data.get("q", ""), "role": data.get("rol"), "active": active}


class ApiClientForm(StyledFormMixin, forms.Form):
    """A new API client (partner system) of the Beheerder's own organisation."""

    name = forms.CharField(
        label=_("Naam"),
        max_length=100,
        help_text=_("Het systeem dat de koppeling gebruikt, bijvoorbeeld 'Woonruimtesysteem'."),
        error_messages={"required": _("Geef de koppeling een naam.")},
    )
    scopes = forms.ChoiceField(
        label=_("Rechten"),
        choices=ApiClient.Scopes.choices,
        initial=ApiClient.Scopes.READ,
        help_text=_(
            "Lezen: zaken, meldingen, logboek, maatregelen, actiepunten, besluiten en tijdlijn, "
            "op het niveau dat met uw organisatie is gedeeld. Schrijven: ook zaken openen en "
            "meldingen, logboekregels, maatregelen en afgeronde actiepunten vastleggen."
        ),
    )
