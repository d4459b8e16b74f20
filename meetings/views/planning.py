"""Series, meetings and the agenda as the coordinator builds it."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.models import AccessLog
from woonoverlast.refusals import Refusal, answer_refusal

from .. import planning, selectors, services
from ..forms import DecideRequestForm, MeetingForm, SeriesForm
from ..models import Meeting, MeetingDocument
from .common import log_cases, log_refused, meeting_for, run, submitted


@require_GET
def meeting_list(request):
    series = selectors.visible_series(request.user).order_by("name")
    meetings = selectors.visible_meetings(request.user)
    chosen = request.GET.get("reeks", "")
    if chosen.isdigit():
        meetings = meetings.filter(series_id=int(chosen))
    when = request.GET.get("wanneer", "komend")
    if when == "geweest":
        meetings = meetings.filter(starts_at__lt=timezone.now()).order_by("-starts_at")
    else:
        meetings = meetings.filter(starts_at__gte=timezone.now()).order_by("starts_at")
    page = Paginator(meetings, settings.CASE_LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "meetings/meeting_list.html",
        {
            "series_list": [(s, selectors.may_coordinate(request.user, s)) for s in series],
            "page": page,
            "chosen": chosen,
            "when": when,
            "query": query.urlencode(),
            "may_add_series": request.user.has_perm("meetings.add_series"),
        },
    )


@require_http_methods(["GET", "POST"])
def series_create(request):
    if not request.user.has_perm("meetings.add_series") or not request.user.organisation_id:
        return render(request, "403.html", status=403)
    form = SeriesForm(submitted(request))
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        series = services.create_series(
            actor=request.user, participants=data.pop("participants"), **data
        )
        messages.success(request, _("De overlegreeks %(name)s is aangemaakt.") % {"name": series})
        return redirect(f"{_list_url()}?reeks={series.pk}")
    return render(request, "meetings/form.html", {"form": form, "title": _("Nieuwe overlegreeks")})


def _list_url():
    from django.urls import reverse

    return reverse("meetings:list")


@require_http_methods(["GET", "POST"])
def meeting_plan(request, series_id):
    series = selectors.visible_series(request.user).filter(pk=series_id).first()
    if series is None:
        raise Refusal.not_found("Overlegreeks niet gevonden")
    if not selectors.may_coordinate(request.user, series):
        return render(request, "403.html", status=403)
    last = series.meetings.order_by("-starts_at").first()
    suggested = (
        planning.next_dates(timezone.localdate(last.starts_at), series.rhythm, 1)[0]
        if last
        else None
    )
    form = MeetingForm(submitted(request), series=series, suggested=suggested)
    if request.method == "POST" and form.is_valid():
        try:
            meeting = services.plan_meeting(
                actor=request.user,
                series=series,
                starts_at=form.cleaned_data["starts_at"],
                **form.meeting_fields,
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Het overleg is gepland."))
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Overleg plannen: %(series)s") % {"series": series}},
    )


@require_http_methods(["GET", "POST"])
def meeting_edit(request, meeting_id):
    meeting, refusal = meeting_for(request, meeting_id, coordinate=True)
    if refusal:
        return refusal
    form = MeetingForm(submitted(request), instance=meeting, series=meeting.series)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_meeting(
                actor=request.user,
                meeting=meeting,
                starts_at=form.cleaned_data["starts_at"],
                **form.meeting_fields,
            )
        except Refusal as refusal:
            answer_refusal(request, refusal, form=form)
        else:
            messages.success(request, _("Het overleg is bijgewerkt."))
            return redirect("meetings:detail", meeting_id=meeting.pk)
    return render(
        request,
        "meetings/form.html",
        {"form": form, "title": _("Overleg bewerken"), "meeting": meeting},
    )


@require_GET
def meeting_detail(request, meeting_id):
    meeting, _refusal = meeting_for(request, meeting_id)
    coordinating = selectors.may_coordinate(request.user, meeting.series)
    entries = selectors.agenda_entries(meeting, selectors.meeting_levels(request.user, meeting))
    requests, request_levels = (
        selectors.pending_requests(request.user, meeting) if coordinating else ([], {})
    )
    carried_levels = selectors.carried_action_levels(request.user, meeting)
    carried = selectors.carried_actions(meeting, carried_levels)
    hidden = meeting.items.count() - len(entries)
    log_cases(
        request,
        [(entry.case, entry.level) for entry in entries]
        + [(r.case, request_levels[r.case_id]) for r in requests]
        + [(a.case, carried_levels[a.case_id]) for a in carried],
    )
    return render(
        request,
        "meetings/meeting_detail.html",
        {
            "meeting": meeting,
            "coordinating": coordinating,
            "entries": entries,
            "requests": requests,
            "carried": carried,
            "hidden_count": hidden if coordinating else 0,
            "cutoff": planning.cutoff_date(meeting),
            **documents_context(request.user, meeting, coordinating),
            "decide_form": DecideRequestForm(),
        },
    )


def documents_context(user, meeting, coordinating) -> dict:
    """The meeting's PDFs this user may download, and whether any is still being made."""
    documents = (
        meeting.documents.exclude(status=MeetingDocument.Status.WITHDRAWN)
        .select_related("organisation")
        .order_by("kind", "organisation__name")
    )
    if not coordinating:
        documents = documents.filter(organisation_id=user.organisation_id)
    documents = list(documents)
    busy = any(
        d.status in (MeetingDocument.Status.PENDING, MeetingDocument.Status.RUNNING)
        for d in documents
    )
    return {"documents": documents, "busy": busy}


STATUS_ACTIONS = {
    "versturen": (services.send_agenda, _("De agenda is verstuurd; de PDF's worden gemaakt.")),
    "gehouden": (services.mark_held, _("Het overleg staat op gehouden.")),
    "vaststellen": (services.finalise_minutes, _("Het verslag is vastgesteld.")),
}


@require_POST
def meeting_status(request, meeting_id, action):
    meeting, refusal = meeting_for(request, meeting_id, coordinate=True)
    if refusal:
        return refusal
    if action == "verslag":
        return run(
            request,
            lambda: services.request_documents(
                actor=request.user, meeting=meeting, kind=MeetingDocument.Kind.MINUTES
            ),
            _("De verslagen worden gemaakt."),
            meeting_url(meeting),
        )
    if action == "agenda":
        return run(
            request,
            lambda: services.request_documents(
                actor=request.user, meeting=meeting, kind=MeetingDocument.Kind.AGENDA
            ),
            _("De agenda's worden opnieuw gemaakt."),
            meeting_url(meeting),
        )
    if action not in STATUS_ACTIONS:
        raise Refusal.not_found("Onbekende handeling")
    service, success = STATUS_ACTIONS[action]
    return run(
        request,
        lambda: service(actor=request.user, meeting=meeting),
        success,
        meeting_url(meeting),
    )


def meeting_url(meeting: Meeting) -> str:
    from django.urls import reverse

    return reverse("meetings:detail", args=[meeting.pk])


@require_POST
def request_decide(request, meeting_id, request_id, action):
    meeting, refusal = meeting_for(request, meeting_id, coordinate=True)
    if refusal:
        return refusal
    agenda_request, visible = selectors.meeting_request(request.user, meeting, request_id)
    if agenda_request is None or not visible:
        if agenda_request is not None:
            log_refused(request, [agenda_request.case], action=AccessLog.Action.CHANGE)
        raise Refusal.not_found("Aanmelding niet gevonden")
    note = DecideRequestForm(request.POST).data.get("note", "")
    actions = {
        "accepteren": (
            lambda: services.accept_request(actor=request.user, request=agenda_request),
            _("%(ref)s staat op de agenda."),
        ),
        "uitstellen": (
            lambda: services.defer_request(actor=request.user, request=agenda_request, note=note),
            _("%(ref)s is doorgeschoven naar het volgende overleg."),
        ),
        "afwijzen": (
            lambda: services.decline_request(actor=request.user, request=agenda_request, note=note),
            _("De aanmelding van %(ref)s is afgewezen."),
        ),
    }
    if action not in actions:
        raise Refusal.not_found("Onbekende handeling")
    call, success = actions[action]
    return run(
        request, call, success % {"ref": agenda_request.case.reference}, meeting_url(meeting)
    )
