"""Running work at the same moment on separate database connections (PostgreSQL-only tests)."""

import threading

import pytest
from django.db import connection, connections

needs_postgresql = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="needs PostgreSQL: SQLite runs one writer at a time"
)


def at_once(work, args_list) -> list:
    """Calls `work(arg)` for each arg in its own thread, all released together; returns the results
    in the order given. An exception in a thread fails the test instead of being lost."""
    barrier = threading.Barrier(len(args_list))
    results: list = [None] * len(args_list)
    errors: list = []

    def run(index, arg):
        try:
            barrier.wait(timeout=10)
            results[index] = work(arg)
        except Exception as exc:
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, arg)) for i, arg in enumerate(args_list)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    return results
