from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from accounts import permissions  # noqa: F401  (registers the rules)

        # After a flush (the test runner's, between tests) django.contrib.sites writes
        # "example.com" again on post_migrate; accounts comes after sites, so this runs last.
        post_migrate.connect(_name_the_site, sender=self)


def _name_the_site(sender, using="default", **kwargs) -> None:
    from django.contrib.sites.models import Site
    from django.db import connections

    from accounts.sites import site_sync

    if Site._meta.db_table in connections[using].introspection.table_names():  # not after `migrate sites zero`
        site_sync(using=using)
