from django.urls import path, re_path

from delegations import views

app_name = "delegations"

urlpatterns = [
    path("", views.delegation_index, name="index"),
    path("<int:pk>/", views.delegation_detail, name="detail"),
    path("new/", views.delegation_create, name="admin_create"),
    path("<int:pk>/edit/", views.delegation_edit, name="admin_edit"),
    path("<int:pk>/retire/", views.delegation_retire, name="admin_retire"),
    path("<int:pk>/reactivate/", views.delegation_reactivate, name="admin_reactivate"),
    path("<int:pk>/merge/", views.delegation_merge, name="admin_merge"),
    path("<int:pk>/approve/", views.bulk_approve, name="bulk_approve"),
    path("<int:pk>/invite/", views.invite, name="invite"),
    path("<int:pk>/invitations/<int:invitation_pk>/revoke/", views.invitation_revoke, name="invitation_revoke"),
    path("<int:pk>/quota/", views.quota, name="quota"),
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
    path("civil-society/", views.civil_society, name="civil_society"),
    path("register/", views.register, name="register"),
    path("invitations/<str:token>/", views.invitation, name="invitation"),
    path("me/", views.my_registration, name="my_registration"),
    path("me/change/", views.my_registration_change, name="my_registration_change"),
    path("me/withdraw/", views.my_registration_withdraw, name="my_registration_withdraw"),
    path("registrations/", views.registration_list, name="registrations"),
    re_path(
        r"^registrations/export\.(?P<file_format>csv|xlsx)$", views.registration_export, name="registrations_export"
    ),
    path("registrations/<int:pk>/", views.registration_detail, name="registration"),
    path("registrations/<int:pk>/approve/", views.registration_approve, name="registration_approve"),
    path("registrations/<int:pk>/reject/", views.registration_reject, name="registration_reject"),
    path("registrations/<int:pk>/withdraw/", views.registration_withdraw, name="registration_withdraw"),
    path("participants/", views.participants, name="participants"),
]
