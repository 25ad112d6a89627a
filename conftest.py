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
