"""The outcome journeys in a real Chromium: drafting offline, two editors at once, hostile paste,
sign-off, the closing plenary and publication. Every page is checked for CSP violations."""

import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from outcomes.models import Outcome, OutcomeRevision
from roundtables.models import Meeting, Session


def demo_session(code: str) -> Session:
    """A session of the current meeting (2010): the demo also holds the earlier meetings, with the same codes."""
    return Session.objects.get(meeting=Meeting.objects.current(), code=code)


pytestmark = pytest.mark.browser

SAVED = re.compile(r"^Saved \d\d:\d\d$")


def watch_console(page) -> list[str]:
    """Collect CSP violations and script errors of the page."""
    problems: list[str] = []
    page.on(
        "console",
        lambda msg: (
            problems.append(msg.text)
            if (msg.type == "error" and "net::ERR_INTERNET_DISCONNECTED" not in msg.text)
            or "Content Security Policy" in msg.text
            or "Refused to" in msg.text
            else None
        ),
    )
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def workspace_url(live_server) -> str:
    return f"{live_server.url}/outcomes/session/{demo_session('1.1').pk}/"


def start_drafting(page):
    """Session 1.1's outcome is not started in the demo: its first writer starts it with a click."""
    page.get_by_role("button", name="Start drafting").click()
    expect(editor(page)).to_be_visible()


def summary_text() -> str:
    outcome = Outcome.objects.get(session__code="1.1")
    return outcome.original_sections.get(kind="summary").html


def editor(page, kind="summary"):
    return page.locator(f"#section-{kind.replace('_', '-')} .ProseMirror")


def status(page, kind="summary"):
    return page.locator(f"#section-{kind.replace('_', '-')} [data-save-state]")


def test_rapporteur_drafts_offline_and_the_text_arrives(demo, live_server, page, context, screenshot):
    problems = watch_console(page)
    sign_in(page, live_server, "rapporteur@example.org")
    page.get_by_role("link", name="My outcomes").click()
    page.get_by_role("link", name="Open the outcome of session 1.1").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outcome of session 1.1")
    start_drafting(page)

    editor(page).click()
    page.keyboard.type("Partnerships between countries of origin and destination lower the cost of migration.")
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    assert summary_text() == (
        "<p>Partnerships between countries of origin and destination lower the cost of migration.</p>"
    )

    context.set_offline(True)
    editor(page).press("End")
    page.keyboard.press("Enter")
    page.keyboard.type("Written while the network was down.")
    expect(status(page)).to_have_text("Offline: not saved yet", timeout=10_000)
    kept = page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gfmd-outcome-'))")
    assert len(kept) == 1
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("offline")

    context.set_offline(False)
    expect(status(page)).to_have_text(SAVED, timeout=15_000)
    assert summary_text() == (
        "<p>Partnerships between countries of origin and destination lower the cost of migration.</p>"
        "<p>Written while the network was down.</p>"
    )
    assert page.evaluate("Object.keys(localStorage).filter(k => k.startsWith('gfmd-outcome-')).length") == 0
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("saved")
    assert problems == []


def test_text_that_never_reached_the_server_is_offered_after_a_reload(demo, live_server, page, context):
    problems = watch_console(page)
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(workspace_url(live_server))
    start_drafting(page)
    context.set_offline(True)
    editor(page, "follow_up").click()
    page.keyboard.type("Convene a working group before the next meeting.")
    expect(status(page, "follow_up")).to_have_text("Offline: not saved yet", timeout=10_000)
    page.close()  # the tab is gone before the connection came back

    context.set_offline(False)
    again = context.new_page()
    problems += watch_console(again)
    again.goto(workspace_url(live_server))
    banner = again.locator("#section-follow-up [data-restore-banner]")
    expect(banner).to_contain_text("has not reached the server")
    again.get_by_role("button", name="Restore that text").click()
    expect(status(again, "follow_up")).to_have_text(SAVED, timeout=10_000)
    outcome = Outcome.objects.get(session__code="1.1")
    assert (
        outcome.original_sections.get(kind="follow_up").html
        == "<p>Convene a working group before the next meeting.</p>"
    )
    assert problems == []


def test_two_browsers_edit_the_same_section_and_nothing_is_lost(demo, live_server, browser, screenshot):
    first = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    second = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    laptop, tablet = first.new_page(), second.new_page()
    problems = watch_console(laptop) + watch_console(tablet)
    sign_in(laptop, live_server, "rapporteur@example.org")
    sign_in(tablet, live_server, "chair@example.org")
    laptop.goto(workspace_url(live_server))
    start_drafting(laptop)
    tablet.goto(workspace_url(live_server))  # both start from the same (empty) version

    editor(laptop).click()
    laptop.keyboard.type("Circular migration schemes were cited by several delegations.")
    expect(status(laptop)).to_have_text(SAVED, timeout=10_000)

    editor(tablet).click()
    tablet.keyboard.type("Diaspora investment funds deserve a recommendation.")
    conflict = tablet.locator("#section-summary [data-conflict-panel]")
    expect(conflict).to_contain_text("Someone else saved this section while you were writing", timeout=10_000)
    expect(conflict.locator("ins")).to_contain_text("Diaspora investment funds deserve a recommendation.")
    expect(conflict.locator("del")).to_contain_text("Circular migration schemes were cited by several delegations.")
    screenshot_path = "conflict"
    tablet.screenshot(path=str(_shot(screenshot_path)), full_page=True)
    # Nothing lost already: both texts are versions on the server.
    assert sorted(
        OutcomeRevision.objects.filter(section__outcome__session__code="1.1").values_list("html", flat=True)
    ) == [
        "<p>Circular migration schemes were cited by several delegations.</p>",
        "<p>Diaspora investment funds deserve a recommendation.</p>",
    ]

    tablet.get_by_role("button", name="Put both texts in the editor to merge them").click()
    tablet.get_by_role("button", name="Save the text in the editor as the current version").click()
    expect(status(tablet)).to_have_text(SAVED, timeout=10_000)
    expect(conflict).to_be_hidden()
    assert summary_text() == (
        "<p>Diaspora investment funds deserve a recommendation.</p>"
        "<p>Circular migration schemes were cited by several delegations.</p>"
    )
    # The first browser, idle since its save, takes the merged version without a reload...
    expect(editor(laptop)).to_contain_text("Diaspora investment funds deserve a recommendation.", timeout=20_000)
    expect(status(laptop)).to_contain_text("Newer version loaded")
    # ...so that its next words are saved on top of it, not in conflict with it.
    editor(laptop).press("Control+End")
    laptop.keyboard.press("Enter")
    laptop.keyboard.type("Both points were welcomed.")
    expect(status(laptop)).to_have_text(SAVED, timeout=10_000)
    assert summary_text() == (
        "<p>Diaspora investment funds deserve a recommendation.</p>"
        "<p>Circular migration schemes were cited by several delegations.</p>"
        "<p>Both points were welcomed.</p>"
    )
    # The history lists every version with its author.
    tablet.goto(f"{live_server.url}/outcomes/{Outcome.objects.get(session__code='1.1').pk}/sections/summary/history/")
    expect(tablet.locator(".revision")).to_have_count(4)
    tablet.screenshot(path=str(_shot("history")), full_page=True)
    first.close()
    second.close()
    assert problems == []


def _shot(name):
    from django.conf import settings

    folder = settings.VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"test_two_browsers_edit_the_same_section_and_nothing_is_lost-{name}.png"


def test_hostile_paste_and_hostile_post_are_cleaned(demo, live_server, page):
    problems = watch_console(page)
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(workspace_url(live_server))
    start_drafting(page)
    editor(page, "recommendations").click()
    page.evaluate(
        """() => {
        const data = new DataTransfer();
        data.setData('text/html', '<p onclick="steal()">Lower recruitment fees.<script>window.pwned=1</script></p>'
          + '<iframe src="https://evil.example/"></iframe><img src="https://evil.example/x.png" onerror="steal()">'
          + '<p><a href="javascript:alert(1)">bad link</a></p><style>body{display:none}</style>');
        const target = document.querySelector('#section-recommendations .ProseMirror');
        target.dispatchEvent(new ClipboardEvent('paste', {clipboardData: data, bubbles: true, cancelable: true}));
    }"""
    )
    expect(status(page, "recommendations")).to_have_text(SAVED, timeout=10_000)
    outcome = Outcome.objects.get(session__code="1.1")
    pasted = outcome.original_sections.get(kind="recommendations").html
    assert pasted == "<p>Lower recruitment fees.</p><p>bad link</p>"
    assert page.evaluate("window.pwned === undefined")

    # The same page posting hostile HTML by hand (as an attacker's script would): cleaned on the server.
    answer = page.evaluate(
        """async () => {
        const form = document.querySelector('#section-conclusions form');
        const data = new FormData();
        data.append('csrfmiddlewaretoken', form.querySelector('[name=csrfmiddlewaretoken]').value);
        data.append('html', '<p onmouseover="x()">Kept<script>alert(1)</script></p><iframe src="//evil"></iframe>'
          + '<img src="https://evil.example/p.png"><a href="javascript:alert(1)">j</a><style>p{}</style>');
        const response = await fetch(form.action, {method: 'POST', body: data, headers: {Accept: 'application/json'}});
        return (await response.json()).status;
    }"""
    )
    assert answer == "saved"
    assert (
        outcome.original_sections.get(kind="conclusions").html
        == '<p>Kept</p><a rel="noopener noreferrer nofollow">j</a>'
    )
    assert problems == []


def test_sign_off_plenary_and_publication(demo, live_server, browser, screenshot, page):
    problems = watch_console(page)
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(workspace_url(live_server))
    start_drafting(page)
    editor(page).click()
    page.keyboard.type("Governments agreed that partnerships must include civil society.")
    editor(page, "recommendations").click()  # leaving the section saves it at once
    expect(status(page)).to_have_text(SAVED, timeout=10_000)
    toolbar = page.get_by_role("toolbar", name="Formatting of “Recommendations”")
    toolbar.get_by_role("button", name="Bold").click()
    page.keyboard.type("Reduce the cost of remittances")
    page.keyboard.press("Enter")
    toolbar.get_by_role("button", name="Bold").click()
    toolbar.get_by_role("button", name="Bulleted list").click()
    page.keyboard.type("Publish fees in every corridor")
    expect(status(page, "recommendations")).to_have_text(SAVED, timeout=10_000)
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("editor")
    page.get_by_role("button", name="Submit to the co-chairs").click()
    expect(page.get_by_text("The outcome was sent to the co-chairs.")).to_be_visible()
    expect(page.locator(".signoff-list")).to_contain_text("Not yet approved")

    for email, government in (("focalpoint.mx@example.org", "Mexico"), ("cochair.es@example.org", "Spain")):
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
        co_chair = context.new_page()
        problems += watch_console(co_chair)
        sign_in(co_chair, live_server, email)
        co_chair.goto(workspace_url(live_server))
        co_chair.get_by_label("Your comment on this section").first.fill("Well summarised.")
        co_chair.get_by_role("button", name="Add comment").first.click()
        co_chair.get_by_role("button", name=f"Approve for {government}").click()
        expect(co_chair.get_by_text("Your approval is recorded.")).to_be_visible()
        context.close()

    page.reload()
    expect(page.locator(".signoff-list")).not_to_contain_text("Not yet approved")
    expect(page.locator(".outcome-state")).to_have_text("Approved")
    page.evaluate("window.scrollTo(0, 0)")
    screenshot("approved")

    page.get_by_role("link", name="Present at the closing plenary").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Outcome of session 1.1")
    # The keys work once the presentation script has run (the heading is there before it does).
    expect(page.locator("body")).to_have_class(re.compile(r"\bpresentation-js\b"))
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", level=2)).to_have_text("Summary of the discussion")
    screenshot("plenary")
    page.keyboard.press("ArrowRight")
    expect(page.get_by_role("heading", level=2)).to_have_text("Recommendations")
    expect(page.locator("[data-slide-counter]")).to_have_text("3 / 3")

    chair_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    chair = chair_context.new_page()
    problems += watch_console(chair)
    sign_in(chair, live_server, "chair@example.org")
    chair.goto(workspace_url(live_server))
    chair.get_by_role("button", name="Publish on the session's page").click()
    expect(chair.get_by_text("The outcome is published on the session's public page.")).to_be_visible()
    chair_context.close()

    public_context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    public = public_context.new_page()
    problems += watch_console(public)
    session = demo_session("1.1")
    public.goto(f"{live_server.url}/meetings/{session.meeting.number}/sessions/{session.pk}/")
    outcome_section = public.get_by_role("region", name="Outcome of the session")
    expect(outcome_section).to_contain_text("Governments agreed that partnerships must include civil society.")
    expect(outcome_section).to_contain_text("Approved by the co-chairs: Mexico, Spain")
    outcome_section.scroll_into_view_if_needed()
    public.screenshot(
        path=str(_shot("x").with_name("test_sign_off_plenary_and_publication-public.png")), full_page=True
    )
    outcome_section.get_by_role("link", name="Printable version").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Outcome of session 1.1")
    expect(public.get_by_text("Governments agreed that partnerships must include civil society.")).to_be_visible()
    expect(public.locator("strong")).to_have_text("Reduce the cost of remittances")
    public.screenshot(
        path=str(_shot("print").with_name("test_sign_off_plenary_and_publication-print.png")), full_page=True
    )
    public_context.close()
    assert problems == []


def test_signed_out_while_writing_the_text_waits_and_arrives_after_signing_in_again(demo, live_server, page, context):
    problems = watch_console(page)
    sign_in(page, live_server, "rapporteur@example.org")
    page.goto(workspace_url(live_server))
    start_drafting(page)
    context.clear_cookies()  # the session expired while the rapporteur was writing
    editor(page, "conclusions").click()
    page.keyboard.type("Bilateral labour agreements work best with civil-society monitoring.")
    expect(status(page, "conclusions")).to_contain_text("sign in again", timeout=10_000)

    other_tab = context.new_page()
    sign_in(other_tab, live_server, "rapporteur@example.org")  # a new session and a new CSRF token
    other_tab.close()
    expect(status(page, "conclusions")).to_have_text(SAVED, timeout=25_000)
    outcome = Outcome.objects.get(session__code="1.1")
    assert outcome.original_sections.get(kind="conclusions").html == (
        "<p>Bilateral labour agreements work best with civil-society monitoring.</p>"
    )
    assert [p for p in problems if "Content Security Policy" in p] == []
