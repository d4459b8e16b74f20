"""Forms for the e-mail preference, and the reminder thresholds and working calendar a
functional admin keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import ReminderSettings
from partners.models import EmailPreference
from woonoverlast.forms import StyledFormMixin


class EmailPreferenceForm(StyledFormMixin, forms.Form):
    notification_email = forms.ChoiceField(
        label=_("E-mail bij notificaties"),
        choices=EmailPreference.choices,
        widget=forms.RadioSelect,
    )


class ReminderSettingsForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ReminderSettings
        fields = [
            "action_due_working_days",
            "stage_long_overdue_factor",
            "melder_contact_working_days",
            "long_open_instrument_name",
            "long_open_days",
            "good_friday_off",
            "liberation_day_every_year",
        ]


class ExtraDayOffForm(StyledFormMixin, forms.Form):
    """An extra day off of the organisation; the service says whether it may be added."""

    day = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een bestaande datum in, bijvoorbeeld 24-12-2026.")},
    )
    description = forms.CharField(
        label=_("Omschrijving"),
        max_length=100,
        help_text=_("Bijvoorbeeld: brugdag, organisatie gesloten."),
    )
