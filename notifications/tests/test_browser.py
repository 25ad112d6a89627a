"""A delegate turns off paper digests; the Chair's office moves session 1.1, publishes version 2 and confirms the
notification; each participant of 1.1 gets one digest naming it."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from mailings.models import OutgoingMail
from notifications.models import OptOut
from roundtables.models import Session

pytestmark = pytest.mark.browser


def test_preferences_then_programme_version_2_notifies_the_participants(
    demo, live_server, page, browser, screenshot, mailoutbox, settings
):
    settings.SITE_URL = live_server.url

    # A delegate turns off the paper digests; the choice stays after a reload.
    sign_in(page, live_server, "delegate.mx@example.org")
    page.locator("header .dropdown-toggle").first.click()  # the person's menu, named by their name
    page.get_by_role("link", name="Notifications").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    expect(page.get_by_label("Papers published")).to_be_checked()
    page.get_by_label("Papers published").uncheck()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your notification choices are saved.")).to_be_visible()
    page.reload()
    expect(page.get_by_label("Papers published")).not_to_be_checked()
    expect(page.get_by_label("Programme changes")).to_be_checked()
    screenshot("preferences")
    assert list(OptOut.objects.values_list("person__email", "kind")) == [
        ("delegate.mx@example.org", "papers_published")
    ]

    # The Chair's office moves 1.1 to the evening, in Room B.
    chair = browser.new_page()
    sign_in(chair, live_server, "chair@example.org")
    session = Session.objects.get(meeting__is_current=True, code="1.1")
    chair.goto(f"{live_server.url}/chair/sessions/{session.pk}/edit/")
    chair.get_by_label("Room").select_option(label="Room B")
    chair.get_by_label("Starts at").fill("2010-11-10T17:30")
    chair.get_by_label("Ends at").fill("2010-11-10T19:00")
    chair.get_by_role("button", name="Save session").click()
    expect(chair.get_by_role("heading", level=1)).to_have_text("Roundtables and sessions")

    # Publishes version 2.
    chair.get_by_role("link", name="Publish").first.click()
    chair.get_by_role("link", name="Publish version 2…").click()
    chair.get_by_role("button", name="Publish version 2").click()
    expect(chair.get_by_text("Version 2 of the programme is published")).to_be_visible()
    assert not OutgoingMail.objects.filter(notification_kind="programme_changes").exists()  # not before confirming

    # And notifies the participants, after seeing who and what.
    chair.get_by_role("link", name="Notify the registered participants of what changed in version 2").click()
    expect(chair.locator("#digest-count")).to_have_text("3 participants will get the digest.")
    expect(chair.locator(".mail-body")).to_contain_text("Room: Room A -> Room B")
    chair.screenshot(path=str(settings.VAR_DIR / "screenshots" / "notifications-digest-confirm.png"), full_page=True)
    chair.get_by_role("button", name="Send the digest to 3 participants").click()
    expect(chair.get_by_text("The digest is on its way to the participants.")).to_be_visible()
    expect(chair.get_by_text("Sent to 3 participants, confirmed by")).to_be_visible()
    chair.screenshot(path=str(settings.VAR_DIR / "screenshots" / "notifications-digest-sent.png"), full_page=True)

    digests = [m for m in mailoutbox if "the programme has changed for your sessions" in m.subject]
    assert sorted(m.to[0] for m in digests) == [
        "delegate.mx@example.org",
        "focalpoint.mx@example.org",
        "rapporteur@example.org",
    ]
    for message in digests:
        assert "1.1 " in message.body and "Room: Room A -> Room B" in message.body
        assert "1.2 " not in message.body
        assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # The unsubscribe link of a digest asks first, then turns programme digests off.
    link = next(m for m in digests if m.to == ["rapporteur@example.org"]).extra_headers["List-Unsubscribe"][1:-1]
    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_have_text("Turn off a notification")
    screenshot("unsubscribe")
    page.get_by_role("button", name="Turn it off").click()
    expect(page.get_by_text("Done: you will no longer receive “Programme changes”.")).to_be_visible()
    assert OptOut.objects.filter(person__email="rapporteur@example.org", kind="programme_changes").exists()
