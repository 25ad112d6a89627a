from allauth.account import app_settings as allauth_settings

from accounts.adapter import AccountAdapter
from accounts.links import EMAIL_CONFIRMATION, PASSWORD_RESET
from mailings.links import LINK_MARKER
from mailings.services import queue_mail
from mailings.templates import edited_mail, registered_mails


class OutboxAccountAdapter(AccountAdapter):
    """settings.ACCOUNT_ADAPTER: accounts' adapter, with its mails (verification, password reset)
    queued in the outbox instead of sent during the request."""

    def send_mail(
        self, template_prefix: str, email: str, context: dict, *, link_kind: str = "", link_object_id=None
    ) -> None:
        """Account mails (verification, password reset) go through the outbox and a Celery task.

        A mail whose link opens the account is rendered with LINK_MARKER in its place: the
        outbox keeps only `link_kind` and `link_object_id`, and accounts.links makes the link
        when the mail is sent."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        # The text the Chair's office wrote for this mail in this language (mailings.texts), if any:
        # plain text, with allauth's subject prefix like the default.
        key = f"accounts.{template_prefix.rsplit('/', 1)[-1]}"
        edited = edited_mail(key, ctx) if key in registered_mails() else None
        if edited is not None:
            subject, body, html = self.format_email_subject(edited.subject), edited.body, ""
        else:
            message = self.render_mail(template_prefix, email, ctx)
            subject, body = message.subject, message.body
            html = next((part for part, mime in getattr(message, "alternatives", []) if mime == "text/html"), "")
        queue_mail(
            to=email,
            subject=subject,
            body_text=body,
            body_html=html,
            link_kind=link_kind,
            link_object_id=link_object_id,
        )

    def send_password_reset_mail(self, user, email: str, context: dict) -> None:
        # The key allauth made for this request is dropped; an equivalent one is made at sending.
        context = {**context, "password_reset_url": LINK_MARKER, "key": "", "uid": ""}
        self.send_mail(
            "account/email/password_reset_key", email, context, link_kind=PASSWORD_RESET, link_object_id=user.pk
        )

    def send_confirmation_mail(self, request, emailconfirmation, signup: bool) -> None:
        address = emailconfirmation.email_address
        if allauth_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED or address.pk is None:
            # A code lives in the session and cannot be made again later; an unsaved address
            # (allauth's answer to a sign-up with a taken address) has a key that confirms nothing.
            super().send_confirmation_mail(request, emailconfirmation, signup)
            return
        template = "account/email/email_confirmation_signup" if signup else "account/email/email_confirmation"
        context = {"user": address.user, "key": "", "activate_url": LINK_MARKER}
        self.send_mail(template, address.email, context, link_kind=EMAIL_CONFIRMATION, link_object_id=address.pk)
