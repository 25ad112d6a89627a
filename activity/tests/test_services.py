import pytest

from activity.selectors import activity_for_meeting, activity_for_object
from activity.services import activity_log
from roundtables.tests.factories import RoundtableFactory


@pytest.mark.django_db
def test_activity_log_records_actor_object_and_meeting(chair, meeting):
    roundtable = RoundtableFactory(meeting=meeting, title_en="Partnerships")
    entry = activity_log(
        actor=chair,
        action="roundtables.roundtable.created",
        obj=roundtable,
        meeting=meeting,
        data={"title": "Partnerships"},
    )
    assert list(activity_for_meeting(meeting)) == [entry]
    assert list(activity_for_object(roundtable)) == [entry]
    assert (entry.actor, entry.object_repr, entry.data) == (chair, str(roundtable), {"title": "Partnerships"})


@pytest.mark.django_db
def test_activity_log_keeps_the_name_after_the_object_is_deleted(chair, meeting):
    roundtable = RoundtableFactory(meeting=meeting)
    name = str(roundtable)
    entry = activity_log(actor=chair, action="roundtables.roundtable.deleted", obj=roundtable, meeting=meeting)
    roundtable.delete()
    entry.refresh_from_db()
    assert entry.object_repr == name
