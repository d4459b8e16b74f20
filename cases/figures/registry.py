"""Figures other apps add to the page, without the register importing them.

Dependencies run meetings → cases (DESIGN.md): the figures unit may not import meetings,
yet "time from casusoverleg to vastgesteld verslag" is a meetings figure. The meetings app
registers a provider here when it starts (`meetings/apps.py`), computed in
`meetings/figures.py` over the meetings the user may see; the page asks every provider.
"""

from __future__ import annotations

from collections.abc import Callable

_providers: dict[str, Callable] = {}


def register(key: str, provider: Callable) -> None:
    """`provider(user, filters) -> list[Figure]`, unprotected (the page protects them)."""
    _providers[key] = provider


def contributions(user, filters) -> list:
    figures = []
    for _key, provider in sorted(_providers.items()):
        figures.extend(provider(user, filters))
    return figures
