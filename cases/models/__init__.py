# The models of the units inside the cases app (docs/adr/0017) live with their unit, share the
# app label "cases" (tables, permissions and migrations keep their names) and are registered
# from here, where Django looks for an app's models.
from ..documents.inzage.models import InzageVerzoek  # noqa: E402
from ..documents.letters.models import Letter, Letterhead, LetterTemplate  # noqa: E402
from ..figures.models import Figures  # noqa: E402
from ..notifications.models import (  # noqa: E402
    DigestSent,
    ExtraDayOff,
    Notification,
    ReminderSettings,
)
from ..retention.models import DestructionRecord, RetentionCategory, RetentionRule  # noqa: E402
from .actions import ActionItem
from .addresses import CaseAddress
from .case import Case, CaseReferenceCounter, NuisanceCategory, Participation, category_names
from .decisions import Decision
from .lifecycle import CaseResult
from .logs import AccessLog, Event
from .measures import Measure
from .permissions import CaseGroupObjectPermission, CaseUserObjectPermission
from .records import Attachment, CasePerson, Note, Person, Report
from .workflow import Stage, Transition, Workflow

__all__ = [
    "Letter",
    "Letterhead",
    "LetterTemplate",
    "Figures",
    "InzageVerzoek",
    "RetentionRule",
    "RetentionCategory",
    "ReminderSettings",
    "ExtraDayOff",
    "Notification",
    "DigestSent",
    "DestructionRecord",
    "ActionItem",
    "AccessLog",
    "Attachment",
    "Case",
    "CaseAddress",
    "category_names",
    "CaseGroupObjectPermission",
    "CasePerson",
    "CaseResult",
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
