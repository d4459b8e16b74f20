"""The filters of the figures page: period, wijk, soort overlast, fase, aanbrengende
organisatie, resultaat, and the view (own organisation or region).

Bad input never reaches a query: the form answers in Dutch and the page shows no figures.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cases.models import NuisanceCategory, Stage
from partners.models import Organisation
from woonoverlast.forms import read_choices_in_one_query

from . import selectors

MAX_MONTHS = 36


def months_back(day: date, months: int) -> date:
    """The first day of the month `months` before `day`'s month."""
    index = day.year * 12 + day.month - 1 - months
    return date(index // 12, index % 12 + 1, 1)


@dataclass(frozen=True)
class Filters:
    start: date
    end: date
    regional: bool = False
    wijk: str = ""
    category: NuisanceCategory | None = None
    stage_code: str = ""
    lead_organisation: Organisation | None = None
    result: str = ""

    def query(self) -> dict[str, str]:
        """The filters as query parameters (for the CSV and PDF links)."""
        values = {
            "van": self.start.isoformat(),
            "tot": self.end.isoformat(),
            "weergave": "regio" if self.regional else "",
            "wijk": self.wijk,
            "soort": self.category.code if self.category else "",
            "fase": self.stage_code,
            "organisatie": str(self.lead_organisation.pk) if self.lead_organisation else "",
            "resultaat": self.result,
        }
        return {key: value for key, value in values.items() if value}


class FiguresForm(forms.Form):
    weergave = forms.ChoiceField(label=_("Weergave"), required=False)
    van = forms.DateField(label=_("Van"), required=False, widget=forms.DateInput({"type": "date"}))
    tot = forms.DateField(
        label=_("Tot en met"), required=False, widget=forms.DateInput({"type": "date"})
    )
    wijk = forms.ChoiceField(label=_("Wijk"), required=False)
    soort = forms.ModelChoiceField(
        label=_("Soort overlast"),
        queryset=NuisanceCategory.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("Alle soorten"),
    )
    fase = forms.ChoiceField(label=_("Fase"), required=False)
    organisatie = forms.ModelChoiceField(
        label=_("Aanbrengende organisatie"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        empty_label=_("Alle organisaties"),
    )
    resultaat = forms.ChoiceField(label=_("Resultaat"), required=False)

    def __init__(self, data, *, user):
        super().__init__(data)
        self.user = user
        self.today = timezone.localdate()
        views = [("", _("Mijn organisatie"))]
        if user.has_perm("cases.view_regional_figures"):
            views.append(("regio", _("Regio (alleen totalen)")))
        self.fields["weergave"].choices = views
        # Read when the options are shown or a wijk is checked, not before: see WijkChoices.
        self.wijken = selectors.WijkChoices(user, regional=bool(data.get("weergave")))
        self.fields["wijk"].choices = self._wijk_options
        stages = Stage.objects.order_by("order").values_list("code", "name").distinct()
        seen: dict[str, str] = {}
        for code, name in stages:
            seen.setdefault(code, name)
        self.fields["fase"].choices = [("", _("Alle fasen"))] + list(seen.items())
        self.fields["resultaat"].choices = [("", _("Alle resultaten"))] + list(
            selectors.RESULT_LABELS.items()
        )
        for name, field in self.fields.items():
            read_choices_in_one_query(field)
            is_date = name in ("van", "tot")
            field.widget.attrs["class"] = (
                "utrecht-textbox utrecht-textbox--html-input"
                if is_date
                else "utrecht-select utrecht-select--html-select"
            )

    def _wijk_options(self) -> list[tuple[str, str]]:
        return [("", _("Alle wijken"))] + [(wijk, wijk) for wijk in self.wijken()]

    def full_clean(self):
        super().full_clean()
        # A date the browser cannot show (typed into the address bar) is not echoed back:
        # the date input would carry an invalid value.
        bad = [name for name in ("van", "tot") if name in self.errors and self.data.get(name)]
        if bad:
            self.data = self.data.copy()
            for name in bad:
                self.data[name] = ""

    def clean(self):
        data = super().clean()
        end = data.get("tot") or self.today
        start = data.get("van") or months_back(end, 11)
        if end > self.today:
            self.add_error("tot", _("Kies een einddatum die niet in de toekomst ligt."))
        if start > end:
            self.add_error("van", _("De begindatum moet vóór de einddatum liggen."))
        elif start < months_back(end, MAX_MONTHS - 1):
            self.add_error(
                "van",
                _("Kies een periode van hoogstens %(months)s maanden.") % {"months": MAX_MONTHS},
            )
        data["van"], data["tot"] = start, end
        return data

    def filters(self) -> Filters:
        data = self.cleaned_data
        return Filters(
            start=data["van"],
            end=data["tot"],
            regional=data.get("weergave") == "regio",
            wijk=data.get("wijk") or "",
            category=data.get("soort"),
            stage_code=data.get("fase") or "",
            lead_organisation=data.get("organisatie"),
            result=data.get("resultaat") or "",
        )
