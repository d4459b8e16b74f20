"""Forms for the e-mail preference and the reminder thresholds a functional admin keeps."""

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
        ]
