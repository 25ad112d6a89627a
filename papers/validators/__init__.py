"""Recognise an uploaded paper by its content and structure, never by its name or the
browser's claim. Accepted: PDF, DOCX (without macros) and ODT text documents.

`inspect_document(file)` reads the file once (size, SHA-256, format) and raises a
ValidationError with a message a person can act on; it never writes anything.
"""

import hashlib
import io
import logging
import zipfile
import zlib
from dataclasses import dataclass
from xml.etree import ElementTree

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

DEFAULT_MAX_UPLOAD_BYTES = 20 * 1024 * 1024

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
# An OOXML package with macros or ActiveX controls: the parts, and the words in content types.
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin")
MACRO_FOLDERS = ("word/activex/",)
MACRO_CONTENT_TYPE_WORDS = (b"macroenabled", b"vbaproject", b"activex")
# OpenDocument macros live in these folders.
ODT_MACRO_FOLDERS = ("basic/", "scripts/")
# PDF actions that run something when the document is opened or clicked.
PDF_ACTIVE_KEYS = (b"/JavaScript", b"/JS", b"/Launch", b"/EmbeddedFile", b"/RichMedia")

MAX_ZIP_ENTRIES = 5000
MAX_XML_PART_BYTES = 50 * 1024 * 1024  # declared (uncompressed) size of a part we read

NOT_A_DOCUMENT = _(
    "This file is not a PDF, Word (.docx) or OpenDocument text (.odt) document. Only these formats are "
    "accepted, whatever the file name says."
)


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
        _check_pdf(data)
    elif data.startswith(b"PK\x03\x04"):
        file_format = _check_zip_document(data)
    else:
        raise ValidationError(NOT_A_DOCUMENT, code="unrecognised")
    return InspectedDocument(file_format=file_format, size=size, sha256=hashlib.sha256(data).hexdigest())


def _check_pdf(data: bytes) -> None:
    from pypdf import PdfReader
    from pypdf.generic import DictionaryObject

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            raise ValidationError(
                _("This PDF is protected by a password. Remove the protection and upload it again."),
                code="pdf_encrypted",
            )
        page_count = len(reader.pages)
        root = reader.trailer["/Root"].get_object()
        active = isinstance(root, DictionaryObject) and (
            "/AA" in root or ("/OpenAction" in root and _is_active_action(root["/OpenAction"].get_object()))
        )
        names = root.get("/Names")
        names = names.get_object() if names is not None else None
        if isinstance(names, DictionaryObject) and ("/JavaScript" in names or "/EmbeddedFiles" in names):
            active = True
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on broken files: all mean "not a PDF"
        logger.info("Refused an upload that starts like a PDF but does not parse: %s", exc)
        raise ValidationError(
            _("This file starts like a PDF but cannot be read as one. Export it again as PDF and upload it."),
            code="pdf_broken",
        ) from exc
    if page_count < 1:
        raise ValidationError(_("This PDF has no pages."), code="pdf_empty")
    # Uncompressed objects can still name active content outside the catalogue (a link's action).
    if active or any(key + suffix in data for key in PDF_ACTIVE_KEYS for suffix in (b" ", b"/", b"(", b"<", b"\n")):
        raise ValidationError(
            _(
                "This PDF contains scripts, launch actions or embedded files, which are not accepted. "
                "Export or print it again as a plain PDF."
            ),
            code="pdf_active_content",
        )


def _is_active_action(action) -> bool:
    from pypdf.generic import DictionaryObject

    return isinstance(action, DictionaryObject) and action.get("/S") in ("/JavaScript", "/Launch")


def _check_zip_document(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_zip") from exc
    if not entries or len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_zip")
    names = {entry.filename for entry in entries}
    with archive:
        if entries[0].filename == "mimetype":
            _check_odt(archive, entries, names)
            return "odt"
        if "[Content_Types].xml" in names:
            _check_docx(archive, names)
            return "docx"
    raise ValidationError(NOT_A_DOCUMENT, code="unrecognised_zip")


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_XML_PART_BYTES:
        raise ValidationError(_("This document is too large once unpacked."), code="zip_too_large")
    try:
        return archive.read(info)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error) as exc:
        # RuntimeError: an encrypted entry; zlib.error: a corrupt compressed stream.
        raise ValidationError(
            _("This document is damaged: a part of it cannot be read. Save it again and upload it."),
            code="zip_damaged",
        ) from exc


def _parse_xml(content: bytes):
    # Office documents never declare a DTD; refusing one rules out entity expansion attacks.
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise ElementTree.ParseError("DTD not allowed")
    return ElementTree.fromstring(content)


def _check_docx(archive: zipfile.ZipFile, names: set[str]) -> None:
    lowered = {name.lower() for name in names}
    has_macro_part = any(name.rsplit("/", 1)[-1] in MACRO_PARTS for name in lowered) or any(
        name.startswith(MACRO_FOLDERS) for name in lowered
    )
    content_types = _read_part(archive, "[Content_Types].xml")
    if has_macro_part or any(word in content_types.lower() for word in MACRO_CONTENT_TYPE_WORDS):
        raise ValidationError(
            _(
                "This Word document contains macros or ActiveX controls, which are not accepted. Save it as a "
                "plain Word document (.docx, without macros) and upload it again."
            ),
            code="docx_macros",
        )
    if "word/document.xml" not in names:
        raise ValidationError(
            _("This file is an Office package but not a Word document (it has no document body)."),
            code="docx_no_body",
        )
    try:
        overrides = {
            element.get("PartName"): element.get("ContentType")
            for element in _parse_xml(content_types).iter(f"{CONTENT_TYPES_NS}Override")
        }
        _parse_xml(_read_part(archive, "word/document.xml"))
    except ElementTree.ParseError as exc:
        raise ValidationError(
            _("This Word document is damaged: its structure cannot be read. Save it again and upload it."),
            code="docx_damaged",
        ) from exc
    if overrides.get("/word/document.xml") != DOCX_MAIN_CONTENT_TYPE:
        raise ValidationError(
            _("This Office file is not a Word document (.docx); templates and other kinds are not accepted."),
            code="docx_wrong_type",
        )


def _check_odt(archive: zipfile.ZipFile, entries: list, names: set[str]) -> None:
    mimetype = _read_part(archive, "mimetype")
    if mimetype.strip() != ODT_MIMETYPE:
        raise ValidationError(
            _("This OpenDocument file is not a text document (.odt): spreadsheets and presentations are not accepted."),
            code="odt_wrong_type",
        )
    if any(name.lower().startswith(ODT_MACRO_FOLDERS) for name in names):
        raise ValidationError(
            _("This document contains macros, which are not accepted. Save it without macros and upload it again."),
            code="odt_macros",
        )
    if "content.xml" not in names:
        raise ValidationError(_("This OpenDocument file has no content."), code="odt_no_content")
    try:
        _parse_xml(_read_part(archive, "content.xml"))
    except ElementTree.ParseError as exc:
        raise ValidationError(
            _("This OpenDocument file is damaged: its content cannot be read. Save it again and upload it."),
            code="odt_damaged",
        ) from exc
