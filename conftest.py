"""Fixtures shared by every app's tests: the browser set-up and the people of the demo roles."""

import os

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")

CHROMIUM = os.environ.get("GFMD_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    # Debian's Chromium: Playwright cannot download its own browser on these machines.
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1280, "height": 900}, "locale": "en-GB"}


@pytest.fixture
def chair(db):
    from accounts.tests.factories import ChairOfficeFactory

    return ChairOfficeFactory()


@pytest.fixture(autouse=True)
def _default_chair_staff_of_new_meetings():
    """The default Chair's office member (accounts.tests.factories.ChairOfficeFactory) becomes staff of each
    meeting the test creates, so a test written before per-meeting roles keeps its meaning; the tests of
    those roles make their own staff."""
    from django.db.models.signals import post_save

    from accounts.tests.factories import DEFAULT_CHAIRS, grant_chair_staff
    from roundtables.models import Meeting

    def grant(sender, instance, created, raw=False, **kwargs):
        if created and not raw and DEFAULT_CHAIRS:
            from accounts.models import User

            for user in User.objects.filter(pk__in=DEFAULT_CHAIRS):
                grant_chair_staff(user, [instance])

    DEFAULT_CHAIRS.clear()
    post_save.connect(grant, sender=Meeting, dispatch_uid="tests.default_chair_staff")
    yield
    post_save.disconnect(sender=Meeting, dispatch_uid="tests.default_chair_staff")
    DEFAULT_CHAIRS.clear()


@pytest.fixture
def support(db):
    """Portal support: the operators, with the Chair's office's rights on every meeting."""
    from accounts.tests.factories import SupportFactory

    return SupportFactory()


@pytest.fixture
def meeting(db):
    from roundtables.tests.factories import MeetingFactory

    return MeetingFactory(is_current=True)


@pytest.fixture
def demo(transactional_db):
    """The 2010 demo (meeting, delegations, demo accounts), for browser tests against live_server."""
    from django.core.management import call_command

    call_command("load_demo", quiet_accounts=True)


@pytest.fixture
def screenshot(page, request):
    """Save a full-page screenshot under var/screenshots/ for a person to look at."""
    from django.conf import settings

    folder = settings.VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> None:
        page.screenshot(path=str(folder / f"{request.node.name}-{name}.png"), full_page=True)

    return take


def sign_in(page, live_server, email: str, password: str = "gfmd-demo-2010") -> None:
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(password)
    page.locator("main").get_by_role("button", name="Sign In").click()
    page.wait_for_load_state()


@pytest.fixture(autouse=True)
def _clear_cache():
    """Each test starts with an empty cache: allauth's rate limits (one confirmation mail per
    address every few minutes, for example) must not leak from one test into the next."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in English: a test (or code under test) that activates another language and
    never deactivates it must not change what the next test in the same worker reads."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


# -- Accessibility: axe-core audits every page every browser test loads (tests/accessibility.py) ------
_AUDIT = pytest.StashKey["AccessibilityAudit"]()


@pytest.fixture(autouse=True)
def _accessibility_audit(request, monkeypatch):
    """Every browser test is audited by axe-core; `@pytest.mark.axe_skip(reason=...)` opts out, with a reason."""
    # The browser marker, not a fixture's name: a test may well have a parameter called "page".
    if request.node.get_closest_marker("browser") is None:
        yield None
        return
    skip = request.node.get_closest_marker("axe_skip")
    if skip is not None:
        if not skip.kwargs.get("reason"):
            pytest.fail("@pytest.mark.axe_skip needs a reason=... saying why this test is not audited", pytrace=False)
        yield None
        return
    from tests.accessibility import AccessibilityAudit

    audit = AccessibilityAudit()
    audit.watch(monkeypatch)
    request.node.stash[_AUDIT] = audit
    yield audit
    audit.stop()


@pytest.fixture
def audit(_accessibility_audit):
    """`audit(page)` audits the page as it is now (a dialog open, a section unfolded: page loads and htmx swaps
    are audited without asking) and returns its serious and critical violations; they also fail the test at
    its end, like the others."""
    if _accessibility_audit is None:
        pytest.fail("audit() needs a browser test that is not marked axe_skip", pytrace=False)
    return _accessibility_audit.audit


# -- Valid HTML: the Nu Html Checker judges every response a browser test is served (tests/html_validity.py) ---
_VALIDITY = pytest.StashKey["HtmlValidity"]()


@pytest.fixture(autouse=True)
def _html_validity(request, monkeypatch):
    if request.node.get_closest_marker("browser") is None:
        yield None
        return
    from tests.html_validity import HtmlValidity

    validity = HtmlValidity()
    validity.watch(monkeypatch)
    request.node.stash[_VALIDITY] = validity
    yield validity
    validity.stop()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    audit = item.stash.get(_AUDIT, None)
    validity = item.stash.get(_VALIDITY, None)
    if audit is None and validity is None:
        return (yield)
    from playwright.sync_api import BrowserContext, Page

    if audit is not None:
        for value in item.funcargs.values():  # created before the audit started watching, should fixtures reorder
            if isinstance(value, Page | BrowserContext):
                audit.watch_context(value.context if isinstance(value, Page) else value)
    try:
        result = yield
    except BaseException:
        # The test failed on its own: say what axe and the checker found so far, without hiding its own error.
        if audit is not None:
            audit.stop()
            if audit.failures:
                item.add_report_section("call", "axe-core", audit.report())
        if validity is not None:
            validity.stop()
        raise
    failures = []
    if audit is not None:
        # The page the journey ended on has not been audited yet (no Playwright call came after its load).
        audit.finish()
        item.add_report_section(
            "call",
            "axe-core",
            f"{audit.audited_pages} page states audited ({audit.reused} known from before) in {audit.seconds:.2f} s",
        )
        if audit.failures:
            failures.append(audit.report())
    if validity is not None:
        validity.finish()
        item.add_report_section("call", "Nu Html Checker", validity.summary())
        if validity.skipped_because and os.environ.get("CI"):
            failures.append(f"Nu Html Checker {validity.summary()}")
        if validity.errors:
            failures.append(validity.report())
    if failures:
        pytest.fail("\n\n".join(failures), pytrace=False)
    return result


def pytest_terminal_summary(terminalreporter):
    """Say it loudly when browser tests ran without the Nu Html Checker (pytest run without scripts/test.sh)."""
    ran_browser_tests = any(
        "browser" in report.keywords
        for reports in terminalreporter.stats.values()
        for report in reports
        if hasattr(report, "keywords")
    )
    if not ran_browser_tests:
        return
    from tests.html_validity import Checker

    missing = Checker.missing()
    if missing:
        terminalreporter.write_sep("!", f"HTML validity NOT checked: {missing}", yellow=True, bold=True)
