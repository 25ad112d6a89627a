"""travel: pages. The participant's at /logistics/travel/ (the current meeting) and
/logistics/meetings/<number>/travel/; the Chair's office's at /chair/travel/ and
/chair/meetings/<number>/travel/..."""

from django.urls import include, path

from gfmd.routing import edition_paths
from logistics.views import travel

MEETING = "logistics/meetings/<int:number>/travel/"
CHAIR = "chair/meetings/<int:number>/travel/"

urlpatterns = [
    path("logistics/", include(edition_paths("travel/", travel.travel, "travel"))),
    path(f"{MEETING}book/<int:block_pk>/", travel.travel_book, name="travel_book"),
    path(f"{MEETING}cancel/", travel.travel_cancel, name="travel_cancel"),
    path("chair/", include(edition_paths("travel/", travel.hotels, "travel_hotels"))),
    path("chair/", include(edition_paths("travel/arrivals/", travel.arrivals, "travel_arrivals"))),
    path(f"{CHAIR}arrivals.xlsx", travel.arrivals_xlsx, name="travel_arrivals_xlsx"),
    path(f"{CHAIR}hotels/add/", travel.hotel_form, name="travel_hotel_add"),
    path(f"{CHAIR}hotels/<int:pk>/edit/", travel.hotel_form, name="travel_hotel_edit"),
    path(f"{CHAIR}hotels/<int:hotel_pk>/blocks/add/", travel.block_form, name="travel_block_add"),
    path(f"{CHAIR}blocks/<int:pk>/", travel.block_form, name="travel_block"),
    path(f"{CHAIR}bookings/<int:pk>/cancel/", travel.booking_cancel, name="travel_booking_cancel"),
]
