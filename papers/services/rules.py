"""The services' side of papers.permissions: each write checks its rule here, on the paper it is
about to change, whoever calls it. Not the person: PermissionDenied (the view's 403); the person,
but not in this state: a ValidationError saying why."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from papers.models import Paper
from papers.permissions import WHO


def check_who(actor, perm: str, obj) -> None:
    """The "who" half of the rule (WHO[perm], or the rule itself when it has no state part), checked
    before any input is read. Views call it only to refuse a malformed request from a stranger to
    the action with the same 403 a well-formed one gets."""
    if actor is None or not actor.has_perm(WHO.get(perm, perm), obj):
        raise PermissionDenied


def refuse_state(paper: Paper, action: str) -> ValidationError:
    return ValidationError(
        _("This paper is “%(state)s”, so it cannot be %(action)s now.")
        % {"state": paper.get_state_display(), "action": action},
        code="wrong_state",
    )


def check_now(actor, perm: str, paper: Paper, *, action: str) -> None:
    """The whole rule (who and when), the rule the page's button follows. The services ask it on the
    locked paper; a page that leads to the action (the edit form, the publish confirmation) asks it
    to show the form or say why not."""
    if actor is not None and actor.has_perm(perm, paper):
        return
    check_who(actor, perm, paper)
    raise refuse_state(paper, action)
