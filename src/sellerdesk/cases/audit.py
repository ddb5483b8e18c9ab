"""Writing the audit trail. Every domain that changes a case records its event through here, in
the same transaction as the change."""

from sellerdesk.accounts.models import User
from sellerdesk.core import clock
from sellerdesk.core.jobs import enqueue_with_transaction

from . import tasks
from .events import EventType
from .models import Case, CaseEvent, Message


def record_event(
    case: Case,
    *,
    actor: User | None,
    kind: EventType,
    public: bool,
    message: Message | None = None,
    data: dict | None = None,
    notify: bool = True,
) -> CaseEvent:
    """Appends one event. Public events e-mail the other side after the commit (unless `notify` is
    false, or history is being imported)."""
    event = CaseEvent.objects.create(case=case, actor=actor, kind=kind, public=public, message=message, data=data or {})
    if public and notify and not clock.is_importing_history():
        enqueue_with_transaction(tasks.notify_case_event, event.pk)
    return event
