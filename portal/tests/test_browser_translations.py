"""Mexico's Chair's office names a French translator on 2010's staff page; the translator signs in, opens
their queue from the header, translates a session's description and a paper's abstract side by side, and
sees both leave the queue."""

import pytest
from playwright.sync_api import expect

from conftest import sign_in
from papers.models import Paper

pytestmark = pytest.mark.browser

TRANSLATOR = "rapporteur@example.org"


def test_a_french_translator_is_named_and_works_through_the_queue(demo, live_server, page, screenshot):
    sign_in(page, live_server, "chair@example.org")
    page.goto(f"{live_server.url}/chair/meetings/4/people/")
    section = page.get_by_role("region", name="Translators")
    expect(section).to_contain_text("translator.fr@example.org")  # the demo's translators
    section.get_by_label("E-mail address of the translator").fill("translator.fr@example.org")
    section.get_by_label("Translates into").select_option("fr")
    section.get_by_role("button", name="Name the translator").click()
    expect(page.locator("#id_translator-email_error")).to_have_text(
        "translator.fr@example.org is already translator into French of "
        "Fourth Meeting of the Global Forum on Migration and Development."
    )
    section = page.get_by_role("region", name="Translators")
    section.get_by_label("E-mail address of the translator").fill("nobody@example.org")
    section.get_by_label("Translates into").select_option("fr")
    section.get_by_role("button", name="Name the translator").click()
    expect(page.locator("#id_translator-email_error")).to_contain_text("No account has the address nobody@example.org")
    screenshot("unknown-address")
    section = page.get_by_role("region", name="Translators")
    section.get_by_label("E-mail address of the translator").fill(TRANSLATOR)
    section.get_by_label("Translates into").select_option("fr")
    section.get_by_role("button", name="Name the translator").click()
    expect(page.get_by_role("alert").first).to_contain_text("is now translator into French for")
    expect(page.get_by_role("region", name="Translators")).to_contain_text(TRANSLATOR)
    screenshot("named")
    page.context.clear_cookies()

    sign_in(page, live_server, TRANSLATOR)
    page.get_by_role("navigation").get_by_role("link", name="Translations").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Awaiting translation into French")
    descriptions = page.get_by_role("region", name="session and roundtable descriptions")
    papers = page.get_by_role("region", name="titles or abstracts")
    expect(descriptions.get_by_role("listitem").filter(has_text="1.1")).to_have_count(1)
    expect(papers.get_by_role("listitem").filter(has_text="Labour mobility strategies")).to_have_count(1)
    screenshot("queue")
    page.set_viewport_size({"width": 390, "height": 844})
    screenshot("queue-phone")
    page.set_viewport_size({"width": 1280, "height": 900})

    # A session's title and description.
    descriptions.get_by_role("listitem").filter(has_text="1.1").get_by_role("link", name="Translate").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Translate session 1.1 into French")
    page.get_by_label("Title in French").fill("Partenariats pour une migration circulaire")
    page.get_by_label("Description in French").fill("Comment les partenariats soutiennent le développement.")
    screenshot("session-form")
    page.get_by_role("button", name="Save the translation").click()
    expect(page.get_by_role("alert").first).to_contain_text("Your French translation of session 1.1 was saved.")
    expect(
        page.get_by_role("region", name="session and roundtable descriptions")
        .get_by_role("listitem")
        .filter(has_text="1.1")
    ).to_have_count(0)

    # A paper's abstract (its title is translated already).
    paper = (
        page.get_by_role("region", name="titles or abstracts")
        .get_by_role("listitem")
        .filter(has_text="Labour mobility strategies")
    )
    expect(paper).to_contain_text("abstract")
    paper.get_by_role("link", name="Translate").click()
    expect(page.get_by_label("Title in French")).to_have_value(
        "Stratégies de mobilité de la main-d'oeuvre pour le développement humain"
    )
    page.get_by_label("Abstract in French").fill(
        "La mobilité de la main-d'oeuvre peut accroître les revenus et les compétences des migrants."
    )
    screenshot("paper-form")
    page.get_by_role("button", name="Save the translation").click()
    expect(page.get_by_role("alert").first).to_contain_text("was saved")
    expect(
        page.get_by_role("region", name="titles or abstracts")
        .get_by_role("listitem")
        .filter(has_text="Labour mobility strategies")
    ).to_have_count(0)
    screenshot("queue-after")

    # The team revises the abstract: the paper is back in the queue, what changed marked on the form.
    Paper.objects.filter(title_en__startswith="Labour mobility strategies").update(
        abstract_en=Paper.objects.get(title_en__startswith="Labour mobility strategies").abstract_en.replace(
            "can raise the incomes", "can substantially raise the incomes"
        )
    )
    page.reload()
    paper = (
        page.get_by_role("region", name="titles or abstracts")
        .get_by_role("listitem")
        .filter(has_text="Labour mobility strategies")
    )
    expect(paper).to_contain_text("original changed since translated")
    paper.get_by_role("link", name="Translate").click()
    expect(page.locator("ins")).to_have_text("substantially ")
    screenshot("paper-changed")
