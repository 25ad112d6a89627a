"""Who may read and send mailings (django-rules): the Chair's office.

The rules of a change combine the role with the mailing's state (a mailing is sent or discarded
only while it waits in the outbox, its failed mails are retried only once it has been sent); the
services check them on the row they lock, and the outbox page shows each button under the same
rule."""

import rules

from accounts.permissions import is_chair_office
from mailings.models import Mailing


@rules.predicate
def is_in_outbox(user, mailing) -> bool:
    return mailing is not None and mailing.state == Mailing.State.OUTBOX


@rules.predicate
def is_released(user, mailing) -> bool:
    return mailing is not None and mailing.state in (Mailing.State.SENDING, Mailing.State.DONE)


rules.add_perm("mailings.view_mailing", is_chair_office)
rules.add_perm("mailings.send_mailing", is_chair_office)
rules.add_perm("mailings.release_mailing", is_chair_office & is_in_outbox)
rules.add_perm("mailings.discard_mailing", is_chair_office & is_in_outbox)
rules.add_perm("mailings.retry_mailing", is_chair_office & is_released)
# The texts of the mails the portal sends by itself (mailings.texts): global, like the mails.
rules.add_perm("mailings.edit_mail_texts", is_chair_office)
