"""iCalendar for meetings: a file per meeting and a subscription feed per user per series.

Only the meeting itself goes in (series, time, place, link); never a case or a person, so
a calendar synced to a phone or a mail provider carries no case data.
"""

from datetime import timedelta

from django.utils import timezone
from icalendar import Calendar, Event

from .notices import meeting_link


def _event(meeting) -> Event:
    event = Event()
    event.add("uid", f"casusoverleg-{meeting.pk}@woonoverlast")
    event.add("dtstamp", timezone.now())
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.starts_at + timedelta(minutes=meeting.duration_minutes))
    event.add("summary", f"Casusoverleg: {meeting.series.name}")
    location = meeting.location or meeting.video_link
    if location:
        event.add("location", location)
    event.add("url", meeting_link(meeting))
    description = f"Agenda en stukken na inloggen: {meeting_link(meeting)}"
    if meeting.video_link:
        description += f"\nVideoverbinding: {meeting.video_link}"
    event.add("description", description)
    event.add("status", "CONFIRMED")
    return event


def calendar_bytes(meetings, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//Woonoverlast//Casusoverleg//NL")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", name)
    for meeting in meetings:
        calendar.add_component(_event(meeting))
    return calendar.to_ical()
