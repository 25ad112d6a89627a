"""Who manages a meeting's API tokens: its own Chair's office (the rule of the meeting's other records)."""

import rules

from roundtables.permissions import manages_meeting_of

MANAGE_TOKENS = "api.manage_tokens"

rules.add_perm(MANAGE_TOKENS, manages_meeting_of)
