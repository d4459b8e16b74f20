"""Outcome figures: hot spots, recurrence, overdue actiepunten, results and instruments."""

from __future__ import annotations

from datetime import date, timedelta
from functools import reduce
from operator import or_
from typing import NamedTuple

from django.db.models import (
    Count,
    DateField,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import TruncDate
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from cases import access
from cases.calendars import legal_terms
from cases.models import ActionItem, Event, Measure, Report

from ..deadlines import count_against_deadline
from ..figure import Figure, Number, Share
from .scope import RESULT_LABELS, Scope, ended_well_q
from .tally import CaseTally

RECURRENCE = ((6, timedelta(days=183)), (12, timedelta(days=365)))
HOT_SPOT = 2  # an address with at least this many meldingen in the period


def _reports(scope: Scope, filters):
    return Report.objects.filter(
        case__in=scope.details, received_at__date__range=(filters.start, filters.end)
    )


def hot_spots(scope: Scope, filters) -> list[Figure]:
    per_wijk = (
        _reports(scope, filters)
        .values("case__wijk")
        .annotate(n=Count("pk"))
        .order_by("-n", "case__wijk")
    )
    figures = [
        Figure(
            "wijken",
            _("Meldingen per wijk"),
            _("Meldingen die in de periode zijn ontvangen, naar de wijk van de zaak."),
            [_("Wijk"), _("Meldingen")],
            [[row["case__wijk"] or _("(geen wijk)"), Number(row["n"])] for row in per_wijk],
        )
    ]
    if not scope.regional:
        # An address is a household: only in the organisation view, over its own cases.
        per_address = (
            _reports(scope, filters)
            .values("case__street", "case__house_number", "case__postcode")
            .annotate(n=Count("pk"))
            .filter(n__gte=HOT_SPOT)
            .order_by("-n", "case__postcode", "case__house_number")[:10]
        )
        figures.append(
            Figure(
                "adressen",
                _("Adressen met de meeste meldingen"),
                _("De tien adressen met minstens %(n)s meldingen in de periode.") % {"n": HOT_SPOT},
                [_("Adres"), _("Meldingen")],
                [
                    [
                        "{} {}, {}".format(
                            row["case__street"], row["case__house_number"], row["case__postcode"]
                        ),
                        Number(row["n"]),
                    ]
                    for row in per_address
                ],
            )
        )
    return figures


class _Window(NamedTuple):
    months: int
    horizon: timedelta
    first: date  # closed from
    last: date  # closed until

    def counts(self, closed_on: date) -> bool:
        return self.first <= closed_on <= self.last


def _closed_in_any(windows: list[_Window]) -> Q:
    """Closed in one of the windows, as few date ranges as they make together: over a
    period of six months or more the windows overlap and this is one range, which the
    planner estimates right (an OR of the overlapping windows on top of it made it expect a
    quarter of the cases and hash the wrong side)."""
    spans: list[list[date]] = []
    for window in sorted(windows, key=lambda window: window.first):
        if spans and window.first <= spans[-1][1] + timedelta(days=1):
            spans[-1][1] = max(spans[-1][1], window.last)
        else:
            spans.append([window.first, window.last])
    return reduce(or_, (Q(closed_on__range=(first, last)) for first, last in spans))


def recurrence(scope: Scope, filters) -> Figure:
    """Cases closed so long ago that the horizon has passed, and whether a new case was
    opened within it at one of the closed case's addresses: its own or a further one (an
    earlier address of the household), matched by key against the current and further
    addresses of the new case (docs/adr/0030).

    Both horizons are answered by one query: per closed case, the first later case each of
    the four ways (one entry of an index each: address key and opening date), asked once
    for both horizons instead of four EXISTS per horizon. The query groups by the closing
    date and those four dates, so PostgreSQL computes each once per case (a subquery it
    refers to twice it would run twice); Python counts the few hundred groups into the
    windows. Each closed case's closing date and address come from one index-only probe
    per case the reader sees in full (`case_closed_idx`, partial to the closed cases), not
    from a read of its row."""
    today = timezone.localdate()
    windows = [
        _Window(months, horizon, filters.start - horizon, min(filters.end, today) - horizon)
        for months, horizon in RECURRENCE
    ]
    later = scope.all_details.filter(opened_on__gt=OuterRef("closed_on"))
    # Read inside `later`: the closed case is one level further out.
    closed_keys = access.further_address_keys(OuterRef(OuterRef("pk")))
    # Four ways, each served by an index (address key and opening date, or the further
    # addresses of one case), rather than one with an OR that PostgreSQL answers by a scan.
    ways = {
        "own": later.filter(address_key=OuterRef("address_key")).exclude(address_key=""),
        "moved_in": later.filter(further_addresses__address_key=OuterRef("address_key")),
        "moved_out": later.filter(address_key__in=closed_keys),
        "moved_on": later.filter(further_addresses__address_key__in=closed_keys),
    }
    first_later = {
        way: Subquery(query.order_by("opened_on").values("opened_on")[:1])
        for way, query in ways.items()
    }
    groups = (
        scope.details.filter(_closed_in_any(windows))
        .annotate(**first_later)
        .values("closed_on", *first_later)
        .annotate(n=Count("pk"))
        .order_by()
    )
    totals, recurred = [0] * len(windows), [0] * len(windows)
    for group in groups:
        closed_on, dates = group["closed_on"], [group[way] for way in first_later]
        for index, window in enumerate(windows):
            if window.counts(closed_on):
                totals[index] += group["n"]
                if any(day is not None and day <= closed_on + window.horizon for day in dates):
                    recurred[index] += group["n"]
    rows = []
    for window, total, returned in zip(windows, totals, recurred, strict=True):
        label = _("binnen %(months)s maanden (gesloten %(first)s – %(last)s)") % {
            "months": window.months,
            "first": formats.date_format(window.first, "j M Y"),
            "last": formats.date_format(window.last, "j M Y"),
        }
        rows.append([label, Number(total), Number(returned), Share(returned, total)])
    return Figure(
        "recidive",
        _("Recidive na afsluiting"),
        _(
            "Gesloten zaken waarna op hetzelfde adres (of een eerder adres van de zaak) "
            "binnen zes of twaalf maanden een nieuwe zaak is geopend."
        ),
        [_("Termijn"), _("Gesloten zaken"), _("Nieuwe zaak op het adres"), _("Aandeel")],
        rows,
        chart="",
    )


def overdue_actions(scope: Scope) -> Figure:
    if scope.regional:
        items = ActionItem.objects.filter(case__in=scope.cases)
    else:
        items = access.visible_action_items(scope.user).filter(case__in=scope.cases)
    today = timezone.localdate()
    rows = (
        items.filter(status=ActionItem.Status.OPEN)
        .values("owner_organisation__name")
        .annotate(open=Count("pk"), overdue=Count("pk", filter=Q(due_on__lt=today)))
        .order_by("-overdue", "owner_organisation__name")
    )
    return Figure(
        "actiepunten",
        _("Verlopen actiepunten per partner"),
        _("Open actiepunten per eigenaar, en hoeveel daarvan over de datum zijn."),
        [_("Partner"), _("Verlopen"), _("Open")],
        [
            [row["owner_organisation__name"], Number(row["overdue"]), Number(row["open"])]
            for row in rows
        ],
    )


def results(scope: Scope, filters, tally: CaseTally) -> list[Figure]:
    closed = scope.cases.filter(closed_on__range=(filters.start, filters.end))
    instruments = (
        Measure.objects.filter(case__in=closed.filter(ended_well_q()))
        .values("instrument__name")
        .annotate(n=Count("case", distinct=True))
        .order_by("-n", "instrument__name")
    )
    return [
        Figure(
            "resultaten",
            _("Resultaat van gesloten zaken"),
            _("Zaken die in de periode zijn gesloten, naar hun resultaat."),
            [_("Resultaat"), _("Zaken")],
            [[label, Number(tally.results[key])] for key, label in RESULT_LABELS.items()],
        ),
        Figure(
            "instrumenten",
            _("Ingezette instrumenten in zaken die goed afliepen"),
            _(
                "In hoeveel in de periode gesloten zaken met beëindigde overlast "
                "elk instrument is ingezet."
            ),
            [_("Instrument"), _("Zaken")],
            [[row["instrument__name"], Number(row["n"])] for row in instruments],
        ),
    ]


# The Wvggz verkennend onderzoek, as the catalogue names it (partners migration 0011).
WVGGZ_WORDS = ("verkennend", "onderzoek", "wvggz")
WVGGZ_TERM_DAYS = 14  # art. 5:3 Wvggz


def wvggz_term(scope: Scope, filters) -> Figure:
    """Wvggz verkennende onderzoeken started in the period, by whether they were finished
    within the legal term: 14 days from the start, ending on the next day that is no
    Saturday, Sunday or feestdag (Algemene termijnenwet). Finished is the first time the
    timeline records the measure as afgerond. Grouped by the pair of dates, so the legal
    term is computed per pair of dates, not per measure."""
    named = Q()
    for word in WVGGZ_WORDS:
        named &= Q(instrument__name__icontains=word)
    finished = (
        Event.objects.filter(
            case=OuterRef("case"),
            kind=Event.Kind.MEASURE_CHANGED,
            target_type="measure",
            target_id=OuterRef("pk"),
            data__status=Measure.Status.DONE,
        )
        .order_by("occurred_at")
        .annotate(on=TruncDate("occurred_at"))
        .values("on")[:1]
    )
    pairs = (
        Measure.objects.filter(
            named, case__in=scope.cases, start_date__range=(filters.start, filters.end)
        )
        .annotate(finished_on=Subquery(finished, output_field=DateField()))
        .values("start_date", "finished_on")
        .annotate(n=Count("pk"))
        .order_by()
    )
    counts = count_against_deadline(
        pairs,
        "start_date",
        "finished_on",
        lambda day: legal_terms.term_end(day, days=WVGGZ_TERM_DAYS),
        timezone.localdate(),
    )
    within, late, overdue, running = counts.within, counts.late, counts.missed, counts.waiting
    total = counts.judged
    return Figure(
        "wvggz",
        _("Wettelijke termijn: Wvggz verkennend onderzoek"),
        _(
            "Verkennende onderzoeken die in de periode zijn gestart, tegen de termijn van "
            "%(days)s dagen (art. 5:3 Wvggz; Algemene termijnenwet)."
        )
        % {"days": WVGGZ_TERM_DAYS},
        [_("Onderzoek"), _("Aantal"), _("Aandeel")],
        [
            [_("afgerond binnen de termijn"), Number(within), Share(within, total)],
            [_("afgerond na de termijn"), Number(late), Share(late, total)],
            [_("niet afgerond, termijn verstreken"), Number(overdue), Share(overdue, total)],
            [_("loopt nog, binnen de termijn"), Number(running), Share(0, 0)],
        ],
    )
