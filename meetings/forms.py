from datetime import datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.forms.actions import ActionItemForm
from cases.models import Decision
from partners.models import Organisation, User
from woonoverlast.forms import StyledFormMixin

from .models import AgendaItem, Meeting, Series


class SeriesForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Series
        fields = [
            "name",
            "area",
            "participants",
            "rhythm",
            "default_location",
            "cutoff_working_days",
        ]
        widgets = {"participants": forms.CheckboxSelectMultiple}
        help_texts = {"participants": _("Uw eigen organisatie neemt altijd deel.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participants"].queryset = Organisation.objects.order_by("name")
        self.fields["participants"].error_messages["required"] = _(
            "Kies ten minste één deelnemende organisatie."
        )

    def clean_cutoff_working_days(self):
        days = self.cleaned_data["cutoff_working_days"]
        if days > 20:
            raise forms.ValidationError(_("Kies een aanmeldtermijn van hoogstens 20 werkdagen."))
        return days


class MeetingForm(StyledFormMixin, forms.ModelForm):
    date = forms.DateField(
        label=_("Datum"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )
    start_time = forms.TimeField(
        label=_("Begintijd"), widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M")
    )

    class Meta:
        model = Meeting
        fields = ["duration_minutes", "location", "video_link", "chair"]

    field_order = ["date", "start_time", "duration_minutes", "location", "video_link", "chair"]

    def __init__(self, *args, series, suggested=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = User.objects.filter(
            organisation__in=series.participants.all(), is_active=True, api_client__isnull=True
        ).order_by("first_name", "last_name")
        self.fields["chair"].required = False
        if self.instance.pk:
            local = timezone.localtime(self.instance.starts_at)
            self.initial.update(date=local.date(), start_time=local.time())
        else:
            self.initial.setdefault("location", series.default_location)
            self.initial.setdefault("start_time", time(10, 0))
            if suggested:
                self.initial.setdefault("date", suggested)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date") and cleaned.get("start_time"):
            starts_at = timezone.make_aware(
                datetime.combine(cleaned["date"], cleaned["start_time"])
            )
            if starts_at <= timezone.now():
                self.add_error("date", _("Kies een datum en tijd in de toekomst."))
            cleaned["starts_at"] = starts_at
        if not cleaned.get("location") and not cleaned.get("video_link"):
            self.add_error("location", _("Vul een locatie of een videoverbinding in."))
        return cleaned

    def _post_clean(self):
        pass

    @property
    def meeting_fields(self):
        names = ("duration_minutes", "location", "video_link", "chair")
        return {name: self.cleaned_data[name] for name in names}


class RequestForm(StyledFormMixin, forms.Form):
    series = forms.ModelChoiceField(label=_("Overleg"), queryset=Series.objects.none())
    question = forms.CharField(
        label=_("Vraag aan het overleg"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Wat moet het overleg besluiten of regelen? Feitelijk, zonder namen van "
            "betrokkenen of melders: het overleg ziet de zaak zelf."
        ),
        error_messages={"required": _("Schrijf op wat u het overleg wilt vragen.")},
    )
    partners_needed = forms.ModelMultipleChoiceField(
        label=_("Nodige partners"),
        queryset=Organisation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, series, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["series"].queryset = series
        if series.count() == 1:
            self.fields["series"].initial = series.first()
        self.fields["partners_needed"].queryset = Organisation.objects.filter(
            meeting_series__in=series
        ).distinct()


class DecideRequestForm(StyledFormMixin, forms.Form):
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class OutcomeForm(StyledFormMixin, forms.ModelForm):
    betrokkene_informed = forms.TypedChoiceField(
        label=_("Is de betrokkene geïnformeerd over de bespreking?"),
        choices=[("", _("– nog niet vastgelegd –")), ("ja", _("ja")), ("nee", _("nee"))],
        coerce=lambda value: value == "ja",
        empty_value=None,
        required=False,
    )

    class Meta:
        model = AgendaItem
        fields = [
            "minutes",
            "agreements",
            "next_review_on",
            "betrokkene_informed",
            "not_informed_reason",
        ]
        widgets = {
            "minutes": forms.Textarea(attrs={"rows": 5}),
            "agreements": forms.Textarea(attrs={"rows": 3}),
            "next_review_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        }
        help_texts = {
            "minutes": _("Alleen zichtbaar voor organisaties met volledige toegang tot de zaak."),
            "agreements": _(
                "Bijvoorbeeld: als de huurder meewerkt aan begeleiding, geen sommatie."
            ),
        }

    # What only an organisation with full access to the case may read, and so write.
    FULL_ONLY = ("minutes", "agreements", "not_informed_reason")

    def __init__(self, *args, full: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.full = full
        if not full:
            for name in self.FULL_ONLY:
                del self.fields[name]
                self.initial.pop(name, None)
        informed = self.instance.betrokkene_informed
        self.initial["betrokkene_informed"] = (
            "" if informed is None else ("ja" if informed else "nee")
        )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("betrokkene_informed") is False:
            if not self.full and not self.instance.not_informed_reason:
                self.add_error(
                    "betrokkene_informed",
                    _(
                        "Waarom de betrokkene niet is geïnformeerd, legt een organisatie met "
                        "volledige toegang tot de zaak vast."
                    ),
                )
            elif self.full and not cleaned.get("not_informed_reason"):
                self.add_error(
                    "not_informed_reason", _("Leg vast waarom de betrokkene niet is geïnformeerd.")
                )
        review = cleaned.get("next_review_on")
        if review and review < timezone.localdate() - timedelta(days=1):
            self.add_error("next_review_on", _("Kies een datum in de toekomst."))
        return cleaned

    @property
    def outcome(self) -> dict:
        """The service's arguments: the full-only texts only when this form has them."""
        names = ("next_review_on", "betrokkene_informed", *(self.FULL_ONLY if self.full else ()))
        return {name: self.cleaned_data[name] for name in names}

    def _post_clean(self):
        pass


class ItemDecisionForm(StyledFormMixin, forms.Form):
    kind = forms.ChoiceField(label=_("Soort besluit"), choices=Decision.Kind.choices)
    text = forms.CharField(
        label=_("Besluit"),
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Beschrijf het besluit.")},
    )


class ItemActionForm(ActionItemForm):
    """An actiepunt agreed at the meeting; the same fields as on the case page."""
