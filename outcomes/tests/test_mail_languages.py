"""The outcomes' mails in the recipient's language. They quote the session (its code and title), not the
outcome's text: the link leads to the text, which the reader then reads in their language."""

import pytest

from mailings.models import OutgoingMail
from outcomes.services import outcome_approve, outcome_publish, outcome_submit, section_save
from outcomes.tests.factories import section_of

pytestmark = pytest.mark.django_db


def test_spanish_recipient_of_the_published_mail_gets_the_spanish_session_title(outcome, rapporteur, chair):
    session = outcome.session
    session.title_en, session.title_es = "Irregular migration", "La migración irregular"
    session.save(update_fields=["title_en", "title_es"])
    rapporteur.preferred_language = "es"
    rapporteur.save(update_fields=["preferred_language"])
    section = section_of(outcome)
    section_save(section=section, actor=rapporteur, html="<p>Text.</p>", base_revision_id=None)
    outcome_submit(outcome=outcome, actor=rapporteur)
    outcome_approve(outcome=outcome, actor=chair)

    outcome_publish(outcome=outcome, actor=chair)

    mail = OutgoingMail.objects.filter(to=rapporteur.email).latest("pk")
    assert "“La migración irregular”" in mail.body_text
    assert "Irregular migration" not in mail.body_text
