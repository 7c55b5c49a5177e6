"""Background tasks of the case register (django-tasks: inline in tests, `canhgiac worker` otherwise)."""

from __future__ import annotations

from django_tasks import task


@task()
def case_import_analyse_task(import_id: int) -> None:
    from .importer.jobs import run_analysis

    run_analysis(import_id)


@task()
def case_import_commit_task(import_id: int, actor_id: int | None) -> None:
    from .importer.jobs import run_commit

    run_commit(import_id, actor_id)
