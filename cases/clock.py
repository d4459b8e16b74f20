"""The time stamped on timeline events.

Normally `timezone.now()`. Loading historical data (the demo, an import from an older
system) pins it, so events get the moment they really happened instead of the load time.
"""

from contextvars import ContextVar
from datetime import datetime

from django.utils import timezone

_pinned: ContextVar[datetime | None] = ContextVar("woonoverlast_pinned_now", default=None)


def now() -> datetime:
    return _pinned.get() or timezone.now()


class PinnedClock:
    """Context in which `at`, when set, is what `now()` returns; restored on exit."""

    def __enter__(self):
        self._token = _pinned.set(None)
        return self

    def __exit__(self, *exc_info):
        _pinned.reset(self._token)
        return False

    @property
    def at(self) -> datetime | None:
        return _pinned.get()

    @at.setter
    def at(self, value: datetime | None) -> None:
        _pinned.set(value)
