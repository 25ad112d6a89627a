from django.contrib.auth.models import Group


def role_group(name: str) -> Group:
    """The group behind a role (accounts.roles). A migration creates them; get_or_create keeps
    tests that flush the database, and fresh databases, working all the same."""
    return Group.objects.get_or_create(name=name)[0]
