import pytest
from django.core import mail as django_mail
from django.core.exceptions import PermissionDenied, ValidationError

from accounts.tests.factories import UserFactory
from activity.models import ActivityLog
from mailings.models import OutgoingMail
from papers import services
from papers.models import Comment, Paper
from papers.tests.factories import PaperFactory, VersionFactory
from papers.tests.files import pdf_upload

State = Paper.State


def _create(team, actor=None, **kwargs):
    return services.paper_create(
        session=team.session,
        actor=actor or team.author,
        kind=kwargs.pop("kind", Paper.Kind.BACKGROUND),
        language="en",
        titles={"en": kwargs.pop("title", "Public-private partnerships for labour mobility")},
        abstracts={"en": "What partnerships achieve."},
        authors=kwargs.pop("authors", [team.author]),
        file=kwargs.pop("file", pdf_upload()),
        note="First draft",
    )


def _paper_in(team, state, **kwargs):
    paper = PaperFactory(session=team.session, state=State.DRAFT, authors=[team.author], **kwargs)
    version = VersionFactory(paper=paper, number=1, uploaded_by=team.author)
    if state in (State.ACCEPTED, State.PUBLISHED):
        paper.accepted_version = version
    if state == State.PUBLISHED:
        paper.published_at = paper.created_at
    paper.state = state
    paper.save()
    return paper


def _mailed() -> list[str]:
    return sorted(OutgoingMail.objects.values_list("to", flat=True))


def _actions(paper):
    return list(
        ActivityLog.objects.filter(object_id=str(paper.pk), action__startswith="papers.paper.")
        .order_by("pk")
        .values_list("action", flat=True)
    )


# The draft: created with its first version.


@pytest.mark.django_db
def test_paper_create_makes_a_draft_with_version_one_logged_and_mailed(team):
    paper = _create(team)
    version = paper.versions.get()
    assert (paper.state, paper.title, list(paper.authors.all())) == (
        State.DRAFT,
        "Public-private partnerships for labour mobility",
        [team.author],
    )
    assert (version.number, version.file_format, version.note, version.uploaded_by) == (
        1,
        "pdf",
        "First draft",
        team.author,
    )
    assert _actions(paper) == ["papers.paper.created"]
    # The co-chairs hear of the new draft; the author who made it does not mail herself.
    assert sorted(OutgoingMail.objects.values_list("to", flat=True)) == [
        "co_chair_fp@example.org",
        "co_chair_rep@example.org",
    ]


@pytest.mark.django_db
def test_paper_create_by_someone_off_the_team_is_refused(team, outsider):
    with pytest.raises(PermissionDenied):
        _create(team, actor=outsider)
    assert Paper.objects.count() == 0


@pytest.mark.django_db
def test_paper_create_by_the_chairs_office_is_refused(team, chair):
    with pytest.raises(PermissionDenied):
        _create(team, actor=chair)


@pytest.mark.django_db
def test_paper_create_refuses_a_second_background_paper(team):
    _create(team)
    with pytest.raises(ValidationError) as error:
        _create(team, actor=team.member_focal_point)
    assert list(error.value.message_dict) == ["kind"]
    assert Paper.objects.count() == 1


@pytest.mark.django_db
def test_paper_create_allows_an_annex_beside_the_background_paper(team):
    _create(team)
    annex = _create(team, actor=team.member_focal_point, kind=Paper.Kind.ANNEX, title="Annex: data tables")
    assert annex.kind == Paper.Kind.ANNEX


@pytest.mark.django_db
def test_paper_create_needs_the_title_in_the_papers_language(team):
    with pytest.raises(ValidationError) as error:
        services.paper_create(
            session=team.session,
            actor=team.author,
            kind=Paper.Kind.BACKGROUND,
            language="es",
            titles={"en": "English only", "es": ""},
            file=pdf_upload(),
        )
    assert error.value.message_dict == {"title_es": ["Give the title in the paper's language."]}


# Submitted.


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["author", "member_focal_point", "co_chair_focal_point", "rapporteur", "co_chair_rep"])
def test_team_members_and_authors_may_submit(team, who):
    paper = _paper_in(team, State.DRAFT)
    services.paper_submit(paper=paper, actor=getattr(team, who))
    paper.refresh_from_db()
    assert paper.state == State.SUBMITTED
    assert paper.submitted_at is not None


@pytest.mark.django_db
def test_paper_submit_logs_and_mails_co_chairs_chair_office_and_authors(team, chair):
    paper = _paper_in(team, State.DRAFT)
    services.paper_submit(paper=paper, actor=team.rapporteur)
    log = ActivityLog.objects.get(action="papers.paper.submitted")
    assert (log.actor, log.meeting, log.data) == (
        team.rapporteur,
        team.session.meeting,
        {"from": "draft", "to": "submitted"},
    )
    assert _mailed() == sorted(
        ["author@example.org", chair.email, "co_chair_fp@example.org", "co_chair_rep@example.org"]
    )
    assert set(OutgoingMail.objects.values_list("subject", flat=True)) == {f"Paper submitted: {paper.title}"}


@pytest.mark.django_db
def test_paper_submit_mails_leave_through_the_celery_task_after_commit(team, django_capture_on_commit_callbacks):
    paper = _paper_in(team, State.DRAFT)
    with django_capture_on_commit_callbacks(execute=True):
        services.paper_submit(paper=paper, actor=team.author)
    assert sorted(m.to[0] for m in django_mail.outbox) == ["co_chair_fp@example.org", "co_chair_rep@example.org"]
    assert set(OutgoingMail.objects.values_list("state", flat=True)) == {OutgoingMail.State.SENT}


@pytest.mark.django_db
def test_paper_submit_mail_is_in_the_recipients_language(team):
    team.co_chair_rep.preferred_language = "fr"
    team.co_chair_rep.save()
    team.session.title_fr = "Partenariats public-privé"
    team.session.save()
    paper = _paper_in(team, State.DRAFT, title_fr="Partenariats pour la mobilité")
    services.paper_submit(paper=paper, actor=team.author)
    mails = {m.to: m for m in OutgoingMail.objects.all()}
    assert mails["co_chair_rep@example.org"].subject.endswith(": Partenariats pour la mobilité")
    assert "1.1 Partenariats public-privé" in mails["co_chair_rep@example.org"].body_text
    assert mails["co_chair_fp@example.org"].subject == f"Paper submitted: {paper.title_en}"


@pytest.mark.django_db
def test_an_author_off_the_team_may_submit_their_paper(team):
    guest_author = UserFactory()
    paper = _paper_in(team, State.DRAFT)
    paper.authors.add(guest_author)
    services.paper_submit(paper=paper, actor=guest_author)
    assert Paper.objects.get(pk=paper.pk).state == State.SUBMITTED


@pytest.mark.django_db
def test_paper_submit_by_another_sessions_team_is_refused(team, outsider):
    paper = _paper_in(team, State.DRAFT)
    with pytest.raises(PermissionDenied):
        services.paper_submit(paper=paper, actor=outsider)
    assert Paper.objects.get(pk=paper.pk).state == State.DRAFT


@pytest.mark.django_db
def test_a_pending_registration_does_not_make_a_team_member(team):
    from delegations.models import Registration
    from delegations.tests.factories import RegistrationFactory

    pending = RegistrationFactory(
        meeting=team.session.meeting, delegation=team.member_delegation, status=Registration.Status.PENDING
    ).person
    paper = _paper_in(team, State.DRAFT)
    with pytest.raises(PermissionDenied):
        services.paper_submit(paper=paper, actor=pending)


@pytest.mark.django_db
def test_paper_submit_without_a_version_is_refused(team):
    paper = PaperFactory(session=team.session, authors=[team.author])
    with pytest.raises(ValidationError) as error:
        services.paper_submit(paper=paper, actor=team.author)
    assert error.value.messages == ["Upload a version of the paper before submitting it."]


@pytest.mark.django_db
@pytest.mark.parametrize("state", [State.SUBMITTED, State.IN_REVIEW, State.ACCEPTED, State.PUBLISHED, State.REJECTED])
def test_paper_submit_in_the_wrong_state_is_refused(team, state):
    paper = _paper_in(team, state)
    with pytest.raises(ValidationError) as error:
        services.paper_submit(paper=paper, actor=team.author)
    assert error.value.code == "wrong_state"
    assert Paper.objects.get(pk=paper.pk).state == state


# In review, revision requested, accepted, rejected: the reviewers' transitions.


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["co_chair_rep", "co_chair_focal_point"])
def test_co_chairs_may_start_the_review(team, who):
    paper = _paper_in(team, State.SUBMITTED)
    services.paper_start_review(paper=paper, actor=getattr(team, who))
    assert Paper.objects.get(pk=paper.pk).state == State.IN_REVIEW
    assert _mailed() == ["author@example.org"]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["author", "delegate", "member_focal_point", "rapporteur"])
def test_team_members_who_are_not_co_chairs_may_not_review(team, who):
    paper = _paper_in(team, State.SUBMITTED)
    for review in (services.paper_start_review, services.paper_accept):
        with pytest.raises(PermissionDenied):
            review(paper=paper, actor=getattr(team, who))
    with pytest.raises(PermissionDenied):
        services.paper_request_revision(paper=paper, actor=getattr(team, who), message="No")
    with pytest.raises(PermissionDenied):
        services.paper_reject(paper=paper, actor=getattr(team, who), message="No")
    assert Paper.objects.get(pk=paper.pk).state == State.SUBMITTED


@pytest.mark.django_db
def test_a_co_chair_of_another_session_may_not_review(team, outsider):
    paper = _paper_in(team, State.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.paper_accept(paper=paper, actor=outsider)


@pytest.mark.django_db
def test_paper_start_review_twice_is_refused(team):
    paper = _paper_in(team, State.IN_REVIEW)
    with pytest.raises(ValidationError):
        services.paper_start_review(paper=paper, actor=team.co_chair_rep)


@pytest.mark.django_db
@pytest.mark.parametrize("state", [State.SUBMITTED, State.IN_REVIEW])
def test_paper_request_revision_keeps_the_message_as_a_comment_and_mails_it(team, chair, state):
    paper = _paper_in(team, state)
    services.paper_request_revision(paper=paper, actor=chair, message="Add the 2009 remittance figures.")
    paper.refresh_from_db()
    comment = Comment.objects.get()
    assert paper.state == State.REVISION_REQUESTED
    assert (comment.version.number, comment.author, comment.body, comment.transition) == (
        1,
        chair,
        "Add the 2009 remittance figures.",
        State.REVISION_REQUESTED,
    )
    assert ActivityLog.objects.get(action="papers.paper.revision_requested").data == {
        "from": state,
        "to": "revision_requested",
        "message": "Add the 2009 remittance figures.",
    }
    [message] = OutgoingMail.objects.all()
    assert message.to == "author@example.org"
    assert "Add the 2009 remittance figures." in message.body_text


@pytest.mark.django_db
def test_paper_request_revision_needs_a_message(team):
    paper = _paper_in(team, State.SUBMITTED)
    with pytest.raises(ValidationError) as error:
        services.paper_request_revision(paper=paper, actor=team.co_chair_rep, message="   ")
    assert error.value.message_dict == {"message": ["Say what needs to change: the authors will read it."]}
    assert Paper.objects.get(pk=paper.pk).state == State.SUBMITTED


@pytest.mark.django_db
def test_paper_request_revision_on_a_draft_is_refused(team):
    paper = _paper_in(team, State.DRAFT)
    with pytest.raises(ValidationError):
        services.paper_request_revision(paper=paper, actor=team.co_chair_rep, message="Too early")


@pytest.mark.django_db
def test_a_revised_paper_is_submitted_again(team):
    paper = _paper_in(team, State.REVISION_REQUESTED)
    services.paper_submit(paper=paper, actor=team.author)
    assert Paper.objects.get(pk=paper.pk).state == State.SUBMITTED


@pytest.mark.django_db
def test_paper_accept_records_the_accepted_version(team):
    paper = _paper_in(team, State.IN_REVIEW)
    second = VersionFactory(paper=paper, number=2)
    services.paper_accept(paper=paper, actor=team.co_chair_focal_point)
    paper.refresh_from_db()
    assert (paper.state, paper.accepted_version) == (State.ACCEPTED, second)
    assert _actions(paper) == ["papers.paper.accepted"]


@pytest.mark.django_db
def test_paper_accept_of_a_draft_is_refused(team, chair):
    paper = _paper_in(team, State.DRAFT)
    with pytest.raises(ValidationError):
        services.paper_accept(paper=paper, actor=chair)


@pytest.mark.django_db
def test_paper_reject_needs_reasons_and_mails_them(team, chair):
    paper = _paper_in(team, State.SUBMITTED)
    with pytest.raises(ValidationError):
        services.paper_reject(paper=paper, actor=chair, message="")
    services.paper_reject(paper=paper, actor=chair, message="Out of the session's scope.")
    paper.refresh_from_db()
    assert paper.state == State.REJECTED
    assert _mailed() == ["author@example.org", "co_chair_fp@example.org", "co_chair_rep@example.org"]


@pytest.mark.django_db
def test_a_rejected_background_paper_frees_the_session_for_another(team, chair):
    paper = _paper_in(team, State.SUBMITTED)
    services.paper_reject(paper=paper, actor=chair, message="Out of scope.")
    assert _create(team).state == State.DRAFT


# Published: the Chair's office only.


@pytest.mark.django_db
def test_paper_publish_by_the_chairs_office(team, chair):
    paper = _paper_in(team, State.ACCEPTED)
    services.paper_publish(paper=paper, actor=chair)
    paper.refresh_from_db()
    assert (paper.state, paper.published_at is not None) == (State.PUBLISHED, True)
    assert _actions(paper) == ["papers.paper.published"]
    assert _mailed() == ["author@example.org", "co_chair_fp@example.org", "co_chair_rep@example.org"]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["co_chair_rep", "co_chair_focal_point", "author"])
def test_paper_publish_by_anyone_else_is_refused(team, who):
    paper = _paper_in(team, State.ACCEPTED)
    with pytest.raises(PermissionDenied):
        services.paper_publish(paper=paper, actor=getattr(team, who))
    assert Paper.objects.get(pk=paper.pk).state == State.ACCEPTED


@pytest.mark.django_db
def test_paper_publish_before_acceptance_is_refused(team, chair):
    paper = _paper_in(team, State.IN_REVIEW)
    with pytest.raises(ValidationError) as error:
        services.paper_publish(paper=paper, actor=chair)
    assert error.value.messages == ["This paper is “In review”, so it cannot be published now."]


# Withdrawn.


@pytest.mark.django_db
@pytest.mark.parametrize("state", [State.DRAFT, State.SUBMITTED, State.REVISION_REQUESTED, State.ACCEPTED])
def test_paper_withdraw_by_an_author(team, state):
    paper = _paper_in(team, state)
    services.paper_withdraw(paper=paper, actor=team.author, message="Merged into the annex.")
    assert Paper.objects.get(pk=paper.pk).state == State.WITHDRAWN
    assert ActivityLog.objects.get(action="papers.paper.withdrawn").data["message"] == "Merged into the annex."


@pytest.mark.django_db
def test_a_published_paper_cannot_be_withdrawn(team, chair):
    paper = _paper_in(team, State.PUBLISHED)
    with pytest.raises(ValidationError):
        services.paper_withdraw(paper=paper, actor=chair)


@pytest.mark.django_db
def test_paper_withdraw_by_another_team_is_refused(team, outsider):
    paper = _paper_in(team, State.DRAFT)
    with pytest.raises(PermissionDenied):
        services.paper_withdraw(paper=paper, actor=outsider)


# Comments.


@pytest.mark.django_db
def test_comment_add_by_a_co_chair(team):
    paper = _paper_in(team, State.SUBMITTED)
    comment = services.comment_add(version=paper.versions.get(), actor=team.co_chair_rep, body="Good start.")
    assert (comment.body, comment.transition) == ("Good start.", "")


@pytest.mark.django_db
def test_comment_add_by_someone_off_the_team_is_refused(team, outsider):
    paper = _paper_in(team, State.SUBMITTED)
    with pytest.raises(PermissionDenied):
        services.comment_add(version=paper.versions.get(), actor=outsider, body="Hello")
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_comment_add_refuses_an_empty_comment(team):
    paper = _paper_in(team, State.SUBMITTED)
    with pytest.raises(ValidationError):
        services.comment_add(version=paper.versions.get(), actor=team.author, body=" ")


# Withdrawn from the library (unpublished): the Chair's office only, with a reason.


@pytest.mark.django_db
def test_paper_unpublish_by_the_chairs_office_keeps_the_reason_logs_and_mails(team, chair):
    paper = _paper_in(team, State.PUBLISHED)
    services.paper_unpublish(paper=paper, actor=chair, reason="  The figures in annex 2 were wrong.  ")
    paper.refresh_from_db()
    assert (paper.state, paper.unpublish_reason, paper.unpublished_at is not None, paper.is_unpublished) == (
        State.WITHDRAWN,
        "The figures in annex 2 were wrong.",
        True,
        True,
    )
    entry = ActivityLog.objects.get(action="papers.paper.unpublished")
    assert (entry.actor, entry.data) == (
        chair,
        {"from": "published", "to": "withdrawn", "message": "The figures in annex 2 were wrong."},
    )
    assert _mailed() == ["author@example.org", "co_chair_fp@example.org", "co_chair_rep@example.org"]
    assert list(Paper.objects.published()) == []


@pytest.mark.django_db
def test_paper_unpublish_needs_a_reason(team, chair):
    paper = _paper_in(team, State.PUBLISHED)
    with pytest.raises(ValidationError) as error:
        services.paper_unpublish(paper=paper, actor=chair, reason="  ")
    assert error.value.message_dict == {
        "message": ["Say why the paper is withdrawn from the library: its public page will show it."]
    }
    assert Paper.objects.get(pk=paper.pk).state == State.PUBLISHED


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["co_chair_rep", "co_chair_focal_point", "author"])
def test_paper_unpublish_by_anyone_else_is_refused(team, who):
    paper = _paper_in(team, State.PUBLISHED)
    with pytest.raises(PermissionDenied):
        services.paper_unpublish(paper=paper, actor=getattr(team, who), reason="Mistake.")
    assert Paper.objects.get(pk=paper.pk).state == State.PUBLISHED


@pytest.mark.django_db
def test_paper_unpublish_of_an_unpublished_paper_is_refused(team, chair):
    paper = _paper_in(team, State.ACCEPTED)
    with pytest.raises(ValidationError) as error:
        services.paper_unpublish(paper=paper, actor=chair, reason="Mistake.")
    assert error.value.messages == ["This paper is “Accepted”, so it cannot be withdrawn from the library now."]


@pytest.mark.django_db
def test_the_first_submission_is_kept_when_a_revision_is_submitted(team, chair):
    paper = _paper_in(team, State.DRAFT)
    services.paper_submit(paper=paper, actor=team.author)
    first = Paper.objects.get(pk=paper.pk).first_submitted_at
    services.paper_request_revision(paper=paper, actor=chair, message="Add the 2009 figures.")
    services.paper_submit(paper=paper, actor=team.author)
    paper.refresh_from_db()
    assert (paper.first_submitted_at, paper.submitted_at > first) == (first, True)
