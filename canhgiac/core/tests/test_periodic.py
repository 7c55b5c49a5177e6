from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from canhgiac.core import periodic
from canhgiac.core.models import PeriodicRun

pytestmark = pytest.mark.django_db


def test_training_registers_the_overdue_closer():
    assert "canhgiac.training.tasks.close_overdue_attempts_task" in {p.name for p in periodic.registered()}


def test_a_task_is_enqueued_once_per_interval():
    now = timezone.now()
    first = periodic.run_due(now)
    assert "canhgiac.training.tasks.close_overdue_attempts_task" in first
    assert periodic.run_due(now + timedelta(seconds=20)) == []  # a second scheduler, same minute
    again = periodic.run_due(now + timedelta(minutes=1, seconds=1))
    assert "canhgiac.training.tasks.close_overdue_attempts_task" in again
    assert (
        PeriodicRun.objects.get(name="canhgiac.training.tasks.close_overdue_attempts_task").last_enqueued_at
        > now
    )


def test_scheduler_command_once(capsys):
    call_command("scheduler", "--once")
    out = capsys.readouterr().out
    assert "Đã đưa vào hàng đợi" in out
