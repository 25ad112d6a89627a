from django.db import migrations


def name_the_site(apps, schema_editor):
    from accounts.sites import site_sync

    site_sync(site_model=apps.get_model("sites", "Site"), using=schema_editor.connection.alias)


class Migration(migrations.Migration):
    """The site is the portal at SITE_URL, not Django's "example.com" (allauth's mails name it)."""

    dependencies = [("accounts", "0002_role_groups"), ("sites", "0002_alter_domain_unique")]
    operations = [migrations.RunPython(name_the_site, migrations.RunPython.noop)]
