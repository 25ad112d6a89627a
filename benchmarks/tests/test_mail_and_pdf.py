"""The Django side of the mail and PDF benchmarks, on a small meeting: the mailings prepared through the
surveys and communications services, the plain loop against a real SMTP server, and the same HTML rendered directly."""

import pytest
from aiosmtpd.controller import Controller

from benchmarks import mailing
from benchmarks.documents import time_report
from benchmarks.pdf_direct import render_folder
from benchmarks.pdf_html import dump_parts
from benchmarks.runner.processes import free_port
from benchmarks.scale import ScaleCounts, generate
from benchmarks.smtp_sink import CountingHandler
from communications.models import Audience, ComposedMailing
from delegations.models import Registration
from mailings.models import Mailing, OutgoingMail
from surveys.models import SurveyMail

SMALL = ScaleCounts(
    delegations=6, registrations=24, sessions=2, papers=4, surveys=1, invitations=10, responses=4, outcomes=2
)


@pytest.fixture
def smtp_server():
    handler = CountingHandler()
    controller = Controller(handler, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, handler
    controller.stop()


@pytest.mark.django_db
def test_prepare_puts_a_survey_invitation_to_every_recipient_in_the_outbox():
    generate(seed=1, counts=SMALL)

    prepared = mailing.prepare(recipients_count=30)  # 24 participants and 6 people made for the purpose

    held = OutgoingMail.objects.filter(mailing_id=prepared["mailing"])
    assert (prepared["mails"], held.count(), held.filter(state=OutgoingMail.State.HELD).count()) == (30, 30, 30)
    assert Mailing.objects.get(pk=prepared["mailing"]).state == Mailing.State.OUTBOX
    assert SurveyMail.objects.filter(mail__in=held).count() == 30
    assert held.filter(to__endswith="@" + mailing.RECIPIENT_DOMAIN).count() == 6
    assert {"{link}" in body for body in held.values_list("body_text", flat=True)} == {True}


@pytest.mark.django_db
def test_recipients_made_for_the_purpose_are_made_once():
    data = generate(seed=1, counts=SMALL)

    first = mailing.recipients(30, meeting=data.meeting)
    second = mailing.recipients(30, meeting=data.meeting)

    assert [person.pk for person, _delegation in first] == [person.pk for person, _delegation in second]


@pytest.mark.django_db
def test_prepare_composed_puts_a_mail_to_every_approved_participant_in_the_outbox():
    data = generate(seed=1, counts=SMALL)

    prepared = mailing.prepare_composed(recipients_count=30)  # 24 participants, 6 registered for the purpose

    approved = Registration.objects.filter(meeting=data.meeting, status=Registration.Status.APPROVED)
    held = OutgoingMail.objects.filter(mailing_id=prepared["mailing"])
    assert (prepared["participants"], prepared["mails"], approved.count()) == (30, 30, 30)
    assert held.filter(state=OutgoingMail.State.HELD).count() == 30
    assert set(held.values_list("to", flat=True)) == set(approved.values_list("person__email", flat=True))
    composed = ComposedMailing.objects.get(pk=prepared["composed"])
    assert (composed.audience, composed.state, composed.mailing_id) == (
        Audience.PARTICIPANTS,
        ComposedMailing.State.OUTBOX,
        prepared["mailing"],
    )
    assert Mailing.objects.get(pk=prepared["mailing"]).state == Mailing.State.OUTBOX
    # Each in their language: Spanish as written, French as the English text under the note.
    by_language = dict(held.values_list("language", "subject").distinct())
    assert by_language["es"].endswith("información práctica")
    assert by_language["fr"].endswith("practical information")
    assert not [body for body in held.values_list("body_text", flat=True) if "{" in body]


@pytest.mark.django_db
def test_participants_registered_for_the_purpose_are_registered_once():
    data = generate(seed=1, counts=SMALL)

    assert mailing.approved_participants(30, meeting=data.meeting) == 30
    assert mailing.approved_participants(30, meeting=data.meeting) == 30
    assert mailing.approved_participants(10, meeting=data.meeting) == 30  # never fewer than there are
    second = mailing.prepare_composed(recipients_count=30)

    assert (second["participants"], second["mails"]) == (30, 30)


@pytest.mark.django_db
def test_plain_loop_sends_the_same_mails_over_one_connection(smtp_server):
    controller, handler = smtp_server
    generate(seed=1, counts=SMALL)
    prepared = mailing.prepare(recipients_count=12)

    result = mailing.plain_loop(mailing_id=prepared["mailing"], host=controller.hostname, port=controller.port)

    assert (result["sent"], handler.messages, handler.recipients) == (12, 12, 12)


@pytest.mark.django_db
def test_the_direct_rendering_lays_out_the_same_html_as_the_portal(tmp_path):
    data = generate(seed=1, counts=SMALL)
    params = {"meeting": data.meeting.pk, "language": "en"}

    manifest = dump_parts("proceedings", params, tmp_path / "html")
    direct = render_folder(tmp_path / "html")
    portal = time_report("proceedings", params)

    assert (manifest["parts"], direct["parts"]) == ([{"html": "part-001.html", "numbered": True, "images": 0}], 1)
    assert direct["pages"] == portal.pages
    assert sorted(path.name for path in (tmp_path / "html" / "static" / "css").iterdir()) == [
        "print-badges.css",
        "print.css",
    ]
