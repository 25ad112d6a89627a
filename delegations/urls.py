from django.urls import path

from delegations import views
from gfmd.routing import edition_paths

app_name = "delegations"

# A page that works on one meeting's data has a URL for the current meeting and one naming the
# meeting (meetings/<number>/...), under one name (gfmd.routing.edition_paths). A registration or an
# invitation belongs to its meeting already: its own URL needs no number.
urlpatterns = [
    *edition_paths("", views.delegation_index, "index"),
    *edition_paths("<int:pk>/", views.delegation_detail, "detail"),
    path("new/", views.delegation_create, name="admin_create"),
    path("<int:pk>/edit/", views.delegation_edit, name="admin_edit"),
    path("<int:pk>/retire/", views.delegation_retire, name="admin_retire"),
    path("<int:pk>/reactivate/", views.delegation_reactivate, name="admin_reactivate"),
    path("<int:pk>/merge/", views.delegation_merge, name="admin_merge"),
    *edition_paths("<int:pk>/approve/", views.bulk_approve, "bulk_approve"),
    *edition_paths("<int:pk>/invite/", views.invite, "invite"),
    path("<int:pk>/invitations/<int:invitation_pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    *edition_paths("<int:pk>/quota/", views.quota, "quota"),
    # Membership per meeting (Steering Group, Friends of the Forum, focal points).
    path("meetings/<int:number>/membership/", views.meeting_membership, name="meeting_membership"),
    path("<int:pk>/meetings/<int:number>/membership/", views.delegation_membership, name="delegation_membership"),
    path("<int:pk>/meetings/<int:number>/membership/set/", views.membership_set, name="membership_set"),
    path(
        "<int:pk>/meetings/<int:number>/focal-points/nominate/",
        views.focal_point_nominate,
        name="focal_point_nominate",
    ),
    path(
        "<int:pk>/meetings/<int:number>/focal-points/<int:focal_point_pk>/revoke/",
        views.focal_point_revoke,
        name="focal_point_revoke",
    ),
    path(
        "<int:pk>/meetings/<int:number>/nominations/<int:nomination_pk>/revoke/",
        views.nomination_revoke,
        name="nomination_revoke",
    ),
    path("focal-points/<str:token>/", views.focal_point_accept, name="focal_point_accept"),
    *edition_paths("civil-society/", views.civil_society, "civil_society"),
    *edition_paths("register/", views.register, "register"),
    # The registration form's suggestions (an htmx fragment): delegations are not a meeting's.
    path("register/delegations/", views.register_delegations, name="register_delegations"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    *edition_paths("me/", views.my_registration, "my_registration"),
    *edition_paths("me/change/", views.my_registration_change, "my_registration_change"),
    *edition_paths("me/withdraw/", views.my_registration_withdraw, "my_registration_withdraw"),
    *edition_paths("registrations/", views.registration_list, "registrations"),
    # registrations/export.csv and .xlsx (the view refuses any other format with 404).
    *edition_paths("registrations/export.<str:file_format>", views.registration_export, "registrations_export"),
    path("registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("registrations/<int:pk>/approve/", views.registration_approve, name="registration_approve"),
    path("registrations/<int:pk>/reject/", views.registration_reject, name="registration_reject"),
    path("registrations/<int:pk>/withdraw/", views.registration_withdraw, name="registration_withdraw"),
    *edition_paths("participants/", views.participants, "participants"),
]
