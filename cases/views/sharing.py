"""Sharing a case with ketenpartners, handing it over, and the page of cases shared with us."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from .. import access, selectors, services
from ..forms.sharing import HandOverForm, RevokeShareForm, ShareForm, ShareLevelForm
from ..models import AccessLog
from ..models.choices import AccessLevel
from .common import submitted

PURPOSE = "delen van de zaak beheren"


def _managed(request, reference):
    """The case for managing its sharing, or a response refusing it."""
    case_access = access.get_case_access(
        request,
        reference,
        action=AccessLog.Action.CHANGE if request.method == "POST" else AccessLog.Action.VIEW,
        minimum_level=AccessLevel.VOLLEDIG,
        purpose=PURPOSE,
    )
    if not case_access.can_share:
        return case_access, render(request, "403.html", status=403)
    return case_access, None


def _participation(case_access, participation_id):
    participation = case_access.participations().filter(pk=participation_id).first()
    if participation is None:
        raise Http404("Deelname niet gevonden")
    return participation


def _render(request, case_access, form, **context):
    return render(
        request,
        "cases/sharing/form.html",
        {"case": case_access.case, "access": case_access, "form": form, **context},
    )


def _try(request, form, action) -> bool:
    """Run the service; a refusal becomes form errors (fields or the whole form)."""
    try:
        action()
    except Refusal as refusal:
        answer_refusal(request, refusal, form=form)
        return False
    return True


@require_http_methods(["GET", "POST"])
def share_add(request, reference):
    case_access, refusal = _managed(request, reference)
    if refusal:
        return refusal
    form = ShareForm(submitted(request), access=case_access)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _try(
            request,
            form,
            lambda: services.share_case(actor=request.user, access=case_access, **data),
        ):
            messages.success(
                request,
                _("De zaak is gedeeld met %(org)s (%(level)s).")
                % {
                    "org": data["organisation"],
                    "level": AccessLevel(data["level"]).label,
                },
            )
            return redirect("cases:detail", reference=reference)
    return _render(
        request,
        case_access,
        form,
        title=_("Zaak delen met een ketenpartner"),
        submit_label=_("Delen"),
        intro=_(
            "Deel alleen wat de partner nodig heeft voor zijn taak (need to know), en leg de "
            "grondslag vast. Zorg- en politie-informatie in het logboek blijft bij de eigen "
            "organisatie, tenzij die expliciet is gedeeld."
        ),
    )


@require_http_methods(["GET", "POST"])
def share_level(request, reference, participation_id):
    case_access, refusal = _managed(request, reference)
    if refusal:
        return refusal
    participation = _participation(case_access, participation_id)
    form = ShareLevelForm(submitted(request), initial={"level": participation.level})
    if request.method == "POST" and form.is_valid():
        level = form.cleaned_data["level"]
        if _try(
            request,
            form,
            lambda: services.change_share_level(
                actor=request.user, access=case_access, participation=participation, level=level
            ),
        ):
            messages.success(
                request,
                _("%(org)s ziet de zaak nu op niveau: %(level)s.")
                % {"org": participation.organisation, "level": AccessLevel(level).label},
            )
            return redirect("cases:detail", reference=reference)
    return _render(
        request,
        case_access,
        form,
        title=_("Deelniveau wijzigen voor %(org)s") % {"org": participation.organisation},
        submit_label=_("Niveau opslaan"),
        participation=participation,
    )


@require_http_methods(["GET", "POST"])
def share_revoke(request, reference, participation_id):
    case_access, refusal = _managed(request, reference)
    if refusal:
        return refusal
    participation = _participation(case_access, participation_id)
    form = RevokeShareForm(submitted(request))
    if (
        request.method == "POST"
        and form.is_valid()
        and _try(
            request,
            form,
            lambda: services.revoke_share(
                actor=request.user,
                access=case_access,
                participation=participation,
                reason=form.cleaned_data["reason"],
            ),
        )
    ):
        messages.success(
            request,
            _("Het delen met %(org)s is ingetrokken.") % {"org": participation.organisation},
        )
        return redirect("cases:detail", reference=reference)
    return _render(
        request,
        case_access,
        form,
        title=_("Delen intrekken voor %(org)s") % {"org": participation.organisation},
        submit_label=_("Ja, delen intrekken"),
        danger=True,
        participation=participation,
        intro=_(
            "Na het intrekken ziet %(org)s deze zaak niet meer, ook niet in lijsten. "
            "Wat de partner zelf heeft vastgelegd blijft bewaard. Dit wordt op de tijdlijn "
            "vastgelegd."
        )
        % {"org": participation.organisation},
    )


@require_http_methods(["GET", "POST"])
def hand_over(request, reference):
    case_access, refusal = _managed(request, reference)
    if refusal:
        return refusal
    form = HandOverForm(submitted(request), access=case_access)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if _try(
            request,
            form,
            lambda: services.hand_over(
                actor=request.user,
                access=case_access,
                lead_organisation=data.get("lead_organisation"),
                regisseur=data.get("regisseur"),
            ),
        ):
            messages.success(request, _("De overdracht is vastgelegd."))
            return redirect("cases:detail", reference=reference)
    return _render(
        request,
        case_access,
        form,
        title=_("Zaak overdragen"),
        submit_label=_("Overdragen"),
        intro=_(
            "Draag de rol van aanbrengende partner en/of de casusregie over aan een partner "
            "met volledige toegang. Uw organisatie houdt volledige toegang als deelnemer."
        ),
    )


@require_GET
def shared_list(request):
    shared_filter = selectors.shared_case_list(request)
    page = Paginator(shared_filter.qs, settings.CASE_LIST_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/shared_list.html",
        {"filter": shared_filter, "page": page, "query": query.urlencode()},
    )
