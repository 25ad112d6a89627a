"""visa: rules (django-rules). Who may request, read, issue and revoke a visa support letter, and when.

A person requests a letter for their own registration while it is approved; the Chair's office of the
letter's meeting (roundtables.permissions.manages_meeting_of: its staff and support, not the troika)
keeps the template, issues and revokes. A letter, with its passport data, is shown to its person and to
that Chair's office only. Closed meetings are refused by the services (roundtables.editions.ensure_open)."""

import rules

from delegations.models import Registration
from logistics.models.visa import VisaLetter
from roundtables.permissions import manages_meeting_of


@rules.predicate
def is_own_registration(user, registration) -> bool:
    return bool(user.is_authenticated and registration is not None and registration.person_id == user.pk)


@rules.predicate
def is_approved(user, registration) -> bool:
    return registration is not None and registration.status == Registration.Status.APPROVED


@rules.predicate
def is_letter_person(user, letter) -> bool:
    return bool(user.is_authenticated and letter is not None and letter.person_id == user.pk)


@rules.predicate
def is_requested(user, letter) -> bool:
    return letter is not None and letter.state == VisaLetter.State.REQUESTED


@rules.predicate
def is_issued(user, letter) -> bool:
    return letter is not None and letter.state == VisaLetter.State.ISSUED


@rules.predicate
def is_live(user, letter) -> bool:
    return letter is not None and letter.state in VisaLetter.LIVE_STATES


# On a registration: who (own) and when (approved).
rules.add_perm("logistics.own_visa_registration", is_own_registration)
rules.add_perm("logistics.request_visa_letter", is_own_registration & is_approved)
# On a meeting (or a letter): the Chair's office's pages of the letters.
rules.add_perm("logistics.manage_visa_letters", manages_meeting_of)
# On a letter.
rules.add_perm("logistics.view_visa_letter", is_letter_person | manages_meeting_of)
rules.add_perm("logistics.issue_visa_letter", manages_meeting_of & is_requested)
rules.add_perm("logistics.revoke_visa_letter", manages_meeting_of & is_live)
# The letter's PDF: the Chair's office always, the person while it is issued.
rules.add_perm("logistics.download_visa_letter", manages_meeting_of | (is_letter_person & is_issued))
