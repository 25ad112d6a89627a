from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from mailings.services import queue_mail


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Account mails (verification, password reset) go through the outbox and a Celery task."""
        from allauth.core import context as allauth_context
        from django.contrib.sites.shortcuts import get_current_site

        request = allauth_context.request
        ctx = {"request": request, "email": email, "current_site": get_current_site(request), **context}
        message = self.render_mail(template_prefix, email, ctx)
        html = next((body for body, mime in getattr(message, "alternatives", []) if mime == "text/html"), "")
        queue_mail(to=email, subject=message.subject, body_text=message.body, body_html=html)

    def save_user(self, request, user, form, commit=True):
        # A new account starts in the language the person was reading the site in.
        user.preferred_language = translation.get_language() or "en"
        return super().save_user(request, user, form, commit=commit)
