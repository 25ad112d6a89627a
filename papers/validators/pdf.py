"""PDF: parsed with pikepdf (qpdf), every object visited.

Active content can sit anywhere the PDF specification allows an action or an attachment: the
catalogue (OpenAction, AA, the JavaScript and EmbeddedFiles name trees, AcroForm's XFA), pages
(AA), annotations (a link's A, a widget's AA, FileAttachment, RichMedia, Screen), form fields,
outline items, and chained actions (Next). So we do not look in those places one by one: we
visit every object of the file, including those packed in compressed object streams, and every
dictionary nested in them, and judge each dictionary by its keys and its action type. qpdf
decodes names written with #xx escapes (/J#61vaScript is /JavaScript) and decompresses object
streams, so neither hides anything; a byte scan would miss both.
"""

import io
import logging

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from papers.validators.common import refuse_active_content

logger = logging.getLogger(__name__)

# A PDF of 20 MB has at most a few hundred thousand objects; far more is a decompression bomb.
MAX_PDF_OBJECTS = 2_000_000

# Action types (/S) that run code, open or fetch another file, send data or play media, and what
# they are. Not here, on purpose, because they stay inside the document or need a click to a web
# address: /GoTo (a page of this PDF: tables of contents and cross-references), /URI (a link to a
# web page, opened by the reader's browser only when clicked, which most readers confirm first; a
# background paper cites its sources by their addresses, so refusing links would refuse nearly
# every real paper), /Named (next page, print...), /Hide (shows or hides an annotation), /Trans
# (a page transition), /SetOCGState (switches a layer), /ResetForm (clears fields, sends nothing),
# /GoToDp (a part of this document). /Thread is refused only when it names another file (/F).
ACTION_REASONS = {
    "/JavaScript": "javascript",
    "/Launch": "launch",
    "/GoToR": "remote_goto",  # opens another PDF, on disk or on a server
    "/ImportData": "import_data",  # loads form data from another file
    "/SubmitForm": "submit_form",  # sends the form's fields to an address
    "/GoToE": "embedded_file",  # go to a PDF embedded in this one (or in another file)
    "/Rendition": "rich_media",
    "/Movie": "rich_media",
    "/Sound": "rich_media",
    "/RichMediaExecute": "rich_media",
}
# Annotation subtypes (/Subtype) that play media or carry files.
SUBTYPE_REASONS = {
    "/FileAttachment": "embedded_file",
    "/RichMedia": "rich_media",
    "/Screen": "rich_media",
    "/Movie": "rich_media",
    "/Sound": "rich_media",
    "/3D": "rich_media",
}
# Keys whose value says what the dictionary is: an action's type, an annotation's, an object's.
VALUE_REASONS = {"/S": ACTION_REASONS, "/Subtype": SUBTYPE_REASONS, "/Type": {"/EmbeddedFile": "embedded_file"}}
# Keys whose mere presence is active content.
KEY_REASONS = {
    "/JS": "javascript",
    "/JavaScript": "javascript",  # the document's JavaScript name tree
    "/AA": "additional_actions",
    "/EmbeddedFiles": "embedded_file",  # the document's name tree of attachments
    "/EF": "embedded_file",  # a file specification holding the file itself
    "/XFA": "xfa",
    "/RichMediaContent": "rich_media",
    "/RichMediaSettings": "rich_media",
}


def check_pdf(data: bytes) -> None:
    import pikepdf

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            if pdf.is_encrypted:
                raise _encrypted()
            page_count = len(pdf.pages)
            reasons = active_content(pdf)
    except ValidationError:
        raise
    except pikepdf.PasswordError as exc:
        raise _encrypted() from exc
    except Exception as exc:  # qpdf raises several kinds of errors on broken files: all mean "not a PDF"
        logger.info("Refused an upload that starts like a PDF but does not parse: %s", exc)
        raise ValidationError(
            _("This file starts like a PDF but cannot be read as one. Export it again as PDF and upload it."),
            code="pdf_broken",
        ) from exc
    refuse_active_content("pdf", reasons)
    if page_count < 1:
        raise ValidationError(_("This PDF has no pages."), code="pdf_empty")


def _encrypted() -> ValidationError:
    return ValidationError(
        _("This PDF is protected by a password. Remove the protection and upload it again."),
        code="pdf_encrypted",
    )


def active_content(pdf) -> set[str]:
    """The reasons (keys of common.REASONS) found anywhere in the file."""
    import pikepdf

    reasons: set[str] = set()
    # Every indirect object (qpdf reads those inside object streams too), and the trailer.
    pending = [pdf.trailer, *pdf.objects]
    visited = 0
    while pending:
        obj = pending.pop()
        visited += 1
        if visited > MAX_PDF_OBJECTS:
            raise ValidationError(_("This PDF is too complex to be checked."), code="pdf_too_complex")
        if isinstance(obj, pikepdf.Stream):
            obj = obj.stream_dict
        if isinstance(obj, pikepdf.Dictionary):
            children = []
            for key, value in obj.items():  # one pass: keys are decoded names ("/JavaScript")
                if key in KEY_REASONS:
                    reasons.add(KEY_REASONS[key])
                elif key in VALUE_REASONS and isinstance(value, pikepdf.Name):
                    reason = VALUE_REASONS[key].get(str(value))
                    if reason:
                        reasons.add(reason)
                elif key == "/OpenAction" and _runs_on_opening(value):
                    reasons.add("open_action")
                if key == "/S" and value == pikepdf.Name.Thread and "/F" in obj:
                    reasons.add("remote_goto")  # an article thread in another file
                children.append(value)
        elif isinstance(obj, pikepdf.Array):
            children = list(obj)
        else:
            continue
        # Direct children only: an indirect one is in pdf.objects and is visited there (once).
        pending.extend(
            child
            for child in children
            if isinstance(child, pikepdf.Dictionary | pikepdf.Array) and not child.is_indirect
        )
    return reasons


def _runs_on_opening(opening) -> bool:
    """An OpenAction that is a destination (an array: "open at page 1, fit the width") or a
    GoTo action is what LibreOffice and Word write; any other action runs on opening."""
    import pikepdf

    return isinstance(opening, pikepdf.Dictionary) and opening.get("/S") != pikepdf.Name.GoTo
