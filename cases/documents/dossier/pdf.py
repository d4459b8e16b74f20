"""The procesdossier as one PDF: the HTML part rendered by WeasyPrint, attached PDFs after it.

Page numbers run over both parts. The HTML part cannot know how many pages it will have
before it is rendered, and its table of contents says where each appended PDF starts, so it
is rendered until its page count is the one its numbers assumed (twice, in practice: a
table of contents with other numbers has the same lines). The appended pages get the same
"pagina X van Y" footer, stamped on them from a second small WeasyPrint document.
"""

from __future__ import annotations

import io
import logging

from django.template.loader import render_to_string
from pypdf import PdfReader, PdfWriter, Transformation

from cases.documents.rendering import html_to_pdf

from .appendices import Appendix

logger = logging.getLogger(__name__)
TEMPLATE = "documents/dossier/pdf.html"
STAMPS = "documents/dossier/stamps.html"
MAX_RENDERS = 4


def _number(appended: list[Appendix], html_pages: int) -> int:
    """Set where each appended PDF starts; the dossier's total number of pages."""
    page = html_pages + 1
    for appendix in appended:
        appendix.start_page = page
        page += appendix.pages
    return page - 1


def _stamp(writer: PdfWriter, first: int, total: int, html: str) -> None:
    """Print "pagina X van Y" on the appended pages (from page `first` on)."""
    pages = writer.pages[first - 1 :]
    if not pages:
        return
    sizes = [(float(page.mediabox.width), float(page.mediabox.height)) for page in pages]
    stamps, _count = html_to_pdf(
        render_to_string(
            html,
            {"stamps": [(first + i, w, h) for i, (w, h) in enumerate(sizes)], "total": total},
        )
    )
    stamp_pages = PdfReader(io.BytesIO(stamps)).pages
    if len(stamp_pages) != len(pages):
        # Never a wrong number on a page: without stamps the table of contents still says
        # where each appended file starts.
        logger.warning("procesdossier: %s stamps for %s pages", len(stamp_pages), len(pages))
        return
    for page, stamp in zip(pages, stamp_pages, strict=True):
        # The stamp page has the appended page's size; a page whose box does not start at
        # the origin gets it moved there.
        x, y = float(page.mediabox.left), float(page.mediabox.bottom)
        if x or y:
            page.merge_transformed_page(stamp, Transformation().translate(x, y))
        else:
            page.merge_page(stamp)


def render_dossier(context: dict, appended: list[Appendix]) -> tuple[bytes, int]:
    """(PDF bytes, number of pages) of the dossier with its appended PDFs."""
    html_pages = 1
    for _attempt in range(MAX_RENDERS):
        total = _number(appended, html_pages)
        html = render_to_string(TEMPLATE, {**context, "total_pages": total})
        pdf, rendered = html_to_pdf(html)
        if rendered == html_pages:
            break
        html_pages = rendered
    if not appended:
        return pdf, rendered
    total = _number(appended, rendered)
    writer = PdfWriter(clone_from=io.BytesIO(pdf))
    for appendix in appended:
        writer.append(
            PdfReader(io.BytesIO(appendix.pdf)),
            outline_item=appendix.attachment.original_name,
        )
    _stamp(writer, rendered + 1, total, STAMPS)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue(), total
