"""Recognise an uploaded paper by its content and structure, never by its name or the
browser's claim. Accepted: PDF, DOCX and ODT text documents without active content.

`inspect_document(file)` reads the file once (size, SHA-256, format) and raises a
ValidationError with a message a person can act on; it never writes anything. Active content
(scripts, macros, embedded programs, content loaded from elsewhere) is found by parsing the
file (pikepdf for PDFs, the package's XML for DOCX and ODT), and each refusal names its reason:
one message per reason found, then what to do (papers.validators.common).
"""

import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from papers.validators.common import NOT_A_DOCUMENT
from papers.validators.office import check_zip_document
from papers.validators.pdf import check_pdf

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

__all__ = ["NOT_A_DOCUMENT", "InspectedDocument", "inspect_document", "max_upload_bytes"]


@dataclass(frozen=True)
class InspectedDocument:
    file_format: str  # "pdf", "docx" or "odt" (papers.models.FileFormat)
    size: int
    sha256: str


def max_upload_bytes() -> int:
    return getattr(settings, "PAPERS_MAX_UPLOAD_BYTES", DEFAULT_MAX_UPLOAD_BYTES)


def inspect_document(uploaded) -> InspectedDocument:
    """Check an uploaded file (a Django File) and say what it is, or refuse it."""
    limit = max_upload_bytes()
    size = uploaded.size
    if not size:
        raise ValidationError(_("The file is empty."), code="empty")
    if size > limit:
        raise ValidationError(
            _("The file is %(size)s; the largest file accepted is %(limit)s."),
            code="too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    # Read into memory once: at most the limit (20 MB by default).
    uploaded.seek(0)
    data = uploaded.read(limit + 1)
    uploaded.seek(0)
    if len(data) != size or not data:
        raise ValidationError(_("The file could not be read completely. Please upload it again."), code="unreadable")

    if data.startswith(b"%PDF-"):
        file_format = "pdf"
        check_pdf(data)
    elif data.startswith(b"PK\x03\x04"):
        file_format = check_zip_document(data)
    else:
        raise ValidationError(NOT_A_DOCUMENT, code="unrecognised")
    return InspectedDocument(file_format=file_format, size=size, sha256=hashlib.sha256(data).hexdigest())
