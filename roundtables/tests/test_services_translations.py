"""A session's and a roundtable's title and description in French or Spanish: written by the meeting's
translator into that language or its Chair's office, on an open meeting, never over a translation saved
meanwhile (roundtables.services.translations)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from accounts.tests.factories import SupportFactory, UserFactory
from activity.models import ActivityLog
from activity.registry import action_label
from roundtables import services
from roundtables.editions import MeetingClosed
from roundtables.models import Meeting, MeetingRole
from roundtables.services.translations import TranslationConflict
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory

pytestmark = pytest.mark.django_db


def named(meeting, role):
    person = UserFactory()
    MeetingRole.objects.create(meeting=meeting, user=person, role=role)
    return person


@pytest.fixture
def meeting(db):
    return MeetingFactory(number=4, title_en="Puerto Vallarta 2010")


@pytest.fixture
def session(meeting):
    return SessionFactory(
        roundtable=RoundtableFactory(meeting=meeting),
        code="1.1",
        title_en="Circular migration",
        description_en="How partnerships support development.",
    )


@pytest.fixture
def french(meeting):
    return named(meeting, MeetingRole.Role.TRANSLATOR_FR)


def _save(session, actor, language="fr", texts=None, started_from=None):
    return services.session_translation_save(
        session=session,
        actor=actor,
        language=language,
        texts=texts or {"title": "Migration circulaire", "description": "Comment les partenariats aident."},
        started_from=started_from or {"title": "", "description": ""},
    )


def test_the_translator_into_french_saves_the_french_texts_logged(session, french):
    _save(session, french)
    session.refresh_from_db()
    assert (session.title_fr, session.description_fr) == ("Migration circulaire", "Comment les partenariats aident.")
    assert (session.title_en, session.title_es) == ("Circular migration", None)
    [entry] = ActivityLog.objects.filter(action="roundtables.session.translated")
    assert (entry.actor, entry.data["language"]) == (french, "fr")
    assert action_label("roundtables.session.translated") == "Session's title or description translated"


def test_the_translator_into_spanish_is_refused_the_french_text(session, meeting):
    spanish = named(meeting, MeetingRole.Role.TRANSLATOR_ES)
    with pytest.raises(PermissionDenied):
        _save(session, spanish, "fr")
    session.refresh_from_db()
    assert session.title_fr is None


def test_another_meetings_translator_and_strangers_are_refused(session):
    other = named(MeetingFactory(number=5), MeetingRole.Role.TRANSLATOR_FR)
    for actor in (other, UserFactory(), None):
        with pytest.raises(PermissionDenied):
            _save(session, actor)


def test_the_chairs_office_and_support_translate(session, meeting):
    _save(session, named(meeting, MeetingRole.Role.CHAIR_STAFF), "es", texts={"title": "Migración circular"})
    _save(session, SupportFactory(), "fr", texts={"title": "Migration circulaire"})
    session.refresh_from_db()
    assert (session.title_es, session.title_fr) == ("Migración circular", "Migration circulaire")


def test_english_is_the_original_not_a_translation(session, meeting):
    with pytest.raises(ValueError):
        _save(session, named(meeting, MeetingRole.Role.TRANSLATOR_EN), "en")


def test_a_closed_meeting_is_refused(session, meeting, french):
    Meeting.objects.filter(pk=meeting.pk).update(closed_at=timezone.now())
    with pytest.raises(MeetingClosed):
        _save(session, french)


def test_a_translation_saved_meanwhile_is_not_overwritten(session, meeting, french):
    _save(session, named(meeting, MeetingRole.Role.CHAIR_STAFF), texts={"description": "Le texte du bureau."})
    with pytest.raises(TranslationConflict) as refused:
        _save(session, french, texts={"description": "Mon texte."}, started_from={"description": ""})
    assert list(refused.value.message_dict) == ["description"]
    session.refresh_from_db()
    assert session.description_fr == "Le texte du bureau."
    # Started from the text saved meanwhile: a deliberate replacement.
    _save(session, french, texts={"description": "Mon texte."}, started_from={"description": "Le texte du bureau."})
    session.refresh_from_db()
    assert session.description_fr == "Mon texte."


def test_a_roundtable_is_translated_under_the_same_rule(meeting, french):
    roundtable = RoundtableFactory(meeting=meeting, title_en="Partnerships", description_en="Why.")
    spanish = named(meeting, MeetingRole.Role.TRANSLATOR_ES)
    with pytest.raises(PermissionDenied):
        services.roundtable_translation_save(
            roundtable=roundtable, actor=spanish, language="fr", texts={"title": "X"}, started_from={}
        )
    services.roundtable_translation_save(
        roundtable=roundtable, actor=french, language="fr", texts={"title": "Partenariats"}, started_from={}
    )
    roundtable.refresh_from_db()
    assert roundtable.title_fr == "Partenariats"
    assert ActivityLog.objects.get(action="roundtables.roundtable.translated").actor == french
