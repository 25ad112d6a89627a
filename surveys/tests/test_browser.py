"""The Chair's office builds a survey, sends it to the Friends of the Forum, a recipient answers
through the link from the mail, a reminder goes only to the others, the results show the answer."""

import datetime as dt
import re
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from surveys.tests.helpers import LINK

pytestmark = pytest.mark.browser


def _local(moment: dt.datetime) -> str:
    return moment.astimezone(ZoneInfo("America/Mexico_City")).strftime("%Y-%m-%dT%H:%M")


def _link_for(mailoutbox, address: str) -> str:
    message = next(m for m in reversed(mailoutbox) if m.to == [address])
    return LINK.search(message.body).group(0)


def test_chair_builds_sends_reminds_and_reads_the_results(
    demo, live_server, page, browser, screenshot, mailoutbox, settings
):
    settings.SITE_URL = live_server.url  # the links in the mails point at this test server
    page.on("dialog", lambda dialog: dialog.accept())
    sign_in(page, live_server, "chair@example.org")

    # Build the survey.
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Surveys").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Surveys")
    screenshot("list")
    page.get_by_role("link", name="New survey").click()
    page.get_by_label("Title (English)").fill("Consultation on the roundtable sessions")
    page.get_by_label("Introduction (English)").fill("Your views will guide the background papers.")
    # A window in 1990 is refused next to the fields, the title kept.
    page.get_by_label("Opens at").fill("1990-01-15T09:00")
    page.get_by_label("Closes at").fill("1990-02-26T18:00")
    page.get_by_role("button", name="Create survey").click()
    expect(page.locator("#id_opens_at")).to_have_class(re.compile(r"is-invalid"))
    expect(page.locator("#id_opens_at_error")).to_contain_text("Puerto Vallarta: the survey cannot open in the past.")
    expect(page.get_by_label("Title (English)")).to_have_value("Consultation on the roundtable sessions")
    screenshot("dates-refused")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("dates-refused-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    now = dt.datetime.now(dt.UTC)
    page.get_by_label("Opens at").fill(_local(now))
    page.get_by_label("Closes at").fill(_local(now + dt.timedelta(days=14)))
    page.get_by_role("button", name="Create survey").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Consultation on the roundtable sessions")

    page.get_by_role("link", name="Add a section").click()
    page.get_by_label("Section title (English)").fill("The roundtables")
    page.get_by_role("button", name="Save section").click()
    page.get_by_role("link", name="Add a question", exact=True).click()
    page.get_by_label("Question (English)").fill("Which roundtable matters most to your government?")
    page.get_by_label("Kind of answer").select_option("single")
    page.get_by_label("Options, one per line (English)").fill(
        "Partnerships for migration and development\n"
        "Human mobility and human development\n"
        "Policy and institutional coherence"
    )
    page.get_by_label("An answer is required").check()
    screenshot("question-form")
    page.get_by_role("button", name="Save question").click()
    page.get_by_role("link", name="Add a question", exact=True).click()
    page.get_by_label("Question (English)").fill("What should the background paper cover?")
    page.get_by_label("Kind of answer").select_option("long_text")
    page.get_by_role("button", name="Save question").click()
    expect(page.locator(".question-summary").last).to_contain_text("What should the background paper cover?")
    screenshot("builder")

    # Choose the Friends of the Forum: the count is shown before anything is written.
    page.get_by_role("link", name="Invite recipients").click()
    page.get_by_label("The Steering Group").check()
    expect(page.locator("#recipient-count .stat")).to_have_text("30")
    page.get_by_label("The Friends of the Forum").check()
    expect(page.locator("#recipient-count .stat")).not_to_have_text("30")
    mail_count = int(page.locator("#recipient-count .stat").inner_text())
    assert mail_count > 150
    # The questions have only English: those who read French or Spanish are named before anything is written.
    expect(page.locator(".translation-warning li").first).to_contain_text(
        re.compile(
            r"^\d+ recipients read French: the title and 2 questions have no French text; they will see English\.$"
        )
    )
    screenshot("invite")
    before = len(mailoutbox)  # the demo's own notifications
    page.get_by_role("button", name="Put the mails in the outbox").click()
    expect(page.get_by_role("heading", level=2, name=re.compile(r"mails wait in the outbox"))).to_have_text(
        f"{mail_count} mails wait in the outbox"
    )
    assert len(mailoutbox) == before  # nothing leaves the outbox before "Send"
    expect(page.locator(".translation-warning li").first).to_contain_text(
        "recipients read French: the title and 2 questions have no French text; they will see English."
    )
    page.get_by_label("Find a recipient").fill("Mexico")
    page.get_by_role("button", name="Find").click()
    page.get_by_role("link", name=re.compile(r"^Preview Mr Javier Herrera")).click()
    expect(page.locator("#mail-preview")).to_contain_text("Dear Mr Herrera,")
    expect(page.locator("#mail-preview")).to_contain_text("[personal link, created when the mail is sent]")
    screenshot("outbox")
    page.get_by_role("button", name=f"Send {mail_count} mails").click()
    expect(page.get_by_text("Finished on")).to_be_visible(timeout=60_000)
    expect(page.locator("#mailing-progress dd").first).to_have_text(str(mail_count))
    screenshot("sent")
    assert len(mailoutbox) == before + mail_count

    # A recipient answers through the link from the mail, without signing in.
    link = _link_for(mailoutbox, "focalpoint.mx@example.org")
    recipient = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB").new_page()
    recipient.on("dialog", lambda dialog: dialog.accept())
    recipient.goto(link)
    expect(recipient.get_by_role("heading", level=1)).to_have_text("Consultation on the roundtable sessions")
    expect(recipient.get_by_text("the delegation of Mexico")).to_be_visible()
    recipient.get_by_label("Human mobility and human development").check()
    recipient.get_by_label("What should the background paper cover?").fill("Circular migration and social security")
    recipient.get_by_label("What should the background paper cover?").blur()
    expect(recipient.locator("#save-status")).to_contain_text("Saved at")
    recipient.screenshot(path=str(settings.VAR_DIR / "screenshots" / "surveys-recipient-answering.png"), full_page=True)
    recipient.get_by_role("button", name="Submit my answers").click()
    expect(recipient.get_by_role("heading", level=1)).to_have_text("Thank you: your answers are submitted")
    recipient.screenshot(path=str(settings.VAR_DIR / "screenshots" / "surveys-recipient-thanks.png"), full_page=True)
    recipient.goto(link.replace("/r/", "/r/x"))
    expect(recipient.get_by_role("heading", level=1)).to_have_text("This link does not open a survey")

    # A reminder goes only to the others.
    sent_before = len(mailoutbox)
    page.goto(f"{live_server.url}/surveys/")
    page.get_by_role("link", name="Consultation on the roundtable sessions").click()
    page.get_by_role("link", name="Reminders").click()
    expect(page.locator(".recipient-total .stat")).to_have_text(str(mail_count - 1))
    screenshot("reminders")
    page.get_by_role("button", name="Put a reminder in the outbox").click()
    page.get_by_role("button", name=f"Send {mail_count - 1} mails").click()
    expect(page.get_by_text("Finished on")).to_be_visible(timeout=60_000)
    reminded = {m.to[0] for m in mailoutbox[sent_before:]}
    assert len(reminded) == mail_count - 1
    assert "focalpoint.mx@example.org" not in reminded
    # Each in its recipient's language.
    assert {m.subject.split(" ")[0] for m in mailoutbox[sent_before:]} == {"Reminder:", "Rappel", "Recordatorio:"}

    # The results show the answer.
    page.goto(f"{live_server.url}/surveys/")
    page.get_by_role("link", name="Consultation on the roundtable sessions").click()
    page.get_by_role("link", name="Results").click()
    expect(page.get_by_text(f"1 of {mail_count} invitations answered")).to_be_visible()
    counts = page.get_by_role("table", name="Counts")
    expect(counts.get_by_role("row", name="Human mobility and human development 1 100")).to_be_visible()
    expect(page.get_by_text("Circular migration and social security")).to_be_visible()
    expect(page.get_by_text("— Mexico")).to_be_visible()
    screenshot("results")
    page.get_by_role("button", name="Chair's office").click()
    page.get_by_role("link", name="Mailings").click()
    expect(page.get_by_role("link", name="Survey reminder: Consultation on the roundtable sessions")).to_be_visible()
    screenshot("mailings")


def test_demo_results_of_the_2010_survey(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/surveys/")
    page.get_by_role("link", name=re.compile("Survey of the Steering Group")).click()
    page.get_by_role("link", name="Results").click()
    expect(page.get_by_role("heading", name="Results")).to_be_visible()
    expect(page.locator("svg.survey-chart").first).to_be_visible()
    screenshot("results-2010")
    page.get_by_role("link", name="Questions").click()
    screenshot("questions-2010")
    page.get_by_role("link", name="Invitations").click()
    screenshot("invitations-2010")
    page.get_by_role("link", name="Preview").click()
    # The follow-up question appears only for the answer it depends on.
    follow_up = page.get_by_text("Which changes to the theme would your government propose?")
    expect(follow_up).to_be_hidden()
    page.get_by_label("Yes, with changes").check()
    expect(follow_up).to_be_visible()
    screenshot("preview-2010")
