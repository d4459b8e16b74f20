"""Filters of the access log pages (privacy officer)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _

from woonoverlast.forms import StyledFormMixin

from ..models import AccessLog

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class AccessLogFilter(django_filters.FilterSet):
    date_from = django_filters.DateFilter(
        label=_("Vanaf"), field_name="at", lookup_expr="date__gte", widget=DATE
    )
    date_to = django_filters.DateFilter(
        label=_("Tot en met"), field_name="at", lookup_expr="date__lte", widget=DATE
    )
    user = django_filters.CharFilter(
        label=_("Gebruiker"), field_name="username", lookup_expr="icontains"
    )
    organisation = django_filters.ChoiceFilter(
        label=_("Organisatie"),
        field_name="organisation_name",
        choices=[],
        empty_label=_("Alle organisaties"),
    )
    action = django_filters.ChoiceFilter(
        label=_("Handeling"), choices=AccessLog.Action.choices, empty_label=_("Alle handelingen")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Uitkomst"), choices=AccessLog.Outcome.choices, empty_label=_("Alle uitkomsten")
    )
    reference = django_filters.CharFilter(
        label=_("Zaaknummer"), field_name="case_reference", lookup_expr="icontains"
    )

    def __init__(self, data=None, queryset=None, **kwargs):
        super().__init__(data, queryset=queryset, **kwargs)
        names = (
            queryset.exclude(organisation_name="")
            .order_by("organisation_name")
            .values_list("organisation_name", flat=True)
            .distinct()
        )
        self.filters["organisation"].extra["choices"] = [(name, name) for name in names]


class PersonSearchForm(StyledFormMixin, forms.Form):
    q = forms.CharField(
        label=_("Naam van de betrokkene"),
        max_length=100,
        required=False,
        widget=forms.TextInput(attrs={"type": "search"}),
    )
