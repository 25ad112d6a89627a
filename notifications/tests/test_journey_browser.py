"""Issue 19's notifications journey on the demo, end to end: a delegate turns off paper digests and gets none when a
paper of their session is published; the Chair's office moves a session, publishes programme version 2 and confirms
the notification; each affected participant gets exactly one digest naming the changed session, and confirming
again (back and resubmit, or a form left open in another tab) sends nothing more."""

from collections import Counter

import pytest
from playwright.sync_api import expect

from accounts.models import User
from conftest import sign_in
from mailings.models import OutgoingMail
from notifications.kinds import PAPERS_PUBLISHED, PROGRAMME_CHANGES
from notifications.models import ProgrammeDigest
from notifications.tasks import send_papers_digests_task
from papers.models import Paper
from papers.services import paper_publish
from papers.tests.factories import PaperFactory, VersionFactory
from roundtables.models import Session

pytestmark = pytest.mark.browser

DELEGATE = "delegate.mx@example.org"  # chose session 1.1
OTHER_REGISTRANT = "focalpoint.mx@example.org"  # chose session 1.1 too, left the digests on
PAPER_TITLE = "Partnerships that work: recruitment costs and the recognition of skills"


def _publish_a_paper_of(session: Session) -> Paper:
    """An accepted paper of the session, published by the Chair's office through the papers service."""
    paper = PaperFactory(session=session, state=Paper.State.DRAFT, title_en=PAPER_TITLE)
    paper.accepted_version = VersionFactory(paper=paper, number=1)
    paper.state = Paper.State.ACCEPTED  # as the reviewers leave it
    paper.save(update_fields=["accepted_version", "state"])
    chair = User.objects.get(email="chair@example.org")
    return paper_publish(paper=paper, actor=chair)


def test_a_delegate_without_paper_digests_gets_none_and_version_2_sends_one_digest_each(
    demo, live_server, page, browser, screenshot, settings
):
    settings.SITE_URL = live_server.url
    session = Session.objects.get(meeting__is_current=True, code="1.1")

    # The delegate turns off "Papers published" on their notifications page.
    sign_in(page, live_server, DELEGATE)
    page.goto(f"{live_server.url}/notifications/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Notifications")
    page.get_by_label("Papers published").uncheck()
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_text("Your notification choices are saved.")).to_be_visible()
    expect(page.get_by_label("Papers published")).not_to_be_checked()
    screenshot("papers-digests-off")

    # A paper of their session is published; the day's papers digest runs (beat's task, called here).
    _publish_a_paper_of(session)
    assert send_papers_digests_task() >= 1
    papers_digests = OutgoingMail.objects.filter(notification_kind=PAPERS_PUBLISHED)
    assert not papers_digests.filter(to=DELEGATE).exists()
    theirs = papers_digests.get(to=OTHER_REGISTRANT)  # another registrant of 1.1 gets it, naming the paper
    assert PAPER_TITLE in theirs.body_text

    # The Chair's office moves 1.1 to the evening, in Room B.
    chair = browser.new_page()
    sign_in(chair, live_server, "chair@example.org")
    chair.goto(f"{live_server.url}/chair/sessions/{session.pk}/edit/")
    chair.get_by_label("Room").select_option(label="Room B")
    chair.get_by_label("Starts at").fill("2010-11-10T17:30")
    chair.get_by_label("Ends at").fill("2010-11-10T19:00")
    chair.get_by_role("button", name="Save session").click()
    expect(chair.get_by_role("heading", level=1)).to_have_text("Roundtables and sessions")

    # Publishes version 2 on the publish page: nobody is mailed before the Chair's office confirms.
    chair.get_by_role("link", name="Publish").first.click()
    chair.get_by_role("link", name="Publish version 2…").click()
    chair.get_by_role("button", name="Publish version 2").click()
    expect(chair.get_by_text("Version 2 of the programme is published")).to_be_visible()
    assert not OutgoingMail.objects.filter(notification_kind=PROGRAMME_CHANGES).exists()

    # Follows the link to the confirmation page, which names who gets it and shows the mail.
    chair.get_by_role("link", name="Notify the registered participants of what changed in version 2").click()
    expect(chair.locator("#digest-count")).to_have_text("3 participants will get the digest.")
    expect(chair.locator(".mail-body")).to_contain_text("1.1")
    # The same confirmation page left open in a second tab (a colleague, or the same person twice).
    other_tab = browser.new_context()
    other_tab.add_cookies(chair.context.cookies())  # the same signed-in Chair's office
    stale = other_tab.new_page()
    stale.goto(chair.url)
    send = "Send the digest to 3 participants"
    expect(stale.get_by_role("button", name=send)).to_be_visible()
    chair.get_by_role("button", name=send).click()
    expect(chair.get_by_text("The digest is on its way to the participants.")).to_be_visible()
    expect(chair.get_by_text("Sent to 3 participants, confirmed by")).to_be_visible()
    chair.screenshot(path=str(settings.VAR_DIR / "screenshots" / "journey-digest-sent.png"), full_page=True)

    digest = ProgrammeDigest.objects.get(release__meeting=session.meeting, release__version=2)
    rows = OutgoingMail.objects.filter(mailing=digest.mailing)
    per_person = Counter(rows.values_list("to", flat=True))
    # The delegate turned off paper digests, not programme changes: they are among the three.
    assert sorted(per_person) == [DELEGATE, OTHER_REGISTRANT, "rapporteur@example.org"]
    assert set(per_person.values()) == {1}
    for to, body in rows.values_list("to", "body_text"):
        assert "1.1" in body, to
    assert OutgoingMail.objects.filter(notification_kind=PROGRAMME_CHANGES).count() == 3

    # Back and resubmit: refused, nothing more sent.
    chair.go_back()
    button = chair.get_by_role("button", name=send)
    if button.count():  # the browser showed the page as it was, with its form
        button.click()
        expect(chair.get_by_text("The participants have already been notified of version 2.")).to_be_visible()
    else:  # the browser asked the page again: it says the digest was sent, and offers no button
        expect(chair.get_by_text("Sent to 3 participants, confirmed by")).to_be_visible()
    # The form left open in the other tab, submitted after the confirmation: refused, nothing more sent.
    stale.get_by_role("button", name=send).click()
    expect(stale.get_by_text("The participants have already been notified of version 2.")).to_be_visible()
    expect(stale.get_by_text("Sent to 3 participants, confirmed by")).to_be_visible()
    stale.screenshot(path=str(settings.VAR_DIR / "screenshots" / "journey-digest-again.png"), full_page=True)
    assert OutgoingMail.objects.filter(notification_kind=PROGRAMME_CHANGES).count() == 3
    assert ProgrammeDigest.objects.filter(release__meeting=session.meeting).count() == 1
    assert not OutgoingMail.objects.filter(notification_kind=PAPERS_PUBLISHED, to=DELEGATE).exists()
