"""Stored files follow their rows: a deleted version or translation takes its file with it,
once the deletion is committed (a rolled-back deletion keeps the file)."""

from django.db import transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver

from papers.models import Translation, Version


@receiver(post_delete, sender=Version)
@receiver(post_delete, sender=Translation)
def delete_stored_file(sender, instance, **kwargs) -> None:
    name = instance.file.name
    if name:
        storage = instance.file.storage
        transaction.on_commit(lambda: storage.delete(name))
