"""The Beheerder's screens under /beheer/gebruikers/: the users of their own organisation.

Thin: parse, call a selector or service, render. A user of another organisation (or a
superuser, who is run from the Django admin) is a 404, and the attempt is logged; an action
the user's role does not allow is a 403. Destructive actions ask for confirmation first.
See docs/adr/0013-administration-per-organisation.md.
"""

from __future__ import annotations

import logging
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from woonoverlast.refusals import Refusal, answer_refusal

from . import selectors, services, sessions, twofactor
from .forms import MemberFilterForm, MemberForm
from .models import UserSession
from .roles import ROLE_LABELS

log = logging.getLogger("woonoverlast.security")

PAGE_SIZE = 25


def permission(perm):
    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.has_perm(perm) or request.user.organisation_id is None:
                return render(request, "403.html", status=403)
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _member(request, user_id):
    member = selectors.organisation_member(request.user, user_id)
    if member is None:
        log.warning(
            "user management: user id %s refused user id %s (not of their organisation)",
            request.user.pk,
            user_id,
        )
        raise Http404("Gebruiker niet gevonden")
    return member


@require_GET
@permission("partners.view_user")
def user_list(request):
    roles = selectors.role_groups()
    filters = MemberFilterForm(request.GET or None, roles=roles)
    members = selectors.organisation_members(request.user, **filters.filters())
    page = Paginator(members, PAGE_SIZE).get_page(request.GET.get("page"))
    for member in page:
        member.role_labels = [ROLE_LABELS.get(g.name, g.name) for g in member.roles]
    query = urlencode({k: v for k, v in request.GET.items() if k != "page" and v})
    return render(
        request,
        "partners/users/list.html",
        {
            "filters": filters,
            "page": page,
            "query": query,
            "organisation": request.user.organisation,
        },
    )


@require_http_methods(["GET", "POST"])
@permission("partners.add_user")
def user_add(request):
    form = MemberForm(request.POST or None, roles=selectors.assignable_roles())
    if request.method == "POST" and form.is_valid():
        try:
            member = services.user_create(actor=request.user, **form.cleaned_data)
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request,
                _("%(name)s is aangemaakt en krijgt een e-mail om een wachtwoord te kiezen.")
                % {"name": member},
            )
            return redirect("users:detail", user_id=member.pk)
    return render(
        request,
        "beheer/form.html",
        {
            "form": form,
            "title": _("Gebruiker toevoegen"),
            "subtitle": request.user.organisation,
            "submit_label": _("Gebruiker toevoegen"),
            "cancel_url": reverse("users:list"),
        },
    )


@require_GET
@permission("partners.view_user")
def user_detail(request, user_id):
    member = _member(request, user_id)
    return render(
        request,
        "partners/users/detail.html",
        {
            "member": member,
            "is_self": member.pk == request.user.pk,
            "role_labels": [ROLE_LABELS.get(g.name, g.name) for g in selectors.roles_of(member)],
            "has_device": twofactor.has_device(member),
            "has_password": member.has_usable_password(),
            "user_sessions": sessions.live_sessions(member),
            "may_change": request.user.has_perm("partners.change_user"),
        },
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def user_edit(request, user_id):
    member = _member(request, user_id)
    form = MemberForm(request.POST or None, roles=selectors.assignable_roles(), user=member)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_update(actor=request.user, user=member, **form.cleaned_data)
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(
                request, _("De gegevens van %(name)s zijn opgeslagen.") % {"name": member}
            )
            return redirect("users:detail", user_id=member.pk)
    return render(
        request,
        "beheer/form.html",
        {
            "form": form,
            "title": _("Gebruiker wijzigen"),
            "subtitle": f"{member} ({member.username})",
            "submit_label": _("Opslaan"),
            "cancel_url": reverse("users:detail", kwargs={"user_id": member.pk}),
        },
    )


def _confirmed_action(request, member, *, title, question, submit_label, act, done):
    """GET: ask; POST: do it through the service and say what happened."""
    detail = reverse("users:detail", kwargs={"user_id": member.pk})
    if request.method == "POST":
        try:
            act()
        except Refusal as refusal:
            answer_refusal(request, refusal)
        else:
            messages.success(request, done)
        return redirect(detail)
    return render(
        request,
        "beheer/confirm.html",
        {"title": title, "question": question, "submit_label": submit_label, "cancel_url": detail},
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def user_deactivate(request, user_id):
    member = _member(request, user_id)
    return _confirmed_action(
        request,
        member,
        title=_("Gebruiker deactiveren"),
        question=_(
            "Wilt u %(name)s deactiveren? %(name)s kan daarna niet meer inloggen en wordt "
            "overal direct uitgelogd. Wat %(name)s heeft vastgelegd, blijft bewaard."
        )
        % {"name": member},
        submit_label=_("Deactiveren"),
        act=lambda: services.user_set_active(actor=request.user, user=member, active=False),
        done=_("%(name)s is gedeactiveerd.") % {"name": member},
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def user_activate(request, user_id):
    member = _member(request, user_id)
    return _confirmed_action(
        request,
        member,
        title=_("Gebruiker weer activeren"),
        question=_("Wilt u %(name)s weer toegang geven met de rollen die hij of zij had?")
        % {"name": member},
        submit_label=_("Activeren"),
        act=lambda: services.user_set_active(actor=request.user, user=member, active=True),
        done=_("%(name)s is weer actief.") % {"name": member},
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def user_reset_second_factor(request, user_id):
    member = _member(request, user_id)
    return _confirmed_action(
        request,
        member,
        title=_("Tweestapsverificatie opnieuw laten instellen"),
        question=_(
            "De authenticator-app en de reservecodes van %(name)s worden verwijderd en "
            "%(name)s wordt overal uitgelogd. Bij de volgende keer inloggen stelt %(name)s "
            "tweestapsverificatie opnieuw in. Doe dit alleen als u zeker weet wie erom vraagt, "
            "bijvoorbeeld bij een verloren telefoon."
        )
        % {"name": member},
        submit_label=_("Tweestapsverificatie herstellen"),
        act=lambda: services.user_reset_second_factor(actor=request.user, user=member),
        done=_("%(name)s stelt bij de volgende keer inloggen tweestapsverificatie opnieuw in.")
        % {"name": member},
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def user_password_link(request, user_id):
    member = _member(request, user_id)
    return _confirmed_action(
        request,
        member,
        title=_("Link voor een wachtwoord sturen"),
        question=_(
            "%(name)s krijgt op %(email)s een e-mail met een link om een (nieuw) wachtwoord "
            "te kiezen. De link werkt één keer en hooguit %(hours)s uur."
        )
        % {
            "name": member,
            "email": member.email or "–",
            "hours": settings.PASSWORD_RESET_TIMEOUT // 3600,
        },
        submit_label=_("Link sturen"),
        act=lambda: services.user_send_password_link(actor=request.user, user=member),
        done=_("De link is verstuurd naar %(email)s.") % {"email": member.email},
    )


@require_http_methods(["GET", "POST"])
@permission("partners.change_user")
def user_session_end(request, user_id, session_id):
    member = _member(request, user_id)
    user_session = UserSession.objects.filter(pk=session_id, user=member).first()
    if user_session is None:
        raise Http404("Sessie niet gevonden")
    return _confirmed_action(
        request,
        member,
        title=_("Sessie beëindigen"),
        question=_(
            "De sessie van %(name)s die begon op %(start)s wordt beëindigd; daar moet "
            "%(name)s opnieuw inloggen."
        )
        % {
            "name": member,
            "start": date_format(localtime(user_session.created_at), "d-m-Y H:i"),
        },
        submit_label=_("Sessie beëindigen"),
        act=lambda: services.user_end_session(actor=request.user, user_session=user_session),
        done=_("De sessie is beëindigd."),
    )
