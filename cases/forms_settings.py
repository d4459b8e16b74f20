"""Forms for the notification inbox and the settings a functional admin keeps."""

from django import forms
from django.utils.translation import gettext_lazy as _

from partners.models import EmailPreference
from woonoverlast.forms import StyledFormMixin

from .models import ReminderSettings, RetentionRule


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


class RetentionRuleForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = RetentionRule
        fields = ["organisation", "category", "months_after_closure"]
        error_messages = {
            "months_after_closure": {
                "min_value": _("Een bewaartermijn is ten minste één maand."),
            }
        }

    def validate_constraints(self, exclude=None):
        try:
            super().validate_constraints(exclude=exclude)
        except forms.ValidationError:
            raise forms.ValidationError(
                _("Voor deze organisatie en dit soort gegevens bestaat al een bewaartermijn.")
            ) from None
