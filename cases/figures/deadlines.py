"""Counting things against a deadline, for the figures that hold work to a norm or a term.

The database groups the rows by their pair of dates (start, done); the deadline is computed
once per pair, in whichever calendar the figure uses (working days or the Algemene
termijnenwet), never once per case.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date


@dataclass
class AgainstDeadline:
    within: int = 0  # done on or before the deadline
    late: int = 0  # done after it
    missed: int = 0  # not done, deadline passed
    waiting: int = 0  # not done, deadline still ahead

    def __add__(self, other: AgainstDeadline) -> AgainstDeadline:
        return AgainstDeadline(
            self.within + other.within,
            self.late + other.late,
            self.missed + other.missed,
            self.waiting + other.waiting,
        )

    @property
    def judged(self) -> int:
        """The rows whose outcome is known (all but those still waiting)."""
        return self.within + self.late + self.missed


def count_against_deadline(
    pairs: Iterable[dict],
    start: str,
    done: str,
    deadline: Callable[[date], date],
    today: date,
) -> AgainstDeadline:
    """Tally `pairs` (rows with the dates `start` and `done`, and their number `n`)."""
    counts = AgainstDeadline()
    for pair in pairs:
        due = deadline(pair[start])
        if pair[done] is not None:
            if pair[done] <= due:
                counts.within += pair["n"]
            else:
                counts.late += pair["n"]
        elif today <= due:
            counts.waiting += pair["n"]
        else:
            counts.missed += pair["n"]
    return counts
