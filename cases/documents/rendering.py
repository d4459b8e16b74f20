"""HTML to PDF, the one way the product prints."""

from __future__ import annotations

from weasyprint import HTML

# PDF/UA: tagged, so that a screen reader reads the letters and agendas the product prints.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "uncompressed_pdf": False}


def html_to_pdf(html: str, *, base_url: str | None = None) -> tuple[bytes, int]:
    """(PDF bytes, number of pages) of an HTML document."""
    rendered = HTML(string=html, base_url=base_url).render()
    return rendered.write_pdf(**PDF_OPTIONS), len(rendered.pages)
