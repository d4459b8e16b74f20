from .documents import CalendarToken, MeetingDocument, MeetingDocumentSource, Notice
from .planning import AgendaItem, AgendaRequest, Meeting, Series

__all__ = [
    "AgendaItem",
    "AgendaRequest",
    "CalendarToken",
    "Meeting",
    "MeetingDocument",
    "MeetingDocumentSource",
    "Notice",
    "Series",
]
