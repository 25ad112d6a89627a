"""The mail texts the Chair's office edits (mailings.texts): who may, what a text may hold, what is sent."""

import dataclasses
import html

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from gfmd.tests.queries import count_queries
from mailings import text_views
from mailings.links import LINK_MARKER
from mailings.models import MailText, OutgoingMail
from mailings.placeholders import placeholder_text, render_text, text_errors
from mailings.sending import _build_message
from mailings.services import Address, send_to_people
from mailings.templates import default_texts, mail_template, registered_mails, render_mail, starting_texts
from mailings.texts import mail_keys, mail_text_preview, mail_text_reset, mail_text_save
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db

SUBMITTED = "outcomes.submitted"
ES_SUBJECT = "Sesión {session}: resultado para firmar"
ES_BODY = "{salutation}\n\n{actor} ha enviado el resultado de la sesión {session}.\n\nÁbralo aquí: {url}\n"


def _save(actor, *, key=SUBMITTED, language="es", subject=ES_SUBJECT, body=ES_BODY) -> MailText:
    return mail_text_save(key=key, language=language, subject=subject, body=body, actor=actor)


def _send_submitted(people, actor=None) -> list[OutgoingMail]:
    session = SessionFactory(code="2.1", title_en="Labour mobility")
    actor = actor or UserFactory(first_name="Ana", last_name="Ruiz")
    context = {"session": session, "actor": actor, "url": "https://portal.example/outcomes/7/", "outcome": None}
    send_to_people(SUBMITTED, people, context=context)
    return list(OutgoingMail.objects.order_by("pk"))


# --- the rules -------------------------------------------------------------------------------------


def test_the_chair_office_and_support_may_edit(chair, support):
    assert _save(chair).updated_by == chair
    assert _save(support).updated_by == support
    assert MailText.objects.get(key=SUBMITTED, language="es").updated_by == support


@pytest.mark.parametrize("who", ["delegate", "anonymous"])
def test_anyone_else_is_refused(who):
    from django.contrib.auth.models import AnonymousUser

    actor = UserFactory() if who == "delegate" else AnonymousUser()
    with pytest.raises(PermissionDenied):
        _save(actor)
    with pytest.raises(PermissionDenied):
        mail_text_reset(key=SUBMITTED, language="es", actor=actor)
    with pytest.raises(PermissionDenied):
        mail_text_preview(key=SUBMITTED, language="es", subject=ES_SUBJECT, body=ES_BODY, actor=actor)
    assert not MailText.objects.exists()


def test_a_closed_meetings_chair_office_is_no_longer_the_chair_office():
    from accounts.tests.factories import grant_chair_staff
    from roundtables.tests.factories import MeetingFactory

    former = UserFactory()
    grant_chair_staff(former, [MeetingFactory(is_current=False, closed_at="2020-01-01T00:00Z")])
    with pytest.raises(PermissionDenied):
        _save(former)


def test_saving_twice_keeps_one_row_and_logs_each_change(chair):
    _save(chair)
    _save(chair, subject="Sesión {session}")
    assert MailText.objects.get().subject == "Sesión {session}"
    saved = ActivityLog.objects.filter(action="mailings.mail_text.saved").order_by("pk")
    assert list(saved.values_list("data__created", flat=True)) == [True, False]


def test_an_unknown_mail_or_language_is_refused(chair):
    from mailings.templates import UnknownMail

    with pytest.raises(UnknownMail):
        _save(chair, key="outcomes.nothing")
    with pytest.raises(ValidationError):
        _save(chair, language="de")


# --- validation ------------------------------------------------------------------------------------


def _errors(chair, **fields) -> dict:
    with pytest.raises(ValidationError) as refused:
        _save(chair, **fields)
    return {field: " ".join(messages) for field, messages in refused.value.message_dict.items()}


def test_an_unknown_placeholder_is_named(chair):
    errors = _errors(chair, body="Hola {nombre}, {url}")
    assert errors == {"body": "Unknown placeholder: {nombre}. Use only the placeholders listed for this mail."}


@pytest.mark.parametrize(
    "body",
    [
        "{{ person.password }}",
        "{% load log %}{% get_admin_log 10 as log %}",
        "{# a comment #}",
        "{{ url }}",
        "{%debug%}",
    ],
)
def test_template_code_is_refused(chair, body):
    assert "Template code is not allowed" in _errors(chair, body=body)["body"]


@pytest.mark.parametrize("body", ["Hola {url", "Hola url}", "{ url }", "{session.title}", "{0.__class__}", "{}"])
def test_a_malformed_brace_is_refused(chair, body):
    errors = _errors(chair, body=body)["body"]
    assert "brace" in errors or "Unknown placeholder" in errors


@pytest.mark.parametrize("subject", ["Line one\r\nBcc: victim@example.org", "Line\nTwo", "Tab\rcarriage", "Nul\x00"])
def test_the_subject_is_one_line(chair, subject):
    assert "single line" in _errors(chair, subject=subject)["subject"]


def test_empty_fields_are_refused(chair):
    assert set(_errors(chair, subject=" ", body="\r\n")) == {"subject", "body"}


def test_a_personal_link_must_be_in_the_body_and_not_in_the_subject():
    placeholders = mail_template("delegations.invitation").placeholders
    assert "personal link" in " ".join(text_errors("Hola", "Sin enlace", placeholders)["body"])
    assert "subject" in text_errors("{link}", "{link}", placeholders)
    assert text_errors("Hola", "Ábralo: {link}", placeholders) == {}


def test_the_body_keeps_its_lines_with_lf_only(chair):
    text = _save(chair, body="{salutation}\r\n\r\nLínea {url}\r\n")
    assert text.body == "{salutation}\n\nLínea {url}"


# --- rendering -------------------------------------------------------------------------------------


def test_values_are_plain_text_and_never_read_again():
    person = UserFactory.build(first_name="{url}", last_name="{{ 7|add:1 }}")
    rendered = render_text("{actor} / {url}", {"actor": person, "url": "https://x.example/{actor}"})
    assert rendered == "{url} {{ 7|add:1 }} / https://x.example/{actor}"
    assert placeholder_text(True) == "yes"
    assert placeholder_text(None) == ""
    assert placeholder_text(["a", "b"]) == "a\nb"

    @dataclasses.dataclass
    class Change:
        label: str
        before: str
        after: str

    assert placeholder_text([Change("Room", "A", "B"), Change("Time", "", "10:00")]) == "Room · A · B\nTime · 10:00"
    assert placeholder_text(object()) == ""  # never a repr


def test_the_edited_text_goes_to_a_spanish_speaker_and_the_default_to_others(chair):
    _save(chair)
    ana = UserFactory(preferred_language="es", honorific="ms", first_name="Ana", last_name="López")
    john = UserFactory(preferred_language="en", honorific="mr", first_name="John", last_name="Smith")
    spanish, english = _send_submitted([ana, john], actor=UserFactory(first_name="Eva", last_name="Ruiz"))
    assert spanish.subject == "Sesión 2.1 Labour mobility: resultado para firmar"
    assert spanish.body_text == (
        "Estimada Sra. López:\n\nEva Ruiz ha enviado el resultado de la sesión 2.1 Labour mobility.\n\n"
        "Ábralo aquí: https://portal.example/outcomes/7/"
    )
    # English has no edited text: the default template.
    assert english.subject == "Session 2.1 outcome: submitted for your sign-off"
    assert english.body_text.startswith("Dear Mr Smith,\n\nEva Ruiz has submitted the outcome of session 2.1")


def test_send_to_people_reads_the_edited_texts_once(chair, django_assert_max_num_queries):
    _save(chair)
    people = [UserFactory(preferred_language="es") for _ in range(3)]
    session = SessionFactory()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        send_to_people(SUBMITTED, people, context={"session": session, "actor": chair, "url": "u"})
    assert sum('"mailings_mailtext"' in query["sql"] for query in queries) == 1


def test_after_a_reset_the_default_goes_out_again(chair):
    _save(chair)
    assert mail_text_reset(key=SUBMITTED, language="es", actor=chair) is True
    assert mail_text_reset(key=SUBMITTED, language="es", actor=chair) is False
    assert not MailText.objects.exists()
    assert ActivityLog.objects.filter(action="mailings.mail_text.reset", data__key=SUBMITTED).count() == 1
    [mail] = _send_submitted([UserFactory(preferred_language="es")])
    assert mail.subject.startswith("Resultado de la sesión 2.1") or "2.1" in mail.subject
    assert "ha enviado el resultado de la sesión 2.1 Labour mobility." not in mail.body_text


def test_an_invitation_with_an_edited_text_keeps_its_personal_link(chair):
    _save(chair, key="delegations.invitation", subject="Invitación", body="Hola:\n\nInscríbase: {link}")
    send_to_people(
        "delegations.invitation",
        [Address("guest@example.org", "es")],
        context={"invitation": None, "inviter": chair, "link": LINK_MARKER},
        link_kind="delegations.invitation",
        link_object_id=1,
    )
    mail = OutgoingMail.objects.get()
    assert mail.body_text == "Hola:\n\nInscríbase: {link}"


def test_a_text_that_no_longer_fits_its_mail_is_not_sent(chair):
    """A placeholder removed from the code after the text was written: the default goes out."""
    MailText.objects.create(key=SUBMITTED, language="es", subject="Hola {gone}", body="{gone}")
    [mail] = _send_submitted([UserFactory(preferred_language="es")])
    assert "gone" not in mail.subject + mail.body_text


def test_a_surveys_starting_text_is_its_edited_text(chair):
    _save(chair, key="surveys.invitation", subject="Encuesta: {survey}", body="{salutation}\n\nResponda: {link}")
    subjects, bodies = starting_texts("surveys.invitation")
    assert subjects["es"] == "Encuesta: {survey}"
    assert bodies["es"] == "{salutation}\n\nResponda: {link}"
    assert "{survey}" in subjects["en"] and subjects["en"] != subjects["es"]
    assert default_texts("surveys.invitation")[0]["es"] == "Encuesta del FMMD: {survey}"  # the code's, unchanged


def test_an_account_mail_uses_its_edited_text(chair, client, settings):
    from allauth.account.models import EmailAddress

    _save(
        chair,
        key="accounts.password_reset_key",
        language="en",
        subject="Your new password",
        body="Choose a new password: {password_reset_url}",
    )
    person = UserFactory(email="forgetful@example.org", preferred_language="en")
    EmailAddress.objects.get_or_create(user=person, email=person.email, defaults={"verified": True, "primary": True})
    client.post(reverse("account_reset_password"), {"email": person.email})
    mail = OutgoingMail.objects.get(to=person.email)
    assert mail.subject.endswith("Your new password")
    assert mail.body_text == "Choose a new password: {link}"


# --- header injection -----------------------------------------------------------------------------


def _headers(mail: OutgoingMail) -> dict:
    message = _build_message(mail, link="https://portal.example/l/x").message()
    return {name.lower(): value for name, value in message.items()}


def test_a_name_with_a_line_break_injects_no_header(chair):
    """The subject uses {actor}, a person's name holding CR LF and a header: still one line, no Bcc."""
    _save(chair, subject="{actor} · {session}")
    hostile = UserFactory(first_name="Eve\r\nBcc: victim@example.org\r\n", last_name="X\nX-Injected: 1")
    [mail] = _send_submitted([UserFactory(preferred_language="es")], actor=hostile)
    assert "\n" not in mail.subject and "\r" not in mail.subject
    headers = _headers(mail)
    assert "bcc" not in headers and "x-injected" not in headers
    assert set(headers) == {
        "content-type",
        "content-transfer-encoding",
        "mime-version",
        "subject",
        "from",
        "to",
        "date",
        "message-id",
        "auto-submitted",
    }
    assert "Bcc: victim@example.org" in headers["subject"]  # as words of the subject, harmless


def test_the_rendered_subject_of_a_saved_text_is_one_line_even_if_the_row_was_written_around_the_service():
    MailText.objects.create(key=SUBMITTED, language="es", subject="Hola\r\nBcc: victim@example.org", body="{url}")
    [mail] = _send_submitted([UserFactory(preferred_language="es")])
    assert "victim" not in mail.subject  # the row fails validation: the default is sent
    assert "bcc" not in _headers(mail)


def test_the_form_shows_the_line_break_next_to_the_subject(client, chair):
    client.force_login(chair)
    response = client.post(
        reverse("mailings:text_edit", args=[SUBMITTED, "es"]),
        {"subject": "Hola\r\nBcc: victim@example.org", "body": ES_BODY, "action": "save"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["subject"] == ["The subject must be a single line, without line breaks."]
    assert not MailText.objects.exists()


# --- pages -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", ["list", "edit", "reset"])
def test_the_pages_refuse_a_delegate_and_an_anonymous_visitor(client, url):
    address = {
        "list": reverse("mailings:texts"),
        "edit": reverse("mailings:text_edit", args=[SUBMITTED, "es"]),
        "reset": reverse("mailings:text_reset", args=[SUBMITTED, "es"]),
    }[url]
    assert client.get(address).status_code == 403
    assert client.post(address, {"subject": "x", "body": "y"}).status_code == 403
    client.force_login(UserFactory())
    assert client.get(address).status_code == 403
    assert client.post(address, {"subject": "x", "body": "y"}).status_code == 403
    assert not MailText.objects.exists()


def test_an_unknown_mail_or_language_is_not_found(client, chair):
    client.force_login(chair)
    assert client.get(reverse("mailings:text_edit", args=["outcomes.nothing", "es"])).status_code == 404
    assert client.get(reverse("mailings:text_edit", args=[SUBMITTED, "de"])).status_code == 404


def test_the_list_shows_every_mail_with_default_or_edited_per_language(client, chair, monkeypatch):
    monkeypatch.setattr(text_views, "MAILS_PER_PAGE", 1000)
    _save(chair)
    client.force_login(chair)
    response = client.get(reverse("mailings:texts"))
    rows = {row.key: row for row in response.context["rows"]}
    assert set(rows) == set(registered_mails())
    spanish = next(language for language in rows[SUBMITTED].languages if language.code == "es")
    assert spanish.text.updated_by == chair
    assert all(language.text is None for language in rows["outcomes.approved"].languages)
    page = response.content.decode()
    assert "Edited" in page and chair.display_name in page


def test_the_list_is_paginated(client, chair):
    client.force_login(chair)
    assert len(mail_keys()) > text_views.MAILS_PER_PAGE  # else this test says nothing
    first = client.get(reverse("mailings:texts")).context
    second = client.get(reverse("mailings:texts") + "?page=2").context
    assert len(first["rows"]) == text_views.MAILS_PER_PAGE
    assert {row.key for row in first["rows"]}.isdisjoint({row.key for row in second["rows"]})


def test_the_list_reads_every_edited_text_in_one_query(client, chair):
    client.force_login(chair)
    keys = mail_keys()[:3]
    _save(chair)
    url = reverse("mailings:texts")
    one = count_queries(client, url)
    for key in keys:
        for language in ("en", "fr"):
            MailText.objects.create(key=key, language=language, subject="s", body="b", updated_by=UserFactory())
    assert count_queries(client, url) == one


def test_the_edit_page_shows_placeholders_default_and_preview(client, chair):
    client.force_login(chair)
    url = reverse("mailings:text_edit", args=[SUBMITTED, "es"])
    page = client.get(url).content.decode()
    assert "{session}" in page and "the session (its code and title)" in page
    assert "blocktranslate" in page  # the default, as written
    # ... and in Spanish with its placeholders named, the form's starting text
    form = client.get(url).context["form"]
    assert form.initial["subject"] == "Resultados de la sesión {session}: presentados para su aprobación"
    assert form.initial["body"].startswith("{salutation}\n\n{actor} ha presentado los resultados de la sesión")
    response = client.post(url, {"subject": ES_SUBJECT, "body": ES_BODY, "action": "preview"})
    assert response.status_code == 200
    assert not MailText.objects.exists()
    preview = response.context["preview"]
    # Sample values: what each placeholder holds, in brackets; the reader's own salutation.
    assert preview.subject.startswith("Sesión [") and preview.subject.endswith("]: resultado para firmar")
    assert preview.body.startswith("Estimado/a " if not chair.honorific else "Estimad")
    response = client.post(url, {"subject": ES_SUBJECT, "body": ES_BODY, "action": "save"})
    assert response.status_code == 302
    assert MailText.objects.get().subject == ES_SUBJECT


def test_an_unknown_placeholder_is_shown_next_to_the_field(client, chair):
    client.force_login(chair)
    response = client.post(
        reverse("mailings:text_edit", args=[SUBMITTED, "es"]),
        {"subject": ES_SUBJECT, "body": "Hola {nombre}", "action": "save"},
    )
    assert response.context["form"].errors["body"] == [
        "Unknown placeholder: {nombre}. Use only the placeholders listed for this mail."
    ]
    assert 'id="id_body_error"' in response.content.decode()


def test_reset_asks_first_then_deletes(client, chair):
    _save(chair)
    client.force_login(chair)
    url = reverse("mailings:text_reset", args=[SUBMITTED, "es"])
    assert "Delete the edited text" in client.get(url).content.decode()
    assert MailText.objects.exists()
    assert client.post(url).status_code == 302
    assert not MailText.objects.exists()


def test_a_default_that_needs_its_objects_is_shown_as_source_and_starts_empty(client, chair):
    """The registration mails read the meeting's time zone: they cannot be rendered with names only."""
    client.force_login(chair)
    response = client.get(reverse("mailings:text_edit", args=["delegations.registration_approved", "fr"]))
    assert response.context["default_named"] is None
    assert response.context["form"].initial == {"subject": "", "body": ""}
    assert '{% include "delegations/mail/_sessions.txt" %}' in html.unescape(response.content.decode())


def test_render_mail_without_an_edited_text_is_unchanged():
    session = SessionFactory(code="9.9")
    mail = render_mail(SUBMITTED, {"session": session, "url": "u"}, language="en")
    assert mail.subject == "Session 9.9 outcome: submitted for your sign-off"
