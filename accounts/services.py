import secrets

from django.contrib.auth.models import Group


def role_group(name: str) -> Group:
    """The group behind a role (accounts.roles). A migration creates them; get_or_create keeps
    tests that flush the database, and fresh databases, working all the same."""
    return Group.objects.get_or_create(name=name)[0]


def end_sessions(person) -> None:
    """Sign the person out everywhere at their next request (the caller saves `session_salt`): a new salt
    changes their session hash (accounts.models.User), so Django's get_user() flushes every session they
    hold, whatever the session engine. Deactivation and every revocation of a role use it."""
    person.session_salt = secrets.token_hex(16)
