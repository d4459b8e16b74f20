"""Working days of internal norms (cases.calendars.working_days): weekends, the common Dutch
days off, year boundaries, datetimes, and a calendar of an organisation's own."""

from datetime import UTC, date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.calendars import local_date
from cases.calendars.working_days import (
    WorkingCalendar,
    add_working_days,
    holidays_in_year,
    is_working_day,
    working_days_between,
)


@pytest.mark.parametrize(
    ("day", "why"),
    [
        (date(2026, 1, 1), "Nieuwjaarsdag"),
        (date(2026, 4, 6), "Tweede Paasdag"),
        (date(2026, 4, 27), "Koningsdag, a Monday"),
        (date(2026, 5, 14), "Hemelvaartsdag"),
        (date(2026, 5, 25), "Tweede Pinksterdag"),
        (date(2026, 12, 25), "Eerste Kerstdag"),
        (date(2025, 5, 5), "Bevrijdingsdag in a lustrum year"),
        (date(2025, 12, 26), "Tweede Kerstdag, a Friday"),
    ],
)
def test_weekday_holidays_are_not_working_days(day, why):
    assert day.weekday() < 5, why
    assert not is_working_day(day), why


def test_koningsdag_moves_to_saturday_when_27_april_is_a_sunday():
    # 27 April 2025 was a Sunday: Koningsdag was Saturday the 26th, so no working day is lost.
    assert date(2025, 4, 26) in holidays_in_year(2025)
    assert date(2025, 4, 27) not in holidays_in_year(2025)
    assert is_working_day(date(2025, 4, 25))
    assert is_working_day(date(2025, 4, 28))


def test_goede_vrijdag_is_a_working_day_unless_the_calendar_says_otherwise():
    assert is_working_day(date(2026, 4, 3))
    assert not is_working_day(date(2026, 4, 3), WorkingCalendar(good_friday_off=True))


def test_an_organisation_can_add_days_off_and_5_mei_every_year():
    calendar = WorkingCalendar(
        liberation_day_every_year=True, extra_days_off=frozenset({date(2026, 3, 4)})
    )
    assert not is_working_day(date(2026, 5, 5), calendar)
    assert not is_working_day(date(2026, 3, 4), calendar)
    assert add_working_days(date(2026, 3, 3), 1, calendar) == date(2026, 3, 5)
    assert working_days_between(date(2026, 3, 2), date(2026, 3, 6), calendar) == 3


def test_the_days_off_agree_with_the_holidays_package_but_for_goede_vrijdag():
    import holidays

    from cases.calendars.easter import from_easter

    for year in range(2015, 2040):
        package = set(holidays.country_holidays("NL", years=year)) - {from_easter(year, -2)}
        assert holidays_in_year(year) == frozenset(package), year


def test_bevrijdingsdag_counts_only_in_lustrum_years():
    assert is_working_day(date(2026, 5, 5))  # a Tuesday, not a lustrum year
    assert not is_working_day(date(2025, 5, 5))


def test_ordinary_weekdays_are_working_days_and_weekends_are_not():
    assert is_working_day(date(2026, 3, 2))  # Monday
    assert is_working_day(date(2026, 3, 6))  # Friday
    assert not is_working_day(date(2026, 3, 7))  # Saturday
    assert not is_working_day(date(2026, 3, 8))  # Sunday


def test_friday_plus_one_working_day_is_monday():
    assert add_working_days(date(2026, 3, 6), 1) == date(2026, 3, 9)
    assert add_working_days(date(2026, 3, 7), 1) == date(2026, 3, 9)  # from a Saturday
    assert add_working_days(date(2026, 3, 2), 5) == date(2026, 3, 9)  # a full week


def test_adding_over_koningsdag_2026():
    # Friday 24 April + 1 skips the weekend and Monday 27 April.
    assert add_working_days(date(2026, 4, 24), 1) == date(2026, 4, 28)


def test_adding_over_easter_2026():
    # Thursday 2 April + 1 is Goede Vrijdag, a working day; Friday + 1 skips the weekend and
    # Tweede Paasdag.
    assert add_working_days(date(2026, 4, 2), 1) == date(2026, 4, 3)
    assert add_working_days(date(2026, 4, 3), 1) == date(2026, 4, 7)


def test_adding_over_kerst_2026():
    # 25 December 2026 is a Friday, the 26th a Saturday.
    assert add_working_days(date(2026, 12, 24), 1) == date(2026, 12, 28)


def test_adding_over_nieuwjaar_crosses_the_year():
    # 1 January 2027 is a Friday holiday, then a weekend.
    assert add_working_days(date(2026, 12, 31), 1) == date(2027, 1, 4)


def test_adding_zero_days():
    assert add_working_days(date(2026, 3, 4), 0) == date(2026, 3, 4)  # a Wednesday stays
    assert add_working_days(date(2026, 3, 7), 0) == date(2026, 3, 9)  # Saturday -> Monday
    assert add_working_days(date(2026, 4, 6), 0) == date(2026, 4, 7)  # Tweede Paasdag -> Tuesday


def test_adding_negative_days_is_refused():
    with pytest.raises(ValueError, match="-1"):
        add_working_days(date(2026, 3, 4), -1)


def test_friday_to_monday_is_one_working_day():
    assert working_days_between(date(2026, 3, 6), date(2026, 3, 9)) == 1


def test_working_days_between_over_easter_weekend():
    # Thursday 2 April to Tuesday 7 April 2026: Goede Vrijdag and the Tuesday count.
    assert working_days_between(date(2026, 4, 2), date(2026, 4, 7)) == 2
    # The whole of April 2026: 22 weekdays minus Tweede Paasdag and Koningsdag.
    assert working_days_between(date(2026, 3, 31), date(2026, 4, 30)) == 20


def test_working_days_between_is_zero_unless_end_is_after_start():
    assert working_days_between(date(2026, 3, 4), date(2026, 3, 4)) == 0
    assert working_days_between(date(2026, 3, 9), date(2026, 3, 4)) == 0
    assert working_days_between(date(2026, 3, 7), date(2026, 3, 8)) == 0  # just a weekend


def test_working_days_between_over_years():
    # 2026 has 261 weekdays; Nieuwjaar, Tweede Paasdag, Koningsdag, Hemelvaart, Tweede
    # Pinksterdag and Eerste Kerstdag fall on weekdays.
    assert working_days_between(date(2025, 12, 31), date(2026, 12, 31)) == 261 - 6


def test_local_date_uses_amsterdam_time():
    # 22:30 UTC on Sunday 7 June 2026 is 00:30 on Monday 8 June in Amsterdam (CEST).
    late_sunday = datetime(2026, 6, 7, 22, 30, tzinfo=UTC)
    assert local_date(late_sunday) == date(2026, 6, 8)
    assert is_working_day(late_sunday)
    assert working_days_between(datetime(2026, 6, 5, 12, tzinfo=UTC), late_sunday) == 1
    assert local_date(date(2026, 6, 7)) == date(2026, 6, 7)


def test_local_date_refuses_naive_datetimes():
    with pytest.raises(ValueError):
        local_date(datetime(2026, 6, 7, 12))


def _count_day_by_day(start: date, end: date) -> int:
    count, day = 0, start
    while day < end:
        day += timedelta(days=1)
        count += is_working_day(day)
    return count


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    n=st.integers(min_value=0, max_value=60),
)
def test_adding_and_counting_agree(start, n):
    result = add_working_days(start, n)
    assert is_working_day(result)
    assert result >= start
    if n > 0:
        assert working_days_between(start, result) == n
        assert working_days_between(start, result - timedelta(days=1)) == n - 1


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    span=st.integers(min_value=-10, max_value=800),
)
def test_counting_matches_a_day_by_day_walk(start, span):
    end = start + timedelta(days=span)
    assert working_days_between(start, end) == _count_day_by_day(start, end)
