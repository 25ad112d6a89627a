"""The axe-core audit that every browser test gets from conftest.py (tests/accessibility.py)."""

import pytest
from playwright.sync_api import expect

from tests.accessibility import Violation

SITE = "http://portal.test"
GREY_ON_WHITE = """<!DOCTYPE html><html lang="en"><head><title>Grey</title></head>
<body><main><p style="color: #aaaaaa; background: #ffffff">Hard to read</p>
<a href="/fine">Next</a></main></body></html>"""
ASKS_ON_LOAD = """<!DOCTYPE html><html lang="en"><head><title>Asks</title>
<script>addEventListener("load", () => setTimeout(() => { window.answer = confirm("Sure?"); }, 0));</script>
</head><body><main><p>A question</p></main></body></html>"""
FADES_ON_HOVER = """<!DOCTYPE html><html lang="en"><head><title>Fades</title><style>
button { color: #0b5394; background: #fff; border: 1px solid #0b5394; transition: color 1s, background-color 1s; }
button:hover { color: #fff; background: #0b5394; }
</style></head><body><main><button type="button">Preview</button></main></body></html>"""
SWAPS = """<!DOCTYPE html><html lang="en"><head><title>Swaps</title><script>
addEventListener("click", () => {
  document.querySelector("main").insertAdjacentHTML("beforeend", '<p style="color: #aaaaaa">Swapped in</p>');
  document.dispatchEvent(new CustomEvent("htmx:afterSettle"));
});
</script></head><body><main><button type="button">Load more</button></main></body></html>"""
FINE = """<!DOCTYPE html><html lang="en"><head><title>Fine</title></head>
<body><main><p>Easy to read</p><a href="/asks">Ask</a></main></body></html>"""
CONTRAST_SUMMARY = (
    "Fix any of the following:\n  Element has insufficient color contrast of 2.32 (foreground color: #aaaaaa, "
    "background color: #ffffff, font size: 12.0pt (16px), font weight: normal). Expected contrast ratio of 4.5:1"
)


def serve(context):
    """Answer for a made-up site, so each test controls the markup axe sees."""
    pages = {"/grey": GREY_ON_WHITE, "/fine": FINE, "/asks": ASKS_ON_LOAD, "/fades": FADES_ON_HOVER, "/swaps": SWAPS}
    context.route(
        f"{SITE}/**",
        lambda route: route.fulfill(body=pages[route.request.url.removeprefix(SITE)], content_type="text/html"),
    )


def found(audit):
    return [(v.rule, v.impact, v.url, [target for target, _ in v.targets]) for v in audit.violations]


@pytest.mark.browser
def test_a_loaded_page_is_audited_before_the_journey_goes_on(page, _accessibility_audit):
    serve(page.context)

    page.goto(f"{SITE}/grey")
    page.get_by_role("link", name="Next").click()
    page.wait_for_url(f"{SITE}/fine")

    assert found(_accessibility_audit) == [("color-contrast", "serious", f"{SITE}/grey", ["p"])]
    assert _accessibility_audit.violations[0].targets[0][1] == CONTRAST_SUMMARY
    _accessibility_audit.violations.clear()  # seen: the test must not fail for it


@pytest.mark.browser
def test_the_page_a_journey_ends_on_is_audited(page, _accessibility_audit):
    serve(page.context)

    page.goto(f"{SITE}/fine")
    page.goto(f"{SITE}/grey")
    _accessibility_audit.finish()

    assert found(_accessibility_audit) == [("color-contrast", "serious", f"{SITE}/grey", ["p"])]
    assert _accessibility_audit.audited_pages == 2
    _accessibility_audit.violations.clear()


@pytest.mark.browser
def test_the_same_markup_is_audited_once_and_reported_each_time(page, _accessibility_audit):
    serve(page.context)

    page.goto(f"{SITE}/grey")
    page.goto(f"{SITE}/fine")
    page.goto(f"{SITE}/grey")
    _accessibility_audit.finish()

    assert _accessibility_audit.audited_pages == 3
    assert _accessibility_audit.reused >= 1  # the second /grey at least: earlier tests may have seen both
    assert found(_accessibility_audit) == [("color-contrast", "serious", f"{SITE}/grey", ["p"])]
    _accessibility_audit.violations.clear()


@pytest.mark.browser
def test_what_htmx_swaps_in_is_audited_too(page, _accessibility_audit):
    serve(page.context)
    page.goto(f"{SITE}/swaps")

    page.get_by_role("button", name="Load more").click()
    expect(page.get_by_text("Swapped in")).to_be_visible()
    _accessibility_audit.finish()

    assert found(_accessibility_audit) == [("color-contrast", "serious", f"{SITE}/swaps", ["p"])]
    _accessibility_audit.violations.clear()


@pytest.mark.browser
def test_pages_of_a_context_the_test_opens_itself_are_audited(browser, _accessibility_audit):
    context = browser.new_context()
    serve(context)
    other = context.new_page()

    other.goto(f"{SITE}/grey")
    context.close()

    assert found(_accessibility_audit) == [("color-contrast", "serious", f"{SITE}/grey", ["p"])]
    _accessibility_audit.violations.clear()


@pytest.mark.browser
def test_a_dialog_accepted_by_an_event_handler_does_not_wait_for_an_audit(page, _accessibility_audit):
    # The page loads and asks while the test waits: the handler's dialog.accept() comes while the load still
    # waits for its audit, which could not run while the dialog is open (a deadlock if the handler ran it).
    serve(page.context)
    page.on("dialog", lambda dialog: dialog.accept())

    page.goto(f"{SITE}/fine")
    page.get_by_role("link", name="Ask").click()
    page.wait_for_function("window.answer !== undefined", timeout=5000)

    assert page.evaluate("window.answer") is True
    _accessibility_audit.finish()
    assert _accessibility_audit.audited_pages == 2
    assert _accessibility_audit.violations == []


@pytest.mark.browser
def test_colours_are_measured_once_a_transition_has_ended(page, audit):
    serve(page.context)
    page.goto(f"{SITE}/fades")

    page.get_by_role("button", name="Preview").click()  # the pointer stays on it: a one-second fade to hover
    page.wait_for_timeout(450)  # half-way, both colours are mid-blue

    assert audit(page) == []


@pytest.mark.browser
def test_audit_checks_what_changed_without_a_page_load(page, audit, _accessibility_audit):
    serve(page.context)
    page.goto(f"{SITE}/fine")

    assert audit(page) == []
    page.locator("main").evaluate("main => main.insertAdjacentHTML('beforeend', '<img src=\"data:,\" id=\"x\">')")
    failures = audit(page)

    assert [(v.rule, v.impact, [t for t, _ in v.targets]) for v in failures] == [("image-alt", "critical", ["#x"])]
    _accessibility_audit.violations.clear()


def test_the_report_names_rule_impact_page_help_and_elements():
    violation = Violation(
        url="http://localhost/delegations/participants/",
        rule="color-contrast",
        impact="serious",
        help="Elements must meet minimum color contrast ratio thresholds",
        help_url="https://dequeuniversity.com/rules/axe/4.14/color-contrast",
        targets=((".badge", "Fix any of the following:\n  Element has insufficient color contrast of 3.2"),),
    )

    assert violation.describe() == (
        "color-contrast (serious) on http://localhost/delegations/participants/\n"
        "  Elements must meet minimum color contrast ratio thresholds: "
        "https://dequeuniversity.com/rules/axe/4.14/color-contrast\n"
        "  - .badge\n"
        "      Fix any of the following: Element has insufficient color contrast of 3.2"
    )


@pytest.mark.browser
def test_the_portals_content_security_policy_lets_the_audit_in(
    transactional_db, live_server, page, _accessibility_audit
):
    response = page.goto(f"{live_server.url}/accounts/login/")
    assert "script-src 'self' 'nonce-" in response.headers["content-security-policy"]

    page.evaluate("document.dispatchEvent(new CustomEvent('htmx:afterSettle'))")  # as htmx would, after a swap
    _accessibility_audit.finish()

    assert _accessibility_audit.audited_pages == 2  # the page load, then the swap
    assert _accessibility_audit.violations == []


@pytest.mark.parametrize("page", [2])
def test_a_test_without_the_browser_marker_is_not_audited(page, _accessibility_audit):
    assert _accessibility_audit is None


@pytest.mark.browser
@pytest.mark.axe_skip(reason="shows that the marker opts out")
def test_axe_skip_opts_a_browser_test_out(page, _accessibility_audit):
    assert _accessibility_audit is None
