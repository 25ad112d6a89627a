"""The Chair's office writes a logistics note in English and Spanish to all approved participants,
previews it as a Spanish-speaking delegate, sends a test to itself, puts it in the outbox and sends it
from there: each participant gets it in their language (English, with a note, for French readers)."""

import re

import pytest
from playwright.sync_api import expect

from accounts.models import User
from conftest import sign_in
from delegations.models import Registration
from roundtables.models import Meeting

pytestmark = pytest.mark.browser


def test_chair_office_writes_previews_tests_and_sends(demo, live_server, page, screenshot, mailoutbox, settings):
    settings.SITE_URL = live_server.url
    meeting = Meeting.objects.current()
    approved = Registration.objects.filter(meeting=meeting, status="approved", person__is_active=True)
    spanish = User.objects.filter(pk__in=approved.values("person_id")).order_by("last_name", "pk").first()
    User.objects.filter(pk=spanish.pk).update(preferred_language="es")
    french = User.objects.filter(pk__in=approved.values("person_id")).exclude(pk=spanish.pk).order_by("pk").first()
    User.objects.filter(pk=french.pk).update(preferred_language="fr")
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, live_server, "chair@example.org")

    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Write to participants").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Write to participants")
    page.get_by_role("link", name="Write a mailing").click()
    page.locator("#id_title").fill("Logistics note: buses to the venue")
    page.get_by_label("All approved participants of the meeting").check()
    page.get_by_label("Subject (English)").fill("Buses to {meeting}")
    page.get_by_label("Message (English)").fill("{salutation}\n\nBuses leave the hotels at 8:00 {every morning.")
    page.get_by_role("tab", name=re.compile("Spanish")).click()
    page.get_by_label("Subject (Spanish)").fill("Autobuses a {meeting}")
    page.get_by_label("Message (Spanish)").fill("{salutation}\n\nLos autobuses salen de los hoteles a las 8:00.")
    page.get_by_role("button", name="Save and preview").click()
    # The stray brace is refused next to the English message; nothing is saved.
    expect(
        page.locator("#id_body_en").locator("xpath=..").get_by_text("A brace that opens or closes no placeholder")
    ).to_be_visible()
    screenshot("brace-refused")
    page.get_by_label("Message (English)").fill("{salutation}\n\nBuses leave the hotels at 8:00 every morning.")
    page.get_by_role("button", name="Save and preview").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Logistics note: buses to the venue")
    count = int(page.locator("#recipient-count").inner_text())
    assert count == approved.values("person_id").distinct().count()
    page.get_by_label("Search the recipients").fill(spanish.last_name)
    page.get_by_role("button", name="Search", exact=True).click()
    page.get_by_role("link", name=spanish.display_name).first.click()
    expect(page.locator("#preview-subject")).to_have_text(f"Autobuses a {meeting.title_es or meeting.title_en}")
    expect(page.locator("#preview-body")).to_contain_text("Los autobuses salen de los hoteles a las 8:00.")
    expect(page.locator("#preview-body")).to_contain_text(re.compile(r"^Estimad"))
    screenshot("preview-spanish")

    before = len(mailoutbox)
    page.get_by_label("Language of the test").select_option("es")
    page.get_by_role("button", name=re.compile(r"^Send a test to")).click()
    expect(page.get_by_text("A test in Spanish is on its way to chair@example.org.")).to_be_visible()
    assert [(m.to, m.subject) for m in mailoutbox[before:]] == [
        (["chair@example.org"], f"[TEST] Autobuses a {meeting.title_es or meeting.title_en}")
    ]

    page.get_by_role("button", name=f"Put {count} mails in the outbox").click()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"mails wait in the outbox"))).to_have_text(
        f"{count} mails wait in the outbox"
    )
    screenshot("outbox")
    assert len(mailoutbox) == before + 1  # nothing leaves before "Send"
    page.get_by_role("button", name=f"Send {count} mails").click()
    expect(page.get_by_text("Finished on")).to_be_visible(timeout=120_000)
    screenshot("sent")

    sent = {message.to[0]: message for message in mailoutbox[before + 1 :]}
    assert len(sent) == count
    assert "Los autobuses salen" in sent[spanish.email].body
    assert sent[spanish.email].subject.startswith("Autobuses a ")
    assert "Buses leave the hotels" in sent[french.email].body
    assert sent[french.email].subject.startswith("Buses to ")
    english = next(m for address, m in sent.items() if address not in (spanish.email, french.email))
    assert english.subject.startswith("Buses to ")
    assert english.body.startswith("Dear ") or english.body.startswith("Your Excellency")
