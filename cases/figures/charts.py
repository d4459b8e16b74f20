"""Server-rendered SVG charts (docs/adr/0021): horizontal bars, one group per table row.

Printed and read without colour: each series has its own fill pattern (solid, hatched,
dotted) named in a legend, and every bar carries its value as text. The SVG is an image
with a title and a description (role="img"); the table beside it holds the same numbers for
screen readers and copying. Values come from a protected `Figure`: a suppressed count ("<5")
is drawn as no bar with its text, so a bar's length never tells what the text hides.
No inline styles (the CSP allows none): presentation attributes only.
"""

from __future__ import annotations

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from .figure import Days, Figure, Number

WIDTH = 680
LABEL = 220
BARS = 340
BAR = 14
GAP = 10
INK = "#1a3e5c"
PATTERNS = (
    '<pattern id="{id}" patternUnits="userSpaceOnUse" width="4" height="4">'
    '<rect width="4" height="4" fill="{ink}"/></pattern>',
    '<pattern id="{id}" patternUnits="userSpaceOnUse" width="6" height="6">'
    '<rect width="6" height="6" fill="#ffffff"/>'
    '<path d="M0,6 L6,0 M-1,1 L1,-1 M5,7 L7,5" stroke="{ink}" stroke-width="1.6"/></pattern>',
    '<pattern id="{id}" patternUnits="userSpaceOnUse" width="5" height="5">'
    '<rect width="5" height="5" fill="#ffffff"/>'
    '<circle cx="2.5" cy="2.5" r="1.3" fill="{ink}"/></pattern>',
)


def drawn_columns(figure: Figure) -> list[int]:
    """The value columns a chart draws: the durations if the figure has any, else counts."""
    if not figure.rows:
        return []
    values = figure.rows[0][1:]
    for kind in (Days, Number):
        columns = [index for index, value in enumerate(values, 1) if isinstance(value, kind)]
        if columns:
            return columns[: len(PATTERNS)]
    return []


def _short(text: str, length: int = 34) -> str:
    text = str(text)
    return text if len(text) <= length else text[: length - 1] + "…"


def bar_chart(figure: Figure) -> SafeString:
    columns = drawn_columns(figure)
    if figure.chart != "bars" or not columns or figure.is_empty:
        return mark_safe("")  # noqa: S308  # nosec B308 - a constant
    key = figure.key
    highest = max((row[c].shown or 0 for row in figure.rows for c in columns), default=0) or 1
    legend_height = 26 if len(columns) > 1 else 0
    group = len(columns) * BAR + GAP
    height = legend_height + len(figure.rows) * group + GAP
    parts = [
        format_html(
            '<svg class="app-chart" xmlns="http://www.w3.org/2000/svg" role="img" '
            'viewBox="0 0 {} {}" width="{}" height="{}" aria-labelledby="{}-title {}-desc">'
            '<title id="{}-title">{}</title><desc id="{}-desc">{}</desc><defs>',
            WIDTH,
            height,
            WIDTH,
            height,
            key,
            key,
            key,
            figure.title,
            key,
            _("Staafdiagram; de tabel ernaast geeft dezelfde cijfers."),
        )
    ]
    for index, _column in enumerate(columns):
        parts.append(format_html(PATTERNS[index], id=f"{key}-p{index}", ink=INK))
    parts.append(mark_safe("</defs>"))  # noqa: S308  # nosec B308
    if legend_height:
        x = LABEL
        for index, column in enumerate(columns):
            parts.append(
                format_html(
                    '<rect x="{}" y="6" width="14" height="14" fill="url(#{}-p{})" '
                    'stroke="{}"/><text x="{}" y="18" font-size="13" fill="#000000">{}</text>',
                    x,
                    key,
                    index,
                    INK,
                    x + 20,
                    figure.columns[column],
                )
            )
            x += 30 + 8 * len(str(figure.columns[column]))
    y = legend_height + GAP // 2
    for row in figure.rows:
        parts.append(
            format_html(
                '<text x="{}" y="{}" font-size="13" text-anchor="end" fill="#000000">{}</text>',
                LABEL - 8,
                y + len(columns) * BAR / 2 + 4,
                _short(row[0]),
            )
        )
        for index, column in enumerate(columns):
            value = row[column]
            width = 0 if value.shown is None else round(BARS * value.shown / highest, 1)
            if width:
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="url(#{}-p{})" '
                        'stroke="{}"/>',
                        LABEL,
                        y,
                        width,
                        BAR - 2,
                        key,
                        index,
                        INK,
                    )
                )
            parts.append(
                format_html(
                    '<text x="{}" y="{}" font-size="12" fill="#000000">{}</text>',
                    LABEL + width + 4,
                    y + BAR - 3,
                    value.text,
                )
            )
            y += BAR
        y += GAP
    parts.append(mark_safe("</svg>"))  # noqa: S308  # nosec B308
    return format_html_join("", "{}", ((part,) for part in parts))
