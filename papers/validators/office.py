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
ODT: the same, and any element other than a click-followed link (text:a, draw:a) whose
xlink:href leaves the package (a background image, a font...), and forms that send their data.
The ZIP container itself is judged before anything is unpacked. Modules: archive (the container
and reading its parts), docx, odt, embedded (the packages inside the document).

oletools' olevba and msodde are built for this, but they read the same parts and import
pyparsing in a way that warns on import; we parse the XML ourselves with the standard library
(no DTD: no entity expansion) and take the OLE signature from olefile, which oletools uses.
"""

import io
import zipfile

from django.core.exceptions import ValidationError

from papers.validators.archive import MAX_UNPACKED_BYTES, MAX_ZIP_ENTRIES, check_entries, is_read, too_large
from papers.validators.common import NOT_A_DOCUMENT, refuse_active_content
from papers.validators.docx import check_docx
from papers.validators.embedded import embedded_parts
from papers.validators.odt import check_odt


def check_zip_document(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError) as exc:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_zip") from exc
    if not entries or len(entries) > MAX_ZIP_ENTRIES:
        raise ValidationError(NOT_A_DOCUMENT, code="bad_zip")
    check_entries(entries, len(data))
    if sum(entry.file_size for entry in entries if is_read(entry.filename)) > MAX_UNPACKED_BYTES:
        raise too_large()
    names = {entry.filename for entry in entries}
    with archive:
        if entries[0].filename == "mimetype":
            file_format, reasons = "odt", check_odt(archive, names)
        elif "[Content_Types].xml" in names:
            file_format, reasons = "docx", check_docx(archive, names)
        else:
            raise ValidationError(NOT_A_DOCUMENT, code="unrecognised_zip")
        reasons |= embedded_parts(archive)
    refuse_active_content(file_format, reasons)
    return file_format
