"""The periodic sweeps' work: compose agendas at the cut-off and send e-mail notices.

Every notice has a unique key (meeting, kind, recipient and, for reminders, the day); the
key is stored in the same transaction as the e-mail is sent, so a sweep that runs twice
sends nothing twice and a failed send is retried by the next sweep. E-mails carry no
personal data and no case numbers: only the meeting and a link.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from cases.calendars import working_days
from partners import selectors as partner_selectors

from . import planning, services
from .models import Meeting, Notice

logger = logging.getLogger(__name__)


def users_with_perm(perm: str, organisation_ids):
    """The users to e-mail: those holding `perm` who have an address."""
    return partner_selectors.users_with_perm(perm, organisation_ids).exclude(email="")


def coordinators(meeting: Meeting):
    return users_with_perm("meetings.change_meeting", [meeting.series.organisation_id])


def meeting_link(meeting: Meeting) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("meetings:detail", args=[meeting.pk])


def _when(meeting: Meeting) -> str:
    return formats.date_format(timezone.localtime(meeting.starts_at), "l j F Y, H:i")


def send_once(key: str, meeting: Meeting, user, subject: str, body: str) -> bool:
    with transaction.atomic():
        _notice, created = Notice.objects.get_or_create(
            key=key[:200], defaults={"meeting": meeting, "recipient": user.email}
        )
        if not created:
            return False
        send_mail(subject, body, None, [user.email])
    return True


def compose_due_agendas() -> int:
    """Meetings whose cut-off day has passed get their draft agenda, and the coordinator a mail."""
    sent = 0
    today = timezone.localdate()
    due = Meeting.objects.filter(
        status=Meeting.Status.PLANNED, starts_at__gt=timezone.now()
    ).select_related("series")
    with translation.override("nl"):
        for meeting in due:
            if planning.cutoff_date(meeting) >= today:
                continue
            with transaction.atomic():
                added = services.compose_agenda(meeting=meeting)
                for user in coordinators(meeting):
                    sent += send_once(
                        f"concept-agenda:{meeting.pk}:{user.pk}",
                        meeting,
                        user,
                        _("Conceptagenda %(series)s van %(when)s")
                        % {"series": meeting.series.name, "when": _when(meeting)},
                        _(
                            "De aanmeldtermijn voor het overleg is verstreken. De conceptagenda "
                            "staat klaar (%(count)s punten automatisch toegevoegd).\n\n"
                            "Bekijk en verstuur de agenda: %(link)s"
                        )
                        % {"count": len(added), "link": meeting_link(meeting)},
                    )
    return sent


def send_participant_notices() -> int:
    sent = 0
    today = timezone.localdate()
    upcoming = Meeting.objects.filter(
        status__in=[Meeting.Status.PLANNED, Meeting.Status.AGENDA_SENT],
        starts_at__gt=timezone.now(),
    ).select_related("series")
    with translation.override("nl"):
        for meeting in upcoming:
            notice_day = planning.working_days_before(
                planning.meeting_day(meeting), settings.MEETING_NOTICE_WORKING_DAYS
            )
            if today < notice_day:
                continue
            organisation_ids = list(meeting.series.participants.values_list("pk", flat=True))
            for user in users_with_perm("meetings.view_meeting", organisation_ids):
                sent += send_once(
                    f"uitnodiging:{meeting.pk}:{user.pk}",
                    meeting,
                    user,
                    _("Casusoverleg %(series)s op %(when)s")
                    % {"series": meeting.series.name, "when": _when(meeting)},
                    _(
                        "U bent uitgenodigd voor het casusoverleg %(series)s op %(when)s"
                        "%(where)s.\n\nDe agenda voor uw organisatie vindt u na inloggen: "
                        "%(link)s\n\nDeze e-mail bevat bewust geen zaakgegevens."
                    )
                    % {
                        "series": meeting.series.name,
                        "when": _when(meeting),
                        "where": f", {meeting.location}" if meeting.location else "",
                        "link": meeting_link(meeting),
                    },
                )
    return sent


def remind_unfinished_minutes() -> int:
    """Once per working day after the meeting until the verslag is vastgesteld."""
    sent = 0
    today = timezone.localdate()
    if not working_days.is_working_day(today):
        return 0
    past = Meeting.objects.filter(
        starts_at__lt=timezone.now() - timedelta(hours=2),
        status__in=[Meeting.Status.PLANNED, Meeting.Status.AGENDA_SENT, Meeting.Status.HELD],
    ).select_related("series")
    with translation.override("nl"):
        for meeting in past:
            for user in coordinators(meeting):
                sent += send_once(
                    f"verslag:{meeting.pk}:{today.isoformat()}:{user.pk}",
                    meeting,
                    user,
                    _("Herinnering: verslag %(series)s van %(when)s vaststellen")
                    % {"series": meeting.series.name, "when": _when(meeting)},
                    _(
                        "Het verslag van dit overleg is nog niet vastgesteld. Leg de uitkomst "
                        "per agendapunt vast en stel het verslag vast: %(link)s"
                    )
                    % {"link": meeting_link(meeting)},
                )
    return sent
