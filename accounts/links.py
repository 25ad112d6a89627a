"""The link providers of account mails (mailings.links): a password reset and an e-mail
confirmation carry a key that opens the account, so the outbox stores only the user's or the
address's id, and the key is made with allauth's own generators when the mail is sent.

Both keys are stateless (nothing to store here either): the reset token is an HMAC of the
user's password hash, last login and e-mail, the confirmation key a signature of the address's
id, so a key made at sending time is exactly the one allauth would have put in the mail."""

from allauth.account import app_settings as allauth_settings
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from django.conf import settings
from django.urls import reverse

from accounts.models import User

PASSWORD_RESET = "accounts.password_reset"
EMAIL_CONFIRMATION = "accounts.email_confirmation"


def password_reset_link_mint(user_id: int | None) -> str | None:
    """None (the mail is dropped) when the account is gone or disabled meanwhile."""
    user = User.objects.filter(pk=user_id, is_active=True).first()
    if user is None:
        return None
    token = allauth_settings.PASSWORD_RESET_TOKEN_GENERATOR().make_token(user)
    path = reverse("account_reset_password_from_key", kwargs={"uidb36": user_pk_to_url_str(user), "key": token})
    return settings.SITE_URL + path


def email_confirmation_link_mint(address_id: int | None) -> str | None:
    """None (the mail is dropped) when the address was confirmed or removed meanwhile."""
    address = EmailAddress.objects.filter(pk=address_id, verified=False).first()
    if address is None:
        return None
    # ACCOUNT_EMAIL_CONFIRMATION_HMAC is on (allauth's default): the confirmation view accepts
    # this signed key and no EmailConfirmation row (which would hold the key) is ever written.
    key = EmailConfirmationHMAC(address).key
    return settings.SITE_URL + reverse("account_confirm_email", args=[key])
