"""The registry of mail templates, and the one helper that mails each person in their language."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.loader import get_template

from accounts.tests.factories import UserFactory
from mailings.models import OutgoingMail
from mailings.services import Address, send_to_people, suppressed
from mailings.templates import (
    UnknownMail,
    default_texts,
    mail_template,
    register_mail,
    registered_mails,
    render_mail,
    template_for_language,
)

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def _source(name: str) -> str:
    """A template's text with the templates it extends or includes (one level is enough here)."""
    text = get_template(name).template.source
    for parent in re.findall(r"{% (?:extends|include) \"([^\"]+)\"", text):
        text += get_template(parent).template.source
    return text


@pytest.mark.parametrize("key", sorted(registered_mails()))
def test_every_registered_mail_has_its_templates_in_every_language(key):
    template = mail_template(key)
    for language in LANGUAGES:
        assert get_template(template_for_language(template.subject, language))
        assert get_template(template_for_language(template.body, language))


@pytest.mark.parametrize("key", sorted(registered_mails()))
def test_every_placeholder_declared_is_read_by_the_texts(key):
    template = mail_template(key)
    sources = "".join(
        _source(template_for_language(name, language))
        for name in (template.subject, template.body)
        for language in LANGUAGES
    )
    code = " ".join(re.findall(r"{{.*?}}|{%.*?%}|{[a-z_]+}", sources))  # variables, tags, {placeholders}
    unread = [name for name in template.placeholders if not re.search(rf"\b{name}\b", code)]
    assert unread == []


def test_every_mail_template_file_is_registered():
    names = {name for template in registered_mails().values() for name in (template.subject, template.body)}
    files = {
        str(path.relative_to(Path(settings.BASE_DIR) / "templates"))
        for path in (Path(settings.BASE_DIR) / "templates").glob("*/mail/*.txt")
        if not path.name.startswith("_")  # a part included by several mails
    }
    # A per-language file (invitation.fr.txt) belongs to the registered name without its language.
    files = {re.sub(r"\.(?:" + "|".join(LANGUAGES) + r")\.txt$", ".txt", name) for name in files}
    assert sorted(files - names) == []


def test_each_app_registers_its_mails():
    assert {key.split(".")[0] for key in registered_mails()} == {
        "accounts",
        "delegations",
        "followup",
        "logistics",
        "notifications",
        "outcomes",
        "papers",
        "portal",
        "roundtables",
        "surveys",
    }


def test_an_unknown_mail_is_refused():
    with pytest.raises(UnknownMail):
        render_mail("nowhere.nothing", {})


def test_a_key_names_its_app():
    with pytest.raises(ValueError):
        register_mail("nothing", placeholders={})


@pytest.mark.django_db  # render_mail() reads the edited texts (mailings.texts)
def test_render_mail_writes_the_subject_on_one_line_in_the_language_asked():
    session = type("Session", (), {"code": "1.2"})()
    assert render_mail("outcomes.approved", {"session": session}, language="fr").subject == (
        "Conclusions de la séance 1.2 : approuvées"
    )


def test_a_text_written_per_language_is_read_in_that_language():
    subjects, bodies = default_texts("surveys.invitation")
    assert subjects == {
        "en": "GFMD survey: {survey}",
        "fr": "Enquête du FMMD : {survey}",
        "es": "Encuesta del FMMD: {survey}",
    }
    assert bodies["es"].startswith("{salutation}\n\nEn nombre de la Presidencia")
    assert bodies["en"].endswith("With our thanks,\nThe GFMD Chair's office")


@pytest.mark.django_db
def test_send_to_people_mails_each_person_in_their_language_with_their_salutation(chair):
    french = UserFactory(email="amelie@example.org", preferred_language="fr", honorific="ms", last_name="Roux")
    english = UserFactory(email="grace@example.org", preferred_language="en", honorific="ms", last_name="Adeyemi")
    session = type("Session", (), {"code": "1.2", "title": "Partnerships"})()
    count = send_to_people(
        "outcomes.approved",
        [french, english, UserFactory(email="")],
        context=lambda person: {"session": session, "url": f"https://portal.example.org/{person.pk}"},
    )
    mails = {mail.to: mail for mail in OutgoingMail.objects.all()}
    assert count == 2
    assert (mails["amelie@example.org"].subject, mails["grace@example.org"].subject) == (
        "Conclusions de la séance 1.2 : approuvées",
        "Session 1.2 outcome: approved",
    )
    assert mails["amelie@example.org"].body_text.startswith("Madame Roux,\n\n")
    assert mails["grace@example.org"].body_text == (
        "Dear Ms Adeyemi,\n\nThe outcome of session 1.2, “Partnerships”, is approved. The rapporteur can "
        "present it at the closing plenary, and the Chair's office can publish it.\n\n"
        f"https://portal.example.org/{english.pk}\n\nGFMD Meeting Portal\n"
    )


@pytest.mark.django_db
def test_send_to_people_writes_nothing_while_suppressed():
    with suppressed("demo"):
        send_to_people("papers.deadline_reminder", [], context={})
        assert OutgoingMail.objects.count() == 0


@pytest.mark.django_db
def test_an_address_without_an_account_is_mailed_in_the_language_given(chair):
    from types import SimpleNamespace

    from django.utils import timezone

    from mailings.links import LINK_MARKER

    invitation = SimpleNamespace(
        delegation=SimpleNamespace(display_name="Mexico"),
        meeting=SimpleNamespace(title="GFMD 2010"),
        get_role_display="Delegate",
        email="new@example.org",
        expires_at=timezone.now(),
    )
    send_to_people(
        "delegations.invitation",
        [Address("new@example.org", "es")],
        context={"invitation": invitation, "inviter": chair, "link": LINK_MARKER},
        link_kind="delegations.invitation",
        link_object_id=7,
    )
    mail = OutgoingMail.objects.get()
    assert (mail.to, mail.link_kind, mail.link_object_id) == ("new@example.org", "delegations.invitation", 7)
    assert mail.body_text.startswith("Señora, señor:\n\n")
    assert "{link}" in mail.body_text
