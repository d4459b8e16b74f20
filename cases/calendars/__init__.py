"""Time as the law and the organisation count it (DESIGN.md, rule "time as the law counts it").

Two calendars, not one, because they answer different questions:

- `working_days`: internal norms (streefduur per stage, reminder thresholds, the 2 working
  days to contact a melder) count the working days of the organisation: weekdays minus the
  days off of the common Dutch calendar (and the extra days an organisation configures).
- `legal_terms`: legal deadlines (the Wvggz verkennend onderzoek within 14 days, bezwaar
  within 6 weeks) follow the Algemene termijnenwet: a term that ends on a Saturday, Sunday
  or algemeen erkende feestdag ends on the next day that is none of these.

`months` adds calendar months (nazorg, bewaartermijnen). Every function takes dates or aware
datetimes; a datetime counts by its Europe/Amsterdam date (`local_date`).
"""

from .dates import AMSTERDAM, local_date

__all__ = ["AMSTERDAM", "local_date"]
