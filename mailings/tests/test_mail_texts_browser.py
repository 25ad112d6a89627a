"""The Chair's office rewrites the Spanish text of the outcome's "submitted" mail in a real Chromium:
an unknown placeholder is shown next to the field, the fixed text is previewed and saved, the next
such mail to a Spanish-speaking representative uses it; reset, the default goes out again."""

import re

import pytest
from playwright.sync_api import expect

from accounts.tests.factories import PASSWORD, ChairOfficeFactory, UserFactory
from conftest import sign_in
from mailings.models import MailText, OutgoingMail
from mailings.services import send_to_people
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.browser


def watch_console(page) -> list[str]:
    """Script errors and CSP refusals of the page (as outcomes' browser tests watch them; mailings sits below)."""
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if msg.type == "error" or "Content Security Policy" in msg.text or "Refused to" in msg.text
            else None
        ),
    )
    return problems


SUBJECT = "Sesión {session}: resultado para firmar"


def _submitted_mail_to(person) -> OutgoingMail:
    session = SessionFactory(code="2.1", title_en="Labour mobility")
    actor = UserFactory(first_name="Eva", last_name="Ruiz")
    send_to_people(
        "outcomes.submitted",
        [person],
        context={"session": session, "actor": actor, "url": "https://portal.example/outcomes/21/", "outcome": None},
    )
    return OutgoingMail.objects.filter(to=person.email).latest("pk")


def test_chair_office_rewrites_the_spanish_text_of_a_mail(transactional_db, live_server, page, screenshot):
    problems = watch_console(page)
    chair = ChairOfficeFactory(email="rosa.diaz@example.org", first_name="Rosa", last_name="Díaz", honorific="ms")
    sign_in(page, live_server, chair.email, PASSWORD)
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Mail texts").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Mail texts")
    screenshot("1-list")
    # The list is paginated by key: the outcome mails are on a later page.
    while not page.get_by_role("link", name=re.compile(r"Default · Spanish · outcomes\.submitted")).count():
        page.get_by_role("link", name="Next").click()
    page.get_by_role("link", name=re.compile(r"Default · Spanish · outcomes\.submitted")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "To the co-chairs' representatives: the outcome awaits their sign-off."
    )
    expect(page.locator(".placeholder-list")).to_contain_text("{session}")

    page.get_by_label("Subject", exact=True).fill(SUBJECT)
    page.get_by_label("Text", exact=True).fill("{saludo}\n\n{actor} ha enviado el resultado de {session}.\n\n{url}")
    page.get_by_role("button", name="Save").click()
    error = page.locator("#id_body_error")
    expect(error).to_have_text("Unknown placeholder: {saludo}. Use only the placeholders listed for this mail.")
    expect(page.get_by_label("Text", exact=True)).to_have_attribute("aria-invalid", "true")
    assert not MailText.objects.exists()
    screenshot("2-unknown-placeholder")

    page.get_by_label("Text", exact=True).fill(
        "{salutation}\n\n{actor} ha enviado el resultado de la sesión {session} para su firma.\n\nÁbralo aquí: {url}"
    )
    page.get_by_role("button", name="Preview").click()
    preview = page.locator("#mail-preview")
    expect(preview).to_contain_text("Estimada Sra. Díaz:")
    expect(preview).to_contain_text("resultado para firmar")
    assert not MailText.objects.exists()
    screenshot("3-preview")

    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The Spanish text is saved: the portal sends it from now on.")).to_be_visible()
    expect(page.locator(".badge", has_text="Edited")).to_be_visible()
    screenshot("4-saved")

    ana = UserFactory(preferred_language="es", honorific="ms", first_name="Ana", last_name="López")
    mail = _submitted_mail_to(ana)
    assert mail.subject == "Sesión 2.1 Labour mobility: resultado para firmar"
    assert mail.body_text == (
        "Estimada Sra. López:\n\nEva Ruiz ha enviado el resultado de la sesión 2.1 Labour mobility para su firma."
        "\n\nÁbralo aquí: https://portal.example/outcomes/21/"
    )

    page.get_by_role("link", name="Reset to the default").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reset to the default")
    screenshot("5-reset-confirm")
    page.get_by_role("button", name="Delete the edited text").click()
    expect(page.get_by_text("The Spanish text is back to the default.")).to_be_visible()
    assert not MailText.objects.exists()
    mail = _submitted_mail_to(ana)
    assert "para su firma" not in mail.body_text and "Labour mobility" in mail.body_text
    assert problems == []
