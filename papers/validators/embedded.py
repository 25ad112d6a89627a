"""Packages inside the document: a chart's workbook, an embedded document (see
papers.validators.office for what is refused and why)."""

import io
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from papers.validators.archive import (
    MAX_UNPACKED_BYTES,
    MAX_ZIP_ENTRIES,
    ZIP_READ_ERRORS,
    check_entries,
    damaged,
    parse_xml,
    read_part,
    too_large,
)
from papers.validators.docx import MACRO_CONTENT_TYPE_WORDS, MACRO_PARTS, docx_part, docx_relationships
from papers.validators.odt import ODT_MACRO_FOLDERS

# A chart's workbook inside the document is one level; a package inside that package, two.
MAX_NESTED_PACKAGES = 3
ZIP_MAGIC = b"PK\x03\x04"


@dataclass
class Budget:
    """What reading the packages inside a document may unpack, all of them together: each is
    within the limits on its own, but a hundred of them in one upload must not cost a hundred
    times as much."""

    remaining: int = MAX_UNPACKED_BYTES

    def spend(self, size: int) -> None:
        self.remaining -= size
        if self.remaining < 0:
            raise too_large()


def embedded_parts(archive: zipfile.ZipFile, depth: int = 1, budget: Budget | None = None) -> set[str]:
    """Parts judged by their first bytes, whatever their name: an OLE2 compound file (an
    embedded Office 97 object, an OLE package...) is refused; a ZIP package (a chart's workbook,
    an embedded document) is opened and checked in turn (_embedded_package)."""
    from olefile import MAGIC

    budget = budget or Budget()
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
            raise damaged(exc) from exc
        if head == MAGIC:
            found.add("ole_object")
        elif head.startswith(ZIP_MAGIC):
            if depth > MAX_NESTED_PACKAGES:
                raise ValidationError(
                    _("This document holds packages inside packages too deeply to be checked."),
                    code="zip_too_deep",
                )
            budget.spend(info.file_size)
            found |= _embedded_package(read_part(archive, info.filename), depth, budget)
    return found


def _embedded_package(data: bytes, depth: int, budget: Budget) -> set[str]:
    """What an embedded OOXML or ODF package would bring when the reader opens the object:
    macros, ActiveX, OLE objects, external relationships, DDE or OLE links (a workbook's
    externalLink part), active fields; and the packages inside it."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
        entries = package.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise damaged(exc) from exc
    if len(entries) > MAX_ZIP_ENTRIES:
        raise too_large()
    check_entries(entries, len(data))
    names = {entry.filename for entry in entries}
    read = sorted(name for name in names if name.lower().endswith((".xml", ".rels")))
    budget.spend(sum(package.getinfo(name).file_size for name in read))
    found = set()
    with package:
        if _has_macros(package, names):
            found.add("embedded_macros")
        if any("activex" in name.lower().split("/")[:-1] for name in names):  # word/activeX/, xl/activeX/
            found.add("activex")
        try:
            for name in read:
                root = parse_xml(read_part(package, name))
                if name.endswith(".rels"):
                    found |= docx_relationships(root)
                elif name != "[Content_Types].xml":
                    found |= docx_part(root) | _workbook_links(root)
        except ElementTree.ParseError as exc:
            raise damaged(exc) from exc
        found |= embedded_parts(package, depth + 1, budget)
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
        content_types = read_part(package, "[Content_Types].xml").lower()
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
