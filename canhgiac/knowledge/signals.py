"""Signals only keep caches right: any write to methods, red flags or examples moves the catalogue version.

Services bump it too; the signals cover writes made elsewhere (Django admin, shell, other apps' fixtures).
"""

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from .cache import bump_catalogue_version
from .models import ExampleMessage, RedFlag, ScamMethod


def _bump(**kwargs):
    bump_catalogue_version()
    transaction.on_commit(bump_catalogue_version)  # readers that rebuilt inside the transaction


for _model in (ScamMethod, RedFlag, ExampleMessage):
    receiver(post_save, sender=_model, dispatch_uid=f"knowledge-bump-save-{_model.__name__}")(_bump)
    receiver(post_delete, sender=_model, dispatch_uid=f"knowledge-bump-delete-{_model.__name__}")(_bump)
receiver(m2m_changed, sender=ScamMethod.related.through, dispatch_uid="knowledge-bump-related")(_bump)
