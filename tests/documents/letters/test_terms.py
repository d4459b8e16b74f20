"""Letters that start a legal term add an actiepunt due on its last day (Atw)."""

from datetime import date

import pytest

from .conftest import docx_text, make, pdf_text

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("letter_date", "due"),
    [
        (date(2026, 10, 20), date(2026, 12, 1)),  # a Tuesday six weeks on
        (date(2026, 10, 24), date(2026, 12, 7)),  # ends on a Saturday: the Monday after
        (date(2026, 11, 14), date(2026, 12, 28)),  # Saturday and Tweede Kerstdag
        (date(2027, 3, 16), date(2027, 4, 28)),  # Koningsdag 2027 is a Tuesday
    ],
)
def test_bezwaar_ends_six_weeks_after_bekendmaking(
    consulent, case, resident, templates, letter_date, due
):
    letter = make(consulent, case, templates["Besluit gedragsaanwijzing"], resident, letter_date)
    assert letter.term_ends_on == due
    item = letter.action_item
    assert item.due_on == due and item.owner == consulent and item.case == case
    assert "Bezwaartermijn" in item.title
    written = f"{due.day} "
    assert written in pdf_text(letter.pdf) and written in docx_text(letter.docx)


def test_zienswijze_takes_the_term_set_in_the_letter(consulent, case, resident, templates):
    template = templates["Voornemen gedragsaanwijzing"]
    in_weeks = make(consulent, case, template, resident, date(2026, 12, 1), term_amount=2)
    assert in_weeks.term_ends_on == date(2026, 12, 15)
    text = " ".join(pdf_text(in_weeks.pdf).split())
    assert "binnen 2 weken" in text and "uiterlijk op 15 december 2026" in text
    # Ten days from 16 December is Saturday 26 December (Tweede Kerstdag): Monday 28.
    in_days = make(
        consulent, case, template, resident, date(2026, 12, 16), term_amount=10, term_unit="dagen"
    )
    assert in_days.term_ends_on == date(2026, 12, 28)
    assert in_days.action_item.due_on == date(2026, 12, 28)
    assert "10 dagen" in docx_text(in_days.docx)
