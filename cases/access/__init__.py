"""The one door to case data.

Every view, form choice, list, count, export, PDF and task that touches case data gets its
queryset or its `CaseAccess` from here. Whether a user sees a case depends on their
organisation: the aanbrengende organisation sees it fully, a participating organisation at
the level that was shared, anyone else not at all (404, never a hint that it exists).

- `levels`: what a level is and shows, and the level of an organisation on a case or a set of
  cases;
- `grants`: guardian's object permissions that the sharing services keep equal to the levels;
- `visible`: the cases (and actiepunten) a reader may know of;
- `case_access`: `CaseAccess`, one case cut to the reader's level;
- `persons`: persons a reader may know (melders stay with the receiving organisation);
- `privacy`: what a privacy officer may look into (access log, persons, retention report,
  the cases of an inzageverzoek);
- `listing`: what a case list may filter and sort on at each level;
- `fields`: which fields of a case each level shows, for the partner API;
- `doors`: a request's entry to one case or attachment (404 and logged when refused);
- `log`: the access log;
- `lifecycle`: a case's closure at the reader's level, and earlier cases at an address.
- `regional`: every case of the region, for the figures' aggregates only.
"""

from .case_access import CaseAccess
from .doors import get_attachment, get_case_access
from .fields import (
    attach_further_addresses,
    changed_since_q,
    shown_case_fields,
    with_further_address_flag,
)
from .levels import (
    LEVEL_RANK,
    access_level,
    at_least,
    full_access_q,
    lowest_level,
    organisation_levels,
    shows_details,
    shows_process,
    with_access_level,
    with_level_flags,
)
from .lifecycle import (
    Closure,
    earlier_cases_at,
    further_address_keys,
    further_address_search_q,
)
from .listing import (
    LevelOrderedRows,
    closed_and_shown,
    list_ordering,
    open_or_status_hidden,
    shown_q,
    where_shown,
)
from .log import DEFAULT_PURPOSE, client_address, log_access
from .persons import cases_with_person_named, visible_persons
from .privacy import (
    inzage_cases,
    person_access_log,
    persons_to_redact,
    privacy_cases,
    privacy_persons,
    retention_cases,
    retention_records,
    visible_access_log,
)
from .regional import regional_cases
from .visible import (
    cases_for_sweeps,
    cases_seen_at,
    cases_via_participations,
    process_cases,
    process_shown_q,
    shared_at,
    shared_with_organisation,
    visible_action_items,
    visible_cases,
)

__all__ = [
    "DEFAULT_PURPOSE",
    "LEVEL_RANK",
    "CaseAccess",
    "LevelOrderedRows",
    "Closure",
    "access_level",
    "at_least",
    "attach_further_addresses",
    "with_further_address_flag",
    "cases_for_sweeps",
    "cases_seen_at",
    "cases_via_participations",
    "cases_with_person_named",
    "changed_since_q",
    "client_address",
    "closed_and_shown",
    "earlier_cases_at",
    "full_access_q",
    "further_address_keys",
    "further_address_search_q",
    "get_attachment",
    "get_case_access",
    "inzage_cases",
    "list_ordering",
    "log_access",
    "lowest_level",
    "open_or_status_hidden",
    "organisation_levels",
    "person_access_log",
    "persons_to_redact",
    "privacy_cases",
    "privacy_persons",
    "process_cases",
    "process_shown_q",
    "regional_cases",
    "retention_cases",
    "retention_records",
    "shared_at",
    "shows_details",
    "shows_process",
    "shared_with_organisation",
    "shown_case_fields",
    "shown_q",
    "visible_access_log",
    "visible_action_items",
    "visible_cases",
    "visible_persons",
    "where_shown",
    "with_access_level",
    "with_level_flags",
]
