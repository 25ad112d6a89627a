from django.urls import path

from portal.people import views

# Mounted under /chair/ by gfmd.urls, beside the Chair's office's other pages.
app_name = "people"

urlpatterns = [
    path("people/", views.people_search, name="search"),
    path("people/<int:pk>/", views.person_detail, name="person"),
    path("people/<int:pk>/deactivate/", views.person_deactivate, name="deactivate"),
    path("people/<int:pk>/reactivate/", views.person_reactivate, name="reactivate"),
    path("staff/", views.staff, name="staff"),
    path("staff/<int:pk>/revoke/", views.staff_revoke, name="staff_revoke"),
    path("staff/invitations/<int:pk>/withdraw/", views.staff_invitation_withdraw, name="staff_withdraw"),
    path("staff/join/<str:token>/", views.staff_join, name="staff_join"),
]
