"""Calendar months: the nazorg period and the bewaartermijnen are counted in months."""

from datetime import date


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months; the 31st becomes the last day of a shorter month."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for candidate_day in (day.day, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=candidate_day)
        except ValueError:
            continue
    raise ValueError(day)
