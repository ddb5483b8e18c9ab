"""Queueing background jobs in step with the transaction that asks for them."""

from django.db import transaction
from django_tasks.base import Task
from django_tasks_db import DatabaseBackend


def enqueue_with_transaction(task: Task, *args) -> None:
    """Queues `task(*args)` so that it runs only if the current transaction commits.

    With the database backend (the default) the job's row is written inside the transaction: it
    commits or rolls back with the change that asked for it, costs no commit of its own, and is not
    lost if the process stops between the commit and the queueing. Any other backend receives the
    job after the commit, so that its worker never looks for rows that are not committed yet."""
    if transaction.get_connection().in_atomic_block and isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue(*args)
    else:
        transaction.on_commit(lambda: task.enqueue(*args))
