"""DOCX: the WordprocessingML package's relationships, every part Word reads as XML, and its
fields (see papers.validators.office for what is refused and why)."""

import zipfile
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from papers.validators.archive import MAX_UNPACKED_BYTES, parse_xml, read_part, too_large

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


def check_docx(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """Refuse what is not a plain Word document; return the active content found in it."""
    lowered = {name.lower() for name in names}
    content_types = read_part(archive, "[Content_Types].xml")
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
        types = parse_xml(content_types)
        overrides = {
            element.get("PartName"): element.get("ContentType") for element in types.iter(f"{CONTENT_TYPES_NS}Override")
        }
        xml_parts = _docx_xml_parts(names, types)
        if sum(archive.getinfo(name).file_size for name in xml_parts) > MAX_UNPACKED_BYTES:
            raise too_large()
        for name in xml_parts:
            if name.lower().endswith(".rels"):
                reasons |= docx_relationships(parse_xml(read_part(archive, name)))
            else:
                reasons |= docx_part(parse_xml(read_part(archive, name)))
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
    return reasons


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


def docx_relationships(root) -> set[str]:
    found = set()
    for relationship in root.iter(f"{RELATIONSHIPS_NS}Relationship"):
        kind = (relationship.get("Type") or "").rstrip("/").rsplit("/", 1)[-1]
        if (relationship.get("TargetMode") or "").lower() == "external":
            if kind != "hyperlink":  # followed only on a click: allowed (see papers.validators.office)
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


def docx_part(root) -> set[str]:
    """ActiveX controls, OLE objects, altChunks and active fields (FIELD_REASONS) in a part of
    the document's XML.

    A field's instruction may be split over several runs (Word does it, and so does anyone
    hiding "DDEAUTO" or "INCLUDEPICTURE" from a naive search): the pieces between a field's
    begin and its separate or end marks are joined before the instruction is read. A field
    whose name is itself computed by a nested field ({ { QUOTE 68 68 69 } ... } is a DDE field
    once Word evaluates it) cannot be read without running Word: it is refused. Fields nested in
    a field's result (a table of contents' page numbers) are ordinary."""
    found = set()
    open_fields: list[list[str]] = []  # the instruction pieces of each open field, innermost last
    in_result: list[bool] = []  # whether each open field is past its separate mark
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
                if open_fields and not in_result[-1] and not "".join(open_fields[-1]).strip().strip("\"'"):
                    found.add("computed_field")
                open_fields.append([])
                in_result.append(False)
            elif mark in ("separate", "end") and open_fields:
                found |= _field_reasons("".join(open_fields[-1]))
                open_fields[-1] = []  # read once; the result that follows is not instruction text
                in_result[-1] = True
                if mark == "end":
                    open_fields.pop()
                    in_result.pop()
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
