"""The visa support letter's PDF: read back with pypdf, in the person's language, naming the person, the
meeting, the passport number and the officer; the QR code carries the verification URL (also printed);
who may ask for it and when."""

import io

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import translation

from accounts.tests.factories import UserFactory
from logistics.selectors.visa import verification_url
from logistics.services.visa import visa_letter_revoke
from logistics.tests.factories_visa import PASSPORT, ghanaian, issued_letter, requested_letter, template_for
from reports.badges import qr_png
from reports.documents.visa_letters import QR_NAME
from reports.registry import ReportError, get_renderer
from reports.rendering import render_parts
from reports.services import request_report
from reports.tests.pdf import attachment_names, full_text

pytestmark = pytest.mark.django_db


def produce(raw: dict) -> tuple[bytes, dict]:
    renderer = get_renderer("visa_letter")
    params = renderer.clean_params(raw)
    target = io.BytesIO()
    with translation.override(params["language"]):
        parts = list(renderer.build(params))
        render_parts(iter(parts), target, part_count=1)
    return target.getvalue(), {"params": params, "images": parts[0].images}


def test_the_letter_names_the_person_meeting_passport_and_officer(meeting, chair, settings):
    settings.SITE_URL = "https://portal.example.org"
    letter = issued_letter(ghanaian(meeting, first_name="Kofi", last_name="Boateng"), chair)
    content, built = produce({"letter": letter.pk, "language": "fr"})
    assert built["params"]["language"] == "en"  # the person's language, whoever asks
    text = full_text(content)
    for expected in (
        "Kofi Boateng",
        PASSPORT,
        "Ghana",
        meeting.title,
        "Puerto Vallarta",
        "8–11 November 2010",
        "17 May 1979",
        "Accra",
        "Juan Manuel Gómez",
        "Director-General of Consular Services",
        "Government of the United Mexican States",
        "GFMD2010-VL-0001",
    ):
        assert expected.upper() in text.upper(), expected
    url = verification_url(letter)
    assert url.startswith("https://portal.example.org/verify/visa/")
    assert url in text.replace(" ", "")  # printed under the QR code
    assert built["images"][QR_NAME] == qr_png(url)  # the QR code carries the same URL
    assert attachment_names(content) == []


def test_the_letter_in_spanish_for_a_spanish_reader(meeting, chair):
    letter = issued_letter(ghanaian(meeting, preferred_language="es"), chair)
    content, built = produce({"letter": letter.pk})
    text = full_text(content)
    assert built["params"]["language"] == "es"
    assert "GOBIERNO DE LOS ESTADOS UNIDOS MEXICANOS" in text
    assert "Director General de Servicios Consulares" in text
    assert "noviembre" in text


def test_who_may_ask_for_the_letter(meeting, chair, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    letter = issued_letter(ghanaian(meeting), chair)
    assert request_report(kind="visa_letter", params={"letter": letter.pk}, user=letter.person).kind == "visa_letter"
    assert request_report(kind="visa_letter", params={"letter": letter.pk}, user=chair)
    for outsider in (UserFactory(), ghanaian(meeting, last_name="Other").person):
        with pytest.raises(PermissionDenied):
            request_report(kind="visa_letter", params={"letter": letter.pk}, user=outsider)
    visa_letter_revoke(letter=letter, actor=chair, reason="Stolen passport")
    with pytest.raises(PermissionDenied):  # the person no longer downloads a revoked letter
        request_report(kind="visa_letter", params={"letter": letter.pk}, user=letter.person)
    with pytest.raises(ReportError, match="not issued"):
        request_report(kind="visa_letter", params={"letter": letter.pk}, user=chair)


def test_a_requested_letter_has_no_pdf_yet(meeting, chair):
    template_for(meeting, chair)
    letter = requested_letter(ghanaian(meeting))
    with pytest.raises(ReportError, match="not issued"):
        request_report(kind="visa_letter", params={"letter": letter.pk}, user=chair)
