"""Every write of the casusoverleg, one function per business action, each in a transaction.

What a meeting adds to a case (decisions, actiepunten) goes through cases.services; this
module only links the agenda item to the rows those services create. A meeting whose
verslag is vastgesteld is read-only: every write below refuses it.
"""

from .documents import (
    remake_documents_of_case,
    remove_documents_of_case,
    withdraw_document,
    withdraw_stale_documents,
)
from .outcome import add_item_action, record_item_decision, record_outcome
from .planning import (
    accept_request,
    compose_agenda,
    create_series,
    decline_request,
    defer_request,
    finalise_minutes,
    mark_held,
    move_item,
    next_open_meeting,
    plan_meeting,
    remove_item,
    request_discussion,
    request_documents,
    send_agenda,
    series_for_request,
    update_meeting,
)

__all__ = [
    "accept_request",
    "add_item_action",
    "compose_agenda",
    "create_series",
    "decline_request",
    "defer_request",
    "finalise_minutes",
    "mark_held",
    "move_item",
    "next_open_meeting",
    "plan_meeting",
    "record_item_decision",
    "record_outcome",
    "remake_documents_of_case",
    "remove_documents_of_case",
    "remove_item",
    "request_discussion",
    "request_documents",
    "send_agenda",
    "series_for_request",
    "update_meeting",
    "withdraw_document",
    "withdraw_stale_documents",
]
