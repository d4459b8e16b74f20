"""The instrument catalogue under /beheer/instrumenten/: list, create, edit, (de)activate."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods

from partners import services as partner_services
from partners.models import Instrument, OrganisationKind
from woonoverlast.forms import StyledFormMixin
from woonoverlast.refusals import Refusal, answer_refusal

from ..forms.beheer import InstrumentForm
from ..models.choices import Kader
from .beheer import permission
from .common import submitted


class InstrumentFilterForm(StyledFormMixin, forms.Form):
    q = forms.CharField(label=gettext_lazy("Zoeken"), required=False)
    partner_kind = forms.ChoiceField(
        label=gettext_lazy("Soort partner"),
        choices=[("", gettext_lazy("Alle"))] + OrganisationKind.choices,
        required=False,
    )
    kader = forms.ChoiceField(
        label=gettext_lazy("Kader"),
        choices=[("", gettext_lazy("Alle"))] + [c for c in Kader.choices if c[0]],
        required=False,
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        choices=[
            ("actief", gettext_lazy("Actief")),
            ("inactief", gettext_lazy("Niet actief")),
            ("alle", gettext_lazy("Alle")),
        ],
        required=False,
    )


@require_GET
@permission("partners.view_instrument")
def instrument_list(request):
    form = InstrumentFilterForm(request.GET or None)
    instruments = Instrument.objects.all()
    data = form.cleaned_data if form.is_valid() else {}
    if data.get("q"):
        q = data["q"]
        instruments = instruments.filter(
            Q(name__icontains=q) | Q(legal_basis__icontains=q) | Q(description__icontains=q)
        )
    if data.get("partner_kind"):
        instruments = instruments.filter(partner_kind=data["partner_kind"])
    status = data.get("status") or "actief"
    if status != "alle":
        instruments = instruments.filter(active=status == "actief")
    instruments = list(instruments.order_by("partner_kind", "name"))
    if data.get("kader"):
        # Kaders are a small JSON list; filtering in Python works alike on SQLite and PostgreSQL.
        instruments = [i for i in instruments if data["kader"] in i.kaders]
    page = Paginator(instruments, settings.CASE_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "beheer/instrument_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_edit": request.user.has_perm("partners.change_instrument"),
            "may_add": request.user.has_perm("partners.add_instrument"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_instrument")
def instrument_edit(request, pk=None):
    instrument = get_object_or_404(Instrument, pk=pk) if pk else None
    form = InstrumentForm(submitted(request), instance=instrument)
    if request.method == "POST" and form.is_valid():
        try:
            saved = partner_services.save_instrument(
                actor=request.user,
                instrument=instrument,
                **{name: form.cleaned_data[name] for name in partner_services.INSTRUMENT_FIELDS},
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Instrument %(name)s is opgeslagen.") % {"name": saved})
            return redirect("beheer:instruments")
    return render(
        request,
        "beheer/form.html",
        {
            "form": form,
            "title": _("Instrument wijzigen") if instrument else _("Instrument toevoegen"),
            "subtitle": _("Instrumentencatalogus"),
            "submit_label": _("Instrument opslaan"),
            "cancel_url": reverse("beheer:instruments"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_instrument")
def instrument_toggle(request, pk):
    instrument = get_object_or_404(Instrument, pk=pk)
    if request.method == "POST":
        partner_services.set_instrument_active(
            actor=request.user, instrument=instrument, active=not instrument.active
        )
        messages.success(
            request,
            (
                _("%(name)s is weer actief.")
                if instrument.active
                else _("%(name)s is niet meer actief; lopende maatregelen blijven staan.")
            )
            % {"name": instrument},
        )
        return redirect("beheer:instruments")
    return render(
        request,
        "beheer/confirm.html",
        {
            "title": _("Instrument activeren")
            if not instrument.active
            else _("Instrument deactiveren"),
            "question": (
                _(
                    "Wilt u %(name)s deactiveren? Het wordt dan niet meer voorgesteld en kan "
                    "niet meer als nieuwe maatregel worden gekozen. Bestaande maatregelen "
                    "blijven staan."
                )
                if instrument.active
                else _("Wilt u %(name)s weer actief maken?")
            )
            % {"name": instrument},
            "submit_label": _("Deactiveren") if instrument.active else _("Activeren"),
            "cancel_url": reverse("beheer:instruments"),
        },
    )
