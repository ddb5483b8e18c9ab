"""The one status lifecycle of a case. Every status change is checked here.

new ─▶ open ◀─▶ waiting_on_seller / waiting_on_marketplace ─▶ resolved ─▶ closed
A resolved or closed case returns to `open` only through `reopen_case` (within the window).
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from sellerdesk.core.errors import SellerdeskError

from .errors import CasesError


class Status(models.TextChoices):
    NEW = "new", _("New")
    OPEN = "open", _("Open")
    WAITING_ON_SELLER = "waiting_on_seller", _("Waiting on seller")
    WAITING_ON_MARKETPLACE = "waiting_on_marketplace", _("Waiting on marketplace")
    RESOLVED = "resolved", _("Resolved")
    CLOSED = "closed", _("Closed")


ACTIVE_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING_ON_SELLER, Status.WAITING_ON_MARKETPLACE)
DONE_STATUSES = (Status.RESOLVED, Status.CLOSED)

TRANSITIONS: dict[str, set[str]] = {
    Status.NEW: {Status.OPEN, Status.WAITING_ON_SELLER, Status.WAITING_ON_MARKETPLACE, Status.RESOLVED, Status.CLOSED},
    Status.OPEN: {Status.WAITING_ON_SELLER, Status.WAITING_ON_MARKETPLACE, Status.RESOLVED, Status.CLOSED},
    Status.WAITING_ON_SELLER: {Status.OPEN, Status.WAITING_ON_MARKETPLACE, Status.RESOLVED, Status.CLOSED},
    Status.WAITING_ON_MARKETPLACE: {Status.OPEN, Status.WAITING_ON_SELLER, Status.RESOLVED, Status.CLOSED},
    Status.RESOLVED: {Status.CLOSED},
    Status.CLOSED: set(),
}


def check_transition(current: str, target: str) -> None:
    if target not in TRANSITIONS.get(current, set()):
        labels = {"current": Status(current).label, "target": Status(target).label}
        if current in DONE_STATUSES and target == Status.OPEN:
            message = gettext("A case cannot go from %(current)s to %(target)s. Use reopen to bring it back.")
        else:
            message = gettext("A case cannot go from %(current)s to %(target)s.")
        raise SellerdeskError(CasesError.INVALID_TRANSITION, message % labels)


def allowed_targets(current: str) -> list[str]:
    return [s for s in Status.values if s in TRANSITIONS.get(current, set())]


def reopen_deadline(case) -> dt.datetime | None:
    """Until when a resolved or closed case may be reopened (None while it is still active)."""
    if case.status not in DONE_STATUSES:
        return None
    done_at = case.resolved_at or case.closed_at or case.updated_at
    return done_at + dt.timedelta(days=settings.SELLERDESK["REOPEN_WINDOW_DAYS"])
