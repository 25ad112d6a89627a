import pytest
from django.urls import reverse

from roundtables import services
from roundtables.tests.factories import RoundtableFactory


@pytest.mark.django_db
def test_activity_page_lists_changes_newest_first_in_words(chair_client, chair, roundtable):
    services.roundtable_update(
        roundtable=roundtable, actor=chair, fields={"title_en": "Coherence", "title_fr": "Cohérence"}
    )
    services.roundtable_move(
        roundtable=RoundtableFactory(meeting=roundtable.meeting, number=4), actor=chair, direction="up"
    )
    response = chair_client.get(reverse("roundtables:activity"))
    rows = [(row.label, row.details) for row in response.context["rows"]]
    assert rows == [
        ("Roundtables reordered", "New order: 4, 3"),
        ("Roundtable edited", "Changed: title (English), title (French)"),
    ]


@pytest.mark.django_db
def test_activity_page_shows_only_this_meeting(chair_client, chair, roundtable):
    other = RoundtableFactory()
    services.roundtable_update(roundtable=other, actor=chair, fields={"title_en": "Elsewhere"})
    assert chair_client.get(reverse("roundtables:activity")).context["rows"] == []


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_activity_page_query_count_does_not_grow(chair_client, chair, roundtable, django_assert_num_queries, count):
    for number in range(count):
        services.roundtable_update(roundtable=roundtable, actor=chair, fields={"title_en": f"Title {number}"})
    # (+1: the meeting switcher's meetings, one query whatever their number)
    with django_assert_num_queries(8):
        chair_client.get(reverse("roundtables:activity"))


@pytest.mark.django_db
def test_activity_page_words_every_apps_actions_and_leaves_other_apps_details_alone(
    chair_client, chair, meeting, roundtable
):
    from activity.services import activity_log

    services.programme_publish(meeting=meeting, actor=chair)
    activity_log(actor=chair, action="papers.paper.submitted", meeting=meeting, data={"changes": 3})
    rows = [(row.label, row.details) for row in chair_client.get(reverse("roundtables:activity")).context["rows"]]
    assert rows == [("Paper submitted for review", ""), ("Programme published", "Version 1, 0 changes")]


@pytest.mark.django_db
def test_activity_page_counts_in_the_right_plural_form(chair_client, chair, meeting):
    from activity.services import activity_log

    activity_log(
        actor=chair, action="roundtables.programme.published", meeting=meeting, data={"version": 2, "change_count": 1}
    )
    activity_log(
        actor=chair,
        action="roundtables.meeting.copied",
        meeting=meeting,
        data={"source": 3, "roundtables": 1, "sessions": 7, "rooms": 1, "days": 0},
    )
    details = [row.details for row in chair_client.get(reverse("roundtables:activity")).context["rows"]]
    assert details == ["From meeting 3: 1 roundtable, 7 sessions, 1 room", "Version 2, 1 change"]
