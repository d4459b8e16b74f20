"""Forms for sharing a case and handing it over. The services validate again."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation, User
from woonoverlast.forms import StyledFormMixin

from ..access import CaseAccess
from ..models.choices import AccessLevel, LegalGround

LEVEL_HELP = _(
    "Weet van het bestaan: zaaknummer, wijk en fase. Alleen proces: ook data, regisseur, "
    "maatregelen en actiepunten, geen personen of logboek. Volledig: alles wat gedeeld is."
)


class ShareForm(StyledFormMixin, forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"),
        queryset=Organisation.objects.none(),
        error_messages={"required": _("Kies de organisatie waarmee u de zaak deelt.")},
    )
    level = forms.ChoiceField(
        label=_("Niveau"),
        choices=AccessLevel.choices,
        widget=forms.RadioSelect,
        help_text=LEVEL_HELP,
        error_messages={"required": _("Kies het niveau waarop u deelt.")},
    )
    legal_ground = forms.ChoiceField(
        label=_("Grondslag"),
        choices=[("", _("– kies een grondslag –"))] + LegalGround.choices,
        error_messages={"required": _("Kies de grondslag voor het delen.")},
    )
    convenant_name = forms.CharField(
        label=_("Naam convenant"),
        max_length=200,
        required=False,
        help_text=_("Verplicht bij grondslag convenant."),
    )

    def __init__(self, *args, access: CaseAccess, **kwargs):
        super().__init__(*args, **kwargs)
        sharing = access.participations()
        self.fields["organisation"].queryset = Organisation.objects.exclude(
            pk=access.case.lead_organisation_id
        ).exclude(pk__in=sharing.values("organisation_id"))

    def clean(self):
        cleaned = super().clean()
        if (
            cleaned.get("legal_ground") == LegalGround.CONVENANT
            and not cleaned.get("convenant_name", "").strip()
        ):
            self.add_error(
                "convenant_name", _("Vul de naam van het convenant in waarop het delen rust.")
            )
        return cleaned


class ShareLevelForm(StyledFormMixin, forms.Form):
    level = forms.ChoiceField(
        label=_("Nieuw niveau"),
        choices=AccessLevel.choices,
        widget=forms.RadioSelect,
        help_text=LEVEL_HELP,
        error_messages={"required": _("Kies het nieuwe niveau.")},
    )


class RevokeShareForm(StyledFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reden (optioneel)"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: toestemming ingetrokken, taak van de partner afgerond."),
    )


class HandOverForm(StyledFormMixin, forms.Form):
    lead_organisation = forms.ModelChoiceField(
        label=_("Nieuwe aanbrengende partner"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("– niet wijzigen –"),
        help_text=_("Alleen partners met wie de zaak volledig is gedeeld."),
    )
    regisseur = forms.ModelChoiceField(
        label=_("Nieuwe casusregisseur"),
        queryset=User.objects.none(),
        required=False,
        empty_label=_("– niet wijzigen –"),
        help_text=_(
            "Een medewerker van de aanbrengende partner of van een partner met volledige toegang."
        ),
    )

    def __init__(self, *args, access: CaseAccess, **kwargs):
        super().__init__(*args, **kwargs)
        case = access.case
        full = access.full_partner_ids()
        self.fields["lead_organisation"].queryset = Organisation.objects.filter(pk__in=full)
        self.fields["regisseur"].queryset = (
            User.objects.filter(is_active=True, api_client__isnull=True)
            .filter(Q(organisation_id__in=full) | Q(organisation_id=case.lead_organisation_id))
            .exclude(pk=case.regisseur_id)
            .select_related("organisation")
            .order_by("first_name", "last_name")
        )
        self.fields["regisseur"].label_from_instance = lambda user: f"{user} ({user.organisation})"

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("lead_organisation") and not cleaned.get("regisseur"):
            raise forms.ValidationError(
                _("Kies een nieuwe aanbrengende partner, een nieuwe casusregisseur of beide.")
            )
        return cleaned
