"""Easter Sunday, from which Goede Vrijdag, Tweede Paasdag, Hemelvaart and Pinksteren follow."""

from datetime import date, timedelta
from functools import lru_cache


@lru_cache(maxsize=256)
def easter_sunday(year: int) -> date:
    """Western Easter (the anonymous Gregorian algorithm, Meeus/Jones/Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return date(year, month, day + 1)


def from_easter(year: int, days: int) -> date:
    return easter_sunday(year) + timedelta(days=days)


def koningsdag(year: int) -> date:
    """27 April, or Saturday 26 April when the 27th is a Sunday (Wet Koningsdag);
    Koninginnedag 30 April (29 April when a Sunday) before 2014."""
    if year < 2014:
        day = date(year, 4, 30)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day
