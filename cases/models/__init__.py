from .actions import ActionItem
from .case import Case, CaseReferenceCounter, NuisanceCategory, Participation
from .decisions import Decision
from .logs import AccessLog, Event
from .measures import Measure
from .notifications import DigestSent, Notification, ReminderSettings
from .permissions import CaseGroupObjectPermission, CaseUserObjectPermission
from .records import Attachment, CasePerson, Note, Person, Report
from .retention import DestructionRecord, RetentionCategory, RetentionRule
from .workflow import Stage, Transition, Workflow

__all__ = [
    "RetentionRule",
    "RetentionCategory",
    "ReminderSettings",
    "Notification",
    "DigestSent",
    "DestructionRecord",
    "ActionItem",
    "AccessLog",
    "Attachment",
    "Case",
    "CaseGroupObjectPermission",
    "CasePerson",
    "CaseReferenceCounter",
    "CaseUserObjectPermission",
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
