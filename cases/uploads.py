"""Checks on uploaded attachments: the type is read from the bytes, not trusted from the name."""

from pathlib import PurePath

import filetype
from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

# Detected kind → file name extensions that may carry it.
ALLOWED_KINDS = {
    "pdf": {"pdf"},
    "jpg": {"jpg", "jpeg"},
    "png": {"png"},
    "gif": {"gif"},
    "webp": {"webp"},
    "heic": {"heic"},
    "tif": {"tif", "tiff"},
    "doc": {"doc"},
    "docx": {"docx"},
    "xls": {"xls"},
    "xlsx": {"xlsx"},
    "ppt": {"ppt"},
    "pptx": {"pptx"},
    "odt": {"odt"},
    "ods": {"ods"},
    "odp": {"odp"},
    "rtf": {"rtf"},
}


def check_upload(upload) -> str:
    """Return the detected MIME type of an acceptable upload, or raise ValidationError."""
    if upload.size == 0:
        raise ValidationError(_("Het bestand is leeg."), code="empty")
    limit = settings.ATTACHMENT_MAX_BYTES
    if upload.size > limit:
        raise ValidationError(
            _("Het bestand is te groot (%(size)s). De grens is %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
    upload.seek(0)
    head = upload.read(8192)
    upload.seek(0)
    kind = filetype.guess(head)
    allowed = ", ".join(sorted({ext for exts in ALLOWED_KINDS.values() for ext in exts}))
    if kind is None or kind.extension not in ALLOWED_KINDS:
        raise ValidationError(
            _(
                "Dit soort bestand kan niet worden toegevoegd. Toegestaan zijn PDF, "
                "afbeeldingen en Office-documenten (%(allowed)s)."
            )
            % {"allowed": allowed},
            code="type",
        )
    extension = PurePath(upload.name).suffix.lower().lstrip(".")
    if extension not in ALLOWED_KINDS[kind.extension]:
        raise ValidationError(
            _(
                "De inhoud van het bestand past niet bij de naam: het is een "
                "%(kind)s-bestand maar heet '.%(extension)s'."
            )
            % {"kind": kind.extension.upper(), "extension": extension or "?"},
            code="mismatch",
        )
    return kind.mime
