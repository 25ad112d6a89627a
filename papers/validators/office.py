"""DOCX and ODT: ZIP packages whose parts we read and parse ourselves.

What we refuse, and why. The threat in a word-processing document is not its text but what
opening it makes the reader's office suite do:
- macros (VBA, Basic, scripts) and ActiveX controls: programs;
- embedded OLE objects: programs or exploit carriers inside the document (an OLE2 compound
  file in any part, an oleObject relationship or element, draw:object-ole);
- DDE fields and links: ask the reader's computer to run a command;
- relationships, fields and links that LOAD content from outside when the document opens or
  its fields are updated: an attached template (remote template injection: the template brings
  the macros), a frame, a sub-document, a linked picture or object, an included section, the
  INCLUDEPICTURE, INCLUDETEXT, LINK and DATABASE fields (also in fldSimple and split over runs);
- altChunk: a part of RTF, HTML or MHT that Word converts and renders when it opens the
  document, a known way of carrying content past scanners that read only WordprocessingML;
- an embedded package (ZIP) that holds macros, ActiveX, OLE objects or external links:
  opened in Excel or Word when the reader edits the object.
What we keep: a hyperlink relationship (TargetMode="External", Type .../hyperlink) or a text:a
link is followed only when the reader clicks it, and a background paper cites its sources by
their addresses; refusing those would refuse nearly every real paper. Charts and formulas are
ODF sub-documents (XML), checked like the rest of the package. A Word chart keeps its data in
an embedded .xlsx workbook: allowed on purpose (charts are common in papers, and a workbook
without macros is data), but the workbook is opened and checked like the document itself, so
one saved with macros (a vbaProject.bin inside) or with links out is refused.
The ZIP container itself is judged before anything is unpacked (papers.validators.archive).

oletools' olevba and msodde are built for this, but they read the same parts and import
pyparsing in a way that warns on import; we parse the XML ourselves with the standard library
(no DTD: no entity expansion) and take the OLE signature from olefile, which oletools uses.
"""

import io
import posixpath
import zipfile
import zlib
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from papers.validators import archive as zip_checks
from papers.validators.common import NOT_A_DOCUMENT, refuse_active_content

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
DOCX_MAIN_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTENT_TYPES_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
RELATIONSHIPS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
# Transitional and Strict OOXML name the WordprocessingML namespace differently.
W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
VML_OFFICE_NS = "urn:schemas-microsoft-com:office:office"

# An OOXML package with macros: the parts, and the words in content types.
MACRO_PARTS = ("vbaproject.bin", "vbadata.xml", "vbaprojectsignature.bin")
MACRO_CONTENT_TYPE_WORDS = (b"macroenabled", b"vbaproject")
ACTIVEX_FOLDERS = ("word/activex/",)
# Relationships that load their target from outside the package when the document opens. The
# type is the last segment of the relationship's Type URI. "hyperlink" is not here, on purpose.
EXTERNAL_RELATIONSHIPS = {
    "attachedTemplate": "external_template",
    "subDocument": "external_document",
    "frame": "external_frame",
    "image": "external_image",
    "oleObject": "linked_object",
    "aFChunk": "alt_chunk",
}
INTERNAL_RELATIONSHIPS = {
    "oleObject": "ole_object",
    "control": "activex",
    "activeXControlBinary": "activex",
    "aFChunk": "alt_chunk",
}
# Fields whose instruction runs a command or loads a file or address when the field is updated
# (Word updates some on opening, and every one on printing or F9). IMPORT and INCLUDE are the
# older names of INCLUDEPICTURE and INCLUDETEXT, which Word still honours. HYPERLINK is not here:
# it is a link, followed only on a click.
FIELD_REASONS = {
    "DDE": "dde",
    "DDEAUTO": "dde",
    "INCLUDEPICTURE": "include_picture",
    "IMPORT": "include_picture",
    "INCLUDETEXT": "include_text",
    "INCLUDE": "include_text",
    "LINK": "link_field",
    "DATABASE": "external_content",
}

# OpenDocument macros live in these folders (of the document or of a sub-document).
ODT_MACRO_FOLDERS = {"basic", "scripts"}
ODF = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "script": "urn:oasis:names:tc:opendocument:xmlns:script:1.0",
    "presentation": "urn:oasis:names:tc:opendocument:xmlns:presentation:1.0",
    "form": "urn:oasis:names:tc:opendocument:xmlns:form:1.0",
    "xforms": "http://www.w3.org/2002/xforms",
}
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"


def _odf(tag: str) -> str:
    prefix, name = tag.split(":")
    return f"{{{ODF[prefix]}}}{name}"


# Elements that are active content wherever they are (an external href is not needed).
ODT_ELEMENTS = {
    _odf("draw:object-ole"): "ole_object",
    _odf("draw:applet"): "applet",
    _odf("draw:plugin"): "applet",
    _odf("draw:floating-frame"): "external_frame",
    _odf("meta:template"): "external_template",
    _odf("text:section-source"): "external_document",
    _odf("office:event-listeners"): "macro_link",
    _odf("script:event-listener"): "macro_link",
    _odf("presentation:event-listener"): "macro_link",
    _odf("office:dde-source"): "dde",
    _odf("text:dde-connection-decl"): "dde",
    _odf("text:dde-connection"): "dde",
    _odf("table:dde-link"): "dde",
}
# Elements that load their href when the document opens: refused when the href leaves the package.
ODT_LINKED_ELEMENTS = {
    _odf("draw:image"): "external_image",
    _odf("draw:object"): "linked_object",
    _odf("form:form"): "form_submission",  # its href is where the form's data is sent
}
# Links followed only on a click (see the module's docstring). Any other element whose
# xlink:href leaves the package loads it (a background image, a font, a sound, a file of index
# entries...): refused as external content. An allow-list, so that an element we did not think
# of is refused rather than let through.
ODT_CLICKED_LINKS = {_odf("text:a"), _odf("draw:a")}
# XForms: a submission sends the form's data to its action; an instance loads data from its src.
XFORMS_SOURCES = {
    _odf("xforms:submission"): ("action", "form_submission"),
    _odf("xforms:instance"): ("src", "external_content"),
}
MACRO_URL_SCHEMES = ("vnd.sun.star.script:", "macro:")

MAX_ZIP_ENTRIES = 5000
MAX_XML_PART_BYTES = 50 * 1024 * 1024  # declared (uncompressed) size of a part we read
MAX_UNPACKED_BYTES = zip_checks.MAX_UNPACKED_BYTES  # all the parts we read, together
# A chart's workbook inside the document is one level; a package inside that package, two.
MAX_NESTED_PACKAGES = 3
ZIP_MAGIC = b"PK\x03\x04"


def check_zip_document(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_zip") from exc
    if not entries or len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_zip")
    zip_checks.check_entries(entries, len(data))
    if sum(entry.file_size for entry in entries if _is_read(entry.filename)) > MAX_UNPACKED_BYTES:
        raise _too_large()
    names = {entry.filename for entry in entries}
    with archive:
        if entries[0].filename == "mimetype":
            _check_odt(archive, names)
            return "odt"
        if "[Content_Types].xml" in names:
            _check_docx(archive, names)
            return "docx"
    raise ValidationError(NOT_A_DOCUMENT, code="unrecognised_zip")


def _is_read(name: str) -> bool:
    """The parts we read whole: XML and relationships (the rest only by its first bytes)."""
    return name.lower().endswith((".xml", ".rels")) or name == "mimetype"


def _too_large() -> ValidationError:
    return ValidationError(_("This document is too large once unpacked."), code="zip_too_large")


def _damaged(exc: Exception) -> ValidationError:
    return ValidationError(
        _("This document is damaged: a part of it cannot be read. Save it again and upload it."),
        code="zip_damaged",
    )


ZIP_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error)


def _read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_XML_PART_BYTES:
        raise _too_large()
    try:
        return archive.read(info)
    except ZIP_READ_ERRORS as exc:  # RuntimeError: an encrypted entry; zlib.error: a corrupt stream
        raise _damaged(exc) from exc


def _embedded_parts(archive: zipfile.ZipFile, depth: int = 1) -> set[str]:
    """Parts judged by their first bytes, whatever their name: an OLE2 compound file (an
    embedded Office 97 object, an OLE package...) is refused; a ZIP package (a chart's workbook,
    an embedded document) is opened and checked in turn (_embedded_package)."""
    from olefile import MAGIC

    found = set()
    for info in archive.infolist():
        if info.is_dir() or info.file_size < len(ZIP_MAGIC):
            continue
        if depth > 1 and info.filename.lower().rsplit("/", 1)[-1] in MACRO_PARTS:
            continue  # a VBA project is an OLE file too, but an embedded package reports it as macros
        try:
            with archive.open(info) as part:
                head = part.read(len(MAGIC))
        except ZIP_READ_ERRORS as exc:
            raise _damaged(exc) from exc
        if head == MAGIC:
            found.add("ole_object")
        elif head.startswith(ZIP_MAGIC):
            if depth > MAX_NESTED_PACKAGES:
                raise ValidationError(
                    _("This document holds packages inside packages too deeply to be checked."),
                    code="zip_too_deep",
                )
            found |= _embedded_package(_read_part(archive, info.filename), depth)
    return found


def _embedded_package(data: bytes, depth: int) -> set[str]:
    """What an embedded OOXML or ODF package would bring when the reader opens the object:
    macros, ActiveX, OLE objects, external relationships, DDE or OLE links (a workbook's
    externalLink part), active fields; and the packages inside it."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise _damaged(exc) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise _too_large()
    zip_checks.check_entries(entries, len(data))
    names = {entry.filename for entry in entries}
    read = sorted(name for name in names if name.lower().endswith((".xml", ".rels")))
    if sum(package.getinfo(name).file_size for name in read) > MAX_UNPACKED_BYTES:
        raise _too_large()
    found = set()
    with package:
        if _has_macros(package, names):
            found.add("embedded_macros")
        if any(f"/{ACTIVEX_FOLDERS[0]}" in f"/{name.lower()}" for name in names):
            found.add("activex")
        try:
            for name in read:
                root = _parse_xml(_read_part(package, name))
                if name.endswith(".rels"):
                    found |= _docx_relationships(root)
                elif name != "[Content_Types].xml":
                    found |= _docx_part(root) | _workbook_links(root)
        except ElementTree.ParseError as exc:
            raise _damaged(exc) from exc
        found |= _embedded_parts(package, depth + 1)
    return found


def _has_macros(package: zipfile.ZipFile, names: set[str]) -> bool:
    """VBA in an OOXML package (the parts, or a content type saying so), Basic or scripts in an
    OpenDocument one."""
    lowered = {name.lower() for name in names}
    if any(name.rsplit("/", 1)[-1] in MACRO_PARTS for name in lowered):
        return True
    if any(ODT_MACRO_FOLDERS & set(name.split("/")[:-1]) for name in lowered):
        return True
    if "[Content_Types].xml" in names:
        content_types = _read_part(package, "[Content_Types].xml").lower()
        return any(word in content_types for word in MACRO_CONTENT_TYPE_WORDS)
    return False


def _workbook_links(root) -> set[str]:
    """A workbook's external link part may be a DDE link (runs a command) or an OLE link."""
    found = set()
    for element in root.iter():
        name = element.tag.rsplit("}", 1)[-1]
        if name == "ddeLink":
            found.add("dde")
        elif name == "oleLink":
            found.add("linked_object")
    return found


def _parse_xml(content: bytes):
    # LibreOffice writes an empty Configurations2/accelerator/current.xml: nothing in it to judge.
    if not content.strip():
        return ElementTree.Element("empty")
    # Office documents never declare a DTD; refusing one rules out entity expansion attacks.
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise ElementTree.ParseError("DTD not allowed")
    return ElementTree.fromstring(content)


def _leaves_package(href: str | None) -> bool:
    """A link to outside the package: a URL or a path out of it (C:\\..., /etc/..., ../x, and
    Pictures/../../x or %2e%2e/x, which an office suite resolves to the same place)."""
    if not href:
        return False
    href = href.strip()
    if urlsplit(href).scheme:
        return True
    path = posixpath.normpath(unquote(href).replace("\\", "/"))
    return path.startswith(("/", "../")) or path == ".."


# DOCX


def _check_docx(archive: zipfile.ZipFile, names: set[str]) -> None:
    lowered = {name.lower() for name in names}
    content_types = _read_part(archive, "[Content_Types].xml")
    if any(name.rsplit("/", 1)[-1] in MACRO_PARTS for name in lowered) or any(
        word in content_types.lower() for word in MACRO_CONTENT_TYPE_WORDS
    ):
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
    reasons: set[str] = set()
    try:
        types = _parse_xml(content_types)
        overrides = {
            element.get("PartName"): element.get("ContentType") for element in types.iter(f"{CONTENT_TYPES_NS}Override")
        }
        xml_parts = _docx_xml_parts(names, types)
        if sum(archive.getinfo(name).file_size for name in xml_parts) > MAX_UNPACKED_BYTES:
            raise _too_large()
        for name in xml_parts:
            if name.lower().endswith(".rels"):
                reasons |= _docx_relationships(_parse_xml(_read_part(archive, name)))
            else:
                reasons |= _docx_part(_parse_xml(_read_part(archive, name)))
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
    if any(name.startswith(ACTIVEX_FOLDERS) for name in lowered) or b"activex" in content_types.lower():
        reasons.add("activex")
    reasons |= _embedded_parts(archive)
    refuse_active_content("docx", reasons)


def _docx_xml_parts(names: set[str], content_types) -> list[str]:
    """Every part Word reads as XML: by its name, or by the content type the package gives it
    (Word trusts [Content_Types].xml, so a header may be called header1.bin). Part names are
    compared without case, as OPC does."""
    xml_extensions = {
        (element.get("Extension") or "").lower()
        for element in content_types.iter(f"{CONTENT_TYPES_NS}Default")
        if "xml" in (element.get("ContentType") or "").lower()
    }
    xml_overrides = {
        (element.get("PartName") or "").lstrip("/").lower()
        for element in content_types.iter(f"{CONTENT_TYPES_NS}Override")
        if "xml" in (element.get("ContentType") or "").lower()
    }
    return sorted(
        name
        for name in names
        if name != "[Content_Types].xml"
        and not name.endswith("/")
        and (
            name.lower().endswith((".xml", ".rels"))
            or name.lower() in xml_overrides
            or name.rsplit("/", 1)[-1].rsplit(".", 1)[-1].lower() in xml_extensions
        )
    )


def _docx_relationships(root) -> set[str]:
    found = set()
    for relationship in root.iter(f"{RELATIONSHIPS_NS}Relationship"):
        kind = (relationship.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        if (relationship.get("TargetMode") or "").lower() == "external":
            if kind != "hyperlink":  # followed only on a click: allowed (see the module's docstring)
                found.add(EXTERNAL_RELATIONSHIPS.get(kind, "external_content"))
        elif kind in INTERNAL_RELATIONSHIPS:
            found.add(INTERNAL_RELATIONSHIPS[kind])
    return found


def _w(element, name: str) -> bool:
    return element.tag in (f"{{{ns}}}{name}" for ns in W_NAMESPACES)


def _w_attribute(element, name: str) -> str:
    for ns in W_NAMESPACES:
        value = element.get(f"{{{ns}}}{name}")
        if value is not None:
            return value
    return ""


def _docx_part(root) -> set[str]:
    """ActiveX controls, OLE objects, altChunks and active fields (FIELD_REASONS) in a part of
    the document's XML.

    A field's instruction may be split over several runs (Word does it, and so does anyone
    hiding "DDEAUTO" or "INCLUDEPICTURE" from a naive search): the pieces between a field's
    begin and its separate or end marks are joined before the instruction is read."""
    found = set()
    open_fields: list[list[str]] = []
    for element in root.iter():
        if _w(element, "control"):
            found.add("activex")
        elif _w(element, "altChunk"):
            found.add("alt_chunk")
        elif element.tag == f"{{{VML_OFFICE_NS}}}OLEObject":
            found.add("linked_object" if element.get("Type") == "Link" else "ole_object")
        elif _w(element, "fldSimple"):
            found |= _field_reasons(_w_attribute(element, "instr"))
        elif _w(element, "fldChar"):
            mark = _w_attribute(element, "fldCharType")
            if mark == "begin":
                open_fields.append([])
            elif mark in ("separate", "end") and open_fields:
                found |= _field_reasons("".join(open_fields[-1]))
                open_fields[-1] = []  # read once; the result that follows is not instruction text
                if mark == "end":
                    open_fields.pop()
        elif _w(element, "instrText"):
            if open_fields:
                open_fields[-1].append(element.text or "")
            else:
                found |= _field_reasons(element.text or "")
    for pieces in open_fields:  # a field never closed
        found |= _field_reasons("".join(pieces))
    return found


def _field_reasons(instruction: str) -> set[str]:
    """The field's name is the instruction's first word, in any case ("includePicture")."""
    words = instruction.strip().lstrip("\"'").split(maxsplit=1)
    reason = FIELD_REASONS.get(words[0].upper()) if words else None
    return {reason} if reason else set()


# ODT


def _check_odt(archive: zipfile.ZipFile, names: set[str]) -> None:
    mimetype = _read_part(archive, "mimetype")
    if mimetype.strip() != ODT_MIMETYPE:
        raise ValidationError(
            _("This OpenDocument file is not a text document (.odt): spreadsheets and presentations are not accepted."),
            code="odt_wrong_type",
        )
    if any(ODT_MACRO_FOLDERS & {segment.lower() for segment in name.split("/")[:-1]} for name in names):
        raise ValidationError(
            _("This document contains macros, which are not accepted. Save it without macros and upload it again."),
            code="odt_macros",
        )
    if "content.xml" not in names:
        raise ValidationError(_("This OpenDocument file has no content."), code="odt_no_content")
    reasons: set[str] = set()
    try:
        for name in sorted(names):
            if name.endswith(".xml"):
                reasons |= _odt_part(_parse_xml(_read_part(archive, name)))
    except ElementTree.ParseError as exc:
        raise ValidationError(
            _("This OpenDocument file is damaged: its content cannot be read. Save it again and upload it."),
            code="odt_damaged",
        ) from exc
    reasons |= _embedded_parts(archive)
    refuse_active_content("odt", reasons)


def _odt_part(root) -> set[str]:
    found = set()
    for element in root.iter():
        if element.tag in ODT_ELEMENTS:
            found.add(ODT_ELEMENTS[element.tag])
        elif element.tag in ODT_LINKED_ELEMENTS:
            if _leaves_package(element.get(XLINK_HREF)):
                found.add(ODT_LINKED_ELEMENTS[element.tag])
        elif element.tag in XFORMS_SOURCES:
            attribute, reason = XFORMS_SOURCES[element.tag]
            if _leaves_package(element.get(attribute)):
                found.add(reason)
        elif element.tag not in ODT_CLICKED_LINKS and _leaves_package(element.get(XLINK_HREF)):
            found.add("external_content")
        # A link or a button may start a macro instead of opening an address.
        if any(str(value).strip().lower().startswith(MACRO_URL_SCHEMES) for value in element.attrib.values()):
            found.add("macro_link")
    return found
