"""Legal terms by the Algemene termijnenwet (cases.calendars.legal_terms)."""

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cases.calendars import legal_terms, working_days
from cases.calendars.easter import easter_sunday
from cases.calendars.legal_terms import feestdagen, is_term_day, term_end


def test_a_term_ending_on_goede_vrijdag_ends_on_the_tuesday_after_easter():
    # Goede Vrijdag 3 April 2026 (art. 3 lid 2), then the weekend and Tweede Paasdag.
    assert term_end(date(2026, 3, 20), days=14) == date(2026, 4, 7)
    # The internal calendar works on Goede Vrijdag: the two calendars differ here.
    assert working_days.is_working_day(date(2026, 4, 3))
    assert not is_term_day(date(2026, 4, 3))


def test_5_mei_counts_in_a_year_that_is_no_lustrum():
    # Tuesday 5 May 2026: a feestdag for the law, a working day for most organisations.
    assert term_end(date(2026, 4, 21), days=14) == date(2026, 5, 6)
    assert working_days.is_working_day(date(2026, 5, 5))
    assert not is_term_day(date(2027, 5, 5))  # a Wednesday


def test_a_term_ending_on_hemelvaart_ends_on_the_monday():
    # Hemelvaartsdag Thursday 14 May 2026; Friday 15 May is an ordinary day.
    assert term_end(date(2026, 4, 30), days=14) == date(2026, 5, 15)
    # Hemelvaart 2027 is 6 May; a term ending then moves to Friday 7 May.
    assert term_end(date(2027, 4, 22), days=14) == date(2027, 5, 7)


def test_a_term_ending_on_a_saturday_ends_on_the_monday():
    assert term_end(date(2026, 2, 28), days=14) == date(2026, 3, 16)  # Sat 14 -> Mon 16 March
    assert term_end(date(2026, 3, 1), days=14) == date(2026, 3, 16)  # Sunday too


def test_a_term_on_an_ordinary_weekday_is_not_moved():
    assert term_end(date(2026, 3, 2), days=14) == date(2026, 3, 16)
    assert term_end(date(2026, 3, 2), weeks=6) == date(2026, 4, 13)


def test_kerst_and_nieuwjaar_in_a_row():
    # Friday 25 December 2026, then the weekend (26th a Saturday), Monday 28th.
    assert term_end(date(2026, 12, 11), days=14) == date(2026, 12, 28)
    # Friday 1 January 2027, then the weekend.
    assert term_end(date(2026, 12, 18), days=14) == date(2027, 1, 4)


def test_koningsdag_on_saturday_26_april_when_27_is_a_sunday():
    assert date(2025, 4, 26) in feestdagen(2025)
    assert date(2025, 4, 27) not in feestdagen(2025)
    assert date(2026, 4, 27) in feestdagen(2026)


def test_designated_days_also_move_a_term():
    assert term_end(date(2026, 3, 2), days=14, designated=[date(2026, 3, 16)]) == date(2026, 3, 17)


def test_negative_terms_are_refused():
    with pytest.raises(ValueError):
        term_end(date(2026, 3, 2), days=-1)


def test_easter_is_right():
    assert [easter_sunday(y) for y in (2024, 2025, 2026, 2027, 2038)] == [
        date(2024, 3, 31),
        date(2025, 4, 20),
        date(2026, 4, 5),
        date(2027, 3, 28),
        date(2038, 4, 25),
    ]


def test_the_feestdagen_agree_with_the_holidays_package_with_5_mei_every_year():
    import holidays

    for year in range(2015, 2040):
        package = holidays.country_holidays("NL", years=year, categories=("public", "optional"))
        assert feestdagen(year) == frozenset(package), year


@settings(max_examples=200, deadline=None)
@given(
    start=st.dates(min_value=date(2020, 1, 1), max_value=date(2035, 12, 31)),
    days=st.integers(min_value=0, max_value=60),
)
def test_a_term_ends_on_the_first_term_day_on_or_after_its_plain_end(start, days):
    end = term_end(start, days=days)
    plain = start + timedelta(days=days)
    assert end >= plain and is_term_day(end)
    day = plain
    while day < end:
        assert not legal_terms.is_term_day(day)
        day += timedelta(days=1)
