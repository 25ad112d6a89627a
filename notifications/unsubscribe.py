"""The unsubscribe link mailings puts on every non-essential notification (registered in ready())."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from accounts.models import User
from mailings.notification_kinds import Unsubscribe
from notifications.tokens import unsubscribe_token


def unsubscribe_url(person_id: int, kind: str) -> str:
    path = reverse("notifications:unsubscribe", kwargs={"token": unsubscribe_token(person_id, kind)})
    return settings.SITE_URL + path


def unsubscribe_provide(*, kind: str, email: str, language: str) -> Unsubscribe | None:
    """The link for the account at `email` (addresses are stored lower-case and unique), with the sentence
    that offers it in the mail's language; None for an address without an account."""
    person = User.objects.filter(email=email.lower()).only("pk", "preferred_language").first()
    if person is None:
        return None
    with translation.override(language or person.preferred_language or settings.LANGUAGE_CODE):
        footer = _("You receive this because these notifications are on. To turn them off with one click:")
    return Unsubscribe(url=unsubscribe_url(person.pk, kind), footer=footer)
