"""Every write to case data: one function per business action, each in one transaction.

A service checks that the actor may do it, writes (with simple-history recording who), and
appends an Event to the case timeline. Views and tasks call these; they never save models.
"""

from .records import (
    add_attachment,
    add_note,
    add_person,
    add_report,
    create_case,
    update_case,
    workflow_for_new_case,
)
from .sharing import change_share_level, hand_over, revoke_share, share_case
from .workflow import TransitionRefused, record_decision, transition_case

__all__ = [
    "TransitionRefused",
    "add_attachment",
    "add_note",
    "add_person",
    "add_report",
    "change_share_level",
    "create_case",
    "hand_over",
    "record_decision",
    "revoke_share",
    "share_case",
    "transition_case",
    "update_case",
    "workflow_for_new_case",
]
