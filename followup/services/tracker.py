"""A session names the earlier recommendations it builds on (part "tracker"): 2010's 3.1 builds on
Athens 2009's recommendation on Migration Profiles. One service per write; each locks the session, checks
the rule (followup.permissions.tracker), refuses a closed meeting, validates, saves and logs."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activity.services import activity_log
from followup.models import Recommendation, SessionRecommendation
from followup.permissions import tracker as rules_module  # registers the rules (until the package imports it)
from roundtables.editions import ensure_open
from roundtables.models import Session


def _locked_session(session: Session) -> Session:
    return Session.objects.select_for_update().select_related("meeting").get(pk=session.pk)


def _check_who(actor, session: Session) -> None:
    if actor is None or not actor.has_perm(rules_module.LINK_WHO, session):
        raise PermissionDenied


@transaction.atomic
def session_recommendation_link(*, session: Session, recommendation: Recommendation, actor) -> SessionRecommendation:
    """Link the session to a published recommendation of an earlier meeting. Linking twice is not an
    error: the existing link is returned and nothing is logged (two people clicking at once give one link,
    the unique constraint deciding)."""
    session = _locked_session(session)
    _check_who(actor, session)
    ensure_open(session.meeting, actor)
    # Read afresh and locked: its publication is what the check below is about.
    recommendation = (
        Recommendation.objects.select_for_update(of=("self",))
        .select_related("outcome__session__meeting")
        .filter(pk=recommendation.pk)
        .first()
    )
    if recommendation is None:
        raise ValidationError({"recommendation": _("This recommendation no longer exists.")})
    if not recommendation.is_published:
        raise ValidationError(
            {
                "recommendation": _(
                    "%(identifier)s is not published: a session can only build on a recommendation its meeting "
                    "has published with the session's outcome."
                )
                % {"identifier": recommendation.identifier}
            },
            code="unpublished",
        )
    earlier = recommendation.outcome.session.meeting
    if earlier.number >= session.meeting.number:
        raise ValidationError(
            {
                "recommendation": _(
                    "%(identifier)s is a recommendation of %(other)s: a session of %(meeting)s can only build on "
                    "the recommendations of earlier meetings."
                )
                % {"identifier": recommendation.identifier, "other": earlier.title, "meeting": session.meeting.title}
            },
            code="not_earlier",
        )
    link, created = SessionRecommendation.objects.get_or_create(
        session=session, recommendation=recommendation, defaults={"linked_by": actor}
    )
    if created:
        activity_log(
            actor=actor,
            action="followup.session.recommendation_linked",
            obj=session,
            meeting=session.meeting,
            data={"recommendation": recommendation.identifier, "session": session.code},
        )
    return link


@transaction.atomic
def session_recommendation_unlink(*, session: Session, recommendation: Recommendation, actor) -> bool:
    """The session no longer builds on the recommendation. Returns whether a link was removed (removing
    one already gone is not an error: the page a second person sent was simply out of date)."""
    session = _locked_session(session)
    _check_who(actor, session)
    ensure_open(session.meeting, actor)
    link = (
        SessionRecommendation.objects.select_related("recommendation__outcome__session__meeting")
        .filter(session=session, recommendation_id=recommendation.pk)
        .first()
    )
    if link is None:
        return False
    identifier = link.recommendation.identifier
    link.delete()
    activity_log(
        actor=actor,
        action="followup.session.recommendation_unlinked",
        obj=session,
        meeting=session.meeting,
        data={"recommendation": identifier, "session": session.code},
    )
    return True
