"""The form for an actiepunt (also used by the casusoverleg's outcome form)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partners.models import User
from woonoverlast.forms import StyledFormMixin

from ..models import ActionItem


class ActionItemForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = ActionItem
        fields = ["title", "description", "owner_organisation", "owner", "due_on"]
        widgets = {
            "due_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "description": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "title": _("Wat moet er gebeuren? Geen namen van melders."),
            "owner": _("Leeg laten: de organisatie verdeelt het zelf."),
        }

    def __init__(self, *args, organisations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["owner_organisation"].queryset = organisations
        self.fields["owner"].queryset = (
            User.objects.filter(
                organisation__in=organisations, is_active=True, api_client__isnull=True
            )
            .select_related("organisation")
            .order_by("organisation__name", "first_name", "last_name")
        )
        self.fields["owner"].label_from_instance = lambda user: f"{user} ({user.organisation})"
        self.fields["owner"].required = False
        self.fields["owner"].empty_label = _("– nog niemand –")

    def clean_due_on(self):
        due_on = self.cleaned_data["due_on"]
        if due_on < timezone.localdate():
            raise forms.ValidationError(_("Een deadline kan niet in het verleden liggen."))
        return due_on

    def clean(self):
        cleaned = super().clean()
        owner, organisation = cleaned.get("owner"), cleaned.get("owner_organisation")
        if owner and organisation and owner.organisation_id != organisation.pk:
            self.add_error("owner", _("Deze persoon werkt niet bij de gekozen organisatie."))
        return cleaned

    def _post_clean(self):
        pass
