"""The paper workflow: one function per transition.

    draft --submit--> submitted --start review--> in review
    submitted / in review --request revision--> revision requested --submit--> submitted
    submitted / in review --accept--> accepted --publish--> published
    submitted / in review --reject--> rejected
    published --unpublish (Chair's office, with a reason)--> withdrawn
    any state before publication --withdraw--> withdrawn

Each function locks the paper, checks the actor's permission and the state, saves, logs the
activity and queues the mails, in one transaction. Wrong role: PermissionDenied; wrong state
or missing input: ValidationError with a message for the person.
"""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activity.services import activity_log
from papers.models import Comment, Paper
from papers.services import notify
from papers.services.files import files_kept_only_if_saved, inspect_upload, version_store
from papers.services.rules import check_now, check_who
from roundtables.editions import ensure_open
from roundtables.models import Session

State = Paper.State


def _locked(paper: Paper, actor) -> Paper:
    """The paper's row, locked, once its meeting is known to be open (a closed meeting's papers are its
    record: roundtables.editions.ensure_open)."""
    locked = Paper.objects.select_for_update().select_related("session", "session__meeting").get(pk=paper.pk)
    ensure_open(locked.session.meeting, actor)
    return locked


def _move(paper: Paper, *, actor, to: str, event: str, message: str = "", **fields) -> Paper:
    previous = paper.state
    paper.state = to
    for name, value in fields.items():
        setattr(paper, name, value)
    paper.save(update_fields=["state", "updated_at", *fields])
    activity_log(
        actor=actor,
        action=f"papers.paper.{event}",
        obj=paper,
        meeting=paper.session.meeting,
        data={"from": previous, "to": to, **({"message": message} if message else {})},
    )
    return paper


def _duplicate_background_paper() -> ValidationError:
    return ValidationError(
        {
            "kind": _(
                "This session already has a background paper in progress. Add this one as an annex or a case "
                "study, or ask for the other one to be withdrawn."
            )
        },
        code="duplicate_background_paper",
    )


def paper_create(
    *,
    session: Session,
    actor,
    kind: str,
    language: str,
    titles: dict[str, str],
    abstracts: dict[str, str] | None = None,
    authors=(),
    contributing_delegations=(),
    file,
    note: str = "",
) -> Paper:
    """Start a paper as a draft with its first version (the "draft" transition). The file is
    checked before anything is written: a refused file leaves no paper, no version, no file."""
    check_who(actor, "papers.add_paper", session)
    if not titles.get(language):
        raise ValidationError(
            {f"title_{language}": _("Give the title in the paper's language.")}, code="title_required"
        )
    if (
        kind == Paper.Kind.BACKGROUND
        and Paper.objects.active().filter(session=session, kind=Paper.Kind.BACKGROUND).exists()
    ):
        raise _duplicate_background_paper()
    inspected = inspect_upload(file)
    try:
        with files_kept_only_if_saved(), transaction.atomic():
            ensure_open(session.meeting, actor)
            paper = Paper(session=session, kind=kind, language=language, created_by=actor, state=State.DRAFT)
            _set_texts(paper, titles, abstracts or {})
            paper.save()
            paper.authors.set(authors)
            paper.contributing_delegations.set(contributing_delegations)
            activity_log(
                actor=actor,
                action="papers.paper.created",
                obj=paper,
                meeting=session.meeting,
                data={"to": State.DRAFT, "kind": kind},
            )
            version_store(paper=paper, actor=actor, file=file, inspected=inspected, note=note)
            notify.mail_paper_event(
                paper=paper,
                event="created",
                actor=actor,
                recipients=[notify.authors(paper), notify.co_chairs(session)],
            )
    except IntegrityError as exc:  # a second background paper created at the same moment
        raise _duplicate_background_paper() from exc
    return paper


def _set_texts(paper: Paper, titles: dict[str, str], abstracts: dict[str, str]) -> None:
    for code, title in titles.items():
        setattr(paper, f"title_{code}", (title or "").strip() or None)
    for code, abstract in abstracts.items():
        setattr(paper, f"abstract_{code}", (abstract or "").strip())


def paper_update(
    *,
    paper: Paper,
    actor,
    kind: str,
    language: str,
    titles: dict[str, str],
    abstracts: dict[str, str],
    authors,
    contributing_delegations,
) -> Paper:
    """Edit a paper's details while it is with the team (draft or revision requested)."""
    check_who(actor, "papers.change_paper", paper)
    with transaction.atomic():
        paper = _locked(paper, actor)
        check_now(actor, "papers.change_paper", paper, action=_("edited"))
        if not titles.get(language):
            raise ValidationError(
                {f"title_{language}": _("Give the title in the paper's language.")}, code="title_required"
            )
        if (
            kind == Paper.Kind.BACKGROUND
            and Paper.objects.active()
            .filter(session=paper.session, kind=Paper.Kind.BACKGROUND)
            .exclude(pk=paper.pk)
            .exists()
        ):
            raise _duplicate_background_paper()
        paper.kind, paper.language = kind, language
        _set_texts(paper, titles, abstracts)
        paper.save()
        paper.authors.set(authors)
        paper.contributing_delegations.set(contributing_delegations)
        activity_log(actor=actor, action="papers.paper.updated", obj=paper, meeting=paper.session.meeting)
    return paper


@transaction.atomic
def paper_submit(*, paper: Paper, actor) -> Paper:
    """Draft or revision requested -> submitted: the team hands the latest version to the reviewers."""
    check_who(actor, "papers.submit_paper", paper)
    paper = _locked(paper, actor)
    check_now(actor, "papers.submit_paper", paper, action=_("submitted"))
    if not paper.versions.exists():
        raise ValidationError(_("Upload a version of the paper before submitting it."), code="no_version")
    now = timezone.now()
    _move(
        paper,
        actor=actor,
        to=State.SUBMITTED,
        event="submitted",
        submitted_at=now,
        first_submitted_at=paper.first_submitted_at or now,
    )
    notify.mail_paper_event(
        paper=paper,
        event="submitted",
        actor=actor,
        recipients=[notify.co_chairs(paper.session), notify.chair_office(paper.session.meeting), notify.authors(paper)],
    )
    return paper


@transaction.atomic
def paper_start_review(*, paper: Paper, actor) -> Paper:
    """Submitted -> in review: a co-chair or the Chair's office takes the paper up."""
    check_who(actor, "papers.start_review", paper)
    paper = _locked(paper, actor)
    check_now(actor, "papers.start_review", paper, action=_("taken into review"))
    _move(paper, actor=actor, to=State.IN_REVIEW, event="review_started")
    notify.mail_paper_event(paper=paper, event="review_started", actor=actor, recipients=[notify.authors(paper)])
    return paper


@transaction.atomic
def paper_request_revision(*, paper: Paper, actor, message: str) -> Paper:
    """Submitted or in review -> revision requested, with a message to the authors (kept as a
    comment on the version that was reviewed)."""
    check_who(actor, "papers.decide_paper", paper)
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Say what needs to change: the authors will read it.")}, code="required")
    paper = _locked(paper, actor)
    check_now(actor, "papers.decide_paper", paper, action=_("sent back for revision"))
    latest = paper.versions.order_by("-number").first()
    Comment.objects.create(version=latest, author=actor, body=message, transition=State.REVISION_REQUESTED)
    _move(paper, actor=actor, to=State.REVISION_REQUESTED, event="revision_requested", message=message)
    uploader = [latest.uploaded_by] if latest.uploaded_by else []
    notify.mail_paper_event(
        paper=paper,
        event="revision_requested",
        actor=actor,
        recipients=[notify.authors(paper), uploader],
        message=message,
    )
    return paper


@transaction.atomic
def paper_accept(*, paper: Paper, actor, message: str = "") -> Paper:
    """Submitted or in review -> accepted: the latest version becomes the one to publish."""
    check_who(actor, "papers.decide_paper", paper)
    paper = _locked(paper, actor)
    check_now(actor, "papers.decide_paper", paper, action=_("accepted"))
    latest = paper.versions.order_by("-number").first()
    message = (message or "").strip()
    if message:
        Comment.objects.create(version=latest, author=actor, body=message, transition=State.ACCEPTED)
    _move(paper, actor=actor, to=State.ACCEPTED, event="accepted", message=message, accepted_version=latest)
    notify.mail_paper_event(
        paper=paper,
        event="accepted",
        actor=actor,
        recipients=[notify.authors(paper), notify.co_chairs(paper.session), notify.chair_office(paper.session.meeting)],
        message=message,
    )
    return paper


@transaction.atomic
def paper_reject(*, paper: Paper, actor, message: str) -> Paper:
    """Submitted or in review -> rejected, with the reasons."""
    check_who(actor, "papers.decide_paper", paper)
    message = (message or "").strip()
    if not message:
        raise ValidationError({"message": _("Give the reasons: the authors will read them.")}, code="required")
    paper = _locked(paper, actor)
    check_now(actor, "papers.decide_paper", paper, action=_("rejected"))
    latest = paper.versions.order_by("-number").first()
    Comment.objects.create(version=latest, author=actor, body=message, transition=State.REJECTED)
    _move(paper, actor=actor, to=State.REJECTED, event="rejected", message=message)
    notify.mail_paper_event(
        paper=paper,
        event="rejected",
        actor=actor,
        recipients=[notify.authors(paper), notify.co_chairs(paper.session)],
        message=message,
    )
    return paper


@transaction.atomic
def paper_publish(*, paper: Paper, actor) -> Paper:
    """Accepted -> published: only the Chair's office; the accepted version becomes public."""
    check_who(actor, "papers.publish_paper", paper)
    paper = _locked(paper, actor)
    check_now(actor, "papers.publish_paper", paper, action=_("published"))
    _move(paper, actor=actor, to=State.PUBLISHED, event="published", published_at=timezone.now())
    notify.mail_paper_event(
        paper=paper,
        event="published",
        actor=actor,
        recipients=[notify.authors(paper), notify.co_chairs(paper.session)],
    )
    return paper


@transaction.atomic
def paper_unpublish(*, paper: Paper, actor, reason: str) -> Paper:
    """Published -> withdrawn, by the Chair's office, with a reason the public page shows. The library no
    longer lists it and its files are no longer served; the page says when and why it was taken out."""
    check_who(actor, "papers.unpublish_paper", paper)
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError(
            {"message": _("Say why the paper is withdrawn from the library: its public page will show it.")},
            code="required",
        )
    paper = _locked(paper, actor)
    check_now(actor, "papers.unpublish_paper", paper, action=_("withdrawn from the library"))
    _move(
        paper,
        actor=actor,
        to=State.WITHDRAWN,
        event="unpublished",
        message=reason,
        unpublished_at=timezone.now(),
        unpublish_reason=reason,
    )
    notify.mail_paper_event(
        paper=paper,
        event="unpublished",
        actor=actor,
        recipients=[notify.authors(paper), notify.co_chairs(paper.session), notify.chair_office(paper.session.meeting)],
        message=reason,
    )
    return paper


@transaction.atomic
def paper_withdraw(*, paper: Paper, actor, message: str = "") -> Paper:
    """Any state before publication -> withdrawn, by the team or the Chair's office."""
    check_who(actor, "papers.withdraw_paper", paper)
    paper = _locked(paper, actor)
    check_now(actor, "papers.withdraw_paper", paper, action=_("withdrawn"))
    message = (message or "").strip()
    _move(paper, actor=actor, to=State.WITHDRAWN, event="withdrawn", message=message)
    notify.mail_paper_event(
        paper=paper,
        event="withdrawn",
        actor=actor,
        recipients=[notify.authors(paper), notify.co_chairs(paper.session), notify.chair_office(paper.session.meeting)],
        message=message,
    )
    return paper


@transaction.atomic
def comment_add(*, version, actor, body: str) -> Comment:
    """A remark on a version, for the team and the Chair's office."""
    check_who(actor, "papers.comment_paper", version.paper)
    body = (body or "").strip()
    if not body:
        raise ValidationError({"body": _("Write a comment first.")}, code="required")
    ensure_open(version.paper.session.meeting, actor)
    comment = Comment.objects.create(version=version, author=actor, body=body)
    activity_log(
        actor=actor,
        action="papers.comment.added",
        obj=version.paper,
        meeting=version.paper.session.meeting,
        data={"version": version.number},
    )
    return comment
