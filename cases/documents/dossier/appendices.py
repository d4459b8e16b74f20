"""The attached files of a procesdossier: PDF pages appended, images embedded, the rest named.

Every file is read and checked before anything is rendered, so a damaged or unsupported
file becomes a line "niet bijgevoegd" with the reason, never a failed dossier. Images are
re-encoded as PNG: that drops what a photo carries besides its pixels (EXIF, often the GPS
position of the melder's home) and makes every embedded image one format WeasyPrint reads.
"""

from __future__ import annotations

import base64
import io
import logging
from dataclasses import dataclass

import filetype
from django.utils.translation import gettext as _
from PIL import Image, UnidentifiedImageError
from pypdf import PdfReader, PdfWriter

from cases.models import Attachment

logger = logging.getLogger(__name__)

# Large photos are scaled down: a court reads them on paper, a 40-megapixel photo only
# makes the dossier slow to render and to send.
MAX_IMAGE_SIDE = 1800
IMAGE_KINDS = {"jpg", "png", "gif", "webp", "tif", "bmp"}
PDF = "pdf"
IMAGE = "image"
MISSING = "missing"


@dataclass
class Appendix:
    """One attachment as the dossier carries it."""

    attachment: Attachment
    kind: str  # PDF, IMAGE or MISSING
    reason: str = ""  # why it is not attached (MISSING)
    pdf: bytes = b""  # a PDF, re-written by pypdf (PDF)
    pages: int = 0
    image_uri: str = ""  # a PNG data URI (IMAGE)
    start_page: int | None = None  # where its pages start in the dossier (PDF)

    @property
    def anchor(self) -> str:
        return f"bijlage-{self.attachment.pk}"


def _read(attachment: Attachment) -> bytes:
    with attachment.file.open("rb") as handle:
        return handle.read()


def _as_pdf(attachment: Attachment, content: bytes) -> Appendix:
    # A PDF is read and written once here: whatever pypdf cannot copy is found now, not
    # halfway through the dossier. Damaged PDFs fail in many ways inside pypdf (its own
    # errors, but also KeyError, ValueError, …), hence the broad except.
    try:
        reader = PdfReader(io.BytesIO(content))
        if reader.is_encrypted:
            return Appendix(
                attachment,
                MISSING,
                _("het PDF-bestand is beveiligd met een wachtwoord en kan niet worden gelezen"),
            )
        writer = PdfWriter()
        writer.append(reader)
        out = io.BytesIO()
        writer.write(out)
        pages = len(reader.pages)
    except Exception:  # noqa: BLE001 (see above: a damaged file must not stop the dossier)
        logger.warning("procesdossier: attachment %s is not a readable PDF", attachment.pk)
        return Appendix(attachment, MISSING, _("het PDF-bestand is beschadigd of onleesbaar"))
    if pages == 0:
        return Appendix(attachment, MISSING, _("het PDF-bestand heeft geen pagina's"))
    return Appendix(attachment, PDF, pdf=out.getvalue(), pages=pages)


def _as_image(attachment: Attachment, content: bytes) -> Appendix:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.load()
            image.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            if image.mode not in ("RGB", "RGBA", "L", "LA"):
                image = image.convert("RGBA" if "A" in image.getbands() else "RGB")
            out = io.BytesIO()
            image.save(out, format="PNG")
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError):
        logger.warning("procesdossier: attachment %s is not a readable image", attachment.pk)
        return Appendix(attachment, MISSING, _("de afbeelding is beschadigd of onleesbaar"))
    uri = "data:image/png;base64," + base64.b64encode(out.getvalue()).decode("ascii")
    return Appendix(attachment, IMAGE, image_uri=uri)


def prepare(attachment: Attachment) -> Appendix:
    """The attachment read, checked and ready to go into the dossier."""
    try:
        content = _read(attachment)
    except (OSError, ValueError):
        logger.warning("procesdossier: attachment %s has no readable file", attachment.pk)
        return Appendix(attachment, MISSING, _("het bestand is niet gevonden"))
    # The type is read from the bytes, as at upload (cases.uploads), not from the name.
    kind = filetype.guess(content[:8192])
    extension = kind.extension if kind else ""
    if extension == PDF:
        return _as_pdf(attachment, content)
    if extension in IMAGE_KINDS:
        return _as_image(attachment, content)
    return Appendix(
        attachment,
        MISSING,
        _(
            "dit bestandstype (%(type)s) kan niet in het procesdossier worden opgenomen; "
            "voeg er een PDF-versie van toe"
        )
        % {"type": extension.upper() or _("onbekend")},
    )
