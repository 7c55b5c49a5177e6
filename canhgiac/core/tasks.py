"""Background tasks of core (django-tasks API; the database queue and `canhgiac worker` run them)."""

from django_tasks import task


@task()
def ping() -> str:
    """A no-op the operators (and bench/scale_out.py) use to check that the worker runs queued tasks."""
    return "pong"
