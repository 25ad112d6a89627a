"""The programme digest: who gets it, what it names, once per release, and who may send it."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import ChairOfficeFactory, UserFactory, grant_chair_staff
from activity.models import ActivityLog
from mailings.models import Mailing, OutgoingMail
from notifications import selectors, services
from notifications.models import ProgrammeDigest
from notifications.tests.helpers import world
from roundtables import services as roundtables_services
from roundtables.tests.factories import MeetingFactory

pytestmark = pytest.mark.django_db


def send(w, django_capture_on_commit_callbacks, actor=None):
    with django_capture_on_commit_callbacks(execute=True):
        return services.programme_digest_send(release=w.v2, actor=actor or w.chair)


def test_the_plan_names_only_the_affected_approved_people_who_want_it(w):
    plan = selectors.digest_plan(w.v2)
    assert plan.changed == {w.moved.pk: ["time", "room"]}
    assert {person.email for person in plan.recipients} == {"alice@example.org", "bruno@example.org"}
    assert all(sessions == [w.moved.pk] for sessions in plan.recipients.values())
    assert plan.opted_out == 1  # eve


def test_each_affected_participant_gets_one_digest_naming_only_the_changed_session(
    w, mailoutbox, django_capture_on_commit_callbacks
):
    digest = send(w, django_capture_on_commit_callbacks)
    assert digest.recipients == 2
    assert sorted(m.to[0] for m in mailoutbox) == ["alice@example.org", "bruno@example.org"]
    alice = next(m for m in mailoutbox if m.to == ["alice@example.org"])
    assert "1.1 Partnerships for migration" in alice.body
    assert "Room: Sala Jalisco -> Sala Colima" in alice.body
    assert "Time: " in alice.body and " -> " in alice.body
    assert "Title:" not in alice.body
    assert "1.2" not in alice.body and "Diaspora" not in alice.body
    assert "version 2" in alice.subject
    # It went through the outbox as a released mailing, marked as the kind a person may turn off.
    mailing = Mailing.objects.get(pk=digest.mailing_id)
    assert mailing.state == Mailing.State.DONE and mailing.released_at is not None
    assert set(mailing.mails.values_list("notification_kind", flat=True)) == {"programme_changes"}
    assert ActivityLog.objects.filter(action="notifications.programme_digest.sent", object_id=str(w.v2.pk)).exists()


def test_each_digest_is_in_the_participants_language(w, mailoutbox, django_capture_on_commit_callbacks):
    send(w, django_capture_on_commit_callbacks)
    bruno = next(m for m in mailoutbox if m.to == ["bruno@example.org"])
    assert "Partenariats pour la migration" in bruno.body
    assert "Partnerships for migration" not in bruno.body
    assert OutgoingMail.objects.get(to="bruno@example.org").language == "fr"
    alice = next(m for m in mailoutbox if m.to == ["alice@example.org"])
    assert "Partnerships for migration" in alice.body


def test_confirming_twice_sends_one_digest(w, mailoutbox, django_capture_on_commit_callbacks):
    send(w, django_capture_on_commit_callbacks)
    other_chair = ChairOfficeFactory()
    grant_chair_staff(other_chair, [w.meeting])
    with pytest.raises(ValidationError, match="already been notified"):
        send(w, django_capture_on_commit_callbacks, actor=other_chair)
    assert len(mailoutbox) == 2
    assert ProgrammeDigest.objects.count() == 1
    assert Mailing.objects.count() == 1


def test_the_page_posted_twice_sends_once(w, client, mailoutbox, django_capture_on_commit_callbacks):
    client.force_login(w.chair)
    url = reverse("notifications:programme_digest", kwargs={"number": w.meeting.number, "version": 2})
    with django_capture_on_commit_callbacks(execute=True):
        first = client.post(url)
        second = client.post(url, follow=True)
    assert first.status_code == 302
    assert "already been notified of version 2" in second.content.decode()
    assert len(mailoutbox) == 2


def test_nothing_is_sent_without_the_confirmation(w, mailoutbox, client):
    client.force_login(w.chair)
    url = reverse("notifications:programme_digest", kwargs={"number": w.meeting.number, "version": 2})
    response = client.get(url)
    page = response.content.decode()
    assert response.status_code == 200
    assert "2 participants will get the digest." in page
    assert "1 more turned programme digests off and is left out." in page
    assert "Preview: the mail to" in page and "Sala Jalisco -&gt; Sala Colima" in page
    assert mailoutbox == [] and not OutgoingMail.objects.exists()


def test_the_publish_page_links_to_the_confirmation(w, client):
    client.force_login(w.chair)
    page = client.get(reverse("roundtables:publish", kwargs={"number": w.meeting.number})).content.decode()
    assert "Notify the registered participants of what changed in version 2" in page
    assert reverse("notifications:programme_digest", kwargs={"number": w.meeting.number, "version": 2}) in page


def test_someone_outside_the_chairs_office_is_refused(w, client, django_capture_on_commit_callbacks):
    with pytest.raises(PermissionDenied):
        send(w, django_capture_on_commit_callbacks, actor=w.alice)
    # Staff of another meeting are not this meeting's Chair's office.
    other = ChairOfficeFactory.build()
    other.save()
    other_meeting = MeetingFactory()
    grant_chair_staff(other, [other_meeting])
    with pytest.raises(PermissionDenied):
        send(w, django_capture_on_commit_callbacks, actor=other)
    client.force_login(w.alice)
    url = reverse("notifications:programme_digest", kwargs={"number": w.meeting.number, "version": 2})
    assert client.get(url).status_code == 403
    assert client.post(url).status_code == 403
    assert not ProgrammeDigest.objects.exists()


def test_a_closed_meeting_sends_nothing(w, django_capture_on_commit_callbacks):
    w.meeting.closed_at = timezone.now()
    w.meeting.save(update_fields=["closed_at"])
    with pytest.raises(ValidationError):
        send(w, django_capture_on_commit_callbacks)
    assert not ProgrammeDigest.objects.exists()


def test_an_older_version_is_refused_once_a_newer_one_is_public(w, django_capture_on_commit_callbacks):
    w.kept.title_en = "Diaspora engagement and investment"
    w.kept.save()
    roundtables_services.programme_publish(meeting=w.meeting, actor=w.chair)
    with pytest.raises(ValidationError, match="Version 3 has been published since"):
        send(w, django_capture_on_commit_callbacks)


def test_a_version_that_moved_nobodys_sessions_sends_nothing(db, settings, django_capture_on_commit_callbacks):
    w = world(publish_v2=False)
    w.meeting.theme_en = "Another theme"
    w.meeting.save()
    w.v2 = roundtables_services.programme_publish(meeting=w.meeting, actor=w.chair)
    assert selectors.digest_plan(w.v2).count == 0
    with pytest.raises(ValidationError, match="nothing to send"):
        send(w, django_capture_on_commit_callbacks)


def test_a_title_change_is_named_old_and_new(db, settings, mailoutbox, django_capture_on_commit_callbacks):
    w = world(publish_v2=False)
    w.kept.title_en = "Diaspora engagement and investment"
    w.kept.save()
    w.v2 = roundtables_services.programme_publish(meeting=w.meeting, actor=w.chair)
    send(w, django_capture_on_commit_callbacks)
    assert [m.to for m in mailoutbox] == [["carla@example.org"], ["bruno@example.org"]] or sorted(
        m.to[0] for m in mailoutbox
    ) == ["bruno@example.org", "carla@example.org"]
    carla = next(m for m in mailoutbox if m.to == ["carla@example.org"])
    assert "Diaspora engagement -> Diaspora engagement and investment" in carla.body


def test_the_plan_reads_a_bounded_number_of_queries(w, django_assert_max_num_queries):
    for _index in range(3):
        from delegations.tests.factories import RegistrationFactory

        RegistrationFactory(meeting=w.meeting, person=UserFactory(), status="approved", sessions=[w.moved])
    with django_assert_max_num_queries(2):
        assert selectors.digest_plan(w.v2).count == 5


def test_the_preview_escapes_what_the_chairs_office_wrote(db, settings, client):
    w = world(publish_v2=False)
    w.moved.title_en = "<script>alert(1)</script>"
    w.moved.save()
    w.v2 = roundtables_services.programme_publish(meeting=w.meeting, actor=w.chair)
    client.force_login(w.chair)
    page = client.get(
        reverse("notifications:programme_digest", kwargs={"number": w.meeting.number, "version": 2})
    ).content.decode()
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)" in page


def test_the_delivery_report_of_the_digest_opens(w, client, django_capture_on_commit_callbacks):
    digest = send(w, django_capture_on_commit_callbacks)
    client.force_login(w.chair)
    response = client.get(reverse("mailings:detail", kwargs={"pk": digest.mailing_id}))
    assert response.status_code == 200
    assert "Programme version 2: what changed, to the participants" in response.content.decode()
    page = client.get(
        reverse("notifications:programme_digest", kwargs={"number": w.meeting.number, "version": 2})
    ).content.decode()
    assert "Sent to 2 participants, confirmed by Carmen Chair" in page
    assert "Send the digest" not in page
