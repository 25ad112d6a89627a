from django.db import migrations


class Migration(migrations.Migration):
    initial = True

    # The first delegations migration is enough; a later one would pull the delegations app's newest
    # state into delegations' own migration tests.
    dependencies = [("delegations", "0001_initial")]

    operations: list = []
