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
        (
            "script.pdf",
            files.pdf_bytes(extra=b" /OpenAction << /S /JavaScript /JS (app.alert(1)) >>"),
            "pdf_active_content",
        ),
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
