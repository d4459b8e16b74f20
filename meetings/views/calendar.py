"""Calendar files: one per meeting (logged in) and a per-user feed per series (token URL)."""

from datetime import timedelta

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods

from woonoverlast.refusals import Refusal

from .. import selectors
from ..calendar import calendar_bytes
from ..models import CalendarToken
from .common import meeting_for


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@require_GET
def meeting_ics(request, meeting_id):
    meeting, _refusal = meeting_for(request, meeting_id)
    return _ics(calendar_bytes([meeting], meeting.series.name), f"overleg-{meeting.pk}.ics")


@login_not_required
@require_GET
def series_feed(request, token):
    """The subscription feed: the token is the credential, so it is checked strictly."""
    found = CalendarToken.objects.select_related("user", "series").filter(token=token).first()
    if found is None or not found.user.is_active:
        raise Refusal.not_found("Onbekende agenda")
    if not selectors.visible_series(found.user).filter(pk=found.series_id).exists():
        raise Refusal.not_found("Onbekende agenda")
    meetings = found.series.meetings.filter(
        starts_at__gte=timezone.now() - timedelta(days=90)
    ).select_related("series")
    return _ics(calendar_bytes(meetings, found.series.name), "casusoverleg.ics")


@require_http_methods(["GET", "POST"])
def series_subscribe(request, series_id):
    series = selectors.visible_series(request.user).filter(pk=series_id).first()
    if series is None:
        raise Refusal.not_found("Overlegreeks niet gevonden")
    token = CalendarToken.objects.filter(user=request.user, series=series).first()
    if request.method == "POST":
        if token is not None:
            token.delete()  # a new address makes the old one (perhaps leaked) useless
        token = CalendarToken.objects.create(user=request.user, series=series)
    feed_url = (
        request.build_absolute_uri(reverse("meetings:feed", args=[token.token])) if token else ""
    )
    return render(request, "meetings/subscribe.html", {"series": series, "feed_url": feed_url})
