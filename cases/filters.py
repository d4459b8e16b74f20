"""The case list's search, filters and sorting (parsed by django-filter).

A list shows some fields only from a level on (the address from volledig, the status and
the lead organisation from proces), so filtering and sorting on them is cut by the same
rule: every condition and sort key on such a field goes through `cases.access.listing`
(`where_shown`, `list_ordering`), which decides where the reader's level shows the field.
Filtering on a field the list hides would otherwise reveal it (issue 12).
"""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation, User

from . import access
from .access import cases_with_person_named, full_access_q
from .models import NuisanceCategory, Stage, Workflow
from .models.case import as_postcode, typed_address_q
from .models.choices import AccessLevel

STATUS_CHOICES = [("open", _("Open")), ("gesloten", _("Gesloten"))]


def filter_status(queryset, value):
    """ "open" also keeps the cases whose status the reader does not see (so a closed case
    shared at bestaan is not told by its absence); "gesloten" shows only those it sees."""
    if value == "open":
        return queryset.filter(access.open_or_status_hidden())
    if value == "gesloten":
        return queryset.filter(access.closed_and_shown())
    return queryset


class LevelOrderingFilter(django_filters.OrderingFilter):
    """Sorting where a hidden value sorts as a neutral key (see cases.access.listing)."""

    def __init__(self, *args, default=("-opened_on",), **kwargs):
        self.default = list(default)
        super().__init__(*args, **kwargs)

    def fields_for(self, value) -> list[str]:
        """The model fields ("-opened_on") that the chosen ordering sorts on."""
        fields = [self.get_ordering_value(param) for param in value or [] if param]
        return fields or self.default

    def filter(self, qs, value):
        return qs.order_by(*access.list_ordering(self.fields_for(value)))


class CaseFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="search",
        widget=forms.TextInput(
            attrs={"type": "search", "placeholder": _("Zaaknummer, adres, postcode of naam")}
        ),
    )
    stage = django_filters.ModelChoiceFilter(
        label=_("Fase"),
        queryset=Stage.objects.filter(workflow__status=Workflow.Status.PUBLISHED),
        empty_label=_("Alle fasen"),
    )
    category = django_filters.ModelChoiceFilter(
        label=_("Soort overlast"),
        method="filter_category",
        queryset=NuisanceCategory.objects.filter(active=True),
        empty_label=_("Alle soorten"),
    )
    regisseur = django_filters.ModelChoiceFilter(
        label=_("Casusregisseur"),
        method="filter_regisseur",
        queryset=User.objects.none(),
        empty_label=_("Iedereen"),
    )
    mine = django_filters.BooleanFilter(
        label=_("Mijn zaken"), method="filter_mine", widget=forms.CheckboxInput
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=STATUS_CHOICES,
        empty_label=_("Open en gesloten"),
    )
    ordering = LevelOrderingFilter(
        label=_("Sorteren"),
        fields=(
            ("opened_on", "opened_on"),
            ("reference", "reference"),
            ("stage__order", "stage"),
            ("postcode", "postcode"),
        ),
        field_labels={
            "opened_on": _("Geopend op"),
            "reference": _("Zaaknummer"),
            "stage__order": _("Fase"),
            "postcode": _("Postcode"),
        },
        empty_label=_("Nieuwste eerst"),
    )

    def ordering_fields(self) -> list[str]:
        """The fields the list is sorted on (after validation; the default if none valid)."""
        value = self.form.cleaned_data.get("ordering") if self.is_valid() else None
        return self.filters["ordering"].fields_for(value)

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        user = request.user
        self.filters["regisseur"].queryset = User.objects.filter(
            organisation_id=user.organisation_id, is_active=True, api_client__isnull=True
        ).order_by("first_name", "last_name")

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        by_reference = Q(reference__icontains=value)
        typed = value
        value = as_postcode(value) or value
        user = self.request.user
        by_address = (
            Q(street__icontains=value)
            | Q(postcode__icontains=value)
            | Q(city__iexact=value)
            | typed_address_q(typed)
            | access.further_address_search_q(typed)
        )
        by_person = Q(pk__in=cases_with_person_named(user, value).values("pk"))
        # Address and person names are searched only where the user may see them.
        return queryset.filter(by_reference | (by_address & full_access_q(user)) | by_person)

    def filter_category(self, queryset, name, value):
        return queryset.filter(access.where_shown("categories", Q(categories=value)))

    def filter_regisseur(self, queryset, name, value):
        return queryset.filter(access.where_shown("regisseur", Q(regisseur=value)))

    def filter_mine(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(access.where_shown("regisseur", Q(regisseur=self.request.user)))

    def filter_status(self, queryset, name, value):
        return filter_status(queryset, value)


class SharedCaseFilter(django_filters.FilterSet):
    """Search and filters of the page "Gedeeld met mijn organisatie"."""

    q = django_filters.CharFilter(
        label=_("Zoeken"),
        method="search",
        widget=forms.TextInput(attrs={"type": "search", "placeholder": _("Zaaknummer of adres")}),
    )
    level = django_filters.ChoiceFilter(
        label=_("Niveau"),
        method="filter_level",
        choices=AccessLevel.choices,
        empty_label=_("Alle niveaus"),
    )
    lead = django_filters.ModelChoiceFilter(
        label=_("Aanbrengende partner"),
        method="filter_lead",
        queryset=Organisation.objects.none(),
        empty_label=_("Alle partners"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=STATUS_CHOICES,
        empty_label=_("Open en gesloten"),
    )

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        # Only the leads of cases where the lead is shown (proces or more) are offered.
        cases = kwargs.get("queryset", self.queryset)
        leads = cases.filter(access.shown_q("lead_organisation")).values("lead_organisation_id")
        self.filters["lead"].queryset = Organisation.objects.filter(pk__in=leads)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        address = as_postcode(value) or value
        by_address = (
            Q(street__icontains=address)
            | Q(postcode__icontains=address)
            | typed_address_q(value)
            | access.further_address_search_q(value)
        )
        # The address is only searched where it was shared (level volledig).
        return queryset.filter(
            Q(reference__icontains=value) | (by_address & full_access_q(self.request.user))
        )

    def filter_level(self, queryset, name, value):
        return queryset.filter(access_level=value)

    def filter_lead(self, queryset, name, value):
        return queryset.filter(access.where_shown("lead_organisation", Q(lead_organisation=value)))

    def filter_status(self, queryset, name, value):
        return filter_status(queryset, value)
