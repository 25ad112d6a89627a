"""Who may do what with notifications (django-rules). A person's own preferences are theirs alone (the views
and services compare the person with the one signed in); the programme digest is the Chair's office's."""

import rules

from roundtables.permissions import manages_meeting_of

# Send the digest of a programme release: the Chair's office of the release's meeting (or support).
rules.add_perm("notifications.send_programme_digest", manages_meeting_of)
