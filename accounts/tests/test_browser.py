import re

import pytest
from playwright.sync_api import expect

from conftest import sign_in

pytestmark = pytest.mark.browser

LANDINGS = [
    ("chair@example.org", "/chair/", "Chair's office"),
    # The Swiss Chair's office (2011 in preparation) reads the portal in French.
    ("chair.ch@example.org", "/chair/", "Bureau de la présidence"),
    ("focalpoint.mx@example.org", "/delegations/", "Delegation of Mexico"),
    ("delegate.mx@example.org", "/me/dashboard/", "Welcome, Ms Sofía Castillo"),
    ("rapporteur@example.org", "/me/dashboard/", "Welcome, Dr Daniel Okafor"),
    ("civilsociety@example.org", "/delegations/civil-society/", "Civil-society organisations"),
]


@pytest.mark.parametrize(("email", "path", "heading"), LANDINGS)
def test_each_demo_account_lands_on_its_page(demo, live_server, page, screenshot, email, path, heading):
    sign_in(page, live_server, email)
    assert page.url.startswith(f"{live_server.url}{path}")
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    screenshot("landing")


def test_rapporteur_dashboard_links_to_the_outcome_with_its_state(demo, live_server, page, screenshot):
    sign_in(page, live_server, "rapporteur@example.org")
    roles = page.get_by_role("region", name="My session roles")
    role = roles.get_by_role("article").filter(has_text="Rapporteur · 1.1")
    expect(role).to_contain_text("Not started Draft the outcome and submit it to the co-chairs.")
    to_do = page.get_by_role("region", name="Still to do")
    expect(to_do).to_contain_text("Rapporteur · 1.1: Draft the outcome and submit it to the co-chairs.")
    sessions = page.get_by_role("region", name="My sessions at the Fourth Meeting")
    expect(sessions.get_by_role("heading", level=3)).to_have_text(re.compile(r"^1\.1 "))
    expect(page.get_by_role("link", name="My outcomes")).to_be_visible()
    screenshot("dashboard")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("dashboard-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    role.get_by_role("link", name=re.compile(r"^Rapporteur · 1\.1")).click()
    expect(page).to_have_url(re.compile(r"/outcomes/session/\d+/$"))


def test_home_shows_meeting_theme_and_roundtables(demo, live_server, page, screenshot):
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Fourth Meeting of the Global Forum on Migration and Development"
    )
    expect(page.get_by_text("shared prosperity – shared responsibility")).to_be_visible()
    expect(page.get_by_role("heading", name="Human mobility and human development")).to_be_visible()
    expect(page.get_by_text("10 Nov, 09:00")).to_be_visible()  # the host city's time
    screenshot("home")


def test_language_switcher_shows_the_page_in_spanish(demo, live_server, page):
    page.goto(live_server.url)
    page.get_by_label("Language").select_option("es")
    page.wait_for_load_state()
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(page.get_by_role("heading", name="Mesas redondas")).to_be_visible()


def test_sign_out_is_a_post(demo, live_server, page):
    sign_in(page, live_server, "delegate.mx@example.org")
    page.get_by_role("button", name="Ms Sofía Castillo").click()
    page.get_by_role("button", name="Sign out").click()
    expect(page.get_by_role("link", name="Sign in")).to_be_visible()


def test_keyboard_user_can_skip_to_content(demo, live_server, page):
    page.goto(live_server.url)
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to main content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()


def test_signup_verification_mail_then_sign_in(transactional_db, live_server, page, mailoutbox, screenshot):
    page.goto(f"{live_server.url}/accounts/signup/")
    page.get_by_label("First name").fill("Amina")
    page.get_by_label("Last name").fill("Diallo")
    page.get_by_label("Email").fill("amina@example.org")
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill("a-long-passphrase-2010")
    page.get_by_label("Password (again)").fill("a-long-passphrase-2010")
    page.locator("main").get_by_role("button", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    # The link is made on SITE_URL when the mail is sent; the live server has its own port.
    path = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mailoutbox[0].body).group(1)
    page.goto(f"{live_server.url}{path}")
    page.locator("main").get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Welcome, Amina Diallo")
    screenshot("verified")


def test_newcomer_creates_an_account_and_is_offered_the_registration(demo, live_server, page, mailoutbox, screenshot):
    page.goto(live_server.url)
    page.get_by_role("link", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Create an account")
    page.get_by_label("First name").fill("<b>Amara</b>")
    page.get_by_label("Last name").fill("Mensah")
    page.get_by_label("Email").fill("amara@example.org")
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill("a-long-passphrase-2010")
    page.get_by_label("Password (again)").fill("a-long-passphrase-2010")
    page.locator("main").get_by_role("button", name="Create an account").click()
    # Refused next to the field, with what was typed kept for correcting.
    first_name = page.get_by_label("First name")
    expect(first_name).to_have_value("<b>Amara</b>")
    expect(page.locator("#id_first_name ~ .invalid-feedback, #error_1_id_first_name").first).to_have_text(
        "A name cannot contain angle brackets (< or >). Please type it as it should be printed."
    )
    screenshot("name-refused")
    first_name.fill("Amara")
    page.get_by_label(re.compile(r"^\s*Password\*?\s*$")).fill("a-long-passphrase-2010")
    page.get_by_label("Password (again)").fill("a-long-passphrase-2010")
    page.locator("main").get_by_role("button", name="Create an account").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Verify Your Email Address")
    mail = next(m for m in mailoutbox if m.to == ["amara@example.org"])
    path = re.search(r"https?://[^/\s]+(/accounts/confirm-email/\S+)", mail.body).group(1)
    page.goto(f"{live_server.url}{path}")
    page.locator("main").get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your account is ready")
    expect(page.get_by_role("heading", level=2)).to_have_text(
        "Register for the Fourth Meeting of the Global Forum on Migration and Development"
    )
    # A newcomer's menu has no entries with nothing behind them.
    expect(page.get_by_role("link", name="My outcomes")).to_have_count(0)
    expect(page.get_by_role("link", name="My GFMD", exact=True)).to_be_visible()
    screenshot("welcome")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("welcome-phone")
    page.set_viewport_size({"width": 1280, "height": 900})
    page.get_by_role("link", name="Register for the meeting").click()
    expect(page).to_have_url(f"{live_server.url}/delegations/meetings/4/register/")


def test_profile_refuses_a_name_with_markup_next_to_the_field(demo, live_server, page, screenshot):
    sign_in(page, live_server, "delegate.mx@example.org")
    page.get_by_role("button", name="Ms Sofía Castillo").click()
    page.get_by_role("link", name="Profile").click()
    page.get_by_label("Last name").fill("<i>Castillo</i>")
    page.get_by_role("button", name="Save profile").click()
    expect(page.locator("#id_last_name")).to_have_class(re.compile(r"\bis-invalid\b"))
    expect(page.locator("#error_1_id_last_name")).to_have_text(
        "A name cannot contain angle brackets (< or >). Please type it as it should be printed."
    )
    # The stored name is unchanged.
    expect(page.get_by_role("button", name="Ms Sofía Castillo")).to_be_visible()
    screenshot("profile-refused")
