from datetime import timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import User
from woonoverlast.forms import StyledFormMixin

from ..models import Case, Note, NuisanceCategory, Person, Report
from ..models.case import as_postcode, postcode_validator
from ..models.choices import PersonRole, Sensitivity, Visibility
from ..uploads import check_upload


class CaseForm(StyledFormMixin, forms.ModelForm):
    categories = forms.ModelMultipleChoiceField(
        label=_("Soorten overlast"),
        queryset=NuisanceCategory.objects.filter(active=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één soort overlast.")},
    )

    class Meta:
        model = Case
        fields = [
            "street",
            "house_number",
            "postcode",
            "city",
            "wijk",
            "categories",
            "summary",
            "regisseur",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 4})}
        help_texts = {
            "postcode": _("Vier cijfers en twee letters, bijvoorbeeld 1234 AB."),
            "summary": _("Feitelijk en kort: wat speelt er, sinds wanneer, wie is betrokken."),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["regisseur"].queryset = User.objects.filter(
            organisation=organisation, is_active=True, api_client__isnull=True
        ).order_by("first_name", "last_name")
        self.fields["regisseur"].required = False
        self.fields["regisseur"].empty_label = _("– uzelf –")
        self.fields["regisseur"].help_text = _("Leeg laten: u bent zelf de casusregisseur.")
        self.fields["postcode"].widget.attrs.update({"autocomplete": "postal-code"})

    def clean_postcode(self):
        entered = self.cleaned_data["postcode"]
        postcode = as_postcode(entered) or entered.strip().upper()
        postcode_validator(postcode)
        return postcode


class BetrokkeneRoleField(forms.ChoiceField):
    """The roles of "Betrokkene toevoegen": every role but melder, which is recorded with the
    melding (see cases.services.records); a posted melder gets that explanation."""

    def __init__(self, **kwargs):
        choices = [(v, label) for v, label in PersonRole.choices if v != PersonRole.MELDER]
        super().__init__(choices=choices, **kwargs)

    def validate(self, value):
        if value == PersonRole.MELDER:
            from cases.services.records import MELDER_NEEDS_REPORT

            raise forms.ValidationError(MELDER_NEEDS_REPORT, code="melder")
        super().validate(value)


class PersonForm(StyledFormMixin, forms.ModelForm):
    role = BetrokkeneRoleField(
        label=_("Rol in de zaak"),
        help_text=_("Een melder legt u vast met de melding (Melding vastleggen)."),
    )
    existing = forms.ModelChoiceField(
        label=_("Bestaande persoon"),
        queryset=Person.objects.none(),
        required=False,
        empty_label=_("– nieuwe persoon vastleggen –"),
        help_text=_(
            "Kies een persoon die al in een van uw zaken voorkomt, of vul hieronder "
            "een nieuwe persoon in."
        ),
    )

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "birth_date", "phone", "email"]
        widgets = {"birth_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    field_order = ["role", "existing", "first_name", "last_name", "birth_date", "phone", "email"]

    def __init__(self, *args, persons=None, **kwargs):
        super().__init__(*args, **kwargs)
        if persons is not None:
            self.fields["existing"].queryset = persons
        self.fields["last_name"].required = False

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("existing") and not cleaned.get("last_name"):
            self.add_error("last_name", _("Vul een achternaam in, of kies een bestaande persoon."))
        return cleaned

    def _post_clean(self):
        # The person is created by the service, not by this form.
        pass


class ReportForm(StyledFormMixin, forms.ModelForm):
    new_melder_first_name = forms.CharField(
        label=_("Voornaam nieuwe melder"), max_length=100, required=False
    )
    new_melder_last_name = forms.CharField(
        label=_("Achternaam nieuwe melder"), max_length=150, required=False
    )

    class Meta:
        model = Report
        fields = [
            "received_at",
            "category",
            "source",
            "description",
            "melder",
            "melder_anonymous",
            "melder_consents_to_be_named",
            "melder_consent_on",
        ]
        widgets = {
            "received_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            ),
            "description": forms.Textarea(attrs={"rows": 4}),
            "melder_consent_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "melder_anonymous": _("De melder wil anoniem blijven: er wordt geen naam vastgelegd."),
            "melder_consents_to_be_named": _(
                "Alleen aanvinken als de melder uitdrukkelijk heeft ingestemd dat de naam in "
                "het procesdossier voor de rechter staat. Anders heet de melder daar "
                "“melder 1”, “melder 2”."
            ),
            "melder_consent_on": _("De datum waarop de melder instemde."),
        }

    field_order = [
        "received_at",
        "category",
        "source",
        "description",
        "melder",
        "new_melder_first_name",
        "new_melder_last_name",
        "melder_anonymous",
        "melder_consents_to_be_named",
        "melder_consent_on",
    ]

    def __init__(self, *args, case_persons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_at"].initial = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["category"].queryset = NuisanceCategory.objects.filter(active=True)
        self.fields["melder"].queryset = (
            case_persons if case_persons is not None else Person.objects.none()
        )
        self.fields["melder"].required = False
        self.fields["melder"].empty_label = _("– geen of nieuwe melder –")
        self.fields["melder"].label = _("Melder (betrokkene in deze zaak)")

    def clean(self):
        cleaned = super().clean()
        has_new = bool(cleaned.get("new_melder_last_name") or cleaned.get("new_melder_first_name"))
        if cleaned.get("melder_anonymous") and (cleaned.get("melder") or has_new):
            self.add_error(
                "melder_anonymous", _("Een anonieme melding heeft geen melder; kies één van beide.")
            )
        if cleaned.get("melder") and has_new:
            self.add_error(
                "melder", _("Kies een bestaande melder óf vul een nieuwe melder in, niet allebei.")
            )
        if has_new and not cleaned.get("new_melder_last_name"):
            self.add_error("new_melder_last_name", _("Vul de achternaam van de melder in."))
        self._clean_consent(cleaned, named=bool(cleaned.get("melder") or has_new))
        received_at = cleaned.get("received_at")
        if received_at and received_at > timezone.now() + timedelta(minutes=5):
            self.add_error("received_at", _("Een melding kan niet in de toekomst liggen."))
        return cleaned

    def _clean_consent(self, cleaned, *, named: bool) -> None:
        # The same rule as the service (cases.services.records), said on the fields here.
        if not cleaned.get("melder_consents_to_be_named"):
            return
        if not named or cleaned.get("melder_anonymous"):
            self.add_error(
                "melder_consents_to_be_named",
                _(
                    "Instemming met vermelding van de naam kan alleen bij een melder met "
                    "naam, niet bij een anonieme melding."
                ),
            )
        consent_on = cleaned.get("melder_consent_on")
        if consent_on is None and "melder_consent_on" not in self.errors:
            self.add_error(
                "melder_consent_on", _("Vul de datum in waarop de melder heeft ingestemd.")
            )
        elif consent_on and consent_on > timezone.localdate():
            self.add_error(
                "melder_consent_on", _("De datum van instemming kan niet in de toekomst liggen.")
            )

    def _post_clean(self):
        pass

    @property
    def new_melder(self):
        data = self.cleaned_data
        if data.get("new_melder_last_name"):
            return {
                "first_name": data.get("new_melder_first_name", ""),
                "last_name": data["new_melder_last_name"],
            }
        return None


# Zorg- and politie-informatie written by these organisations is marked by default.
SENSITIVITY_BY_ORGANISATION_KIND = {
    "ggd": Sensitivity.ZORG,
    "zorg": Sensitivity.ZORG,
    "politie": Sensitivity.POLITIE,
}


class NoteForm(StyledFormMixin, forms.ModelForm):
    share_sensitive = forms.BooleanField(
        label=_("Ik deel deze zorg- of politie-informatie bewust met alle deelnemers"),
        required=False,
        help_text=_("Alleen aanvinken als het delen nodig is en er een grondslag voor is."),
    )

    class Meta:
        model = Note
        fields = ["kind", "occurred_on", "text", "melder_contact", "sensitivity", "visibility"]
        widgets = {
            "occurred_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "sensitivity": _("Zorg- en politie-informatie blijft standaard binnen uw organisatie."),
        }

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["occurred_on"].initial = timezone.localdate
        self.fields["visibility"].initial = Visibility.OWN_ORGANISATION
        if organisation is not None:
            self.fields["sensitivity"].initial = SENSITIVITY_BY_ORGANISATION_KIND.get(
                organisation.kind, Sensitivity.NONE
            )

    def clean(self):
        cleaned = super().clean()
        occurred_on = cleaned.get("occurred_on")
        if occurred_on and occurred_on > timezone.localdate():
            self.add_error("occurred_on", _("De datum kan niet in de toekomst liggen."))
        if (
            cleaned.get("sensitivity")
            and cleaned.get("visibility") == Visibility.PARTICIPANTS
            and not cleaned.get("share_sensitive")
        ):
            self.add_error(
                "visibility",
                _(
                    "Zorg- en politie-informatie blijft bij uw eigen organisatie. Kies "
                    "'alleen eigen organisatie', of vink aan dat u het bewust deelt."
                ),
            )
        return cleaned

    @property
    def note_fields(self) -> dict:
        """The cleaned data the add_note service takes."""
        return {name: self.cleaned_data[name] for name in self.Meta.fields}

    def _post_clean(self):
        pass


class AttachmentForm(StyledFormMixin, forms.Form):
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_("PDF, afbeelding of Office-document."),
        error_messages={"required": _("Kies een bestand."), "empty": _("Het bestand is leeg.")},
    )
    description = forms.CharField(label=_("Omschrijving"), max_length=255, required=False)
    visibility = forms.ChoiceField(
        label=_("Zichtbaarheid"), choices=Visibility.choices, initial=Visibility.OWN_ORGANISATION
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        self.detected_content_type = check_upload(upload)
        return upload
