"""Mails that quote a paper quote it in the recipient's language where its translation exists (the
paper's and the session's titles: django-modeltranslation fields read inside the recipient's language)."""

import pytest

from accounts.tests.factories import UserFactory
from mailings.models import OutgoingMail
from papers.services.notify import mail_paper_event
from papers.tests.factories import PaperFactory
from roundtables.tests.factories import SessionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def paper():
    session = SessionFactory(code="1.2", title_en="Irregular migration", title_fr="La migration irrégulière")
    return PaperFactory(
        session=session, title_en="Partnerships against smuggling", title_fr="Des partenariats contre le trafic"
    )


def test_french_recipient_gets_the_french_titles_and_english_one_the_english(paper):
    french = UserFactory(preferred_language="fr")
    english = UserFactory(preferred_language="en")

    mail_paper_event(paper=paper, event="submitted", actor=None, recipients=[[french, english]])

    to_french = OutgoingMail.objects.get(to=french.email)
    to_english = OutgoingMail.objects.get(to=english.email)
    assert "Des partenariats contre le trafic" in to_french.subject
    assert ": Des partenariats contre le trafic\n" in to_french.body_text
    assert ": 1.2 La migration irrégulière\n" in to_french.body_text
    assert "Partnerships against smuggling" not in to_french.body_text
    assert ": Partnerships against smuggling\n" in to_english.body_text
    assert ": 1.2 Irregular migration\n" in to_english.body_text


def test_spanish_recipient_gets_the_original_where_no_spanish_title_exists(paper):
    spanish = UserFactory(preferred_language="es")

    mail_paper_event(paper=paper, event="submitted", actor=None, recipients=[[spanish]])

    body = OutgoingMail.objects.get(to=spanish.email).body_text
    assert ": Partnerships against smuggling\n" in body
    assert ": 1.2 Irregular migration\n" in body
