from .case import Case, CaseReferenceCounter, NuisanceCategory, Participation
from .decisions import Decision
from .logs import AccessLog, Event
from .permissions import CaseGroupObjectPermission, CaseUserObjectPermission
from .records import Attachment, CasePerson, Note, Person, Report
from .workflow import Stage, Transition, Workflow

__all__ = [
    "AccessLog",
    "Attachment",
    "Case",
    "CaseGroupObjectPermission",
    "CasePerson",
    "CaseReferenceCounter",
    "CaseUserObjectPermission",
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
