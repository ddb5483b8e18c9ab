"""The priority of a case, as one instant: the moment the case is due once urgency and business
impact are counted. Queues sort by it (earliest first) and "next case" takes the earliest.

    priority_at = (the earliest of: business deadline, reply due, resolution due) − impact

Impact is an advance in time: a suspended seller's case counts as due 48 hours earlier than the same
case of an active seller; urgency, money at stake, orders affected and the seller's segment add
up. Because the key is a fixed instant, the order of two cases never changes as time passes, so the
key is stored and indexed; the score (0–100) people see is read from the time left until it: 100
when it is due now or overdue, 50 with 8 hours left, 25 with a day left."""

import dataclasses
import datetime as dt
import math
from decimal import Decimal

from django.utils import formats
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from sellerdesk.accounts.models import AccountStatus, Segment
from sellerdesk.cases.models import Priority
from sellerdesk.core.durations import span

HOUR = dt.timedelta(hours=1)
HALF_SCORE_AT = 8 * HOUR

ACCOUNT_ADVANCE = {
    AccountStatus.SUSPENDED: 48 * HOUR,
    AccountStatus.DEACTIVATED: 48 * HOUR,
    AccountStatus.RESTRICTED: 12 * HOUR,
    AccountStatus.UNDER_REVIEW: 6 * HOUR,
}
SEGMENT_ADVANCE = {Segment.STRATEGIC: 6 * HOUR, Segment.HIGH_VOLUME: 3 * HOUR}
# How urgent the text reads (the triage model, or the agent who corrected it): business stopped
# now, or money and sales at risk soon. A plain question moves back.
ASSESSED_ADVANCE = {"critical": 24 * HOUR, "high": 8 * HOUR, "low": -8 * HOUR}
URGENT_ADVANCE = 8 * HOUR


def revenue_advance(usd: Decimal | None) -> dt.timedelta:
    """4 hours per tenfold of the money at stake above $100, at most 24 hours ($1,000 → 4 h)."""
    if not usd or usd <= 100:
        return dt.timedelta(0)
    return min(24.0, 4 * math.log10(float(usd) / 100)) * HOUR


def orders_advance(orders: int | None) -> dt.timedelta:
    """3 hours per doubling of the orders affected, at most 12 hours (1 → 3 h, 3 → 6 h, 15 → 12 h)."""
    if not orders:
        return dt.timedelta(0)
    return min(12.0, 3 * math.log2(1 + orders)) * HOUR


@dataclasses.dataclass(frozen=True)
class Facts:
    """What the priority is computed from, all read from the case and its seller account."""

    business_deadline: dt.datetime | None
    response_due: dt.datetime | None
    resolution_due: dt.datetime | None
    has_order: bool
    waiting_on_seller: bool
    account_status: str
    segment: str
    urgent: bool
    assessed_urgency: str
    revenue_usd: Decimal | None
    orders_affected: int | None


def advances(facts: Facts) -> list[tuple[str, dt.timedelta]]:
    """The impact factors that apply, largest first, each with the time it moves the case ahead."""
    found = [
        ("account", ACCOUNT_ADVANCE.get(facts.account_status, dt.timedelta(0))),
        ("urgent", URGENT_ADVANCE if facts.urgent else dt.timedelta(0)),
        ("assessed", ASSESSED_ADVANCE.get(facts.assessed_urgency, dt.timedelta(0))),
        ("revenue", revenue_advance(facts.revenue_usd)),
        ("orders", orders_advance(facts.orders_affected)),
        ("segment", SEGMENT_ADVANCE.get(facts.segment, dt.timedelta(0))),
    ]
    # Only what moves the case ahead explains its rank; a plain question's step back is not a reason.
    return sorted((f for f in found if f[1]), key=lambda f: -f[1])


def anchor(facts: Facts) -> tuple[str, dt.datetime | None]:
    """The earliest hard time on the case: its business deadline or a target's due time (None when
    nothing is owed, e.g. while the case waits on the seller)."""
    candidates = [
        (name, when)
        for name, when in (
            ("deadline", facts.business_deadline),
            ("reply", facts.response_due),
            ("resolution", facts.resolution_due),
        )
        if when is not None
    ]
    if not candidates:
        return "none", None
    return min(candidates, key=lambda c: c[1])


def priority_at(facts: Facts) -> dt.datetime | None:
    """None when nothing is owed: such cases come after every case with a time (score 0)."""
    when = anchor(facts)[1]
    if when is None:
        return None
    return when - sum((a for _, a in advances(facts)), dt.timedelta(0))


def score(key: dt.datetime | None, now: dt.datetime) -> int:
    """0–100 from the time left until the priority instant (100 = due now or overdue)."""
    if key is None:
        return 0
    left = max((key - now) / HALF_SCORE_AT, 0.0)
    return round(100 / (1 + left))


def level(value: int) -> str:
    if value >= 80:
        return Priority.CRITICAL
    if value >= 50:
        return Priority.HIGH
    if value >= 20:
        return Priority.NORMAL
    return Priority.LOW


def reason(facts: Facts, now: dt.datetime) -> str:
    """Why the case ranks where it does, in words: 'critical: order cut-off in 1h40m · account
    suspended'. The level, the nearest hard time, then the impact factors that move it ahead."""
    value = score(priority_at(facts), now)
    parts = [_anchor_text(*anchor(facts), now, facts)]
    parts += [_advance_text(name, facts) for name, advance in advances(facts)[:2] if advance > dt.timedelta(0)]
    return _("%(level)s: %(why)s") % {"level": Priority(level(value)).label.lower(), "why": " · ".join(parts)}


def _anchor_text(name: str, when: dt.datetime | None, now: dt.datetime, facts: Facts) -> str:
    if when is None:
        return _("waiting on the seller") if facts.waiting_on_seller else _("no reply owed now")
    left = span(abs(when - now))
    if name == "deadline" and facts.has_order:
        return _("order cut-off in %(left)s") % {"left": left} if when > now else _("order cut-off passed")
    if name == "deadline":
        return _("business deadline in %(left)s") % {"left": left} if when > now else _("business deadline passed")
    if name == "reply":
        return (
            _("reply due in %(left)s") % {"left": left}
            if when > now
            else _("reply overdue by %(left)s") % {"left": left}
        )
    if when > now:
        return _("resolution due in %(left)s") % {"left": left}
    return _("resolution overdue by %(left)s") % {"left": left}


def _advance_text(name: str, facts: Facts) -> str:
    if name == "account":
        return _("account %(status)s") % {"status": AccountStatus(facts.account_status).label.lower()}
    if name == "urgent":
        return _("marked urgent")
    if name == "assessed":
        return _("reads %(urgency)s") % {"urgency": Priority(facts.assessed_urgency).label.lower()}
    if name == "revenue":
        amount = formats.number_format(facts.revenue_usd, decimal_pos=0, force_grouping=True)
        return _("$%(amount)s at stake") % {"amount": amount}
    if name == "orders":
        return ngettext("%(n)d order affected", "%(n)d orders affected", facts.orders_affected) % {
            "n": facts.orders_affected
        }
    return _("%(segment)s seller") % {"segment": Segment(facts.segment).label.lower()}
