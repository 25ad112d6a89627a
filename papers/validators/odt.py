"""ODT: the OpenDocument package's XML parts (content, styles, meta, settings, sub-documents)
(see papers.validators.office for what is refused and why)."""

import posixpath
import zipfile
from urllib.parse import unquote, urlsplit
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from papers.validators.archive import parse_xml, read_part

ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
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
# Links followed only on a click (see papers.validators.office). Any other element whose
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


def _leaves_package(href: str | None, folder: str = "") -> bool:
    """A link to outside the package: a URL or a path out of it (C:\\..., /etc/..., ../x, and
    Pictures/../../x or %2e%2e/x, which an office suite resolves to the same place).

    A relative path is read from the folder of the part that holds it: a chart's sub-document
    ("Object 1/content.xml") names its container ".." (chart:chart xlink:href=".."), which is
    the package itself, while ".." in the top-level content.xml is the folder the file sits in."""
    if not href:
        return False
    href = href.strip()
    if urlsplit(href).scheme:
        return True
    path = unquote(href).replace("\\", "/")
    if path.startswith("/"):
        return True
    path = posixpath.normpath(posixpath.join(folder, path))
    return path == ".." or path.startswith("../")


def check_odt(archive: zipfile.ZipFile, names: set[str]) -> set[str]:
    """Refuse what is not a plain OpenDocument text; return the active content found in it."""
    mimetype = read_part(archive, "mimetype")
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
                reasons |= _odt_part(parse_xml(read_part(archive, name)), posixpath.dirname(name))
    except ElementTree.ParseError as exc:
        raise ValidationError(
            _("This OpenDocument file is damaged: its content cannot be read. Save it again and upload it."),
            code="odt_damaged",
        ) from exc
    return reasons


def _odt_part(root, folder: str) -> set[str]:
    found = set()
    for element in root.iter():
        if element.tag in ODT_ELEMENTS:
            found.add(ODT_ELEMENTS[element.tag])
        elif element.tag in ODT_LINKED_ELEMENTS:
            if _leaves_package(element.get(XLINK_HREF), folder):
                found.add(ODT_LINKED_ELEMENTS[element.tag])
        elif element.tag in XFORMS_SOURCES:
            attribute, reason = XFORMS_SOURCES[element.tag]
            if _leaves_package(element.get(attribute), folder):
                found.add(reason)
        elif element.tag not in ODT_CLICKED_LINKS and _leaves_package(element.get(XLINK_HREF), folder):
            found.add("external_content")
        # A link or a button may start a macro instead of opening an address.
        if any(str(value).strip().lower().startswith(MACRO_URL_SCHEMES) for value in element.attrib.values()):
            found.add("macro_link")
    return found
