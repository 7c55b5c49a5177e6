"""Periodic background work: apps register tasks to be enqueued every so often; `canhgiac scheduler` does it.

    periodic.register(close_overdue_attempts_task, every=timedelta(minutes=1))   # in AppConfig.ready()

The scheduler claims each due task with one conditional UPDATE on its PeriodicRun row, so several schedulers
(one per machine when scaled out) never enqueue the same run twice. The task itself runs on a `canhgiac worker`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.utils import timezone


@dataclass(frozen=True)
class Periodic:
    name: str
    task: object  # a django_tasks Task
    every: timedelta


_REGISTRY: dict[str, Periodic] = {}


def register(task, *, every: timedelta, name: str | None = None) -> None:
    name = name or f"{task.module_path}"
    _REGISTRY[name] = Periodic(name=name, task=task, every=every)


def registered() -> list[Periodic]:
    return sorted(_REGISTRY.values(), key=lambda p: p.name)


def _claim(periodic: Periodic, now: datetime) -> bool:
    from .models import PeriodicRun

    try:
        with transaction.atomic():
            _run, created = PeriodicRun.objects.get_or_create(
                name=periodic.name, defaults={"last_enqueued_at": now}
            )
    except IntegrityError:  # another scheduler created it at the same moment
        return False
    if created:
        return True
    return bool(
        PeriodicRun.objects.filter(name=periodic.name, last_enqueued_at__lte=now - periodic.every).update(
            last_enqueued_at=now
        )
    )


def run_due(now: datetime | None = None) -> list[str]:
    """Enqueue every registered task whose interval has passed; returns their names."""
    now = now or timezone.now()
    enqueued = []
    for periodic in registered():
        if _claim(periodic, now):
            periodic.task.enqueue()
            enqueued.append(periodic.name)
    return enqueued
