"""A figure: a table of values with a title, the shape every chart, CSV and PDF is made from.

Values are typed so that the small-number rule (docs/adr/0021) is applied in one place
(`Figure.protect`) before anything is shown, drawn or exported:

- `Number`: a count of cases, meldingen, actiepunten. In the regional view 1–4 is shown as
  "<5" and drawn as no bar, and a count of 5 or more is rounded to a multiple of 5, so that
  a suppressed cell cannot be worked out from a total, a neighbouring month or another filter.
- `Share`: part of a whole. Regionally shown only when the whole is at least 10 cases and
  the part and the rest are each at least 5, rounded to 5 percentage points.
- `Days`: a duration (median, 80th percentile) over n periods. Regionally shown only over at
  least 10, since a median over a few cases is one household's story.

The organisation view shows exact values: its reader may open every case counted in it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

SMALL = 5  # a count below this can point at a household
MIN_BASE = 10  # shares and durations regionally only over at least this many
SUPPRESSED = "<5"


def _round5(value: int) -> int:
    return max(SMALL, int(5 * round(value / 5)))


@dataclass
class Number:
    value: int
    shown: int | None = None  # after protection: what is drawn (None: suppressed)
    text: str = ""

    def protect(self, regional: bool) -> None:
        if not regional or self.value == 0:
            self.shown, self.text = self.value, number_format(self.value)
        elif self.value < SMALL:
            self.shown, self.text = None, SUPPRESSED
        else:
            self.shown = _round5(self.value)
            self.text = number_format(self.shown)


@dataclass
class Share:
    part: int
    whole: int
    shown: float | None = None  # percentage
    text: str = ""

    def protect(self, regional: bool) -> None:
        if self.whole == 0:
            self.shown, self.text = None, "–"
            return
        percentage = 100 * self.part / self.whole
        if regional:
            rest = self.whole - self.part
            if self.whole < MIN_BASE or 0 < self.part < SMALL or 0 < rest < SMALL:
                self.shown, self.text = None, _("niet getoond")
                return
            percentage = 5 * round(percentage / 5)
        self.shown = percentage
        self.text = f"{number_format(percentage, 0)}%"


@dataclass
class Days:
    days: float | None
    count: int
    shown: float | None = None
    text: str = ""

    def protect(self, regional: bool) -> None:
        if self.days is None or self.count == 0:
            self.shown, self.text = None, "–"
        elif regional and self.count < MIN_BASE:
            self.shown, self.text = None, _("niet getoond")
        else:
            self.shown = round(self.days, 1)
            self.text = _("%(days)s dagen") % {"days": number_format(self.shown, 1)}


@dataclass
class Figure:
    key: str
    title: str
    description: str
    columns: list[str]  # the header of the first column, then one per value column
    rows: list[list] = field(default_factory=list)  # [label, value, value, …]
    chart: str = "bars"  # "bars" or "" (table only)
    note: str = ""
    regional: bool = False

    def protect(self, regional: bool) -> Figure:
        self.regional = regional
        for row in self.rows:
            for value in row[1:]:
                value.protect(regional)
        return self

    @property
    def series(self) -> list[str]:
        return self.columns[1:]

    @property
    def is_empty(self) -> bool:
        return not self.rows

    def csv_rows(self) -> list[list[str]]:
        return [list(map(str, self.columns))] + [
            [str(row[0]), *(value.text for value in row[1:])] for row in self.rows
        ]


NOT_SHOWN_NOTE = gettext_lazy(
    "Regionaal: aantallen onder de 5 staan als “<5”, andere aantallen zijn afgerond op "
    "vijftallen; percentages en doorlooptijden alleen over minstens 10 zaken."
)
