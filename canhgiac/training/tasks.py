"""Background tasks (django-tasks): the periodic closing of overdue attempts."""

from django_tasks import task


@task()
def close_overdue_attempts_task() -> int:
    from .services import close_overdue_attempts

    return close_overdue_attempts()
