"""What a session's co-chairs may change themselves: its description and the team's notes, nothing else."""

from typing import Any

from django.db import transaction

from activity.services import activity_log
from gfmd import languages
from roundtables.editions import ensure_open
from roundtables.models import Session
from roundtables.services._common import apply_fields, require_perm

CO_CHAIR_FIELDS = frozenset({*languages.field_names("description"), "team_notes"})


@transaction.atomic
def session_description_update(*, session: Session, actor, fields: dict[str, Any]) -> Session:
    """Save the description (in English, French, Spanish) and team notes; only those columns are written, so
    a change the Chair's office makes meanwhile to the time or the room is kept."""
    require_perm(actor, "roundtables.edit_session_description", session)
    ensure_open(session.meeting, actor)
    unexpected = set(fields) - CO_CHAIR_FIELDS
    if unexpected:
        raise ValueError(f"Co-chairs may not change {', '.join(sorted(unexpected))}.")
    saved = Session.objects.select_for_update().get(pk=session.pk)
    changes = apply_fields(session, fields, saved=saved)
    if changes:
        session.save(update_fields=sorted(fields))
        activity_log(
            actor=actor,
            action="roundtables.session.description_updated",
            obj=session,
            meeting=session.meeting,
            data={"changes": changes},
        )
    return session
