"""The form for a bewaartermijn."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import RetentionRule
from woonoverlast.forms import StyledFormMixin


class RetentionRuleForm(StyledFormMixin, forms.ModelForm):
    """A bewaartermijn of the user's own organisation, or (for the regional functional admin)
    a default. The organisation is never a choice: it is the user's own (docs/adr/0013)."""

    OWN, DEFAULT = "eigen", "standaard"

    scope = forms.ChoiceField(
        label=_("Geldt voor"),
        widget=forms.RadioSelect,
        initial=OWN,
        error_messages={"required": _("Kies voor wie deze bewaartermijn geldt.")},
    )

    class Meta:
        model = RetentionRule
        fields = ["category", "months_after_closure"]
        error_messages = {
            "months_after_closure": {
                "min_value": _("Een bewaartermijn is ten minste één maand."),
            }
        }

    def __init__(self, *args, organisation, keeps_defaults: bool, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        choices = []
        if organisation is not None:
            choices.append((self.OWN, _("alleen %(name)s") % {"name": organisation}))
        if keeps_defaults:
            choices.append((self.DEFAULT, _("standaard: alle organisaties zonder eigen regel")))
        self.fields["scope"].choices = choices
        self.only_scope = choices[0][0] if len(choices) == 1 else None
        if self.only_scope:
            # Nothing to choose: the rule is the organisation's own (or, without one, a default).
            self.fields["scope"].required = False
            self.fields["scope"].widget = forms.HiddenInput()
        self.order_fields(["scope", "category", "months_after_closure"])

    def clean(self):
        cleaned = super().clean()
        scope = cleaned.get("scope") or self.only_scope
        organisation = self.organisation if scope == self.OWN else None
        self.instance.organisation = organisation
        same = RetentionRule.objects.filter(
            organisation=organisation, category=cleaned.get("category")
        ).exclude(pk=self.instance.pk)
        if scope and cleaned.get("category") and same.exists():
            raise forms.ValidationError(
                _("Voor deze organisatie en dit soort gegevens bestaat al een bewaartermijn.")
            )
        return cleaned

    def validate_constraints(self):
        # clean() has said it in Dutch already; the database constraint stays as a backstop.
        if not self.has_error(forms.forms.NON_FIELD_ERRORS):
            super().validate_constraints()
