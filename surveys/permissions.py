"""Who may build, send and read surveys (django-rules): the Chair's office runs the surveys.
Recipients answer through their personal link, without signing in.

The rules of a change combine the role with the survey's state: the questions change only until
the first invitation is written (answers keep their meaning), nobody is invited to a closed
survey, reminders go out only while it is open. The services check them, and the pages show each
button under the same rule."""

import rules

from roundtables.permissions import manages_meeting_of, reads_meeting_records_of
from surveys.models import Survey


@rules.predicate
def has_no_invitations(user, survey) -> bool:
    return survey is not None and not survey.invitations.exists()


@rules.predicate
def is_not_closed(user, survey) -> bool:
    return survey is not None and survey.status() != Survey.Status.CLOSED


@rules.predicate
def is_open(user, survey) -> bool:
    return survey is not None and survey.status() == Survey.Status.OPEN


# The survey's meeting's Chair's office writes; the troika's reads the results (roundtables.permissions).
# add_survey takes the meeting (or nothing: "may add one to some meeting").
rules.add_perm("surveys.manage_survey", manages_meeting_of)
rules.add_perm("surveys.add_survey", manages_meeting_of)
rules.add_perm("surveys.view_results", reads_meeting_records_of)
rules.add_perm("surveys.change_questions", manages_meeting_of & has_no_invitations)
rules.add_perm("surveys.invite", manages_meeting_of & is_not_closed)
rules.add_perm("surveys.remind", manages_meeting_of & is_open)
