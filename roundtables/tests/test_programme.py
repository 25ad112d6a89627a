import datetime as dt

import pytest
from django.utils import translation

from accounts.tests.factories import UserFactory
from delegations.tests.factories import DelegationFactory
from roundtables.models import ProgrammeRelease
from roundtables.programme.diff import programme_changes
from roundtables.programme.published import Programme, pick
from roundtables.programme.snapshot import build_snapshot
from roundtables.tests.conftest import at
from roundtables.tests.factories import RoomFactory, SessionDelegationFactory, SessionFactory, SessionPersonFactory


def test_pick_falls_back_to_english():
    texts = {"en": "Partnerships", "fr": "Partenariats", "es": ""}
    assert (pick(texts, "fr"), pick(texts, "es"), pick(texts, "en")) == ("Partenariats", "Partnerships", "Partnerships")


@pytest.mark.django_db
def test_snapshot_holds_the_programme_in_every_language_with_its_teams(meeting, session_3_1):
    session_3_1.title_fr = "Évaluer"
    session_3_1.save()
    SessionDelegationFactory(session=session_3_1, delegation=DelegationFactory(country="SE", name="Sweden"))
    SessionDelegationFactory(
        session=session_3_1, delegation=DelegationFactory(country="FI", name="Finland"), role="member"
    )
    okafor = UserFactory(first_name="Daniel", last_name="Okafor", organisation="Ghana")
    SessionPersonFactory(session=session_3_1, person=okafor, role="rapporteur")
    SessionPersonFactory(session=session_3_1, role="co_chair_rep")  # not public
    snapshot = build_snapshot(meeting)
    assert snapshot["meeting"]["time_zone"] == "America/Mexico_City"
    assert snapshot["roundtables"] == [
        {
            "id": session_3_1.roundtable.pk,
            "number": 3,
            "title": {"en": "Policy and institutional coherence", "fr": "", "es": ""},
            "description": {"en": "", "fr": "", "es": ""},
        }
    ]
    [session] = snapshot["sessions"]
    assert session == {
        "id": session_3_1.pk,
        "code": "3.1",
        "kind": "roundtable",
        "heads_only": False,
        "roundtable": session_3_1.roundtable.pk,
        "order": session_3_1.order,
        "title": {"en": "Assessing the relationship between migration and development", "fr": "Évaluer", "es": ""},
        "description": {"en": "", "fr": "", "es": ""},
        "room": {"en": "Room C", "fr": "", "es": ""},
        "starts_at": "2010-11-10T17:00:00+00:00",
        "ends_at": "2010-11-10T19:00:00+00:00",
        "capacity": None,
        # A state's name in each language (its country's, from django-countries).
        "co_chairs": [{"en": "Sweden", "fr": "Suède", "es": "Suecia"}],
        "members": [{"en": "Finland", "fr": "Finlande", "es": "Finlandia"}],
        "moderators": [],
        "rapporteurs": [{"name": "Daniel Okafor", "organisation": "Ghana"}],
        "authors": [],
        "speakers": [],
    }


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_snapshot_query_count_does_not_grow(meeting, roundtable, django_assert_num_queries, count):
    for _ in range(count):
        session = SessionFactory(roundtable=roundtable, room=RoomFactory(meeting=meeting))
        SessionDelegationFactory(session=session, delegation=DelegationFactory())
        SessionPersonFactory(session=session)
    with django_assert_num_queries(4):
        build_snapshot(meeting)


@pytest.mark.django_db
def test_changes_name_added_removed_and_changed_sessions(meeting, session_3_1, roundtable):
    removed = SessionFactory(roundtable=roundtable, code="3.2", title_en="Gone")
    old = build_snapshot(meeting)
    removed.delete()
    added = SessionFactory(roundtable=roundtable, code="3.4", title_en="Climate")
    session_3_1.starts_at, session_3_1.ends_at = at(10, 15), at(10, 17)
    session_3_1.save()
    SessionDelegationFactory(session=session_3_1)
    changes = programme_changes(old, build_snapshot(meeting))
    assert [(c["object"], c["change"], c.get("code"), c.get("fields")) for c in changes] == [
        ("session", "changed", "3.1", ["time", "co_chairs"]),
        ("session", "added", "3.4", None),
        ("session", "removed", "3.2", None),
    ]
    assert changes[1]["id"] == added.pk


def _release(meeting, version=1, changes=(), previous=None):
    return ProgrammeRelease(
        meeting=meeting,
        version=version,
        published_at=dt.datetime(2010, 11, 1, 12, tzinfo=dt.UTC),
        snapshot=build_snapshot(meeting),
        changes=list(changes),
        previous_published_at=previous,
    )


@pytest.mark.django_db
def test_programme_groups_parallel_sessions_by_day(meeting, session_3_1, roundtable):
    SessionFactory(roundtable=roundtable, code="2.1", starts_at=at(10, 11), ends_at=at(10, 13))
    SessionFactory(roundtable=roundtable, code="3.2", starts_at=at(10, 15), ends_at=at(10, 17))
    SessionFactory(
        roundtable=None, meeting=meeting, code="CSD", kind="civil_society", starts_at=at(8, 9), ends_at=at(9, 13)
    )
    SessionFactory(roundtable=roundtable, code="3.3", starts_at=None, ends_at=None)
    programme = Programme(_release(meeting))
    days = [(day.date.day, [[s.code for s in slot.sessions] for slot in day.slots]) for day in programme.days]
    assert days == [(8, [["CSD"]]), (9, [["CSD"]]), (10, [["2.1", "3.1"], ["3.2"]])]
    assert [s.code for s in programme.unscheduled] == ["3.3"]
    assert [s.code for s in programme.other_sessions] == ["CSD"]


@pytest.mark.django_db
def test_programme_reads_the_readers_language(meeting, session_3_1):
    session_3_1.title_es = "Evaluar la relación"
    session_3_1.save()
    release = _release(meeting)
    with translation.override("es"):
        spanish = Programme(release).session(session_3_1.pk).title
    with translation.override("fr"):
        french = Programme(release).session(session_3_1.pk).title
    assert (spanish, french) == ("Evaluar la relación", "Assessing the relationship between migration and development")


@pytest.mark.django_db
def test_programme_change_notes_in_words(meeting, session_3_1):
    changes = [
        {
            "object": "session",
            "change": "changed",
            "id": session_3_1.pk,
            "code": "3.1",
            "title": {"en": "Assessing"},
            "fields": ["time", "room"],
        },
        {"object": "session", "change": "removed", "id": 999, "code": "3.9", "title": {"en": "Gone"}},
        {"object": "roundtable", "change": "added", "id": 5, "number": 4, "title": {"en": "New"}},
    ]
    programme = Programme(
        _release(meeting, version=2, changes=changes, previous=dt.datetime(2010, 10, 1, tzinfo=dt.UTC))
    )
    assert [(n.text, n.session_id, n.roundtable_number) for n in programme.changes] == [
        ("3.1 «Assessing»: time, room changed. Now Wed 10 Nov, 11:00–13:00, Room C.", session_3_1.pk, None),
        ("3.9 «Gone»: removed from the programme.", None, None),
        ("Roundtable 4 «New»: added.", None, 4),
    ]
    assert programme.session(session_3_1.pk).changes == [programme.changes[0].text]


def _team(session):
    SessionDelegationFactory(session=session, delegation=DelegationFactory(country="SE", name="Sweden"))
    SessionDelegationFactory(session=session, delegation=DelegationFactory(country="FI", name="Finland"), role="member")


@pytest.mark.django_db
def test_a_team_delegation_named_in_each_language_is_no_change_from_an_older_release(meeting, session_3_1):
    """A release published before the team's delegations were named in every language holds their English
    names: republishing the same team is not a change."""
    _team(session_3_1)
    new = build_snapshot(meeting)
    old = {**new, "sessions": [{**item, "co_chairs": ["Sweden"], "members": ["Finland"]} for item in new["sessions"]]}
    assert programme_changes(old, new) == []


@pytest.mark.django_db
def test_a_french_reader_reads_the_team_s_states_in_french(meeting, session_3_1):
    from django.utils import translation

    from roundtables.programme.published import Programme

    _team(session_3_1)
    release = _release(meeting)
    with translation.override("fr"):
        session = Programme(release).session(session_3_1.pk)
    assert (session.co_chairs, session.members) == (["Suède"], ["Finlande"])
    legacy = {**release.snapshot}
    legacy["sessions"] = [{**item, "co_chairs": ["Sweden"]} for item in legacy["sessions"]]
    release.snapshot = legacy
    with translation.override("fr"):
        assert Programme(release).session(session_3_1.pk).co_chairs == ["Sweden"]  # as it was published
