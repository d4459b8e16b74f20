from .actions import ActionItem
from .case import Case, CaseReferenceCounter, NuisanceCategory, Participation
from .decisions import Decision
from .logs import AccessLog, Event
from .records import Attachment, CasePerson, Note, Person, Report
from .workflow import Stage, Transition, Workflow

__all__ = [
    "ActionItem",
    "AccessLog",
    "Attachment",
    "Case",
    "CasePerson",
    "CaseReferenceCounter",
    "Decision",
    "Event",
    "Note",
    "NuisanceCategory",
    "Participation",
    "Person",
    "Report",
    "Stage",
    "Transition",
    "Workflow",
]
