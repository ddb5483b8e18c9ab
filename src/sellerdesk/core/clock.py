"""The current time, in one place.

Services ask `clock.now()` instead of `timezone.now()` so that the demo loader can write a
realistic history (cases opened days ago) through the same services, and tests can travel in time.
"""

import contextlib
import datetime as dt
import threading

from django.utils import timezone

_frozen = threading.local()
_history = threading.local()


def now() -> dt.datetime:
    value = getattr(_frozen, "value", None)
    return value if value is not None else timezone.now()


@contextlib.contextmanager
def frozen_at(moment: dt.datetime):
    """Within the block, `now()` returns `moment` (timezone-aware)."""
    if timezone.is_naive(moment):
        raise ValueError("frozen_at needs an aware datetime")
    previous = getattr(_frozen, "value", None)
    _frozen.value = moment
    try:
        yield
    finally:
        _frozen.value = previous


@contextlib.contextmanager
def importing_history():
    """Marks writes that replay past events (demo data, imports from another helpdesk): they are
    recorded in full but notify nobody, because the people involved were told at the time."""
    previous = getattr(_history, "active", False)
    _history.active = True
    try:
        yield
    finally:
        _history.active = previous


def is_importing_history() -> bool:
    return getattr(_history, "active", False)
