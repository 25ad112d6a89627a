"""Real documents, built in the tests: a valid PDF, DOCX and ODT, and the hostile ones."""

import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

DOCX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
ODT_CONTENT_TYPE = "application/vnd.oasis.opendocument.text"


def pdf_bytes(
    text: str = "Background paper",
    *,
    pages: int = 1,
    extra: bytes = b"",
    page_extra: bytes = b"",
    objects: tuple[bytes, ...] = (),
) -> bytes:
    """A PDF with text on each page, written object by object with a correct xref table.

    `extra` goes inside the catalogue's dictionary, `page_extra` inside the first page's;
    `objects` are added after the others, numbered from PDF_FREE_OBJECT (with one page)."""
    body: list[bytes] = []
    page_ids = [4 + 2 * i for i in range(pages)]
    body.append(b"<< /Type /Catalog /Pages 2 0 R %s>>" % extra)
    kids = b" ".join(b"%d 0 R" % pid for pid in page_ids)
    body.append(b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, pages))
    body.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for i in range(pages):
        safe = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)").encode("latin-1", "replace")
        stream = b"BT /F1 18 Tf 72 760 Td (%s - page %d) Tj ET" % (safe, i + 1)
        body.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 3 0 R >> >> "
            b"/Contents %d 0 R %s>>" % (page_ids[i] + 1, page_extra if i == 0 else b"")
        )
        body.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    body.extend(objects)
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, content in enumerate(body, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n%s\nendobj\n" % (number, content))
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(body) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(body) + 1, xref))
    return out.getvalue()


PDF_FREE_OBJECT = 6  # the number of the first of `objects` in a one-page pdf_bytes()


def pdf_stream(data: bytes, dictionary: bytes = b"") -> bytes:
    return b"<< /Length %d %s>>\nstream\n%s\nendstream" % (len(data), dictionary, data)


def annotated_pdf_bytes(annotation: bytes, *more: bytes) -> bytes:
    """A PDF whose page has one annotation (object 6), and more objects after it (7, 8...)."""
    return pdf_bytes(page_extra=b"/Annots [6 0 R] ", objects=(annotation, *more))


def pdf_with_object_streams_bytes(open_action: dict | None = None) -> bytes:
    """Written by pikepdf (qpdf) with every object it can in compressed object streams, as
    Acrobat and many exporters do: nothing of the objects is readable in the raw bytes."""
    import pikepdf

    with pikepdf.new() as pdf:
        pdf.add_blank_page(page_size=(595, 842))
        if open_action is not None:
            pdf.Root.OpenAction = pdf.make_indirect(pikepdf.Dictionary(open_action))
        out = io.BytesIO()
        pdf.save(out, object_stream_mode=pikepdf.ObjectStreamMode.generate, compress_streams=True)
    return out.getvalue()


def _zip(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(entries):
            compress = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(zipfile.ZipInfo(name), data, compress_type=compress)
    return out.getvalue()


DOCX_RELS = (
    b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    b'officeDocument" Target="word/document.xml"/></Relationships>'
)


def _content_types(main: str, extra: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        f'<Override PartName="/word/document.xml" ContentType="{main}"/>{extra}</Types>'
    ).encode()


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
REL_TYPES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _document_xml(text: str, body: str = "") -> bytes:
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}" xmlns:r="{R_NS}" xmlns:o="urn:schemas-microsoft-com:office:office" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body><w:p><w:r><w:t>{text}</w:t></w:r></w:p>{body}</w:body></w:document>"
    ).encode()


def relationships(*relationships: tuple[str, str, str]) -> bytes:
    """A .rels part: (type's last segment, target, target mode or "")."""
    items = "".join(
        f'<Relationship Id="rId{index}" Type="{REL_TYPES}/{kind}" Target="{target}"'
        + (f' TargetMode="{mode}"' if mode else "")
        + "/>"
        for index, (kind, target, mode) in enumerate(relationships, start=10)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{items}</Relationships>'
    ).encode()


OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def docx_bytes(
    text: str = "Background paper",
    *,
    body: str = "",
    document_rels: tuple[tuple[str, str, str], ...] = (),
    parts: tuple[tuple[str, bytes], ...] = (),
    content_types: str = "",
) -> bytes:
    """A Word document; `body` is WordprocessingML added after the first paragraph,
    `document_rels` the document's relationships, `parts` more parts of the package."""
    entries = [
        ("[Content_Types].xml", _content_types(f"{DOCX_CONTENT_TYPE}.main+xml", content_types)),
        ("_rels/.rels", DOCX_RELS),
        ("word/document.xml", _document_xml(text, body)),
    ]
    if document_rels:
        entries.append(("word/_rels/document.xml.rels", relationships(*document_rels)))
    return _zip([*entries, *parts])


def docx_field(instruction_pieces: list[str]) -> str:
    """A complex field whose instruction is split over runs, as Word writes it."""
    runs = "".join(
        f'<w:r><w:instrText xml:space="preserve">{piece}</w:instrText></w:r>' for piece in instruction_pieces
    )
    return (
        f'<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r>{runs}'
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>Result</w:t></w:r>'
        '<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>'
    )


def docm_bytes(text: str = "Background paper") -> bytes:
    """A macro-enabled Word document (what Word saves as .docm), renamed .docx by the test."""
    return _zip(
        [
            (
                "[Content_Types].xml",
                _content_types(
                    "application/vnd.ms-word.document.macroEnabled.main+xml",
                    '<Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>',
                ),
            ),
            ("_rels/.rels", DOCX_RELS),
            ("word/document.xml", _document_xml(text)),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504),
        ]
    )


def docx_with_hidden_vba_bytes() -> bytes:
    """Plain content types, but a VBA project part smuggled in."""
    return _zip(
        [
            (
                "[Content_Types].xml",
                _content_types(f"{DOCX_CONTENT_TYPE}.main+xml"),
            ),
            ("_rels/.rels", DOCX_RELS),
            ("word/document.xml", _document_xml("Hello")),
            ("word/vbaProject.bin", b"\xd0\xcf\x11\xe0" + b"\x00" * 100),
        ]
    )


ODF_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" '
    'xmlns:script="urn:oasis:names:tc:opendocument:xmlns:script:1.0" '
    'xmlns:xlink="http://www.w3.org/1999/xlink"'
)


def odt_bytes(
    text: str = "Background paper",
    *,
    mimetype: bytes = ODT_CONTENT_TYPE.encode(),
    body: str = "",
    meta: str = "",
    parts: tuple[tuple[str, bytes], ...] = (),
) -> bytes:
    """An OpenDocument text; `body` is ODF XML after the first paragraph, `meta` goes in meta.xml."""
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<office:document-content {ODF_NAMESPACES} office:version="1.3">'
        f"<office:body><office:text><text:p>{text}</text:p>{body}</office:text></office:body>"
        "</office:document-content>"
    ).encode()
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.3">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype.decode()}"/>'
        '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>"
    ).encode()
    entries = [("mimetype", mimetype), ("content.xml", content), ("META-INF/manifest.xml", manifest)]
    if meta:
        entries.append(
            (
                "meta.xml",
                (
                    '<?xml version="1.0" encoding="UTF-8"?>'
                    f'<office:document-meta {ODF_NAMESPACES} office:version="1.3">'
                    f"<office:meta>{meta}</office:meta></office:document-meta>"
                ).encode(),
            )
        )
    return _zip([*entries, *parts], stored_first=True)


HTML_AS_PDF = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
SVG_AS_PDF = (
    b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)">'
    b"<script>alert(document.domain)</script></svg>"
)


def upload(name: str, data: bytes, content_type: str = "application/pdf") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def pdf_upload(name: str = "paper.pdf", text: str = "Background paper") -> SimpleUploadedFile:
    return upload(name, pdf_bytes(text))
