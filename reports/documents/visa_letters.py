"""A visa support letter (logistics, issue 20): one issued letter as a PDF on the host government's
letterhead, in its person's language (English where the template has no text in it), naming the person,
nationality, passport number, date of birth, the meeting, its dates and venue and the consulate city,
signed by the named officer, with a QR code of the public verification page.

Who may ask for it and download it: the Chair's office of the letter's meeting, and the letter's own person
while it is issued (logistics.download_visa_letter). Its parameters name the letter only: the language is
the person's, whoever asks."""

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from logistics.models.visa import VisaLetter
from logistics.selectors.visa import (
    fill_placeholders,
    letter_for_document,
    letter_language,
    letter_template,
    verification_url,
)
from reports.badges import qr_png
from reports.documents.common import clean_id, pdf_filename, render_document
from reports.registry import Part, Renderer, ReportError, register
from reports.rendering import generated_url

QR_NAME = "qr/letter.png"


def clean_params(raw: dict) -> dict:
    letter_id = clean_id(raw, "letter")
    letter = letter_for_document(letter_id)
    if letter is None:
        raise ValidationError(gettext("This letter does not exist."))
    return {"letter": letter.pk, "meeting": letter.meeting_id, "language": letter_language(letter)}


def can_access(user, params: dict) -> bool:
    if user is None or not user.is_authenticated:
        return False
    letter = VisaLetter.objects.filter(pk=params.get("letter")).first()
    return letter is not None and user.has_perm("logistics.download_visa_letter", letter)


def unavailable(params: dict) -> str | None:
    state = VisaLetter.objects.filter(pk=params.get("letter")).values_list("state", flat=True).first()
    if state != VisaLetter.State.ISSUED:
        return gettext("This letter is not issued (or no longer valid).")
    return None


def _dates(meeting) -> str:
    start, end = meeting.start_date, meeting.end_date
    if start == end:
        return formats.date_format(start, "j F Y")
    if (start.year, start.month) == (end.year, end.month):
        return f"{formats.date_format(start, 'j')}–{formats.date_format(end, 'j F Y')}"
    return f"{formats.date_format(start, 'j F')} – {formats.date_format(end, 'j F Y')}"


def letter_context(letter: VisaLetter, language: str) -> dict:
    """What the letter prints, in the active language (the task runs in the person's)."""
    meeting = letter.meeting
    template = letter_template(meeting)
    if template is None:
        raise ReportError(gettext("The letter's template of this meeting no longer exists."))
    person = letter.person
    values = {
        "name": person.display_name,
        "nationality": str(letter.nationality.name),
        "passport_number": letter.passport_number,
        "date_of_birth": formats.date_format(letter.date_of_birth, "j F Y") if letter.date_of_birth else "",
        "delegation": letter.registration.delegation.display_name,
        "meeting": meeting.title,
        "dates": _dates(meeting),
        "city": meeting.city,
        "venue": meeting.venue or meeting.city,
        "consulate_city": letter.consulate_city,
        "reference": letter.reference,
    }
    body = fill_placeholders(template.text("body", language), values)
    signatory_title = letter.signatory_title
    if template.signatory_name == letter.signatory_name:
        signatory_title = template.text("signatory_title", language)
    return {
        "letter": letter,
        "meeting": meeting,
        "values": values,
        "letterhead_lines": [line for line in template.text("letterhead", language).splitlines() if line.strip()],
        "paragraphs": [part.strip() for part in body.split("\n\n") if part.strip()],
        "signatory_name": letter.signatory_name,
        "signatory_title": signatory_title,
        "verify_url": verification_url(letter),
        "qr_url": generated_url(QR_NAME),
    }


def build(params: dict):
    letter = letter_for_document(params["letter"])
    if letter is None:
        raise ReportError(gettext("This letter no longer exists."))
    context = letter_context(letter, params.get("language") or "en")
    yield Part(
        render_document("logistics/visa/letter_pdf.html", context),
        images={QR_NAME: qr_png(context["verify_url"])},
        numbered=False,
    )


def filename(params: dict) -> str:
    reference = VisaLetter.objects.filter(pk=params.get("letter")).values_list("reference", flat=True).first()
    return pdf_filename("visa-letter", reference or params.get("letter", ""), params.get("language", ""))


def title(params: dict) -> str:
    reference = VisaLetter.objects.filter(pk=params.get("letter")).values_list("reference", flat=True).first()
    return gettext("Visa support letter") + (f" · {reference}" if reference else "")


register(
    Renderer(
        kind="visa_letter",
        label=_("Visa support letter"),
        description=_("One issued visa support letter, on the host government's letterhead."),
        can_access=can_access,
        build=build,
        filename=filename,
        clean_params=clean_params,
        title=title,
        unavailable=unavailable,
        order=90,
    )
)
