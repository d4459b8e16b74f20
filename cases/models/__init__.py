from .case import Case, CaseReferenceCounter, NuisanceCategory, Participation
from .logs import AccessLog, Event
from .records import Attachment, CasePerson, Note, Person, Report
from .workflow import Stage, Workflow

__all__ = [
    "AccessLog",
    "Attachment",
    "Case",
    "CasePerson",
    "CaseReferenceCounter",
    "Event",
    "Note",
    "NuisanceCategory",
    "Participation",
    "Person",
    "Report",
    "Stage",
    "Workflow",
]
