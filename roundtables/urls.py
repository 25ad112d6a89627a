from django.urls import path

from gfmd.routing import edition_paths
from roundtables.views import (
    activity,
    archive,
    chair,
    closing,
    co_chairs,
    editions,
    meetings,
    public,
    publish,
    rooms,
    schedule,
    staff,
    team,
)

app_name = "roundtables"


def meeting_paths(route: str, view, name: str) -> list:
    """A Chair's office page of the current meeting (chair/<route>) and of any meeting by its number
    (chair/meetings/<number>/<route>)."""
    return [path(f"chair/{p.pattern}", p.callback, name=p.name) for p in edition_paths(route, view, name)]


urlpatterns = [
    path("", public.home, name="home"),
    # The public archive: every published meeting.
    path("meetings/", archive.meeting_list, name="meetings"),
    path("meetings/<int:number>/", archive.meeting_detail, name="meeting_detail"),
    # The meeting switcher's form leads here, and on to the numbered URL of the same page.
    path("meetings/switch/", editions.meeting_switch, name="meeting_switch"),
    # The published programme, for everyone.
    path("programme/", public.programme, name="programme"),
    path("meetings/<int:number>/programme/", public.programme, name="programme"),
    # Each published version stays readable at its own address.
    path("meetings/<int:number>/programme/v<int:version>/", public.programme_version, name="programme_version"),
    path("meetings/<int:number>/programme.ics", public.programme_ics, name="programme_ics"),
    path("meetings/<int:number>/roundtables/<int:rt>/", public.roundtable_detail, name="roundtable_detail"),
    path("meetings/<int:number>/sessions/<int:pk>/", public.session_detail, name="session_detail"),
    path("meetings/<int:number>/sessions/<int:pk>.ics", public.session_ics, name="session_ics"),
    # Co-chairs: their sessions' descriptions and team notes.
    *edition_paths("my-sessions/", co_chairs.my_sessions, "my_sessions"),
    path("my-sessions/<int:pk>/edit/", co_chairs.session_edit, name="co_chair_edit"),
    # The Chair's office.
    *meeting_paths("", chair.chair_dashboard, "chair_dashboard"),
    *meeting_paths("structure/", chair.structure, "structure"),
    *meeting_paths("roundtables/new/", chair.roundtable_create, "roundtable_create"),
    *meeting_paths("sessions/new/", chair.session_create, "session_create"),
    *meeting_paths("activity/", activity.activity, "activity"),
    *meeting_paths("schedule/", schedule.schedule, "schedule"),
    *meeting_paths("rooms/", rooms.rooms, "rooms"),
    *meeting_paths("rooms/new/", rooms.room_create, "room_create"),
    *meeting_paths("publish/", publish.publish, "publish"),
    *meeting_paths("publish/preview/", publish.preview, "publish_preview"),
    *meeting_paths("publish/confirm/", publish.confirm, "publish_confirm"),
    *meeting_paths("details/", meetings.meeting_edit, "meeting_edit"),
    *meeting_paths("copy/", meetings.meeting_copy, "meeting_copy"),
    *meeting_paths("prepare/", meetings.meeting_prepare, "meeting_prepare"),
    # A meeting's own Chair's office staff, and the invited person's link.
    path("chair/meetings/<int:number>/people/", staff.meeting_people, name="meeting_people"),
    path(
        "chair/meetings/<int:number>/people/<int:pk>/revoke/", staff.meeting_people_revoke, name="meeting_people_revoke"
    ),
    path(
        "chair/meetings/<int:number>/people/invitations/<int:pk>/withdraw/",
        staff.meeting_people_withdraw,
        name="meeting_people_withdraw",
    ),
    path(
        "chair/meetings/<int:number>/people/coordinators/",
        staff.meeting_coordinator_name,
        name="meeting_coordinator_name",
    ),
    path(
        "chair/meetings/<int:number>/people/coordinators/<int:pk>/revoke/",
        staff.meeting_coordinator_revoke,
        name="meeting_coordinator_revoke",
    ),
    path(
        "chair/meetings/<int:number>/people/translators/",
        staff.meeting_translator_name,
        name="meeting_translator_name",
    ),
    path(
        "chair/meetings/<int:number>/people/translators/<int:pk>/revoke/",
        staff.meeting_translator_revoke,
        name="meeting_translator_revoke",
    ),
    path("staff/join/<str:token>/", staff.staff_join, name="staff_join"),
    path("chair/meetings/<int:number>/make-current/", meetings.meeting_make_current, name="meeting_make_current"),
    # Closing a meeting's record, and corrections of a closed one.
    path("chair/meetings/<int:number>/close/", closing.meeting_close, name="meeting_close"),
    path("chair/meetings/<int:number>/corrections/new/", closing.correction_open, name="correction_open"),
    path("chair/corrections/<int:pk>/end/", closing.correction_end, name="correction_end"),
    path("chair/roundtables/<int:pk>/edit/", chair.roundtable_edit, name="roundtable_edit"),
    path("chair/roundtables/<int:pk>/delete/", chair.roundtable_delete, name="roundtable_delete"),
    path("chair/roundtables/<int:pk>/move/", chair.roundtable_move, name="roundtable_move"),
    path("chair/rooms/<int:pk>/edit/", rooms.room_edit, name="room_edit"),
    path("chair/sessions/<int:pk>/edit/", chair.session_edit, name="session_edit"),
    path("chair/sessions/<int:pk>/delete/", chair.session_delete, name="session_delete"),
    path("chair/sessions/<int:pk>/move/", chair.session_move, name="session_move"),
    path("chair/sessions/<int:pk>/team/", team.team, name="session_team"),
    path("chair/sessions/<int:pk>/team/delegations/", team.team_delegation_add, name="team_delegation_add"),
    path(
        "chair/sessions/<int:pk>/team/delegations/<int:item>/remove/",
        team.team_delegation_remove,
        name="team_delegation_remove",
    ),
    path("chair/sessions/<int:pk>/team/people/", team.team_person_add, name="team_person_add"),
    path("chair/sessions/<int:pk>/team/people/<int:item>/remove/", team.team_person_remove, name="team_person_remove"),
    path(
        "chair/sessions/<int:pk>/team/people/<int:item>/government/",
        team.team_representative_government,
        name="team_representative_government",
    ),
    path("chair/sessions/<int:pk>/search/delegations/", team.search_delegations_results, name="search_delegations"),
    path("chair/sessions/<int:pk>/search/people/", team.search_people_results, name="search_people"),
]
