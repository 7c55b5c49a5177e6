"""Background tasks (django-tasks): the deadline reminders, enqueued every hour by `canhgiac scheduler`
(idempotent: each reminder goes once per manager, unit, due date and threshold)."""

from django_tasks import task


@task()
def send_reminders_task() -> int:
    from .services.reminders import send_due_reminders

    return send_due_reminders()
