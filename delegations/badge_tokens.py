"""Badge tokens: what a badge's QR code carries, and the registration it admits.

A token names a registration and the badge serial it was printed with, under a short keyed
signature: `<id>-<signature>` for serial 0 (the badges printed before serials existed keep
verifying) and `<id>.<serial>-<signature>` after. A badge verifies only while its registration is
approved and its serial is the registration's current one: every approval raises the serial
(delegations.services.registration_approve), so the badge of a registration withdrawn or rejected,
then approved again, answers "not valid".

Kept here, beside the registration, so that reports (the printed badge, the verification page) and
logistics (check-in at the door) read the same tokens; reports.badges re-exports them."""

import base64

from django.utils.crypto import constant_time_compare, salted_hmac

from delegations.models import Registration

SALT = "gfmd.reports.badge"  # unchanged since the badges moved here: printed badges keep verifying
SIGNATURE_LENGTH = 16  # base64 characters: 96 bits, not guessable, short enough for a small QR code


def _signed_part(registration_id: int, serial: int) -> str:
    return str(registration_id) if serial == 0 else f"{registration_id}.{serial}"


def _signature(signed: str) -> str:
    digest = salted_hmac(SALT, signed, algorithm="sha256").digest()
    return base64.urlsafe_b64encode(digest).decode()[:SIGNATURE_LENGTH]


def badge_token(registration_id: int, serial: int = 0) -> str:
    signed = _signed_part(registration_id, serial)
    return f"{signed}-{_signature(signed)}"


def badge_from_token(token: str) -> tuple[int, int] | None:
    """(registration id, badge serial) of a genuine token; None for anything forged or damaged."""
    if not isinstance(token, str) or len(token) > 100:
        return None
    signed, _, signature = token.partition("-")
    number, dot, serial = signed.partition(".")
    if not number.isdigit() or len(number) > 12:
        return None
    if dot and (not serial.isdigit() or len(serial) > 9 or serial.startswith("0")):
        return None
    if not constant_time_compare(signature, _signature(signed)):
        return None
    return int(number), int(serial or 0)


def valid_badge_registration(token: str) -> Registration | None:
    """The registration a badge admits, or None: forged, approved no longer (withdrawn, rejected,
    pending again), or an older badge of a registration approved again. The caller must not tell
    these apart, so that the page says nothing about people who are not admitted."""
    badge = badge_from_token(token)
    if badge is None:
        return None
    registration_id, serial = badge
    return (
        Registration.objects.select_related("person", "delegation", "meeting")
        .filter(pk=registration_id, badge_serial=serial, status=Registration.Status.APPROVED)
        .first()
    )
