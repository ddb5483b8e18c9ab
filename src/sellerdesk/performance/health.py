"""Account health: the metrics, their targets and the set-based SQL that recomputes them.

Two metrics, each over rolling windows that end now (default 30 and 90 days):

- customer-service dissatisfaction rate = "no" survey answers / all survey answers; it must stay
  below DISSATISFACTION_MAX_PERCENT (25). It is yellow from WARNING_POINTS below the limit (20).
- response-time compliance = contacts answered within RESPONSE_HOURS (24 h) / contacts that can be
  judged; it must stay above RESPONSE_MIN_PERCENT (90). A contact can be judged once it is answered
  or once it has waited longer than the limit without an answer (then it counts as late); a contact
  still inside its first 24 hours is not counted yet. Yellow up to WARNING_POINTS above the limit.

A metric without any data is `no_data`, never red. The overall state is the worst metric. The first
window decides the states the seller is judged on; the others are shown beside it.

Thresholds are compared in integers (tenths of a percent) so that 25.0% is exactly "at the limit"
in SQL and in Python alike.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.db.models import Min

from sellerdesk.accounts.models import SellerAccount
from sellerdesk.core import clock

from .models import AccountHealth, HealthState

DISSATISFACTION = "dissatisfaction_rate"
RESPONSE = "response_time_compliance"


@dataclass(frozen=True)
class Thresholds:
    windows: tuple[int, ...]
    dissatisfaction_max: float
    dissatisfaction_warning: float
    response_min: float
    response_warning: float
    response_hours: int

    @classmethod
    def current(cls) -> "Thresholds":
        conf = settings.SELLERDESK["HEALTH"]
        return cls(
            windows=tuple(conf["WINDOWS_DAYS"]),
            dissatisfaction_max=conf["DISSATISFACTION_MAX_PERCENT"],
            dissatisfaction_warning=conf["DISSATISFACTION_WARNING_POINTS"],
            response_min=conf["RESPONSE_MIN_PERCENT"],
            response_warning=conf["RESPONSE_WARNING_POINTS"],
            response_hours=conf["RESPONSE_HOURS"],
        )

    @property
    def primary_window(self) -> int:
        return self.windows[0]

    # In tenths of a percent: what the SQL compares `count * 1000` against.
    @property
    def red_no(self) -> int:
        return round(self.dissatisfaction_max * 10)

    @property
    def yellow_no(self) -> int:
        return round((self.dissatisfaction_max - self.dissatisfaction_warning) * 10)

    @property
    def red_on_time(self) -> int:
        return round(self.response_min * 10)

    @property
    def yellow_on_time(self) -> int:
        return round((self.response_min + self.response_warning) * 10)


def dissatisfaction_state(no: int, answers: int, t: Thresholds) -> str:
    if answers == 0:
        return HealthState.NO_DATA
    if no * 1000 >= t.red_no * answers:
        return HealthState.RED
    if no * 1000 >= t.yellow_no * answers:
        return HealthState.YELLOW
    return HealthState.GREEN


def response_state(on_time: int, due: int, t: Thresholds) -> str:
    if due == 0:
        return HealthState.NO_DATA
    if on_time * 1000 <= t.red_on_time * due:
        return HealthState.RED
    if on_time * 1000 <= t.yellow_on_time * due:
        return HealthState.YELLOW
    return HealthState.GREEN


_RANK = {HealthState.RED: 3, HealthState.YELLOW: 2, HealthState.GREEN: 1, HealthState.NO_DATA: 0}


def worst(*states: str) -> str:
    return max(states, key=lambda s: _RANK[s]) if states else HealthState.NO_DATA


def percent(numerator: int, denominator: int) -> float | None:
    return round(100 * numerator / denominator, 1) if denominator else None


def no_answers_to_red(no: int, answers: int, t: Thresholds) -> int | None:
    """How many more "no" answers (with no new "yes") would make the rate red; None if it is."""
    if answers and no * 1000 >= t.red_no * answers:
        return None
    if t.red_no >= 1000:
        return None  # a limit of 100% can never be reached
    # smallest k with (no + k) * 1000 >= red * (answers + k)
    need = t.red_no * answers - no * 1000
    return max(1, -(-need // (1000 - t.red_no)))


def late_contacts_to_red(on_time: int, due: int, t: Thresholds) -> int | None:
    """How many more late contacts would make compliance red; None if it already is."""
    if due and on_time * 1000 <= t.red_on_time * due:
        return None
    if t.red_on_time <= 0:
        return None
    # smallest k with on_time * 1000 <= red * (due + k)
    need = on_time * 1000 - t.red_on_time * due
    return max(1, -(-need // t.red_on_time))


# One statement per window: counts per seller from its contacts in the window, the states derived
# from them, upserted into performance_accounthealth. The outer query exists so the state
# expressions can name the counts. Every column counted is in the index contact_seller_counts
# (hence COUNT(c.received_at), not c.id): PostgreSQL counts from the index alone, for one seller
# (an index range scan) and for all of them, without reading the contacts table.
_RECOMPUTE_SQL = """
INSERT INTO performance_accounthealth (
    seller_account_id, window_days, survey_no, survey_answers, contacts, contacts_due, on_time,
    dissatisfaction_state, response_state, overall, computed_at
)
SELECT id, %s, n_no, n_answers, n_contacts, n_due, n_on_time, d_state, r_state,
       CASE WHEN d_state = 'red' OR r_state = 'red' THEN 'red'
            WHEN d_state = 'yellow' OR r_state = 'yellow' THEN 'yellow'
            WHEN d_state = 'green' OR r_state = 'green' THEN 'green'
            ELSE 'no_data' END,
       %s
FROM (
    SELECT id, n_no, n_answers, n_contacts, n_due, n_on_time,
           CASE WHEN n_answers = 0 THEN 'no_data'
                WHEN n_no * 1000 >= %s * n_answers THEN 'red'
                WHEN n_no * 1000 >= %s * n_answers THEN 'yellow'
                ELSE 'green' END AS d_state,
           CASE WHEN n_due = 0 THEN 'no_data'
                WHEN n_on_time * 1000 <= %s * n_due THEN 'red'
                WHEN n_on_time * 1000 <= %s * n_due THEN 'yellow'
                ELSE 'green' END AS r_state
    FROM (
        SELECT s.id AS id,
               COUNT(CASE WHEN c.survey_answer = 'no' THEN 1 END) AS n_no,
               COUNT(CASE WHEN c.survey_answer IN ('yes', 'no') THEN 1 END) AS n_answers,
               COUNT(c.received_at) AS n_contacts,
               COUNT(CASE WHEN c.response_seconds IS NOT NULL OR c.received_at <= %s THEN 1 END) AS n_due,
               COUNT(CASE WHEN c.response_seconds <= %s THEN 1 END) AS n_on_time
        FROM accounts_selleraccount s
        LEFT JOIN performance_buyercontact c
               ON c.seller_account_id = s.id AND c.received_at > %s AND c.received_at <= %s
        {where}
        GROUP BY s.id
    ) AS counts
) AS states
WHERE 1 = 1
ON CONFLICT (seller_account_id, window_days) DO UPDATE SET
    survey_no = excluded.survey_no,
    survey_answers = excluded.survey_answers,
    contacts = excluded.contacts,
    contacts_due = excluded.contacts_due,
    on_time = excluded.on_time,
    dissatisfaction_state = excluded.dissatisfaction_state,
    response_state = excluded.response_state,
    overall = excluded.overall,
    computed_at = excluded.computed_at
"""


def recompute(seller_ids: list[int] | None = None, *, now: dt.datetime | None = None) -> int:
    """Recomputes the health rows of these sellers (all sellers when None), every window, in one
    set-based statement per window. Returns the number of rows written. Adding contacts for one
    seller recomputes only that seller (an index range scan over their window)."""
    if seller_ids is not None and not seller_ids:
        return 0
    now = now or clock.now()
    t = Thresholds.current()
    ops = connection.ops
    limit = dt.timedelta(hours=t.response_hours)
    where, where_params = "", []
    if seller_ids is not None:
        where = "WHERE s.id IN ({})".format(", ".join(["%s"] * len(seller_ids)))
        where_params = list(seller_ids)
    sql = _RECOMPUTE_SQL.format(where=where)
    written = 0
    with connection.cursor() as cursor:
        for window in t.windows:
            params = [
                window,
                ops.adapt_datetimefield_value(now),
                t.red_no,
                t.yellow_no,
                t.red_on_time,
                t.yellow_on_time,
                ops.adapt_datetimefield_value(now - limit),
                int(limit.total_seconds()),
                ops.adapt_datetimefield_value(now - dt.timedelta(days=window)),
                ops.adapt_datetimefield_value(now),
                *where_params,
            ]
            cursor.execute(sql, params)
            written += cursor.rowcount
    return written


# The full recompute runs when the oldest health row is older than this: rolling windows move on
# with time even when no contact arrives (a 'no' answer leaving the window turns a seller green).
RECOMPUTE_EVERY_MINUTES = 60
# Any constant: the PostgreSQL advisory lock that lets one worker at a time run the full recompute.
_FULL_RECOMPUTE_LOCK = 5_310_001


def recompute_all_health(*, now: dt.datetime | None = None) -> int:
    """The periodic sweep. Every sweep run computes the sellers that have no health row yet (new
    accounts, a window added to the settings); the full recompute of every seller runs only when the
    oldest row is older than RECOMPUTE_EVERY_MINUTES (settings HEALTH["RECOMPUTE_EVERY_MINUTES"]),
    and on one worker at a time. Returns the number of rows written (0 when all is fresh)."""
    now = now or clock.now()
    every = dt.timedelta(minutes=settings.SELLERDESK["HEALTH"].get("RECOMPUTE_EVERY_MINUTES", RECOMPUTE_EVERY_MINUTES))
    windows = Thresholds.current().windows
    locked = connection.vendor == "postgresql"
    if locked:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_lock(%s)", [_FULL_RECOMPUTE_LOCK])
            if not cursor.fetchone()[0]:
                return 0  # another worker is at it
    try:
        oldest = AccountHealth.objects.filter(window_days__in=windows).aggregate(oldest=Min("computed_at"))["oldest"]
        if oldest is None or oldest <= now - every:
            return recompute(now=now)
        missing: set[int] = set()
        for days in windows:
            computed = AccountHealth.objects.filter(window_days=days).values("seller_account_id")
            missing.update(SellerAccount.objects.exclude(pk__in=computed).values_list("pk", flat=True))
        ids = sorted(missing)
        return sum(recompute(ids[i : i + 1000], now=now) for i in range(0, len(ids), 1000))
    finally:
        if locked:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [_FULL_RECOMPUTE_LOCK])
