"""A meeting's civil-society coordinator (roundtables.MeetingRole civil_society_coordinator): named and
revoked by the meeting's own Chair's office (or support) on its staff page, by an existing account's
address; the rights apply in that meeting only (delegations/tests/test_coordinator_per_meeting.py)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import SupportFactory, UserFactory
from activity.models import ActivityLog
from activity.registry import action_label
from roundtables import services
from roundtables.editions import MeetingClosed
from roundtables.models import MeetingRole
from roundtables.permissions import coordinates_civil_society_of
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

COORDINATOR = MeetingRole.Role.CIVIL_SOCIETY_COORDINATOR


def staff_of(meeting, **kwargs):
    person = UserFactory(**kwargs)
    MeetingRole.objects.create(meeting=meeting, user=person, role=MeetingRole.Role.CHAIR_STAFF)
    return person


@pytest.fixture
def vallarta(db):
    return MeetingFactory(number=4, title_en="Puerto Vallarta 2010", chair_country="MX", is_current=True)


@pytest.fixture
def geneva(db):
    return MeetingFactory(number=5, title_en="Geneva 2011", chair_country="CH")


@pytest.fixture
def mexican(vallarta):
    return staff_of(vallarta, email="officer.mx@example.org")


@pytest.fixture
def swiss(geneva):
    return staff_of(geneva, email="officer.ch@example.org")


@pytest.fixture
def ngo(db):
    return UserFactory(email="ngo@example.org", first_name="Ana", last_name="Rivera")


def _people(number: int) -> str:
    return reverse("roundtables:meeting_people", kwargs={"number": number})


def _name(number: int) -> str:
    return reverse("roundtables:meeting_coordinator_name", kwargs={"number": number})


def _revoke(number: int, pk: int) -> str:
    return reverse("roundtables:meeting_coordinator_revoke", kwargs={"number": number, "pk": pk})


# -- Services ----------------------------------------------------------------------------------------


def test_the_meeting_staff_names_and_revokes_a_coordinator_logged_with_labels(vallarta, mexican, ngo):
    role = services.coordinator_name(meeting=vallarta, user=ngo, actor=mexican)
    assert (role.role, role.granted_by, role.revoked_at) == (COORDINATOR, mexican, None)
    assert coordinates_civil_society_of(ngo, vallarta)
    services.coordinator_revoke(role=role, actor=mexican)
    role.refresh_from_db()
    assert role.revoked_at is not None
    logged = list(ActivityLog.objects.filter(meeting=vallarta).order_by("pk").values_list("action", "actor"))
    assert logged == [("roundtables.coordinator.named", mexican.pk), ("roundtables.coordinator.revoked", mexican.pk)]
    assert action_label("roundtables.coordinator.named") == "Named civil-society coordinator of the meeting"
    assert action_label("roundtables.coordinator.revoked") == "No longer civil-society coordinator of the meeting"
    ngo.refresh_from_db()  # a fresh request's person
    assert not coordinates_civil_society_of(ngo, vallarta)


def test_support_names_in_any_meeting(geneva, ngo):
    role = services.coordinator_name(meeting=geneva, user=ngo, actor=SupportFactory())
    assert role.meeting == geneva


def test_another_meetings_staff_and_the_coordinator_are_refused(vallarta, geneva, swiss, ngo):
    with pytest.raises(PermissionDenied):
        services.coordinator_name(meeting=vallarta, user=ngo, actor=swiss)
    role = MeetingRole.objects.create(meeting=vallarta, user=ngo, role=COORDINATOR)
    for actor in (swiss, ngo, UserFactory()):
        with pytest.raises(PermissionDenied):
            services.coordinator_revoke(role=role, actor=actor)
    with pytest.raises(PermissionDenied):
        services.coordinator_name(meeting=vallarta, user=UserFactory(), actor=ngo)
    assert MeetingRole.objects.active().filter(role=COORDINATOR).count() == 1


def test_naming_twice_is_a_clear_error(vallarta, mexican, ngo):
    services.coordinator_name(meeting=vallarta, user=ngo, actor=mexican)
    with pytest.raises(ValidationError) as refused:
        services.coordinator_name(meeting=vallarta, user=ngo, actor=mexican)
    assert "already civil-society coordinator" in str(refused.value.message_dict["email"])


def test_a_closed_meeting_is_refused(vallarta, mexican, ngo):
    role = MeetingRole.objects.create(meeting=vallarta, user=ngo, role=COORDINATOR)
    vallarta.__class__.objects.filter(pk=vallarta.pk).update(closed_at=timezone.now())
    with pytest.raises(MeetingClosed):
        services.coordinator_name(meeting=vallarta, user=UserFactory(), actor=mexican)
    with pytest.raises(MeetingClosed):
        services.coordinator_revoke(role=role, actor=mexican)
    assert MeetingRole.objects.get(pk=role.pk).revoked_at is None


# -- The staff page ------------------------------------------------------------------------------------


def test_the_staff_names_a_coordinator_on_the_page(client, vallarta, mexican, ngo):
    client.force_login(mexican)
    page = client.get(_people(4)).content.decode()
    assert "Civil-society coordinator" in page and "Nobody is named for this meeting yet." in page
    response = client.post(_name(4), {"coordinator-email": "NGO@example.org"})
    assert response.status_code == 302 and response.url == _people(4)
    assert MeetingRole.objects.active().get(role=COORDINATOR).user == ngo
    page = client.get(_people(4)).content.decode()
    assert "ngo@example.org" in page and "Revoke" in page


def test_an_unknown_address_is_an_error_next_to_the_field(client, vallarta, mexican):
    client.force_login(mexican)
    response = client.post(_name(4), {"coordinator-email": "nobody@example.org"})
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_coordinator-email_error"' in page
    assert "No account has the address nobody@example.org" in page
    assert response.context["coordinator_form"].errors["email"]
    assert not MeetingRole.objects.filter(role=COORDINATOR).exists()


def test_the_staff_revokes_a_coordinator(client, vallarta, mexican, ngo):
    role = MeetingRole.objects.create(meeting=vallarta, user=ngo, role=COORDINATOR)
    client.force_login(mexican)
    assert client.post(_revoke(4, role.pk)).status_code == 302
    assert MeetingRole.objects.get(pk=role.pk).revoked_at is not None
    assert client.post(_revoke(4, role.pk)).status_code == 404  # already revoked


def test_the_wrong_users_are_refused_naming_and_revoking(client, vallarta, geneva, mexican, swiss, ngo):
    role = MeetingRole.objects.create(meeting=vallarta, user=ngo, role=COORDINATOR)
    staff_role = MeetingRole.objects.get(user=mexican)
    # 2011's staff (the troika reads 2010's page, writes nothing), the coordinator, a stranger, anonymous.
    for person in (swiss, ngo, UserFactory(), None):
        client.logout()
        if person is not None:
            client.force_login(person)
        assert client.post(_name(4), {"coordinator-email": "officer.ch@example.org"}).status_code == 403
        assert client.post(_revoke(4, role.pk)).status_code == 403
    # The troika reads the staff page but the coordinator's section is not shown to it.
    client.force_login(swiss)
    page = client.get(_people(4))
    assert page.status_code == 200 and "Name the coordinator" not in page.content.decode()
    # Revoking a role through another meeting's URL, or a staff role through the coordinator's URL: 404.
    client.force_login(mexican)
    assert client.post(_revoke(5, role.pk)).status_code == 403  # 2011 is not Mexico's to write
    client.force_login(swiss)
    assert client.post(_revoke(5, role.pk)).status_code == 404
    client.force_login(mexican)
    assert client.post(_revoke(4, staff_role.pk)).status_code == 404
    assert MeetingRole.objects.active().filter(role=COORDINATOR).get() == role
    assert MeetingRole.objects.get(pk=staff_role.pk).revoked_at is None


def test_naming_is_post_only(client, vallarta, mexican):
    client.force_login(mexican)
    assert client.get(_name(4)).status_code == 405
