"""Jobs are queued in step with the transaction that asks for them."""

import pytest
from django.db import transaction
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
