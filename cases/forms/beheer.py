"""Forms of the functional admin (/beheer/): workflow drafts, case migration, instruments."""

from django import forms
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from partners.models import Instrument, OrganisationKind
from woonoverlast.forms import StyledFormMixin, style_form

from ..models import Stage, Transition, Workflow
from ..models.choices import Kader

NOT_NEGATIVE = {"min_value": _("De waarde kan niet negatief zijn.")}


class StageForm(StyledFormMixin, forms.ModelForm):
    class Meta:
        model = Stage
        fields = ["code", "name", "kader", "order", "target_working_days", "is_final"]
        help_texts = {
            "code": _(
                "Korte vaste naam in kleine letters, zonder spaties (bijvoorbeeld drang). "
                "Instrumenten verwijzen naar fasen via deze code."
            ),
            "order": _("De fase met de laagste volgorde is de beginfase van nieuwe zaken."),
            "target_working_days": _("Werkdagen, zonder weekenden en feestdagen. Leeg: geen."),
            "is_final": _("In een eindfase kan een zaak worden afgesloten."),
        }
        error_messages = {
            "order": {**NOT_NEGATIVE, "min_value": _("De volgorde kan niet negatief zijn.")},
            "target_working_days": {"min_value": _("De streefduur kan niet negatief zijn.")},
        }

    def _post_clean(self):
        # The service checks the stage against the rest of the draft.
        pass


class TransitionConfigForm(StyledFormMixin, forms.ModelForm):
    allowed_organisation_kinds = forms.MultipleChoiceField(
        label=_("Toegestane soorten organisatie"),
        choices=OrganisationKind.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: elke organisatie die de zaak mag wijzigen."),
    )
    allowed_groups = forms.ModelMultipleChoiceField(
        label=_("Toegestane rollen"),
        queryset=Group.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Niets aangevinkt: elke rol die de zaak mag wijzigen."),
    )

    class Meta:
        model = Transition
        fields = [
            "from_stage",
            "to_stage",
            "label",
            "requires_justification",
            "requires_decision",
            "allowed_organisation_kinds",
            "allowed_groups",
            "order",
        ]
        error_messages = {"order": {"min_value": _("De volgorde kan niet negatief zijn.")}}

    def __init__(self, *args, workflow: Workflow, **kwargs):
        super().__init__(*args, **kwargs)
        stages = workflow.stages.order_by("order")
        self.fields["from_stage"].queryset = stages
        self.fields["to_stage"].queryset = stages
        # Role groups only; an organisation's own group is not a role.
        self.fields["allowed_groups"].queryset = Group.objects.filter(
            organisation__isnull=True
        ).order_by("name")

    def _post_clean(self):
        pass


class MigrationForm(forms.Form):
    """One choice per stage that still has running cases: the stage in the target version."""

    confirm = forms.BooleanField(
        label=_("Ik begrijp dat alle lopende zaken in één keer worden overgezet."),
        error_messages={"required": _("Bevestig dat u de zaken wilt overzetten.")},
    )

    def __init__(self, *args, source: Workflow, target: Workflow, in_use: dict[int, int], **kwargs):
        super().__init__(*args, **kwargs)
        target_stages = target.stages.order_by("order")
        by_code = {s.code: s for s in target_stages}
        self.stage_fields = []
        for stage in source.stages.filter(pk__in=in_use).order_by("order"):
            name = f"stage_{stage.pk}"
            same = by_code.get(stage.code)
            self.fields[name] = forms.ModelChoiceField(
                label=_("%(stage)s (%(count)s lopende zaken)")
                % {"stage": stage.name, "count": in_use[stage.pk]},
                queryset=target_stages,
                initial=same.pk if same else None,
                error_messages={"required": _("Kies de nieuwe fase voor deze zaken.")},
            )
            self.stage_fields.append((stage, name))
        self.order_fields([name for _stage, name in self.stage_fields] + ["confirm"])
        style_form(self)

    @property
    def mapping(self) -> dict[int, int]:
        return {stage.pk: self.cleaned_data[name].pk for stage, name in self.stage_fields}


def _target_label(workflow: Workflow) -> str:
    owner = workflow.organisation or _("standaard")
    return f"{workflow} – {owner}"


class TargetForm(StyledFormMixin, forms.Form):
    target = forms.ModelChoiceField(
        label=_("Naar versie"),
        queryset=Workflow.objects.none(),
        error_messages={"required": _("Kies de versie waarheen de zaken gaan.")},
    )

    def __init__(self, *args, targets, **kwargs):
        # The published versions the user's cases may go to (cases.selectors_beheer).
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = targets
        self.fields["target"].label_from_instance = _target_label


class InstrumentForm(StyledFormMixin, forms.ModelForm):
    kaders = forms.MultipleChoiceField(
        label=_("Kader"),
        choices=[c for c in Kader.choices if c[0]],
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies ten minste één kader.")},
    )
    stage_codes = forms.CharField(
        label=_("Past in de fasen (codes)"),
        required=False,
        help_text=_(
            "Fase-codes gescheiden door komma's, bijvoorbeeld onderzoek, vrijwillig. Leeg: "
            "elke fase met een van de gekozen kaders."
        ),
    )

    class Meta:
        model = Instrument
        fields = ["name", "partner_kind", "kaders", "stage_codes", "legal_basis", "description"]
        widgets = {
            "legal_basis": forms.Textarea(attrs={"rows": 2}),
            "description": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["stage_codes"] = ", ".join(self.instance.stage_codes)

    def clean_stage_codes(self):
        raw = self.cleaned_data["stage_codes"]
        codes = [c.strip().lower() for c in raw.replace(";", ",").split(",") if c.strip()]
        known = set(Stage.objects.values_list("code", flat=True))
        unknown = [c for c in codes if c not in known]
        if unknown:
            raise forms.ValidationError(
                _("Onbekende fase-code: %(codes)s. Gebruik de codes uit de werkwijzen.")
                % {"codes": ", ".join(unknown)}
            )
        return list(dict.fromkeys(codes))

    def _post_clean(self):
        # The service checks uniqueness with a Dutch message.
        pass
