"""agenda: the secret address of a participant's agenda feed. The token is an HMAC of a random salt with
the site's secret key; the row keeps the salt and the token's SHA-256, which the feed looks up. Making a
new address draws a new salt: the old address answers 404 from then on."""

import base64
import hashlib
import hmac
import secrets

from django.conf import settings
from django.db import IntegrityError, transaction

from accounts.invitations import hash_token
from activity.services import activity_log
from logistics.models import AgendaFeed


def token_of(feed: AgendaFeed) -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), f"gfmd-agenda:{feed.salt}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def _fill(feed: AgendaFeed) -> None:
    feed.salt = secrets.token_urlsafe(32)
    feed.token_hash = hash_token(token_of(feed))


def agenda_feed_for(*, person, meeting) -> AgendaFeed:
    """The person's feed of the meeting, made on first need (a personal setting: a closed meeting too)."""
    feed = AgendaFeed.objects.filter(person=person, meeting=meeting).first()
    if feed is not None:
        return feed
    feed = AgendaFeed(person=person, meeting=meeting)
    _fill(feed)
    try:
        with transaction.atomic():
            feed.save()
    except IntegrityError:  # made meanwhile by another request of the same person
        return AgendaFeed.objects.get(person=person, meeting=meeting)
    return feed


@transaction.atomic
def agenda_feed_renew(*, person, meeting) -> AgendaFeed:
    """A new secret address; the old one stops working at once."""
    feed = AgendaFeed.objects.select_for_update().filter(person=person, meeting=meeting).first()
    if feed is None:
        feed = AgendaFeed(person=person, meeting=meeting)
    _fill(feed)
    feed.save()
    activity_log(actor=person, action="logistics.agenda_feed.renewed", obj=feed, meeting=meeting)
    return feed
