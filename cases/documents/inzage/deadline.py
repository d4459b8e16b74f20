"""The deadline of an inzageverzoek: one month after receipt (art. 12(3) AVG).

The month is counted as Regulation (EEG, Euratom) 1182/71 counts an EU term in months: it
ends on the same date of the next month, or on that month's last day when it has no such
date (31 January → 28 or 29 February); `months.add_months` does exactly that. The date is
not moved past a weekend or feestdag: the Algemene termijnenwet does not apply to an EU
term, and although 1182/71 would allow the next working day, the product shows the
stricter date so that no officer counts on an extension that a supervisor may read
otherwise (docs/adr/0025-inzage.md).
"""

from __future__ import annotations

from datetime import date

from cases.calendars.months import add_months

TERM_MONTHS = 1
# Art. 12(3) AVG: "with two further months where necessary", counted from the receipt.
EXTENSION_MONTHS = 2


def inzage_deadline(received_on: date) -> date:
    return add_months(received_on, TERM_MONTHS)


def extended_deadline(received_on: date) -> date:
    """The deadline once extended: three months after receipt, counted as above."""
    return add_months(received_on, TERM_MONTHS + EXTENSION_MONTHS)
