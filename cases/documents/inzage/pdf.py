"""The inzage export as PDF for the person (tagged PDF/UA, like every PDF the product prints)."""

from __future__ import annotations

from django.template.loader import render_to_string

from cases.documents.rendering import html_to_pdf

from .content import InzageContent


def render_inzage_pdf(content: InzageContent) -> tuple[bytes, int]:
    html = render_to_string("documents/inzage/pdf.html", {"content": content})
    return html_to_pdf(html)
