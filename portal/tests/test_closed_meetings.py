"""A closed meeting is read-only everywhere: every app's services refuse to write its data (nothing changes
in the database), a replayed form gets a 409 page or the form's error, and only a correction the Chair's
office opens on purpose lets its writes through, each logged with the correction's reason."""

import datetime as dt

import pytest
from django.apps import apps
from django.urls import reverse
from django.utils import timezone

from accounts.tests.factories import ChairOfficeFactory, UserFactory
from activity.models import ActivityLog
from delegations import services as delegation_services
from delegations.models import FocalPoint, Registration
from delegations.services import membership as delegation_membership
from delegations.tests.factories import DelegationFactory, RegistrationFactory
from delegations.tests.factories import InvitationFactory as DelegationInvitationFactory
from mailings import services as mailing_services
from mailings.services import MailRecipient
from mailings.tests.factories import make_mailing
from outcomes import services as outcome_services
from outcomes.tests.factories import OutcomeFactory, rapporteur_of, section_of
from papers.services import deadlines as paper_deadlines
from papers.services import workflow as paper_workflow
from papers.tests.factories import PaperFactory, VersionFactory
from roundtables import services as roundtable_services
from roundtables.editions import MeetingClosed, ensure_open
from roundtables.models import Meeting, MeetingCorrection, SessionDelegation
from roundtables.tests.factories import MeetingFactory, RoundtableFactory, SessionFactory
from surveys.services import building as survey_building
from surveys.services import invitations as survey_invitations
from surveys.services import responses as survey_responses
from surveys.tests.factories import InvitationFactory as SurveyInvitationFactory
from surveys.tests.factories import QuestionFactory, SectionFactory, SurveyFactory

# Every app whose rows hold a meeting's data: a refused write changes none of their rows.
WATCHED_APPS = ("roundtables", "delegations", "papers", "outcomes", "surveys", "mailings", "activity")


def snapshot() -> dict:
    """Every row of every model of the watched apps, as values: what "nothing changed" compares."""
    rows = {}
    for label in WATCHED_APPS:
        for model in apps.get_app_config(label).get_models():
            rows[model._meta.label] = sorted(map(repr, model.objects.order_by("pk").values()))
    return rows


@pytest.fixture
def world(db):
    """Athens 2009 (held, not current) with one of every app's objects, then closed by the Chair's office."""
    chair = ChairOfficeFactory()
    MeetingFactory(number=4, is_current=True, status=Meeting.Status.OPEN)  # the current meeting is another
    meeting = MeetingFactory(
        number=3, status=Meeting.Status.HELD, start_date=dt.date(2009, 11, 4), end_date=dt.date(2009, 11, 5)
    )
    roundtable = RoundtableFactory(meeting=meeting, number=3)
    session = SessionFactory(roundtable=roundtable, code="3.1")
    other_session = SessionFactory(roundtable=roundtable, code="3.2")
    delegation = DelegationFactory(country="GR")
    focal_point = UserFactory()
    FocalPoint.objects.create(delegation=delegation, meeting=meeting, user=focal_point)
    SessionDelegation.objects.create(session=session, delegation=delegation, role=SessionDelegation.Role.CO_CHAIR)
    registration = RegistrationFactory(meeting=meeting, delegation=delegation, status=Registration.Status.PENDING)
    delegation_invitation = DelegationInvitationFactory(meeting=meeting, delegation=delegation)
    paper = PaperFactory(session=session, state="submitted")
    version = VersionFactory(paper=paper)
    rapporteur = rapporteur_of(session)
    outcome = OutcomeFactory(session=session)
    survey = SurveyFactory(meeting=meeting)
    survey_section = SectionFactory(survey=survey)
    question = QuestionFactory(section=survey_section)
    survey_invitation = SurveyInvitationFactory(survey=survey)
    mailing, _rows = make_mailing(2, created_by=chair, meeting=meeting)
    roundtable_services.meeting_close(meeting=meeting, actor=chair)
    meeting.refresh_from_db()
    return {
        "chair": chair,
        "meeting": meeting,
        "roundtable": roundtable,
        "session": session,
        "other_session": other_session,
        "delegation": delegation,
        "focal_point": focal_point,
        "registration": registration,
        "delegation_invitation": delegation_invitation,
        "paper": paper,
        "version": version,
        "rapporteur": rapporteur,
        "outcome": outcome,
        "survey": survey,
        "survey_section": survey_section,
        "question": question,
        "survey_invitation": survey_invitation,
        "mailing": mailing,
    }


TRANSLATED = {"en": "Changed", "fr": "", "es": ""}

# One representative write per service (app: name), each called as the person who may make it.
WRITES = {
    "roundtables: meeting_update": lambda w: roundtable_services.meeting_update(
        meeting=w["meeting"], actor=w["chair"], fields={"city": "Elsewhere"}
    ),
    "roundtables: meeting_make_current": lambda w: roundtable_services.meeting_make_current(
        meeting=w["meeting"], actor=w["chair"]
    ),
    "roundtables: roundtable_create": lambda w: roundtable_services.roundtable_create(
        meeting=w["meeting"], actor=w["chair"], fields={"number": 9, "title_en": "New"}
    ),
    "roundtables: roundtable_move": lambda w: roundtable_services.roundtable_move(
        roundtable=w["roundtable"], actor=w["chair"], direction="down"
    ),
    "roundtables: session_update": lambda w: roundtable_services.session_update(
        session=w["session"], actor=w["chair"], fields={"title_en": "Changed"}
    ),
    "roundtables: session_delete": lambda w: roundtable_services.session_delete(
        session=w["other_session"], actor=w["chair"]
    ),
    "roundtables: session_description_update": lambda w: roundtable_services.session_description_update(
        session=w["session"], actor=w["chair"], fields={"description_en": "Changed"}
    ),
    "roundtables: team_person_add": lambda w: roundtable_services.team_person_add(
        session=w["session"], person=UserFactory(), role="speaker", actor=w["chair"]
    ),
    "roundtables: programme_publish": lambda w: roundtable_services.programme_publish(
        meeting=w["meeting"], actor=w["chair"]
    ),
    "delegations: registration_create": lambda w: delegation_services.registration_create(
        person=UserFactory(), meeting=w["meeting"], delegation=w["delegation"], role="delegate", sessions=[]
    ),
    "delegations: registration_approve": lambda w: delegation_services.registration_approve(
        registration=w["registration"], actor=w["chair"]
    ),
    "delegations: registration_withdraw": lambda w: delegation_services.registration_withdraw(
        registration=w["registration"], actor=w["registration"].person
    ),
    "delegations: invitation_create": lambda w: delegation_services.invitation_create(
        delegation=w["delegation"],
        meeting=w["meeting"],
        email="new@example.org",
        role="delegate",
        invited_by=w["focal_point"],
    ),
    "delegations: invitation_revoke": lambda w: delegation_services.invitation_revoke(
        invitation=w["delegation_invitation"], actor=w["focal_point"]
    ),
    "delegations: quota_set": lambda w: delegation_services.quota_set(
        delegation=w["delegation"], meeting=w["meeting"], places=3, actor=w["chair"]
    ),
    "delegations: membership_set": lambda w: delegation_membership.membership_set(
        delegation=w["delegation"],
        meeting=w["meeting"],
        actor=w["chair"],
        steering_group=True,
        friends_of_the_forum=True,
    ),
    "delegations: focal_point_nominate": lambda w: delegation_membership.focal_point_nominate(
        delegation=w["delegation"], meeting=w["meeting"], email="new.fp@example.org", actor=w["chair"]
    ),
    "papers: paper_start_review": lambda w: paper_workflow.paper_start_review(paper=w["paper"], actor=w["chair"]),
    "papers: comment_add": lambda w: paper_workflow.comment_add(
        version=w["version"], actor=w["chair"], body="A remark"
    ),
    "papers: deadline_set": lambda w: paper_deadlines.deadline_set(
        meeting=w["meeting"], actor=w["chair"], due_at=timezone.now() + dt.timedelta(days=3)
    ),
    "outcomes: outcome_start": lambda w: outcome_services.outcome_start(session=w["other_session"], actor=w["chair"]),
    "outcomes: section_save (editor autosave)": lambda w: outcome_services.section_save(
        section=section_of(w["outcome"]), actor=w["rapporteur"], html="<p>New text</p>", base_revision_id=None
    ),
    "outcomes: outcome_approve (sign-off)": lambda w: outcome_services.outcome_approve(
        outcome=w["outcome"], actor=w["chair"]
    ),
    "outcomes: outcome_publish": lambda w: outcome_services.outcome_publish(outcome=w["outcome"], actor=w["chair"]),
    "surveys: survey_create": lambda w: survey_building.survey_create(
        meeting=w["meeting"],
        title=TRANSLATED,
        introduction=TRANSLATED,
        opens_at=timezone.now(),
        closes_at=timezone.now() + dt.timedelta(days=7),
        anonymous=False,
        actor=w["chair"],
    ),
    "surveys: section_save": lambda w: survey_building.section_save(
        survey=w["survey"], section=None, title=TRANSLATED, description=TRANSLATED, actor=w["chair"]
    ),
    "surveys: reminder_schedule": lambda w: survey_invitations.reminder_schedule(
        survey=w["survey"],
        send_at=timezone.now() + dt.timedelta(days=1),
        subjects={"en": "Reminder"},
        bodies={"en": "Please answer."},
        actor=w["chair"],
    ),
    "surveys: response_submit (answer)": lambda w: survey_responses.response_submit(
        invitation=w["survey_invitation"], questions=[w["question"]], values={w["question"].pk: "An answer"}
    ),
    "mailings: mailing_create": lambda w: mailing_services.mailing_create(
        title="News",
        subjects={"en": "News"},
        bodies={"en": "Dear {name}"},
        recipients=[MailRecipient(email="a@example.org", name="A")],
        created_by=w["chair"],
        meeting=w["meeting"],
    ),
    "mailings: mailing_release": lambda w: mailing_services.mailing_release(mailing=w["mailing"], actor=w["chair"]),
}


@pytest.mark.parametrize("write", WRITES.values(), ids=WRITES.keys())
def test_every_app_refuses_to_write_to_a_closed_meeting(world, write):
    before = snapshot()
    with pytest.raises(MeetingClosed) as refused:
        write(world)
    assert "is closed: its record is read-only" in refused.value.messages[0]
    assert snapshot() == before


def test_the_refusal_is_read_afresh_not_from_a_stale_instance(world):
    """A page loaded before the closing, whose meeting instance still says "open", is refused all the same."""
    stale = Meeting.objects.get(pk=world["meeting"].pk)
    stale.closed_at = None
    with pytest.raises(MeetingClosed):
        ensure_open(stale, world["chair"])


def test_a_report_of_a_closed_meeting_may_still_be_asked_for(world):
    """Reading is not writing: the documents of a closed meeting are produced as before."""
    from reports.services import request_report

    RegistrationFactory(
        meeting=world["meeting"],
        delegation=world["delegation"],
        status=Registration.Status.APPROVED,
        public_list_consent=True,
    )
    generated = request_report(kind="participants", params={"meeting": world["meeting"].pk}, user=world["chair"])
    assert generated.pk is not None


def test_mail_queued_before_the_closing_still_goes_out(world, mailoutbox):
    """A mailing released while the meeting was open is sent even once it is closed (see mailings.services)."""
    from mailings.models import OutgoingMail

    meeting = MeetingFactory(number=2, status=Meeting.Status.HELD)
    mailing, rows = make_mailing(1, created_by=world["chair"], meeting=meeting)
    mailing_services.mailing_release(mailing=mailing, actor=world["chair"])
    roundtable_services.meeting_close(meeting=meeting, actor=world["chair"])
    mailing_services.mailing_pump(mailing_id=mailing.pk)
    assert OutgoingMail.objects.get(pk=rows[0].pk).state == OutgoingMail.State.SENT
    assert [m.to for m in mailoutbox] == [["person0@example.org"]]


# Correction ---------------------------------------------------------------------------------------


def test_a_correction_lets_the_chair_office_write_and_logs_each_write(world):
    chair, meeting, session = world["chair"], world["meeting"], world["session"]
    correction = roundtable_services.meeting_correction_open(
        meeting=meeting, actor=chair, reason="Session 3.1 had the wrong title in the record."
    )
    roundtable_services.session_update(session=session, actor=chair, fields={"title_en": "The right title"})
    session.refresh_from_db()
    assert session.title_en == "The right title"
    entry = ActivityLog.objects.get(action="roundtables.session.updated")
    assert entry.data["correction"] == {"id": correction.pk, "reason": "Session 3.1 had the wrong title in the record."}
    opened = ActivityLog.objects.get(action="roundtables.correction.opened")
    assert opened.label == "Correction of a closed meeting opened"

    roundtable_services.meeting_correction_end(correction=correction, actor=chair)
    correction.refresh_from_db()
    assert correction.ended_by == chair and correction.ended_at is not None
    with pytest.raises(MeetingClosed):
        roundtable_services.session_update(session=session, actor=chair, fields={"title_en": "Again"})


def test_a_correction_lets_nobody_else_in(world):
    """The correction is the Chair's office's: a participant's answer or registration is still refused."""
    roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=world["chair"], reason="A typo")
    before = snapshot()
    with pytest.raises(MeetingClosed):
        WRITES["surveys: response_submit (answer)"](world)
    with pytest.raises(MeetingClosed):
        WRITES["delegations: registration_withdraw"](world)
    assert snapshot() == before


def test_a_correction_needs_a_reason_and_a_closed_meeting(world, chair):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError):
        roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=chair, reason="  ")
    open_meeting = Meeting.objects.get(number=4)
    with pytest.raises(ValidationError):
        roundtable_services.meeting_correction_open(meeting=open_meeting, actor=chair, reason="Why not")
    roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=chair, reason="One")
    with pytest.raises(ValidationError):
        roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=chair, reason="Two")
    assert MeetingCorrection.objects.count() == 1


# Closing --------------------------------------------------------------------------------------------


def test_only_a_held_meeting_that_is_not_current_can_be_closed(db, chair):
    from django.core.exceptions import ValidationError

    current = MeetingFactory(number=4, is_current=True, status=Meeting.Status.HELD)
    preparing = MeetingFactory(
        number=5, status=Meeting.Status.PLANNING, start_date=dt.date(2099, 1, 1), end_date=dt.date(2099, 1, 2)
    )
    for meeting in (current, preparing):
        with pytest.raises(ValidationError):
            roundtable_services.meeting_close(meeting=meeting, actor=chair)
    assert not Meeting.objects.filter(closed_at__isnull=False).exists()
    held = MeetingFactory(number=3, status=Meeting.Status.HELD)
    roundtable_services.meeting_close(meeting=held, actor=chair)
    held.refresh_from_db()
    assert held.is_closed and held.closed_by == chair
    with pytest.raises(ValidationError):  # closing is once, and there is no reopening
        roundtable_services.meeting_close(meeting=held, actor=chair)


def test_the_wrong_user_cannot_close_or_correct(world):
    from django.core.exceptions import PermissionDenied

    outsider = world["focal_point"]
    open_held = MeetingFactory(number=2, status=Meeting.Status.HELD)
    with pytest.raises(PermissionDenied):
        roundtable_services.meeting_close(meeting=open_held, actor=outsider)
    with pytest.raises(PermissionDenied):
        roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=outsider, reason="Mine")
    correction = roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=world["chair"], reason="A")
    with pytest.raises(PermissionDenied):
        roundtable_services.meeting_correction_end(correction=correction, actor=outsider)


@pytest.mark.parametrize("name", ["close", "correction_open", "correction_end"])
def test_the_wrong_user_is_refused_the_pages(world, client, name):
    outsider = world["focal_point"]
    client.force_login(outsider)
    open_held = MeetingFactory(number=2, status=Meeting.Status.HELD)
    correction = roundtable_services.meeting_correction_open(meeting=world["meeting"], actor=world["chair"], reason="A")
    url = {
        "close": reverse("roundtables:meeting_close", kwargs={"number": open_held.number}),
        "correction_open": reverse("roundtables:correction_open", kwargs={"number": world["meeting"].number}),
        "correction_end": reverse("roundtables:correction_end", kwargs={"pk": correction.pk}),
    }[name]
    before = snapshot()
    assert client.get(url).status_code == 403
    assert client.post(url, {"reason": "Mine"}).status_code == 403
    assert snapshot() == before


# Form replays --------------------------------------------------------------------------------------


def form_data(form, **changes) -> dict:
    """What the browser would post back for the form as rendered, with `changes`: the replayed form."""
    data = {}
    for field in form:
        value = field.value()
        if value is None or value is False:
            continue
        if value is True:
            data[field.html_name] = "on"
        elif isinstance(value, (list, tuple)):
            data[field.html_name] = [str(item) for item in value]
        else:
            formatted = field.field.widget.format_value(value)
            data[field.html_name] = "" if formatted is None else formatted
    return {**data, **changes}


def _replays(w):
    from roundtables.forms import MeetingForm, SessionForm

    session, roundtable, outcome, meeting = w["session"], w["roundtable"], w["outcome"], w["meeting"]
    return {
        "session edit (form error)": (
            w["chair"],
            reverse("roundtables:session_edit", kwargs={"pk": session.pk}),
            form_data(SessionForm(instance=session, meeting=meeting), title_en="Replayed"),
        ),
        "meeting details (form error)": (
            w["chair"],
            reverse("roundtables:meeting_edit", kwargs={"number": meeting.number}),
            form_data(MeetingForm(instance=meeting), city="Replayed"),
        ),
        "roundtable move (409 page)": (
            w["chair"],
            reverse("roundtables:roundtable_move", kwargs={"pk": roundtable.pk}),
            {"direction": "down"},
        ),
        "roundtable delete (409 page)": (
            w["chair"],
            reverse("roundtables:roundtable_delete", kwargs={"pk": roundtable.pk}),
            {},
        ),
        "outcome autosave (409 JSON)": (
            w["rapporteur"],
            reverse("outcomes:section_save", kwargs={"pk": outcome.pk, "kind": "summary"}),
            {"html": "<p>Replayed</p>", "base_revision": "", "client_token": "e.1"},
        ),
        "outcome publish (message)": (
            w["chair"],
            reverse("outcomes:publish", kwargs={"pk": outcome.pk}),
            {},
        ),
    }


@pytest.mark.parametrize(
    "name",
    [
        "session edit (form error)",
        "meeting details (form error)",
        "roundtable move (409 page)",
        "roundtable delete (409 page)",
        "outcome autosave (409 JSON)",
        "outcome publish (message)",
    ],
)
def test_a_form_replayed_on_a_closed_meeting_changes_nothing(world, client, name):
    actor, url, data = _replays(world)[name]
    client.force_login(actor)
    before = snapshot()
    headers = {"Accept": "application/json"} if "JSON" in name else {}
    response = client.post(url, data, headers=headers, follow="message" in name)
    assert snapshot() == before
    body = response.content.decode()
    assert response.status_code in (200, 400, 409), response.status_code
    assert "is closed" in body
    if "409" in name:
        assert response.status_code == 409


def test_the_409_page_is_in_the_portal_layout(world, client):
    client.force_login(world["chair"])
    url = reverse("roundtables:roundtable_move", kwargs={"pk": world["roundtable"].pk})
    response = client.post(url, {"direction": "down"}, headers={"referer": "http://testserver/chair/"})
    assert response.status_code == 409
    assert response.templates[0].name == "roundtables/meeting_closed.html"
    body = response.content.decode()
    assert "read-only" in body and 'href="http://testserver/chair/"' in body


def test_the_outcome_workspace_of_a_closed_meeting_offers_no_change(world, client):
    client.force_login(world["chair"])
    response = client.get(reverse("outcomes:workspace", kwargs={"session_pk": world["session"].pk}))
    body = response.content.decode()
    assert "meeting-closed-banner" in body
    assert not any(response.context[name] for name in ("can_edit", "can_submit", "can_approve", "can_publish"))
