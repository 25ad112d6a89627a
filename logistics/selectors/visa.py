"""visa: what the pages (and reports' letter PDF) read. The verification token lives here too: a random
nonce stored with the letter and its keyed signature, so the PDF can print it again and a forged token
is refused before any query."""

import base64

from django.conf import settings
from django.urls import reverse
from django.utils.crypto import constant_time_compare, salted_hmac

from delegations.models import Registration
from logistics.models.visa import VisaIssueRun, VisaLetter, VisaLetterTemplate

TOKEN_SALT = "gfmd.logistics.visa_letter"
NONCE_LENGTH = 16  # random URL-safe characters (96 bits)
SIGNATURE_LENGTH = 16


def _signature(nonce: str) -> str:
    digest = salted_hmac(TOKEN_SALT, nonce, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode()[:SIGNATURE_LENGTH]


def verification_token(letter: VisaLetter) -> str:
    return f"{letter.token_nonce}{_signature(letter.token_nonce)}" if letter.token_nonce else ""


def verification_url(letter: VisaLetter) -> str:
    return settings.SITE_URL + reverse("logistics:visa_verify", kwargs={"token": verification_token(letter)})


def letter_from_token(token: str) -> VisaLetter | None:
    """The issued or revoked letter a genuine token names; None for anything forged or damaged (no query)."""
    if not isinstance(token, str) or len(token) != NONCE_LENGTH + SIGNATURE_LENGTH:
        return None
    nonce, signature = token[:NONCE_LENGTH], token[NONCE_LENGTH:]
    if not constant_time_compare(signature, _signature(nonce)):
        return None
    return (
        VisaLetter.objects.select_related("person", "meeting")
        .filter(token_nonce=nonce, state__in=[VisaLetter.State.ISSUED, VisaLetter.State.REVOKED])
        .first()
    )


def own_registration(user, meeting) -> Registration | None:
    if meeting is None or not user.is_authenticated:
        return None
    return Registration.objects.filter(meeting=meeting, person=user).select_related("delegation").first()


def current_letter(registration: Registration | None) -> VisaLetter | None:
    """The registration's live letter, else its latest (revoked, cancelled) one."""
    if registration is None:
        return None
    letters = VisaLetter.objects.filter(registration=registration)
    return letters.live().first() or letters.order_by("-requested_at", "-pk").first()


def letter_template(meeting) -> VisaLetterTemplate | None:
    return VisaLetterTemplate.objects.filter(meeting=meeting).first()


def letters_for_chair(meeting, *, state: str = ""):
    letters = VisaLetter.objects.filter(meeting=meeting).select_related("person", "registration__delegation")
    if state:
        letters = letters.filter(state=state)
    return letters.order_by("person__last_name", "person__first_name", "pk")


def requested_count(meeting) -> int:
    return VisaLetter.objects.filter(meeting=meeting, state=VisaLetter.State.REQUESTED).count()


def latest_run(meeting) -> VisaIssueRun | None:
    return VisaIssueRun.objects.filter(meeting=meeting).order_by("-created_at", "-pk").first()


def letter_for_document(letter_id) -> VisaLetter | None:
    """The letter the PDF renders, with what it prints (reports.documents.visa_letters)."""
    return (
        VisaLetter.objects.select_related("person", "meeting", "registration__delegation").filter(pk=letter_id).first()
    )


def fill_placeholders(text: str, values: dict[str, str]) -> str:
    """The template's text with each {name} replaced by its value (plain text: the caller escapes).
    Only known names are replaced, by a regular expression: no format-string tricks."""
    import re

    return re.sub(r"\{([a-z_]+)\}", lambda match: str(values.get(match.group(1), match.group(0))), text)


def letter_language(letter: VisaLetter) -> str:
    """The letter's language: its person's preferred working language, else English."""
    from gfmd import languages

    language = (getattr(letter.person, "preferred_language", "") or "")[:2]
    return language if language in languages.CODES else languages.DEFAULT
