import hashlib

import pytest
from django.contrib.messages import get_messages
from django.db import IntegrityError
from django.urls import reverse

from accounts.tests.factories import UserFactory
from delegations.tests.factories import make_focal_point, make_membership
from mailings.models import Mailing, OutgoingMail
from mailings.templates import default_texts
from roundtables.tests.factories import MeetingFactory
from surveys.audiences import Audience, audience_plan
from surveys.models import Invitation, InvitationLink, SurveyMail
from surveys.services import survey_invite
from surveys.tests.helpers import links_by_recipient, send

INVITATION_SUBJECTS, INVITATION_BODIES = default_texts("surveys.invitation")

pytestmark = pytest.mark.django_db


def _invite(survey, audience, chair, **kwargs):
    plan = audience_plan(survey, audience, **kwargs)
    return survey_invite(survey=survey, plan=plan, subjects=INVITATION_SUBJECTS, bodies=INVITATION_BODIES, actor=chair)


def test_friends_of_the_forum_plan_counts_recipients_and_those_without_focal_point(survey, focal_point_of):
    from delegations.tests.factories import DelegationFactory

    _ghana, _ = focal_point_of("GH", friends_of_the_forum=True)
    mexico, _ = focal_point_of("MX", friends_of_the_forum=True)
    make_focal_point(UserFactory(), mexico, survey.meeting)  # a second focal point
    make_membership(DelegationFactory(country="SN", name="State SN"), survey.meeting, friends_of_the_forum=True)
    # A focal point of another meeting is not reached.
    make_focal_point(UserFactory(), _ghana, MeetingFactory(number=survey.meeting.number + 1))
    focal_point_of("FR", friends_of_the_forum=False)

    plan = audience_plan(survey, Audience.FRIENDS)

    assert [target.name for target in plan.targets] == ["State GH", "State MX"]
    assert (plan.invitation_count, plan.mail_count) == (2, 3)
    assert [d.name for d in plan.without_focal_point] == ["State SN"]


def test_invitations_wait_in_the_outbox_until_the_chair_sends_them(survey, chair, focal_point_of, mailoutbox):
    focal_point_of("GH", steering_group=True)
    focal_point_of("MX", steering_group=True)

    mailing = _invite(survey, Audience.STEERING_GROUP, chair)

    assert mailing.state == Mailing.State.OUTBOX
    assert sorted(mailing.mails.values_list("to", "state")) == [
        ("fp.gh@example.org", OutgoingMail.State.HELD),
        ("fp.mx@example.org", OutgoingMail.State.HELD),
    ]
    assert sorted(Invitation.objects.values_list("delegation__name", flat=True)) == ["State GH", "State MX"]
    assert SurveyMail.objects.count() == 2
    assert mailoutbox == []


def test_each_mail_carries_its_own_link_created_at_sending_and_stored_only_hashed(
    survey, chair, focal_point_of, mailoutbox, django_capture_on_commit_callbacks
):
    mexico, first = focal_point_of("MX", friends_of_the_forum=True)
    second = UserFactory(email="second.mx@example.org")
    make_focal_point(second, mexico, survey.meeting)
    mailing = _invite(survey, Audience.FRIENDS, chair)
    assert InvitationLink.objects.count() == 0  # no link exists while the mails wait

    send(mailing, chair, django_capture_on_commit_callbacks)

    links = links_by_recipient()
    assert set(links) == {first.email, second.email}
    tokens = list(links.values())
    assert tokens[0] != tokens[1]
    assert all(len(token) >= 43 for token in tokens)  # 32 random bytes: 256 bits
    stored = set(InvitationLink.objects.values_list("token_hash", flat=True))
    assert stored == {hashlib.sha256(token.encode()).hexdigest() for token in tokens}
    # The outbox keeps the placeholder, never the link.
    assert all(
        "{link}" in body and tokens[0] not in body for body in OutgoingMail.objects.values_list("body_text", flat=True)
    )
    # Both links open the one invitation of the delegation.
    assert {InvitationLink.objects.get(token_hash=h).invitation_id for h in stored} == {Invitation.objects.get().pk}


def test_mail_is_written_in_the_recipients_language(
    survey, chair, focal_point_of, mailoutbox, django_capture_on_commit_callbacks
):
    _, person = focal_point_of("SN", friends_of_the_forum=True)
    person.preferred_language, person.honorific, person.last_name = "fr", "ms", "Adeyemi"
    person.save()
    survey.title_fr = "Thème et tables rondes 2010"
    survey.save()

    send(_invite(survey, Audience.FRIENDS, chair), chair, django_capture_on_commit_callbacks)

    [message] = mailoutbox
    assert message.subject == "Enquête du FMMD : Thème et tables rondes 2010"
    # A French salutation with her name, and the state named in French (django-countries).
    assert message.body.startswith("Madame Adeyemi,\n")
    assert "des vues de Sénégal dans l'enquête « Thème et tables rondes 2010 »" in message.body


def test_inviting_an_audience_twice_leaves_out_those_already_invited(survey, chair, focal_point_of):
    focal_point_of("GH", steering_group=True, friends_of_the_forum=True)
    focal_point_of("MX", friends_of_the_forum=True)
    _invite(survey, Audience.STEERING_GROUP, chair)

    plan = audience_plan(survey, Audience.FRIENDS)

    assert ([t.name for t in plan.targets], plan.already_invited) == (["State MX"], 1)


def test_participants_audience_invites_approved_people_with_their_delegation(survey, chair):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    approved = RegistrationFactory(meeting=survey.meeting, status=Registration.Status.APPROVED)
    RegistrationFactory(meeting=survey.meeting, status=Registration.Status.PENDING)

    plan = audience_plan(survey, Audience.PARTICIPANTS)

    assert [(t.person, t.delegation) for t in plan.targets] == [(approved.person, approved.delegation)]


def test_session_team_audience_reaches_team_delegations_and_team_people(survey, focal_point_of):
    from roundtables.tests.factories import (
        RoundtableFactory,
        SessionDelegationFactory,
        SessionFactory,
        SessionPersonFactory,
    )

    session = SessionFactory(roundtable=RoundtableFactory(meeting=survey.meeting))
    ghana, _ = focal_point_of("GH")
    SessionDelegationFactory(session=session, delegation=ghana)
    rapporteur = SessionPersonFactory(session=session).person

    plan = audience_plan(survey, Audience.SESSION_TEAM, session=session)

    assert [t.name for t in plan.targets] == ["State GH", rapporteur.display_name]


def test_a_second_invitation_mail_to_one_person_is_refused_by_the_database(survey, chair, focal_point_of):
    focal_point_of("GH", steering_group=True)
    _invite(survey, Audience.STEERING_GROUP, chair)
    first = SurveyMail.objects.get()
    with pytest.raises(IntegrityError):
        SurveyMail.objects.create(
            invitation=first.invitation,
            person=first.person,
            mail=OutgoingMail.objects.create(to="x@example.org", subject="s", body_text="b"),
        )


def test_invite_page_counts_recipients_before_anything_is_written(client, chair, survey, questions, focal_point_of):
    focal_point_of("GH", steering_group=True)
    client.force_login(chair)
    response = client.get(
        reverse("surveys:invite", args=[survey.pk]), {"audience": "steering_group"}, headers={"HX-Request": "true"}
    )
    assert response.context["plan"].mail_count == 1
    assert '<span class="stat">1</span>' in response.content.decode()
    assert (Invitation.objects.count(), OutgoingMail.objects.count()) == (0, 0)


def test_chair_puts_the_invitations_in_the_outbox_from_the_invite_page(
    client, chair, survey, questions, focal_point_of
):
    focal_point_of("GH", friends_of_the_forum=True)
    client.force_login(chair)
    data = {"audience": "friends", "put_in_outbox": "1"}
    for code in ("en", "fr", "es"):
        data[f"subject_{code}"] = INVITATION_SUBJECTS[code]
        data[f"body_{code}"] = INVITATION_BODIES[code]
    response = client.post(reverse("surveys:invite", args=[survey.pk]), data)
    mailing = Mailing.objects.get()
    assert response.url == reverse("mailings:detail", args=[mailing.pk])
    assert (mailing.state, mailing.mails.count()) == (Mailing.State.OUTBOX, 1)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "1 mail waits in the outbox. Check its preview, then send it."
    ]


def test_a_message_without_the_link_is_refused(client, chair, survey, questions, focal_point_of):
    focal_point_of("GH", friends_of_the_forum=True)
    client.force_login(chair)
    data = {
        "audience": "friends",
        "put_in_outbox": "1",
        "subject_en": "Survey",
        "body_en": "Dear {name}, answer {surname}",
    }
    response = client.post(reverse("surveys:invite", args=[survey.pk]), data)
    assert response.context["message_form"].errors["body_en"] == [
        "Unknown placeholder {surname}. Use only {salutation}, {name}, {delegation}, {survey}, {closing_date}, {link}.",
        "The message must contain {link}: the recipient's personal link.",
    ]
    assert Invitation.objects.count() == 0


def test_the_invitations_list_counts_each_rows_mails_and_names_its_groups(
    client, survey, chair, focal_point_of, django_capture_on_commit_callbacks
):
    mexico, _first = focal_point_of("MX", friends_of_the_forum=True)
    make_focal_point(UserFactory(email="second.mx@example.org"), mexico, survey.meeting)
    focal_point_of("GH", friends_of_the_forum=True, steering_group=True)
    send(_invite(survey, Audience.FRIENDS, chair), chair, django_capture_on_commit_callbacks)
    client.force_login(chair)

    rows = client.get(reverse("surveys:invitations", args=[survey.pk])).context["invitations"]

    assert [
        (row.delegation.name, row.mail_count, row.reminder_count, row.in_steering_group, row.in_friends_of_the_forum)
        for row in rows
    ] == [("State GH", 1, 0, True, True), ("State MX", 2, 0, False, True)]
