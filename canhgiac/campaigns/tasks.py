"""Background tasks (django-tasks): the deadline reminders, enqueued every hour by `canhgiac scheduler`
(idempotent: each reminder goes once per manager, unit, due date and threshold)."""

from django_tasks import task


@task()
def send_reminders_task() -> int:
    from .services.reminders import send_due_reminders

    return send_due_reminders()


@task()
def coverage_refresh_task() -> int:
    """Every 15 minutes: rebuild the coverage counters of campaigns whose counters are not for today (midnight moved
    exemptions and dated changes in or out), write today's rolled-up snapshot, fill missed days."""
    from .services.counters import coverage_refresh

    return len(coverage_refresh())
