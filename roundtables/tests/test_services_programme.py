import pytest
from django.core.exceptions import ValidationError

from activity.models import ActivityLog
from roundtables import services
from roundtables.models import ProgrammeRelease
from roundtables.tests.conftest import at
from roundtables.tests.factories import SessionFactory, SessionPersonFactory


@pytest.mark.django_db
def test_first_publication_is_version_one_without_changes(chair, meeting, session_3_1):
    release = services.programme_publish(meeting=meeting, actor=chair)
    assert (release.version, release.published_by, release.changes, release.previous_published_at) == (
        1,
        chair,
        [],
        None,
    )
    assert [s["code"] for s in release.snapshot["sessions"]] == ["3.1"]
    entry = ActivityLog.objects.get(action="roundtables.programme.published")
    assert entry.data == {"version": 1, "change_count": 0}


@pytest.mark.django_db
def test_next_publication_records_what_changed_since(chair, meeting, session_3_1):
    first = services.programme_publish(meeting=meeting, actor=chair)
    SessionFactory(
        roundtable=session_3_1.roundtable, code="3.4", title_en="Climate", starts_at=at(10, 17), ends_at=at(10, 19)
    )
    second = services.programme_publish(meeting=meeting, actor=chair)
    assert (second.version, second.previous_published_at) == (2, first.published_at)
    assert [(c["change"], c["code"]) for c in second.changes] == [("added", "3.4")]


@pytest.mark.django_db
def test_publication_without_change_is_refused(chair, meeting, session_3_1):
    services.programme_publish(meeting=meeting, actor=chair)
    with pytest.raises(ValidationError) as refused:
        services.programme_publish(meeting=meeting, actor=chair)
    assert refused.value.messages == ["Nothing has changed since version 1."]
    assert ProgrammeRelease.objects.count() == 1


@pytest.mark.django_db
def test_publication_with_a_clash_is_refused(chair, meeting, session_3_1, room_c):
    SessionFactory(roundtable=session_3_1.roundtable, code="3.4", room=room_c, starts_at=at(10, 12), ends_at=at(10, 14))
    with pytest.raises(ValidationError) as refused:
        services.programme_publish(meeting=meeting, actor=chair)
    assert refused.value.messages == ["The schedule has 1 clash: resolve it before publishing."]


@pytest.mark.django_db
def test_publication_with_a_person_in_two_places_is_refused(chair, meeting, session_3_1):
    person = SessionPersonFactory(session=session_3_1).person
    other = SessionFactory(roundtable=session_3_1.roundtable, code="1.1", starts_at=at(10, 12), ends_at=at(10, 14))
    SessionPersonFactory(session=other, person=person, role="speaker")
    with pytest.raises(ValidationError):
        services.programme_publish(meeting=meeting, actor=chair)


@pytest.mark.django_db
def test_a_release_is_never_changed(chair, meeting, session_3_1):
    release = services.programme_publish(meeting=meeting, actor=chair)
    release.snapshot = {}
    with pytest.raises(ValueError, match="never changed"):
        release.save()
