"""The account mails, registered like every other mail. Their texts are django-allauth's
(account/email/<name>_subject.txt and _message.txt, translated by allauth's catalogues, the
subject prefixed with ACCOUNT_EMAIL_SUBJECT_PREFIX); allauth renders them, and the account adapter
(accounts.adapter.AccountAdapter.send_mail) queues them through the outbox. Registered here, where
the outbox is, since accounts sits below mailings."""

from django.utils.translation import gettext_lazy as _

from mailings.placeholders import PLACEHOLDERS
from mailings.templates import register_mail

_ACCOUNT_MAILS = {
    "password_reset_key": (
        _("A link to choose a new password."),
        {"password_reset_url": PLACEHOLDERS["link"]},
    ),
    "email_confirmation": (
        _("A link to confirm an e-mail address."),
        {"user": _("the account"), "activate_url": PLACEHOLDERS["link"]},
    ),
    "email_confirmation_signup": (
        _("A link to confirm the address of a new account."),
        {"user": _("the account"), "activate_url": PLACEHOLDERS["link"]},
    ),
    "account_already_exists": (
        _("Someone signed up with an address that already has an account."),
        {"email": _("the address"), "password_reset_url": _("the page to choose a new password")},
    ),
    "unknown_account": (
        _("Someone asked for a new password for an address without an account."),
        {"email": _("the address"), "signup_url": _("the sign-up page")},
    ),
}

for _name, (_description, _placeholders) in _ACCOUNT_MAILS.items():
    register_mail(
        f"accounts.{_name}",
        description=_description,
        placeholders=_placeholders,
        subject=f"account/email/{_name}_subject.txt",
        body=f"account/email/{_name}_message.txt",
    )
