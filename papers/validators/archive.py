"""The ZIP container of a DOCX or ODT (and of any package embedded in one), judged from its
directory alone, before a single part is decompressed.

- A part's name that leaves the package (../x, /etc/x, C:\\x) is never written by an office suite;
  it is there to make whoever extracts the file write outside the folder (path traversal). We
  never extract uploads, but a reader who downloads the paper and unzips it would.
- Two entries with the same name are read differently by different programs (one reads the
  first, Python's zipfile the last): what we check would not be what Word opens.
- A ZIP bomb is small on the wire and huge unpacked. zipfile never unpacks more than an entry's
  declared size, so the declared sizes are what unpacking could cost; we refuse a package whose
  parts together declare more than MAX_UNPACKED_BYTES at more than MAX_COMPRESSION_RATIO times
  the package's own size. Real papers are far below both: pictures are already compressed, and
  text compresses about 5 to 20 times.
Then the parts are read one at a time, each within MAX_XML_PART_BYTES, and parsed without a DTD.
"""

import re
import zipfile
import zlib
from xml.etree import ElementTree

from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

MAX_ZIP_ENTRIES = 5000
MAX_XML_PART_BYTES = 50 * 1024 * 1024  # declared (uncompressed) size of a part we read
MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # all the entries, or all the parts we read, together
MAX_COMPRESSION_RATIO = 100
SHOWN_NAME_LENGTH = 80
WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")


def check_entries(entries: list[zipfile.ZipInfo], packed_size: int) -> None:
    seen = set()
    for entry in entries:
        name = entry.filename
        if leaves_package(name):
            raise ValidationError(
                _("This document contains a part whose name points outside it (%(name)s). It is not accepted."),
                code="zip_unsafe_name",
                params={"name": name[:SHOWN_NAME_LENGTH]},
            )
        if name in seen:
            raise ValidationError(
                _("This document contains two parts with the same name (%(name)s). It is not accepted."),
                code="zip_duplicate_name",
                params={"name": name[:SHOWN_NAME_LENGTH]},
            )
        seen.add(name)
    unpacked = sum(entry.file_size for entry in entries)
    if unpacked > MAX_UNPACKED_BYTES and unpacked > MAX_COMPRESSION_RATIO * max(packed_size, 1):
        raise ValidationError(
            _(
                "This document would unpack to %(size)s, more than a hundred times its own size: it looks like a "
                "ZIP bomb and is not accepted."
            ),
            code="zip_bomb",
            params={"size": filesizeformat(unpacked)},
        )


def leaves_package(name: str) -> bool:
    """An entry's name that, extracted, would land outside the folder it is extracted to."""
    path = name.replace("\\", "/")
    return path.startswith("/") or bool(WINDOWS_DRIVE.match(path)) or ".." in path.split("/")


def is_read(name: str) -> bool:
    """The parts we read whole: XML and relationships (the rest only by its first bytes)."""
    return name.lower().endswith((".xml", ".rels")) or name == "mimetype"


def too_large() -> ValidationError:
    return ValidationError(_("This document is too large once unpacked."), code="zip_too_large")


def damaged(exc: Exception) -> ValidationError:
    return ValidationError(
        _("This document is damaged: a part of it cannot be read. Save it again and upload it."),
        code="zip_damaged",
    )


ZIP_READ_ERRORS = (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError, zlib.error)


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    info = archive.getinfo(name)
    if info.file_size > MAX_XML_PART_BYTES:
        raise too_large()
    try:
        return archive.read(info)
    except ZIP_READ_ERRORS as exc:  # RuntimeError: an encrypted entry; zlib.error: a corrupt stream
        raise damaged(exc) from exc


def parse_xml(content: bytes):
    # LibreOffice writes an empty Configurations2/accelerator/current.xml: nothing in it to judge.
    if not content.strip():
        return ElementTree.Element("empty")
    # Office documents never declare a DTD; refusing one rules out entity expansion attacks.
    if b"<!DOCTYPE" in content or b"<!ENTITY" in content:
        raise ElementTree.ParseError("DTD not allowed")
    return ElementTree.fromstring(content)
