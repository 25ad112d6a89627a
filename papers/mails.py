"""The papers' workflow mails (templates/papers/mail/), registered when the app is ready."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

register_mail(
    "papers.paper_event",
    description=_("To a paper's team: the paper moved on (started, submitted, reviewed, decided, published...)."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "event": _(
            "what happened: created, submitted, review_started, revision_requested, accepted, "
            "rejected, published, withdrawn or unpublished"
        ),
        "actor_name": _("who acted"),
        "paper": _("the paper (its title, kind and state)"),
        "session": _("the paper's session"),
        "message": _("the reviewers' or the author's message"),
        "url": _("the paper's page"),
    },
)
register_mail(
    "papers.deadline_reminder",
    description=_("To a session's team: the background paper is due soon, or overdue."),
    placeholders={
        "salutation": PLACEHOLDERS["salutation"],
        "kind": _("which reminder: week_before, day_before or overdue"),
        "session": _("the session"),
        "paper": _("the background paper, if one was started"),
        "due_at": _("the deadline"),
        "time_zone": _("the meeting's time zone"),
        "url": _("the session's papers"),
    },
)
