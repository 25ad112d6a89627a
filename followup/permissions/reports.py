"""Rules of the reports (django-rules): who follows up on recommendations.

The Chair's office of a meeting reviews, in that meeting's follow-up, the recommendations of its own and
the earlier meetings, and sets their status; a focal point files a delegation's follow-up report in the
meeting they are its focal point for. The services check these on the rows they lock, and also the state
the rules cannot see (the meeting closed, the recommendation published, a later meeting's
recommendation)."""

import rules

from delegations.permissions import InMeeting, is_focal_point
from roundtables.permissions import manages_meeting_of

# On a meeting: the review page of its follow-up, the status changes made in it, its follow-up survey.
REVIEW_FOLLOWUP = "followup.review_followup"
# On a delegation in a meeting (delegations.permissions.InMeeting): file its follow-up report.
FILE_REPORT = "followup.file_report"

rules.add_perm(REVIEW_FOLLOWUP, manages_meeting_of)
rules.add_perm(FILE_REPORT, is_focal_point)

__all__ = ["FILE_REPORT", "REVIEW_FOLLOWUP", "InMeeting"]
