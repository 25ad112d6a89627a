"""What the upload checks say: one message per reason found, then what to do about it."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

NOT_A_DOCUMENT = _(
    "This file is not a PDF, Word (.docx) or OpenDocument text (.odt) document. Only these formats are "
    "accepted, whatever the file name says."
)

# Every kind of active content we refuse, in the order the messages are shown. The error code
# is "<format>_<reason>" (pdf_javascript, docx_external_template, odt_ole_object...).
REASONS = {
    # PDF
    "javascript": _("The PDF contains JavaScript."),
    "launch": _("The PDF contains an action that starts a program or opens another file (Launch)."),
    "remote_goto": _("The PDF contains an action that opens another file (GoToR)."),
    "import_data": _("The PDF contains an action that imports data from another file (ImportData)."),
    "submit_form": _("The PDF contains a form that sends its data to an address (SubmitForm)."),
    "open_action": _("The PDF runs an action as soon as it is opened (OpenAction)."),
    "additional_actions": _(
        "The PDF contains actions triggered by events, such as opening a page or leaving a field (additional actions)."
    ),
    "embedded_file": _("The PDF contains embedded files."),
    "rich_media": _("The PDF contains rich media (Flash, sound, video or 3D content)."),
    "xfa": _("The PDF contains an XFA form."),
    # DOCX and ODT
    "external_template": _("The document links to an external template."),
    "external_document": _("The document includes another document through a link."),
    "external_frame": _("The document loads a web page or another file into a frame."),
    "external_image": _("The document shows a picture loaded from outside it."),
    "linked_object": _("The document contains an object linked to a file outside it."),
    "external_content": _("The document loads content from outside it."),
    "ole_object": _("The document contains an embedded OLE object."),
    "dde": _("The document contains a DDE field or link, which can run commands on the reader's computer."),
    "alt_chunk": _("The document includes content from another file (altChunk)."),
    "include_picture": _("The document contains a field that loads an external file (INCLUDEPICTURE)."),
    "include_text": _("The document contains a field that loads an external file (INCLUDETEXT)."),
    "link_field": _("The document contains a field that loads an external file (LINK)."),
    "form_submission": _("The document contains a form that sends its data to an address."),
    "computed_field": _(
        "The document contains a field whose type is computed by another field, a way of hiding DDE or INCLUDE fields."
    ),
    "embedded_macros": _("The document contains an embedded file with macros, such as a chart's workbook."),
    "activex": _("The document contains ActiveX controls."),
    "macro_link": _("The document starts macros from a link, a button or an event."),
    "applet": _("The document contains a Java applet or a plug-in."),
}

ADVICE = {
    "pdf": _("Export or print it again as a plain PDF and upload it."),
    "docx": _("Remove these and save the document again, or upload it as a PDF."),
    "odt": _("Remove these and save the document again, or upload it as a PDF."),
}


def refuse_active_content(file_format: str, reasons: set[str]) -> None:
    """Raise one error per reason found (in a stable order), then the advice; nothing if none."""
    if not reasons:
        return
    errors = [
        ValidationError(message, code=f"{file_format}_{reason}")
        for reason, message in REASONS.items()
        if reason in reasons
    ]
    errors.append(ValidationError(ADVICE[file_format], code=f"{file_format}_active_content"))
    raise ValidationError(errors)
