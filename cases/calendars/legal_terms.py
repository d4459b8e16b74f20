"""Legal terms: the Algemene termijnenwet (Atw).

A term set by law (the Wvggz verkennend onderzoek within 14 days, bezwaar within 6 weeks)
that ends on a Saturday, a Sunday or an algemeen erkende feestdag ends on the next day that is
none of these (art. 1 lid 1 Atw). The algemeen erkende feestdagen are (art. 3 lid 1):
Nieuwjaarsdag, Eerste en Tweede Paasdag, Hemelvaartsdag, Eerste en Tweede Pinksterdag, Eerste
en Tweede Kerstdag, Koningsdag (27 April, 26 April when the 27th is a Sunday), and Bevrijdingsdag,
5 mei, *every* year (not only in lustrum years, as many labour agreements have it). Goede
Vrijdag is equated with them by art. 3 lid 2. Days the government designates by decree
(art. 3 lid 3) can be passed as `designated`.

This is not the working-day calendar of internal norms (`working_days`), which has no Goede
Vrijdag and 5 May only in lustrum years: the two answer different questions.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from functools import lru_cache

from .dates import local_date
from .easter import from_easter, koningsdag

_ONE_DAY = timedelta(days=1)


@lru_cache(maxsize=256)
def feestdagen(year: int) -> frozenset[date]:
    """The algemeen erkende feestdagen of `year`, Goede Vrijdag included (art. 3 Atw)."""
    return frozenset(
        {
            date(year, 1, 1),
            from_easter(year, -2),  # Goede Vrijdag, art. 3 lid 2
            from_easter(year, 0),
            from_easter(year, 1),
            koningsdag(year),
            date(year, 5, 5),
            from_easter(year, 39),
            from_easter(year, 49),
            from_easter(year, 50),
            date(year, 12, 25),
            date(year, 12, 26),
        }
    )


def is_term_day(day: date | datetime, designated: Iterable[date] = ()) -> bool:
    """Whether a term may end on `day`: not a Saturday, Sunday or feestdag."""
    day = local_date(day)
    return day.weekday() < 5 and day not in feestdagen(day.year) and day not in set(designated)


def term_end(
    start: date | datetime, *, days: int = 0, weeks: int = 0, designated: Iterable[date] = ()
) -> date:
    """The last day of a term of `days` (or `weeks`) starting the day after `start`, moved to
    the next day that is not a Saturday, Sunday or feestdag (art. 1 Atw)."""
    if days < 0 or weeks < 0:
        raise ValueError("a term is not negative")
    designated = frozenset(designated)
    end = local_date(start) + timedelta(days=days, weeks=weeks)
    while not is_term_day(end, designated):
        end += _ONE_DAY
    return end
