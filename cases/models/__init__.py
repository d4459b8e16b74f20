from .case import Case, CaseReferenceCounter, NuisanceCategory, Participation
from .decisions import Decision
from .logs import AccessLog, Event
from .measures import Measure
from .records import Attachment, CasePerson, Note, Person, Report
from .workflow import Stage, Transition, Workflow

__all__ = [
    "AccessLog",
    "Attachment",
    "Case",
    "CasePerson",
    "CaseReferenceCounter",
    "Decision",
    "Event",
    "Measure",
    "Note",
    "NuisanceCategory",
    "Participation",
    "Person",
    "Report",
    "Stage",
    "Transition",
    "Workflow",
]
