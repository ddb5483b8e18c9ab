"""Queueing background jobs in step with the transaction that asks for them."""

from django.db import transaction
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import normalize_json, task_enqueued
from django_tasks_db.models import DBTaskResult, get_date_max

from .bulk import insert_linked


def enqueue_with_transaction(task: Task, *args) -> None:
    """Queues `task(*args)` so that it runs only if the current transaction commits.

    With the database backend (the default) the job's row is written inside the transaction: it
    commits or rolls back with the change that asked for it, costs no commit of its own, and is not
    lost if the process stops between the commit and the queueing. Any other backend receives the
    job after the commit, so that its worker never looks for rows that are not committed yet."""
    backend = task.get_backend()
    if transaction.get_connection().in_atomic_block and isinstance(backend, DatabaseBackend):
        _enqueue_row(task, backend, args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))


def _enqueue_row(task: Task, backend: DatabaseBackend, args: tuple) -> None:
    """What `DatabaseBackend.enqueue` does, with one plain INSERT instead of `Model.save`: the ORM's
    save took 0.5–1 ms of CPU of a case creation's 3. The fields and the `task_enqueued` signal are
    the backend's own (django-tasks-db 0.13; tests/core/test_jobs.py compares them)."""
    backend.validate_task(task)
    row = DBTaskResult(
        id=backend._get_id(),
        args_kwargs=normalize_json({"args": args, "kwargs": {}}),
        priority=task.priority,
        task_path=task.module_path,
        queue_name=task.queue_name,
        run_after=task.run_after or get_date_max(),  # what the model's pre_save handler sets
        backend_name=backend.alias,
    )
    insert_linked([row])
    task_enqueued.send(type(backend), task_result=row.task_result)
