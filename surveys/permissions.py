"""Who may build, send and read surveys (django-rules): the Chair's office runs the surveys.
Recipients answer through their personal link, without signing in."""

import rules

from accounts.permissions import is_chair_office

rules.add_perm("surveys.manage_survey", is_chair_office)
rules.add_perm("surveys.add_survey", is_chair_office)
rules.add_perm("surveys.view_results", is_chair_office)
