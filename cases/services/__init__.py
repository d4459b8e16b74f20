"""Every write to case data: one function per business action, each in one transaction.

A service checks that the actor may do it, writes (with simple-history recording who), and
appends an Event to the case timeline. Views and tasks call these; they never save models.
"""

from . import workflow_config
from .actions import action_owner_organisations, add_action_item, complete_action_item
from .addresses import add_case_address, move_case_address, remove_case_address
from .measures import add_measure, update_measure
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
from .workflow import record_body_decision, record_decision, transition_case

__all__ = [
    "action_owner_organisations",
    "add_action_item",
    "complete_action_item",
    "record_body_decision",
    "add_attachment",
    "add_case_address",
    "add_measure",
    "add_note",
    "add_person",
    "add_report",
    "workflow_config",
    "change_share_level",
    "create_case",
    "hand_over",
    "move_case_address",
    "remove_case_address",
    "record_decision",
    "revoke_share",
    "share_case",
    "transition_case",
    "update_case",
    "update_measure",
    "workflow_for_new_case",
]
