"""Jobs are queued in step with the transaction that asks for them."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db import DatabaseBackend
from django_tasks_db.compat import task_enqueued
from django_tasks_db.models import DBTaskResult

from sellerdesk.cases.tasks import notify_case_event
from sellerdesk.core.jobs import enqueue_with_transaction

pytestmark = pytest.mark.django_db


class Boom(Exception):
    pass


@pytest.fixture
def database_backend(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_with_the_database_backend_the_job_row_is_written_in_the_transaction(database_backend):
    with transaction.atomic():
        enqueue_with_transaction(notify_case_event, 123)
        assert DBTaskResult.objects.filter(task_path__endswith="notify_case_event").count() == 1
    job = DBTaskResult.objects.get(task_path__endswith="notify_case_event")
    assert job.args_kwargs == {"args": [123], "kwargs": {}}


def test_with_the_database_backend_a_rolled_back_change_leaves_no_job(database_backend):
    with pytest.raises(Boom), transaction.atomic():
        enqueue_with_transaction(notify_case_event, 123)
        raise Boom
    assert not DBTaskResult.objects.exists()


def test_other_backends_receive_the_job_only_after_the_commit(settings, django_capture_on_commit_callbacks):
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}
    backend = notify_case_event.get_backend()
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        enqueue_with_transaction(notify_case_event, 123)
        assert not backend.results
    assert len(callbacks) == 1
    callbacks[0]()
    assert [r.args for r in backend.results] == [[123]]


def test_the_job_row_is_the_one_the_backend_itself_would_write(database_backend):
    backend = notify_case_event.get_backend()
    backend.enqueue(notify_case_event, [7], {})
    with transaction.atomic():
        enqueue_with_transaction(notify_case_event, 7)
    own, ours = DBTaskResult.objects.order_by("enqueued_at")
    differing = {"id", "enqueued_at"}
    fields = [f.attname for f in DBTaskResult._meta.concrete_fields if f.attname not in differing]
    assert [getattr(ours, f) for f in fields] == [getattr(own, f) for f in fields]
    assert ours.enqueued_at >= own.enqueued_at and ours.id != own.id


# Transactional: the worker closes its database connection when it is done, as a worker process should.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_worker_runs_a_job_queued_this_way(database_backend):
    with transaction.atomic():
        enqueue_with_transaction(notify_case_event, 123_456)  # no such event: the job has nothing to send

    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)

    job = DBTaskResult.objects.get()
    assert (job.status, job.finished_at is not None) == ("SUCCESSFUL", True)


def test_queueing_a_job_tells_the_backends_listeners(database_backend):
    heard = []

    def listener(sender, task_result, **kwargs):
        heard.append((sender, task_result.task.module_path, task_result.args))

    task_enqueued.connect(listener)
    try:
        with transaction.atomic():
            enqueue_with_transaction(notify_case_event, 9)
    finally:
        task_enqueued.disconnect(listener)
    assert heard == [(DatabaseBackend, "sellerdesk.cases.tasks.notify_case_event", [9])]
