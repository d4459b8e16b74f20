from .documents import CalendarToken, MeetingDocument, Notice
from .planning import AgendaItem, AgendaRequest, Meeting, Series

__all__ = [
    "AgendaItem",
    "AgendaRequest",
    "CalendarToken",
    "Meeting",
    "MeetingDocument",
    "Notice",
    "Series",
]
