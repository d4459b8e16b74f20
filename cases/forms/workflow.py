"""Forms for the workflow on a case page: taking a transition, recording a decision."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from woonoverlast.forms import StyledFormMixin

from ..models import Decision


class TransitionForm(StyledFormMixin, forms.Form):
    justification = forms.CharField(
        label=_("Onderbouwing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Welke lichtere middelen zijn ingezet, met welk resultaat, en waarom is deze stap "
            "nu nodig? Alleen feiten."
        ),
    )
    decision = forms.ModelChoiceField(
        label=_("Besluit casusoverleg"),
        queryset=Decision.objects.none(),
        required=False,
        empty_label=_("– kies het besluit –"),
    )

    def __init__(self, *args, transition, decisions, **kwargs):
        super().__init__(*args, **kwargs)
        if transition.needs_justification:
            self.fields["justification"].required = True
            self.fields["justification"].error_messages["required"] = _(
                "Een onderbouwing is verplicht voor deze overgang."
            )
        if transition.requires_decision:
            self.fields["decision"].queryset = decisions
            self.fields["decision"].required = True
            self.fields["decision"].error_messages["required"] = _(
                "Kies het besluit van het casusoverleg waarop deze stap rust."
            )
        else:
            del self.fields["decision"]


class DecisionForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Decision
        fields = ["decided_on", "body", "kind", "text"]
        widgets = {
            "decided_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "text": forms.Textarea(attrs={"rows": 4}),
        }

    def clean_decided_on(self):
        decided_on = self.cleaned_data["decided_on"]
        if decided_on > timezone.localdate():
            raise forms.ValidationError(_("Een besluit kan niet in de toekomst liggen."))
        return decided_on

    def _post_clean(self):
        pass
