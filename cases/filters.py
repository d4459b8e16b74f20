"""The case list's search, filters and sorting (parsed by django-filter)."""

import django_filters
from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from partners.models import Organisation, User

from .access import cases_with_person_named, full_access_q
from .models import NuisanceCategory, Stage, Workflow
from .models.case import as_postcode
from .models.choices import AccessLevel


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
        field_name="categories",
        queryset=NuisanceCategory.objects.filter(active=True),
        empty_label=_("Alle soorten"),
    )
    regisseur = django_filters.ModelChoiceFilter(
        label=_("Casusregisseur"), queryset=User.objects.none(), empty_label=_("Iedereen")
    )
    mine = django_filters.BooleanFilter(
        label=_("Mijn zaken"), method="filter_mine", widget=forms.CheckboxInput
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[("open", _("Open")), ("gesloten", _("Gesloten"))],
        empty_label=_("Open en gesloten"),
    )
    ordering = django_filters.OrderingFilter(
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

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        user = request.user
        self.filters["regisseur"].queryset = User.objects.filter(
            organisation_id=user.organisation_id, is_active=True
        ).order_by("first_name", "last_name")

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        by_reference = Q(reference__icontains=value)
        value = as_postcode(value) or value
        user = self.request.user
        by_address = (
            Q(street__icontains=value) | Q(postcode__icontains=value) | Q(city__iexact=value)
        )
        by_person = Q(pk__in=cases_with_person_named(user, value).values("pk"))
        # Address and person names are searched only where the user may see them.
        return queryset.filter(by_reference | (by_address & full_access_q(user)) | by_person)

    def filter_mine(self, queryset, name, value):
        return queryset.filter(regisseur=self.request.user) if value else queryset

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(closed_on__isnull=True)
        if value == "gesloten":
            return queryset.filter(closed_on__isnull=False)
        return queryset


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
        field_name="lead_organisation",
        queryset=Organisation.objects.none(),
        empty_label=_("Alle partners"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"),
        method="filter_status",
        choices=[("open", _("Open")), ("gesloten", _("Gesloten"))],
        empty_label=_("Open en gesloten"),
    )

    def __init__(self, data=None, *args, request=None, **kwargs):
        super().__init__(data, *args, request=request, **kwargs)
        leads = kwargs.get("queryset", self.queryset).values("lead_organisation_id")
        self.filters["lead"].queryset = Organisation.objects.filter(pk__in=leads)

    def search(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        address = as_postcode(value) or value
        by_address = Q(street__icontains=address) | Q(postcode__icontains=address)
        # The address is only searched where it was shared (level volledig).
        return queryset.filter(
            Q(reference__icontains=value) | (by_address & full_access_q(self.request.user))
        )

    def filter_level(self, queryset, name, value):
        return queryset.filter(access_level=value)

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.filter(closed_on__isnull=True)
        if value == "gesloten":
            return queryset.filter(closed_on__isnull=False)
        return queryset
