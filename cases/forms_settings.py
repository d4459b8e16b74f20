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

    def clean(self):
        cleaned = super().clean()
        same = RetentionRule.objects.filter(
            organisation=cleaned.get("organisation"), category=cleaned.get("category")
        ).exclude(pk=self.instance.pk)
        if cleaned.get("category") and same.exists():
            raise forms.ValidationError(
                _("Voor deze organisatie en dit soort gegevens bestaat al een bewaartermijn.")
            )
        return cleaned

    def validate_constraints(self):
        # clean() has said it in Dutch already; the database constraint stays as a backstop.
        if not self.has_error(forms.forms.NON_FIELD_ERRORS):
            super().validate_constraints()
