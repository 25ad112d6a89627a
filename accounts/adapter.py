from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse
from django.utils import translation


class AccountAdapter(DefaultAccountAdapter):
    """Accounts' part of allauth's adapter: the new account's language and where a person lands.
    Account mails go through the outbox, which sits above accounts: mailings.adapter extends this
    class, and settings.ACCOUNT_ADAPTER names that one."""

    def save_user(self, request, user, form, commit=True):
        # A new account starts in the language the person was reading the site in.
        user.preferred_language = translation.get_language() or "en"
        return super().save_user(request, user, form, commit=commit)

    def get_signup_redirect_url(self, request) -> str:
        # Followed once the address is verified (allauth signs the new person in then): the
        # welcome page offers the current meeting's registration.
        return reverse("accounts:welcome")

    def get_email_verification_redirect_url(self, email_address) -> str:
        # Verified in another browser than the one that signed up: sign in, then the same offer.
        if not self.request.user.is_authenticated:
            return f"{reverse('account_login')}?next={reverse('accounts:welcome')}"
        return super().get_email_verification_redirect_url(email_address)
