"""Who may read and send mailings (django-rules): the Chair's office."""

import rules

from accounts.permissions import is_chair_office

rules.add_perm("mailings.view_mailing", is_chair_office)
rules.add_perm("mailings.send_mailing", is_chair_office)
