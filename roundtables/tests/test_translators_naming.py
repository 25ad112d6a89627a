"""A meeting's translators (roundtables.MeetingRole translator_<language>): named by the meeting's own
Chair's office on its staff page (an existing account, one language each), mailed in their language, and
revoked (the row stays, with its date); the service is the one that names the civil-society coordinator
(roundtables.services.staff.meeting_role_name)."""

import pytest
from django.conf import settings
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from activity.registry import action_label
from delegations.tests.factories import DelegationFactory, make_focal_point
from roundtables import services
from roundtables.editions import MeetingClosed
from roundtables.models import Meeting, MeetingRole
from roundtables.selectors import translator_languages
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db

FRENCH = MeetingRole.Role.TRANSLATOR_FR


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
def claire(db):
    return UserFactory(email="claire@example.org", first_name="Claire", last_name="Dubois", preferred_language="fr")


def _people(number: int) -> str:
    return reverse("roundtables:meeting_people", kwargs={"number": number})


def _name(number: int) -> str:
    return reverse("roundtables:meeting_translator_name", kwargs={"number": number})


def _revoke(number: int, pk: int) -> str:
    return reverse("roundtables:meeting_translator_revoke", kwargs={"number": number, "pk": pk})


# -- Services ----------------------------------------------------------------------------------------


def test_the_meeting_staff_names_and_revokes_a_translator_logged_mailed_and_kept(
    vallarta, mexican, claire, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        role = services.translator_name(meeting=vallarta, user=claire, language="fr", actor=mexican)
    assert (role.role, role.granted_by, role.revoked_at) == (FRENCH, mexican, None)
    assert translator_languages(claire, vallarta.pk) == frozenset({"fr"})
    [sent] = django_mail.outbox
    assert sent.to == ["claire@example.org"]
    # Rendered in Claire's language, French: the role is worded in it (the sentences around it are new to
    # the catalogue, so this test reads only the role and the link).
    assert sent.subject.startswith("Puerto Vallarta 2010")
    assert "traducteur vers le français" in sent.subject
    assert "traducteur vers le français" in sent.body
    assert f"{settings.SITE_URL}/translations/meetings/4/\n" in sent.body

    services.meeting_role_revoke(role=role, actor=mexican)
    role.refresh_from_db()
    assert role.revoked_at is not None  # kept as history, with its date
    fresh = type(claire).objects.get(pk=claire.pk)  # a fresh request's person
    assert translator_languages(fresh, vallarta.pk) == frozenset()
    logged = list(ActivityLog.objects.filter(meeting=vallarta).order_by("pk").values_list("action", "actor"))
    assert logged == [("roundtables.translator.named", mexican.pk), ("roundtables.translator.revoked", mexican.pk)]
    assert action_label("roundtables.translator.named") == "Named translator for the meeting"
    assert action_label("roundtables.translator.revoked") == "No longer translator for the meeting"


def test_a_translator_may_be_named_into_two_languages(vallarta, mexican, claire):
    services.translator_name(meeting=vallarta, user=claire, language="fr", actor=mexican)
    services.translator_name(meeting=vallarta, user=claire, language="es", actor=mexican)
    assert translator_languages(claire, vallarta.pk) == frozenset({"fr", "es"})


def test_naming_twice_into_the_same_language_is_a_clear_error(vallarta, mexican, claire):
    services.translator_name(meeting=vallarta, user=claire, language="fr", actor=mexican)
    with pytest.raises(ValidationError) as refused:
        services.translator_name(meeting=vallarta, user=claire, language="fr", actor=mexican)
    assert refused.value.message_dict["email"] == [
        "claire@example.org is already translator into French of Puerto Vallarta 2010."
    ]


def test_a_deactivated_account_is_refused(vallarta, mexican):
    gone = UserFactory(email="gone@example.org", is_active=False)
    with pytest.raises(ValidationError) as refused:
        services.translator_name(meeting=vallarta, user=gone, language="fr", actor=mexican)
    assert refused.value.message_dict["email"] == ["gone@example.org's account is deactivated."]


def test_a_role_that_is_not_named_directly_is_refused(vallarta, mexican, claire):
    with pytest.raises(ValueError):
        services.meeting_role_name(meeting=vallarta, user=claire, role=MeetingRole.Role.CHAIR_STAFF, actor=mexican)


def test_the_troika_a_focal_point_and_a_translator_are_refused(vallarta, geneva, swiss, claire):
    focal_point = UserFactory()
    make_focal_point(focal_point, DelegationFactory())
    translator = UserFactory()
    MeetingRole.objects.create(meeting=vallarta, user=translator, role=FRENCH)
    for actor in (swiss, focal_point, translator, None):
        with pytest.raises(PermissionDenied):
            services.translator_name(meeting=vallarta, user=claire, language="es", actor=actor)
    role = MeetingRole.objects.get(user=translator)
    for actor in (swiss, focal_point, translator):
        with pytest.raises(PermissionDenied):
            services.meeting_role_revoke(role=role, actor=actor)
    assert MeetingRole.objects.active().filter(role__startswith="translator_").count() == 1


def test_a_closed_meeting_is_refused(vallarta, mexican, claire):
    role = MeetingRole.objects.create(meeting=vallarta, user=claire, role=FRENCH)
    Meeting.objects.filter(pk=vallarta.pk).update(closed_at=timezone.now())
    with pytest.raises(MeetingClosed):
        services.translator_name(meeting=vallarta, user=UserFactory(), language="es", actor=mexican)
    with pytest.raises(MeetingClosed):
        services.meeting_role_revoke(role=role, actor=mexican)
    assert MeetingRole.objects.get(pk=role.pk).revoked_at is None


def test_revoking_twice_is_a_clear_error(vallarta, mexican, claire):
    role = MeetingRole.objects.create(meeting=vallarta, user=claire, role=FRENCH)
    services.meeting_role_revoke(role=role, actor=mexican)
    with pytest.raises(ValidationError) as refused:
        services.meeting_role_revoke(role=role, actor=mexican)
    assert refused.value.messages == ["Claire Dubois is no longer translator into French of this meeting."]


# -- The staff page ------------------------------------------------------------------------------------


def test_the_staff_names_a_translator_on_the_page(client, vallarta, mexican, claire):
    client.force_login(mexican)
    page = client.get(_people(4)).content.decode()
    assert "No translator is named for this meeting yet." in page
    response = client.post(_name(4), {"translator-email": "Claire@example.org", "translator-language": "fr"})
    assert (response.status_code, response.url) == (302, _people(4))
    assert MeetingRole.objects.active().get(role=FRENCH).user == claire
    page = client.get(_people(4)).content.decode()
    assert "claire@example.org" in page and "Translator into French" in page


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        (
            {"translator-email": "nobody@example.org", "translator-language": "fr"},
            "email",
            "No account has the address nobody@example.org: ask the person to create one first.",
        ),
        (
            {"translator-email": "gone@example.org", "translator-language": "fr"},
            "email",
            "gone@example.org&#x27;s account is deactivated.",
        ),
        (
            {"translator-email": "claire@example.org", "translator-language": "fr"},
            "email",
            "claire@example.org is already translator into French of Puerto Vallarta 2010.",
        ),
        (
            {"translator-email": "claire@example.org", "translator-language": "de"},
            "language",
            "Select a valid choice. de is not one of the available choices.",
        ),
    ],
)
def test_bad_input_is_an_error_next_to_the_field(client, vallarta, mexican, claire, data, field, message):
    UserFactory(email="gone@example.org", is_active=False)
    MeetingRole.objects.create(meeting=vallarta, user=claire, role=FRENCH)
    client.force_login(mexican)
    response = client.post(_name(4), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert f'<div class="invalid-feedback d-block" id="id_translator-{field}_error">{message}</div>' in page
    assert MeetingRole.objects.filter(role__startswith="translator_").count() == 1


def test_the_staff_revokes_a_translator(client, vallarta, mexican, claire):
    role = MeetingRole.objects.create(meeting=vallarta, user=claire, role=FRENCH)
    client.force_login(mexican)
    assert client.post(_revoke(4, role.pk)).status_code == 302
    assert MeetingRole.objects.get(pk=role.pk).revoked_at is not None
    assert client.post(_revoke(4, role.pk)).status_code == 404  # already revoked


def test_the_wrong_users_are_refused_naming_and_revoking(client, vallarta, geneva, mexican, swiss, claire):
    role = MeetingRole.objects.create(meeting=vallarta, user=claire, role=FRENCH)
    focal_point = UserFactory()
    make_focal_point(focal_point, DelegationFactory())
    # 2011's staff (the troika reads 2010's page, writes nothing), a focal point, the translator, anonymous.
    for person in (swiss, focal_point, claire, None):
        client.logout()
        if person is not None:
            client.force_login(person)
        data = {"translator-email": "officer.ch@example.org", "translator-language": "es"}
        assert client.post(_name(4), data).status_code == 403 if person else 302
        assert client.post(_revoke(4, role.pk)).status_code == 403 if person else 302
    client.force_login(swiss)
    page = client.get(_people(4))
    assert page.status_code == 200 and "Name the translator" not in page.content.decode()
    # A coordinator's or staff role through the translators' URL: 404.
    client.force_login(mexican)
    staff_role = MeetingRole.objects.get(user=mexican)
    assert client.post(_revoke(4, staff_role.pk)).status_code == 404
    assert MeetingRole.objects.active().get(role=FRENCH) == role


def test_a_closed_meeting_refuses_the_page_form(client, vallarta, mexican, claire):
    Meeting.objects.filter(pk=vallarta.pk).update(closed_at=timezone.now())
    client.force_login(mexican)
    response = client.post(_name(4), {"translator-email": "claire@example.org", "translator-language": "fr"})
    assert response.status_code == 400
    assert "Puerto Vallarta 2010 is closed: its record is read-only." in response.content.decode()
    assert not MeetingRole.objects.filter(role=FRENCH).exists()
