#!/usr/bin/env python
"""SLA engine benchmark on PostgreSQL: the sweep and "next case" with N open cases.

    .venv/bin/python bench/sla/sla_bench.py [--cases 1000000] [--drop-db]

Targets (issue): with 1,000,000 open cases a full sweep in under 10 s and `take_next_case` p95
under 20 ms, with the query plans used.

Steps (all bounded):
 1. database `sellerdesk_sla_bench` (created and migrated; reused when it already holds a pristine
    load of the requested size; a pristine copy `sellerdesk_sla_bench_pristine` restores it after
    a run has changed it); `--drop-db` drops both and loads again;
 2. set-based load (INSERT ... SELECT from generate_series; a COPY for the business-minute tables):
    8 teams (Madrid business calendar with ES holidays, or 24/7), 50 agents, 5,000 seller accounts,
    N open cases and their live `CaseTarget`s, every due time, next step, fired mark and the cases'
    SLA fields computed on the teams' calendars as the engine would have left them after a sweep
    one minute before NOW; a sample is re-checked with the engine's own functions;
 3. sweeps at NOW (~1 % of the targets crossed a mark in the last minute), again at NOW (nothing
    to do), at a later moment where ~5 % are due (a backlog), and two sweeper processes at once;
    no (case, target, percent) step may be recorded twice;
 4. `take_next_case` for 200 calls over the agents, then 4 threads at once (no case twice);
 5. EXPLAIN (ANALYZE, BUFFERS) of the sweep's claim query and of the next-case candidate query;
 6. results -> bench/results/sla_bench.md and .json (+ sla_bench_profile.txt: cProfile of one batch).
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import io
import json
import os
import pstats
import re
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter, defaultdict
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent
ROOT = BENCH_DIR.parent.parent
RESULTS_DIR = BENCH_DIR.parent / "results"
VENV_BIN = Path(sys.executable).parent

DB_NAME = "sellerdesk_sla_bench"
SWEEP_WORKERS = 2  # threads per sweep (--sweep-workers)
PRISTINE_DB = f"{DB_NAME}_pristine"
PG = "postgres://postgres@127.0.0.1:5432"
DATABASE_URL = f"{PG}/{DB_NAME}"

ENV = {
    "DATABASE_URL": DATABASE_URL,
    "DJANGO_SETTINGS_MODULE": "sellerdesk.settings",
    "LOG_LEVEL": "ERROR",
    "SELLERDESK_DEBUG": "0",
    "CONN_MAX_AGE": "0",
    # The production default: the sweep's notification task is a row in django_tasks_db.
    "SELLERDESK_TASK_BACKEND": os.environ.get("SELLERDESK_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
}
os.environ.update(ENV)
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

TARGET_SWEEP_S = 10.0
TARGET_NEXT_P95_MS = 20.0
N_ACCOUNTS = 5000
CROSSING_SHARE = 0.013  # of the running targets: crossed a mark since the last sweep (one minute ago)
BACKLOG_SHARE = 0.05  # of the live targets: due in the backlog scenario
CONCURRENT_SHARE = 0.02  # of the live targets: due when two sweepers run at once
ORIGIN_DAYS, HORIZON_DAYS = 33, 45  # the business-minute tables span NOW - 33 d .. NOW + 45 d

# name, tier, languages, categories ([] = every category), calendar ("madrid" or None = 24/7), agents
TEAMS = [
    ("Tier 1 EN", "tier1", ["en"], [], None, 10),
    ("Tier 1 ES", "tier1", ["es"], [], "madrid", 7),
    ("Tier 1 DE", "tier1", ["de"], [], "madrid", 6),
    ("Tier 1 ZH", "tier1", ["zh"], [], None, 5),
    ("Tier 2", "tier2", ["en", "es", "de"], ["technical", "advertising"], "madrid", 6),
    ("Payments", "payments", ["en", "es", "de", "zh"], ["payments", "reimbursement"], None, 6),
    ("Seller Performance", "seller_performance", ["en", "es", "de"],
     ["account_health", "appeals", "policy_compliance"], "madrid", 6),
    ("Senior Escalations", "senior", ["en", "es"], ["account_access"], None, 4),
]  # fmt: skip
CATEGORY_WEIGHTS = {
    "order_fulfillment": 20, "returns_refunds": 14, "reimbursement": 6, "payments": 10, "listing": 12,
    "policy_compliance": 5, "account_health": 6, "account_access": 3, "appeals": 3,
    "inventory_logistics": 7, "advertising": 4, "technical": 5, "other": 5,
}  # fmt: skip
LANGUAGE_WEIGHTS = {"en": 55, "es": 20, "de": 15, "zh": 10}
SUBJECTS = [
    "Order shows delivered but the buyer says it never arrived",
    "Refund issued twice for the same order",
    "Units lost in the warehouse, requesting reimbursement",
    "Disbursement on hold since last week",
    "Listing suppressed for a missing attribute",
    "Listing flagged as a restricted product",
    "Order defect rate above target this week",
    "Lost the phone used for two-step verification",
    "Plan of action submitted for the deactivation appeal",
    "Shipment stuck in receiving",
    "Sponsored ads campaign paused unexpectedly",
    "Inventory feed upload returns error 500",
    "Question about the fee changes next month",
]
NAMES = ["Ana", "Ben", "Chloe", "Diego", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kira", "Luca"]


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


# --------------------------------------------------------------------------------------------
# Database: create, migrate, reuse
# --------------------------------------------------------------------------------------------


def admin_conn():
    import psycopg

    return psycopg.connect(f"{PG}/postgres", autocommit=True)


def db_exists(name: str) -> bool:
    with admin_conn() as conn:
        return conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone() is not None


def drop_db(name: str) -> None:
    with admin_conn() as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def create_db(name: str, template: str | None = None) -> None:
    with admin_conn() as conn:
        if template:
            # FILE_COPY copies the files (seconds for GBs) instead of WAL-logging every page.
            conn.execute(f"CREATE DATABASE {name} TEMPLATE {template} STRATEGY FILE_COPY")
        else:
            conn.execute(f"CREATE DATABASE {name}")


def bench_meta(name: str) -> dict | None:
    """The load description stored in the database itself (None if not loaded)."""
    import psycopg

    if not db_exists(name):
        return None
    with psycopg.connect(f"{PG}/{name}", autocommit=True) as conn:
        row = conn.execute("SELECT to_regclass('bench_meta')").fetchone()
        if row[0] is None:
            return None
        got = conn.execute("SELECT meta FROM bench_meta").fetchone()
        return got[0] if got else None


def migrate() -> None:
    subprocess.run(
        [str(VENV_BIN / "sellerdesk"), "migrate", "--noinput", "-v", "0"],
        env={**os.environ, **ENV},
        cwd=ROOT,
        check=True,
        timeout=600,
    )


def prepare_database(n_cases: int, drop: bool) -> tuple[dict | None, str]:
    """Returns (meta of a reusable pristine load or None, what was done)."""
    if drop:
        drop_db(DB_NAME)
        drop_db(PRISTINE_DB)
    meta = bench_meta(DB_NAME)
    if meta and meta.get("cases") == n_cases and not meta.get("dirty"):
        migrate()
        return meta, "reused (pristine)"
    pristine = bench_meta(PRISTINE_DB)
    if pristine and pristine.get("cases") == n_cases:
        drop_db(DB_NAME)
        create_db(DB_NAME, template=PRISTINE_DB)
        migrate()
        return pristine, f"restored from {PRISTINE_DB}"
    drop_db(DB_NAME)
    drop_db(PRISTINE_DB)
    create_db(DB_NAME)
    migrate()
    return None, "created"


def set_meta(meta: dict) -> None:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("CREATE TABLE IF NOT EXISTS bench_meta (meta jsonb)")
        cur.execute("DELETE FROM bench_meta")
        cur.execute("INSERT INTO bench_meta VALUES (%s)", [json.dumps(meta)])


def snapshot_pristine() -> float:
    """Copies the freshly loaded database to the pristine template (no other session may be on it)."""
    from django.db import connections

    connections.close_all()
    t = time.perf_counter()
    drop_db(PRISTINE_DB)
    for attempt in range(10):  # autovacuum may be connected to the freshly loaded database for a moment
        try:
            create_db(PRISTINE_DB, template=DB_NAME)
            break
        except Exception as exc:
            if "being accessed by other users" not in str(exc) or attempt == 9:
                raise
            time.sleep(3)
    return time.perf_counter() - t


# --------------------------------------------------------------------------------------------
# NOW and the business-minute tables
# --------------------------------------------------------------------------------------------


def madrid_calendar_fields() -> dict:
    week = {d: [["09:00", "18:00"]] for d in ("mon", "tue", "wed", "thu", "fri")}
    return {
        "name": "Madrid office",
        "timezone": "Europe/Madrid",
        "always_open": False,
        "hours": {**week, "sat": [], "sun": []},
        "holiday_country": "ES",
        "holiday_subdivision": "MD",
    }


def choose_now(schedule) -> dt.datetime:
    """The benchmark's NOW: a moment when the Madrid calendar has been open for a while (so its
    clocks run in the last minute too), the latest such moment before the real time, to the minute."""
    real = dt.datetime.now(dt.UTC).replace(second=0, microsecond=0)
    day = real.astimezone(schedule.zone).date()
    for back in range(60):
        for opens, closes in reversed(schedule.open_intervals(day - dt.timedelta(days=back))):
            latest = min(real, closes - dt.timedelta(minutes=30))
            if latest >= opens + dt.timedelta(minutes=30):
                return latest
    raise RuntimeError("no open time in the last 60 days")


def minute_tables(schedules: dict[int, object], now: dt.datetime) -> tuple[list, list]:
    """For each schedule (0 = 24/7): every open minute k (its start instant) and every clock minute
    with the number of open minutes before it, from NOW - ORIGIN_DAYS to NOW + HORIZON_DAYS."""
    origin = now - dt.timedelta(days=ORIGIN_DAYS)
    end = now + dt.timedelta(days=HORIZON_DAYS)
    minute = dt.timedelta(minutes=1)
    open_rows, clock_rows = [], []
    for sched, schedule in schedules.items():
        opens: list[dt.datetime] = []
        if sched == 0:
            t = origin
            while t < end:
                opens.append(t)
                t += minute
        else:
            day = origin.astimezone(schedule.zone).date() - dt.timedelta(days=1)
            while True:
                for a, b in schedule.open_intervals(day):
                    t = max(a, origin)
                    while t < b and t < end:
                        opens.append(t)
                        t += minute
                if dt.datetime.combine(day, dt.time(0), tzinfo=schedule.zone) > end:
                    break
                day += dt.timedelta(days=1)
        open_rows += [(sched, k, at) for k, at in enumerate(opens)]
        # Clock minutes: k_before = open minutes starting before this minute.
        i, t = 0, origin
        open_set = set(opens)
        while t < end:
            while i < len(opens) and opens[i] < t:
                i += 1
            clock_rows.append((sched, t, i, t in open_set))
            t += minute
    return open_rows, clock_rows


# --------------------------------------------------------------------------------------------
# Load
# --------------------------------------------------------------------------------------------


def seed_people() -> dict:
    """Calendar, teams, 50 agents (some in two teams), 5,000 seller accounts with one user each."""
    import random

    from django.contrib.auth.hashers import make_password

    from sellerdesk.accounts.models import Role, SellerAccount, Team, TeamMembership, User
    from sellerdesk.sla.models import BusinessCalendar

    rnd = random.Random(7)
    madrid = BusinessCalendar.objects.create(**madrid_calendar_fields())
    teams = [
        Team.objects.create(name=n, tier=t, languages=lg, categories=c, calendar=madrid if cal else None)
        for n, t, lg, c, cal, _ in TEAMS
    ]
    pw = make_password("bench-Passw0rd!")
    agents, memberships = [], []
    for team, (_, _, langs, _, _, n_agents) in zip(teams, TEAMS, strict=True):
        for k in range(n_agents):
            spoken = list(langs) if len(langs) == 1 else rnd.sample(langs, rnd.randint(1, len(langs)))
            if "en" not in spoken and rnd.random() < 0.5:
                spoken.append("en")
            user = User(
                username=f"agent-{team.pk}-{k + 1}",
                email=f"agent-{team.pk}-{k + 1}@bench.invalid",
                first_name=rnd.choice(NAMES),
                password=pw,
                role=Role.LEAD if k == 0 else Role.AGENT,
                is_staff=True,
                languages=spoken,
            )
            agents.append(user)
            memberships.append((team, user, k == 0))
    User.objects.bulk_create(agents)
    by_name = {t.name: t for t in teams}
    extra = [(by_name["Tier 1 EN"], u) for t, u, lead in memberships if t.name == "Tier 2" and not lead][:3]
    extra += [(by_name["Tier 1 ES"], u) for t, u, lead in memberships if t.name == "Payments" and not lead][:2]
    TeamMembership.objects.bulk_create(
        [TeamMembership(team=t, user=u, is_lead=lead) for t, u, lead in memberships]
        + [TeamMembership(team=t, user=u) for t, u in extra]
    )
    langs = [lg for lg, w in LANGUAGE_WEIGHTS.items() for _ in range(w)]
    statuses = ["active"] * 92 + ["under_review"] * 4 + ["restricted"] * 3 + ["suspended"] * 1
    segments = ["standard"] * 85 + ["high_volume"] * 12 + ["strategic"] * 3
    accounts = []
    for i in range(1, N_ACCOUNTS + 1):
        lang = rnd.choice(langs)
        accounts.append(
            SellerAccount(
                name=f"Bench Store {i:05d}",
                marketplace_seller_id=f"A{i:07d}SLA",
                country={"en": "US", "es": "ES", "de": "DE", "zh": "CN"}[lang],
                languages=[lang] if lang == "en" else [lang, "en"],
                status=rnd.choice(statuses),
                segment=rnd.choice(segments),
            )
        )
    SellerAccount.objects.bulk_create(accounts)
    User.objects.bulk_create(
        [
            User(
                username=f"seller{a.pk:05d}",
                email=f"seller{a.pk}@bench.invalid",
                first_name=rnd.choice(NAMES),
                password=pw,
                role=Role.SELLER,
                seller_account=a,
            )
            for a in accounts
        ]
    )
    return {
        "calendar_id": madrid.pk,
        "teams": len(teams),
        "agents": len(agents),
        "memberships": len(memberships) + len(extra),
        "accounts": len(accounts),
    }


CASE_COLUMNS = {
    "id", "seller_account_id", "opened_by_id", "subject", "category", "language", "channel", "status",
    "priority", "urgent", "business_deadline", "order_id", "listing_id", "team_id", "assignee_id",
    "idempotency_key", "created_at", "updated_at", "first_response_at", "resolved_at", "closed_at",
    "revenue_at_stake", "revenue_currency", "orders_affected", "sla_state", "first_response_due",
    "response_due", "resolution_due", "priority_at",
}  # fmt: skip
TARGET_COLUMNS = {
    "id", "case_id", "kind", "policy_id", "phase", "target_seconds", "used_seconds", "started_at",
    "running_since", "due_at", "next_step_at", "fired_percent", "warned_at", "breached_at", "met_at",
    "ceiling_at", "ceiling_reached_at",
}  # fmt: skip


def check_columns(cur) -> None:
    """Every NOT NULL column without a default must be filled by the INSERTs below."""
    cur.execute(
        """SELECT table_name, column_name FROM information_schema.columns
           WHERE table_schema = 'public' AND table_name = ANY(%s) AND is_nullable = 'NO'
             AND column_default IS NULL AND is_identity = 'NO'""",
        [["cases_case", "sla_casetarget"]],
    )
    known = {"cases_case": CASE_COLUMNS, "sla_casetarget": TARGET_COLUMNS}
    missing = [f"{t}.{c}" for t, c in cur.fetchall() if c not in known[t]]
    if missing:
        raise RuntimeError(f"the SLA bench load does not fill these NOT NULL columns: {', '.join(missing)}")


def policy_tables() -> tuple[list, list]:
    """The policy each combination of case facts matches (the engine's own `matches`), and per
    policy and target kind: the duration, the marks the sweep acts on, the warning and the ceiling."""
    from sellerdesk.accounts.models import Segment, Tier
    from sellerdesk.cases.categories import Category
    from sellerdesk.cases.models import Channel, Priority
    from sellerdesk.sla import services
    from sellerdesk.sla.models import CaseTarget, SlaPolicy, TargetKind

    policies = list(SlaPolicy.objects.filter(active=True).prefetch_related("steps"))
    matches = []
    for cat in Category.values:
        for prio in Priority.values:
            for urgent in (False, True):
                for seg in Segment.values:
                    for ch in Channel.values:
                        for tier in Tier.values:
                            policy = next(
                                (
                                    p
                                    for p in policies
                                    if p.matches(
                                        category=cat, priority=prio, urgent=urgent, segment=seg, channel=ch, tier=tier
                                    )
                                ),
                                None,
                            )
                            if policy is None:
                                raise RuntimeError("no catch-all SLA policy: the bench needs the seeded policies")
                            matches.append((cat, prio, urgent, seg, ch, tier, policy.pk))
    rows = []
    for p in policies:
        for kind in TargetKind.values:
            minutes = p.minutes_for(kind)
            # The marks the engine acts on for this kind of target (warning, breach, ladder steps).
            marks = services._percents(CaseTarget(kind=kind, fired_percent=0), p)  # noqa: SLF001
            if minutes:
                rows.append((p.pk, kind, minutes * 60, marks, p.warning_percent, p.ceiling_hours))
    return matches, rows


def load_cases(n_cases: int, now: dt.datetime, people: dict) -> dict:
    """Set-based load of N open cases and their targets, consistent with the engine at NOW."""
    from django.db import connection

    from sellerdesk.routing.selectors import team_for_new_case
    from sellerdesk.sla.models import BusinessCalendar

    stats: dict = {}
    t0 = time.perf_counter()
    cal_id = people["calendar_id"]
    schedules = {0: None, cal_id: BusinessCalendar.objects.get(pk=cal_id).schedule()}
    open_rows, clock_rows = minute_tables(schedules, now)
    matches, pol_rows = policy_tables()
    routes = []
    for cat in CATEGORY_WEIGHTS:
        for lang in LANGUAGE_WEIGHTS:
            team = team_for_new_case(category=cat, language=lang)
            routes.append((cat, lang, team.pk, team.calendar_id or 0, team.tier))
    cats = [c for c, w in CATEGORY_WEIGHTS.items() for _ in range(w)]
    with connection.cursor() as cur:
        check_columns(cur)
        cur.execute("SET synchronous_commit = off")  # this load session only
        cur.execute("SET work_mem = '256MB'")
        cur.execute("SET maintenance_work_mem = '512MB'")
        cur.execute("SET temp_buffers = '256MB'")
        cur.execute("SELECT setseed(0.4242)")
        cur.execute("CREATE TEMP TABLE b_bm (sched int, k int, at timestamptz, PRIMARY KEY (sched, k))")
        with cur.copy("COPY b_bm FROM STDIN") as copy:
            for row in open_rows:
                copy.write_row(row)
        cur.execute("CREATE TEMP TABLE b_clock (sched int, at timestamptz, k_before int, is_open bool)")
        with cur.copy("COPY b_clock FROM STDIN") as copy:
            for row in clock_rows:
                copy.write_row(row)
        cur.execute("CREATE UNIQUE INDEX ON b_clock (sched, at)")
        cur.execute("ANALYZE b_bm")
        cur.execute("ANALYZE b_clock")
        cur.execute("CREATE TEMP TABLE b_now AS SELECT sched, k_before * 60 AS s_now FROM b_clock WHERE at = %s", [now])
        cur.execute("CREATE TEMP TABLE b_routes (category text, lang text, team_id bigint, sched int, tier text)")
        cur.executemany("INSERT INTO b_routes VALUES (%s, %s, %s, %s, %s)", routes)
        cur.execute("CREATE TEMP TABLE b_cats (rn int, category text)")
        cur.executemany("INSERT INTO b_cats VALUES (%s, %s)", list(enumerate(cats)))
        cur.execute("CREATE TEMP TABLE b_subjects (rn int, subject text)")
        cur.executemany("INSERT INTO b_subjects VALUES (%s, %s)", list(enumerate(SUBJECTS)))
        cur.execute(
            """CREATE TEMP TABLE b_match (category text, priority text, urgent bool, segment text, channel text,
                                          tier text, policy_id bigint)"""
        )
        cur.executemany("INSERT INTO b_match VALUES (%s, %s, %s, %s, %s, %s, %s)", matches)
        cur.execute(
            """CREATE TEMP TABLE b_pol (policy_id bigint, kind text, t_s int, marks int[], warn int,
                                        ceiling_h int)"""
        )
        cur.executemany("INSERT INTO b_pol VALUES (%s, %s, %s, %s, %s, %s)", pol_rows)
        cur.execute(
            """CREATE TEMP TABLE b_sellers AS
               SELECT (row_number() OVER (ORDER BY u.id) - 1)::int AS rn, u.id AS user_id, a.id AS account_id,
                      a.languages->>0 AS lang, a.status AS account_status, a.segment
               FROM accounts_user u JOIN accounts_selleraccount a ON a.id = u.seller_account_id
               WHERE u.role = 'seller'"""
        )
        cur.execute(
            """CREATE TEMP TABLE b_agents AS
               SELECT m.team_id, (row_number() OVER (PARTITION BY m.team_id ORDER BY m.user_id) - 1)::int AS rn,
                      m.user_id, count(*) OVER (PARTITION BY m.team_id) AS n
               FROM accounts_teammembership m"""
        )
        cur.execute("SELECT COALESCE(max(id), 0) FROM cases_case")
        base_id = cur.fetchone()[0]
        # One row per case: random draws (fixed seed), ordered by creation so ids follow time.
        cur.execute(
            """CREATE TEMP TABLE b_case0 AS
               SELECT floor(random() * (SELECT count(*) FROM b_sellers))::int AS srn,
                      floor(random() * (SELECT count(*) FROM b_cats))::int AS crn,
                      random() AS rs, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                      random() AS r5,
                      date_trunc('second', %(now)s::timestamptz - interval '1 minute'
                                 - random() * interval '30 days') AS created
               FROM generate_series(1, %(n)s)""",
            {"now": now, "n": n_cases},
        )
        cur.execute(
            """CREATE TEMP TABLE b_case AS
               SELECT %(base)s + row_number() OVER (ORDER BY c.created, c.srn, c.rs) AS id, c.*,
                      s.user_id, s.account_id, s.lang, s.account_status, s.segment, cat.category,
                      r.team_id, r.sched, r.tier,
                      CASE WHEN c.rs < 0.25 THEN 'new' WHEN c.rs < 0.65 THEN 'open'
                           WHEN c.rs < 0.75 THEN 'waiting_on_marketplace' ELSE 'waiting_on_seller' END AS status,
                      c.r3 < 0.05 AS urgent,
                      CASE WHEN s.account_status = 'suspended' THEN 'critical'
                           WHEN c.r3 < 0.08 OR s.account_status IN ('restricted', 'under_review') THEN 'high'
                           WHEN c.r3 > 0.93 THEN 'low' ELSE 'normal' END AS priority,
                      (ARRAY['portal','portal','portal','email','api','chat'])[1 + floor(c.r5 * 6)::int] AS channel
               FROM b_case0 c
               JOIN b_sellers s ON s.rn = c.srn
               JOIN b_cats cat ON cat.rn = c.crn
               JOIN b_routes r ON r.category = cat.category AND r.lang = s.lang""",
            {"base": base_id},
        )
        cur.execute(
            """CREATE TEMP TABLE b_case2 AS
               SELECT c.*, m.policy_id,
                      c.status <> 'new' AND c.r4 < 0.3 AS fr_met,
                      CASE WHEN c.status <> 'new' AND c.r1 < 0.4 THEN a.user_id END AS assignee_id,
                      CASE WHEN c.category = 'order_fulfillment' AND c.r2 < 0.05
                           THEN %(now)s::timestamptz + (c.r2 * 80 - 1) * interval '1 day' END AS deadline,
                      CASE WHEN c.category IN ('order_fulfillment', 'returns_refunds') AND c.r5 < 0.1
                           THEN 1 + floor(c.r2 * 20)::int END AS orders_affected
               FROM b_case c
               JOIN b_match m ON m.category = c.category AND m.priority = c.priority AND m.urgent = c.urgent
                             AND m.segment = c.segment AND m.channel = c.channel AND m.tier = c.tier
               LEFT JOIN b_agents a ON a.team_id = c.team_id AND a.rn = floor(c.r2 * a.n)::int""",
            {"now": now},
        )
        cur.execute("DROP TABLE b_case0, b_case")
        stats["draws_s"] = round(time.perf_counter() - t0, 1)
        # One row per target with its business-time state: E = open seconds used at NOW.
        cur.execute(
            """CREATE TEMP TABLE b_t0 AS
               SELECT c.id AS case_id, c.sched, c.created, c.status, k.kind, p.policy_id, p.t_s, p.marks, p.warn,
                      p.ceiling_h,
                      CASE WHEN k.kind = 'first_response' AND c.fr_met THEN 'met'
                           WHEN c.status = 'waiting_on_seller' THEN 'paused' ELSE 'running' END AS phase,
                      k.started, random() AS rc, random() AS rd, random() AS ru, random() AS rv
               FROM b_case2 c
               CROSS JOIN LATERAL (VALUES
                   ('first_response', c.created),
                   (CASE WHEN c.category = 'appeals' THEN 'appeal_decision' ELSE 'resolution' END, c.created),
                   ('next_response', date_trunc('second', c.created + c.r3 * (%(now)s::timestamptz - c.created)))
               ) AS k(kind, started)
               JOIN b_pol p ON p.policy_id = c.policy_id AND p.kind = k.kind
               WHERE k.kind <> 'next_response' OR (c.fr_met AND c.status <> 'waiting_on_seller')""",
            {"now": now},
        )
        # Open seconds between the start and NOW (the clock table, to the second).
        cur.execute(
            """CREATE TEMP TABLE b_t1 AS
               SELECT t.*, n.s_now, n.s_now - s.s_started AS b_t,
                      CASE WHEN t.phase = 'running' AND t.rc < %(cross)s
                           THEN t.marks[LEAST(CASE WHEN t.rd < 0.6 THEN 1 WHEN t.rd < 0.9 THEN 2 ELSE 3 END,
                                              array_length(t.marks, 1))]::bigint * t.t_s / 100.0
                                + floor(t.ru * 60)
                           ELSE floor(t.ru * 2.3 * t.t_s) END AS e_des,
                      t.phase = 'running' AND t.rc < %(cross)s AS crossing
               FROM b_t0 t
               JOIN b_now n ON n.sched = t.sched
               CROSS JOIN LATERAL (
                   SELECT ck.k_before * 60 + CASE WHEN ck.is_open THEN extract(second FROM t.started)::int ELSE 0 END
                   FROM b_clock ck WHERE ck.sched = t.sched AND ck.at = date_trunc('minute', t.started)
               ) AS s(s_started)""",
            {"cross": CROSSING_SHARE},
        )
        cur.execute("DROP TABLE b_t0")
        cur.execute(
            """CREATE TEMP TABLE b_t2 AS
               SELECT t.*,
                      CASE WHEN t.phase = 'running' AND NOT t.crossing AND t.rv < 0.2 AND t.e < t.b_t
                           THEN floor(t.rv * 5 * LEAST(t.e, t.t_s / 2)) ELSE 0 END AS u,
                      COALESCE((SELECT max(m) FROM unnest(t.marks) m
                                WHERE m::bigint * t.t_s
                                      <= 100 * (t.e - CASE WHEN t.phase = 'running' THEN 60 ELSE 0 END)),
                               0) AS fired
               FROM (SELECT b.*, LEAST(b.e_des, b.b_t) AS e FROM b_t1 b) t"""
        )
        cur.execute("DROP TABLE b_t1")
        cur.execute(
            """CREATE TEMP TABLE b_t3 AS
               SELECT t.*,
                      CASE WHEN t.phase = 'running'
                           THEN (SELECT min(m) FROM unnest(t.marks) m WHERE m > t.fired) END AS next_mark,
                      CASE WHEN t.ceiling_h IS NOT NULL AND t.kind IN ('resolution', 'appeal_decision')
                           THEN t.created + t.ceiling_h * interval '1 hour' END AS ceiling_at
               FROM b_t2 t WHERE t.phase <> 'met'"""
        )
        # Business second s -> instant: a start uses the open minute s div 60; an end (what
        # add_business_time returns) the minute holding second s, i.e. (s - 1) div 60 when s is whole.
        cur.execute(
            """CREATE TEMP TABLE b_tf AS
               SELECT t.case_id, t.kind, t.policy_id, t.phase, t.t_s, t.started, t.fired, t.marks, t.warn,
                      t.ceiling_at, t.crossing, t.next_mark,
                      CASE WHEN t.phase = 'running' THEN t.u ELSE t.e END AS used_seconds,
                      rs.at AS running_since, due.at AS due_at, nx.at AS mark_at, wr.at AS warned_calc
               FROM (SELECT t.*, t.s_now - (t.e - t.u) AS s_rs, t.s_now - t.e + t.t_s AS s_due,
                            t.s_now - t.e + t.next_mark::bigint * t.t_s / 100.0 AS s_next,
                            t.s_now - t.e + t.warn::bigint * t.t_s / 100.0 AS s_warn
                     FROM b_t3 t) t
               LEFT JOIN LATERAL (SELECT b.at + (t.s_rs - 60 * b.k)::float8 * interval '1 second' AS at FROM b_bm b
                                  WHERE t.phase = 'running' AND b.sched = t.sched
                                    AND b.k = floor(t.s_rs / 60.0)::int) rs ON true
               LEFT JOIN LATERAL (SELECT b.at + (t.s_due - 60 * b.k)::float8 * interval '1 second' AS at FROM b_bm b
                                  WHERE t.phase = 'running' AND b.sched = t.sched
                                    AND b.k = ceil(t.s_due / 60.0)::int - 1) due ON true
               LEFT JOIN LATERAL (SELECT b.at + (t.s_next - 60 * b.k)::float8 * interval '1 second' AS at FROM b_bm b
                                  WHERE t.next_mark IS NOT NULL AND b.sched = t.sched
                                    AND b.k = ceil(t.s_next / 60.0)::int - 1) nx ON true
               LEFT JOIN LATERAL (SELECT b.at + (t.s_warn - 60 * b.k)::float8 * interval '1 second' AS at FROM b_bm b
                                  WHERE t.phase = 'running' AND t.fired >= t.warn AND b.sched = t.sched
                                    AND b.k = ceil(t.s_warn / 60.0)::int - 1) wr ON true"""
        )
        cur.execute("SELECT count(*) FROM b_tf WHERE phase = 'running' AND (running_since IS NULL OR due_at IS NULL)")
        if cur.fetchone()[0]:
            raise RuntimeError("business-minute tables too short for some targets")
        cur.execute(
            """CREATE TEMP TABLE b_tg AS
               SELECT t.*,
                      CASE WHEN t.fired >= t.warn THEN
                           COALESCE(t.warned_calc, t.started + 0.5 * (%(now)s::timestamptz - t.started))
                      END AS warned_at,
                      CASE WHEN t.fired >= 100 THEN
                           COALESCE(t.due_at, t.started + 0.7 * (%(now)s::timestamptz - t.started)) END AS breached_at,
                      CASE WHEN t.ceiling_at <= %(last)s THEN t.ceiling_at END AS ceiling_reached_at
               FROM b_tf t""",
            {"now": now, "last": now - dt.timedelta(minutes=1)},
        )
        cur.execute(
            """CREATE TEMP TABLE b_tt AS
               SELECT t.*, LEAST(t.mark_at, CASE WHEN t.ceiling_reached_at IS NULL THEN t.ceiling_at END)
                           AS next_step_at
               FROM b_tg t"""
        )
        cur.execute("DROP TABLE b_tf, b_tg")
        cur.execute("CREATE INDEX ON b_tt (case_id)")
        cur.execute("ANALYZE b_tt")
        stats["targets_prepared_s"] = round(time.perf_counter() - t0, 1)
        # The cases' SLA fields as `_apply` and `priority.priority_at` compute them.
        cur.execute(
            """CREATE TEMP TABLE b_cf AS
               SELECT case_id,
                      min(due_at) FILTER (WHERE phase = 'running' AND kind IN ('first_response', 'next_response',
                                                                                'call_back')) AS response_due,
                      min(due_at) FILTER (WHERE phase = 'running' AND kind IN ('resolution', 'appeal_decision'))
                          AS resolution_due,
                      min(due_at) FILTER (WHERE kind = 'first_response') AS fr_due,
                      CASE WHEN bool_or(breached_at IS NOT NULL OR ceiling_reached_at IS NOT NULL) THEN 'breached'
                           WHEN bool_or(warned_at IS NOT NULL) THEN 'warning'
                           WHEN bool_and(phase = 'paused') THEN 'paused' ELSE 'ok' END AS sla_state
               FROM b_tt GROUP BY case_id"""
        )
        t = time.perf_counter()
        cur.execute(
            """INSERT INTO cases_case (id, seller_account_id, opened_by_id, subject, category, language, channel,
                   status, priority, urgent, business_deadline, order_id, listing_id, team_id, assignee_id,
                   idempotency_key, created_at, updated_at, first_response_at, resolved_at, closed_at,
                   revenue_at_stake, revenue_currency, orders_affected, sla_state, first_response_due,
                   response_due, resolution_due, priority_at)
               SELECT c.id, c.account_id, c.user_id, s.subject, c.category, c.lang, c.channel, c.status, c.priority,
                      c.urgent, c.deadline,
                      CASE WHEN c.category IN ('order_fulfillment', 'returns_refunds')
                           THEN '111-' || lpad((c.id * 7919 %% 10000000)::text, 7, '0') || '-'
                                || lpad((c.id %% 10000000)::text, 7, '0') ELSE '' END,
                      CASE WHEN c.category IN ('listing', 'policy_compliance')
                           THEN 'B0' || lpad((c.id * 104729 %% 100000000)::text, 8, '0') ELSE '' END,
                      c.team_id, c.assignee_id, NULL, c.created,
                      CASE WHEN c.status = 'new' THEN c.created
                           ELSE c.created + c.r4 * (%(now)s::timestamptz - c.created) END,
                      fr.met_at, NULL, NULL, NULL, '', c.orders_affected, f.sla_state,
                      COALESCE(f.fr_due, c.created + fr.t_s * interval '1 second'),
                      f.response_due, f.resolution_due,
                      LEAST(c.deadline, f.response_due, f.resolution_due)  -- NULL when nothing is owed
                      - (CASE c.account_status WHEN 'suspended' THEN 48 WHEN 'deactivated' THEN 48
                              WHEN 'restricted' THEN 12 WHEN 'under_review' THEN 6 ELSE 0 END
                         + CASE WHEN c.urgent THEN 8 ELSE 0 END
                         + CASE c.segment WHEN 'strategic' THEN 6 WHEN 'high_volume' THEN 3 ELSE 0 END)
                        * interval '1 hour'
                      - CASE WHEN c.orders_affected > 0
                             THEN LEAST(12.0, 3 * log(2.0, 1 + c.orders_affected)) ELSE 0 END::float8
                        * interval '1 hour'
               FROM b_case2 c
               JOIN b_cf f ON f.case_id = c.id
               JOIN b_subjects s ON s.rn = c.crn %% 13
               CROSS JOIN LATERAL (
                   SELECT p.t_s, CASE WHEN c.fr_met
                                      THEN c.created
                                           + c.r5 * LEAST(interval '20 hours', %(now)s::timestamptz - c.created)
                                 END AS met_at
                   FROM b_pol p WHERE p.policy_id = c.policy_id AND p.kind = 'first_response'
               ) fr
               ORDER BY c.id""",
            {"now": now},
        )
        stats["cases"] = cur.rowcount
        stats["cases_insert_s"] = round(time.perf_counter() - t, 1)
        cur.execute("SELECT setval(pg_get_serial_sequence('cases_case', 'id'), (SELECT max(id) FROM cases_case))")
        t = time.perf_counter()
        cur.execute(
            """INSERT INTO sla_casetarget (case_id, kind, policy_id, phase, target_seconds, used_seconds, started_at,
                   running_since, due_at, next_step_at, fired_percent, warned_at, breached_at, met_at, ceiling_at,
                   ceiling_reached_at)
               SELECT t.case_id, t.kind, t.policy_id, t.phase, t.t_s, t.used_seconds, t.started, t.running_since,
                      t.due_at, t.next_step_at, t.fired, t.warned_at, t.breached_at, NULL, t.ceiling_at,
                      t.ceiling_reached_at
               FROM b_tt t
               UNION ALL
               SELECT c.id, 'first_response', c.policy_id, 'met', p.t_s,
                      extract(epoch FROM cc.first_response_at - cc.created_at) * 0.4, cc.created_at, NULL, NULL, NULL,
                      0, NULL, NULL, cc.first_response_at,
                      NULL, NULL
               FROM b_case2 c JOIN cases_case cc ON cc.id = c.id
               JOIN b_pol p ON p.policy_id = c.policy_id AND p.kind = 'first_response'
               WHERE c.fr_met
               ORDER BY 1, 7"""
        )
        stats["targets"] = cur.rowcount
        stats["targets_insert_s"] = round(time.perf_counter() - t, 1)
        cur.execute(
            """SELECT count(*) FILTER (WHERE phase IN ('running', 'paused')),
                      count(*) FILTER (WHERE phase = 'running'),
                      count(*) FILTER (WHERE next_step_at IS NOT NULL),
                      count(*) FILTER (WHERE next_step_at > %(now)s),
                      count(*) FILTER (WHERE next_step_at <= %(now)s),
                      count(*) FILTER (WHERE crossing)
               FROM b_tt""",
            {"now": now},
        )
        live, running, pending, future, due, crossing = cur.fetchone()
        stats.update(
            live_targets=live, running_targets=running, pending_targets=pending, future_targets=future,
            due_at_now=due, crossing_drawn=crossing,
        )  # fmt: skip
        for tmp in ("b_tt", "b_cf", "b_case2", "b_pol", "b_match", "b_subjects", "b_cats", "b_routes", "b_sellers",
                    "b_agents", "b_now", "b_clock", "b_bm"):  # fmt: skip
            cur.execute(f"DROP TABLE {tmp}")
    t = time.perf_counter()
    with connection.cursor() as cur:
        cur.execute("VACUUM ANALYZE cases_case")
        cur.execute("VACUUM ANALYZE sla_casetarget")
        cur.execute("ANALYZE")
        cur.execute("CHECKPOINT")
    stats["analyze_s"] = round(time.perf_counter() - t, 1)
    stats["load_s"] = round(time.perf_counter() - t0, 1)
    return stats


def consistency_check(now: dt.datetime, sample: int) -> dict:
    """Re-plans a sample of loaded targets with the engine's own `_plan`, `_apply` and
    `priority_at` and compares with what the load wrote (1 s tolerance)."""
    import copy

    from sellerdesk.cases.models import Case
    from sellerdesk.sla import priority, services
    from sellerdesk.sla.models import CaseTarget

    ids = list(Case.objects.order_by("?").values_list("pk", flat=True)[:sample])
    cases = {c.pk: c for c in Case.objects.filter(pk__in=ids).select_related("seller_account")}
    targets = defaultdict(list)
    for t in CaseTarget.objects.filter(case_id__in=ids):
        targets[t.case_id].append(t)
    tol = dt.timedelta(seconds=1)
    problems: Counter = Counter()
    examples: list[str] = []

    def differ(a, b) -> bool:
        return (a is None) != (b is None) or (a is not None and abs(a - b) > tol)

    for case_id, case in cases.items():
        live = [t for t in targets[case_id] if t.live]
        for t in live:
            policy = services._policy_of(t)  # noqa: SLF001
            schedule = services.schedule_for_team(case.team_id)
            planned = copy.copy(t)
            services._plan(planned, schedule, policy)  # noqa: SLF001
            for field in ("due_at", "next_step_at"):
                if differ(getattr(planned, field), getattr(t, field)):
                    problems[f"target.{field}"] += 1
                    if len(examples) < 5:
                        stored, engine = getattr(t, field), getattr(planned, field)
                        examples.append(f"case {case_id} {t.kind} {field}: stored {stored} vs engine {engine}")
            if t.phase == CaseTarget.Phase.RUNNING:
                elapsed = services._elapsed(t, schedule, now - dt.timedelta(minutes=1))  # noqa: SLF001
                should = max(
                    [
                        m
                        for m in services._percents(  # noqa: SLF001
                            CaseTarget(kind=t.kind, fired_percent=0), policy
                        )
                        if elapsed + 1 >= t.target_seconds * m / 100
                    ]
                    or [0]
                )
                if should != t.fired_percent:
                    problems["target.fired_percent"] += 1
        mirror = copy.copy(case)
        first = next((t for t in targets[case_id] if t.kind == "first_response"), None)
        services._apply(mirror, live, first_response=first if first and first.live else None)  # noqa: SLF001
        mirror.priority_at = priority.priority_at(services.facts(mirror))
        for field in ("sla_state", "response_due", "resolution_due", "first_response_due", "priority_at"):
            a, b = getattr(mirror, field), getattr(case, field)
            bad = a != b if field == "sla_state" else differ(a, b)
            if bad:
                problems[f"case.{field}"] += 1
                if len(examples) < 10:
                    examples.append(f"case {case_id} {field}: stored {b} vs engine {a}")
    return {"sampled_cases": len(cases), "mismatches": dict(problems), "examples": examples}


# --------------------------------------------------------------------------------------------
# SQL capture and plans
# --------------------------------------------------------------------------------------------


def _kind_of(sql: str) -> str:
    s = sql.lstrip()
    if "SKIP LOCKED" in s and '"sla_casetarget"' in s:
        return "claim (cases FOR UPDATE SKIP LOCKED)"
    if "SKIP LOCKED" in s:
        return "next-case candidates (FOR UPDATE SKIP LOCKED)"
    verb = s.split(None, 1)[0].upper()
    m = re.search(r'(?:FROM|INTO|UPDATE)\s+"?(\w+)"?', s, re.I)
    table = m.group(1) if m else "?"
    if verb == "SELECT" and table in ("accounts_user", "cases_case") and "COUNT(" in s.upper():
        return f"SELECT {table} COUNT(...) GROUP BY assignee (reassign loads)"
    if verb == "UPDATE" and "CASE WHEN" in s.upper():
        return f"UPDATE {table} (bulk_update)"
    return f"{verb} {table}"


class SqlRecorder:
    """`execute_wrapper` that adds up time and count per statement kind and keeps the first SQL
    (with params) of each kind."""

    def __init__(self):
        self.time: Counter = Counter()
        self.count: Counter = Counter()
        self.first: dict[str, tuple[str, tuple]] = {}
        self.lock = threading.Lock()

    def __call__(self, execute, sql, params, many, context):
        t = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            elapsed = time.perf_counter() - t
            kind = _kind_of(sql)
            with self.lock:
                self.time[kind] += elapsed
                self.count[kind] += 1
                self.first.setdefault(kind, (sql, params))

    def total(self) -> float:
        return sum(self.time.values())

    def breakdown(self) -> list[dict]:
        return [
            {"statement": k, "count": self.count[k], "seconds": round(v, 3)}
            for k, v in sorted(self.time.items(), key=lambda kv: -kv[1])
        ]


def explain(sql: str, params) -> str:
    """EXPLAIN (ANALYZE, BUFFERS) in a transaction that is rolled back (the query locks rows)."""
    from django.db import connection, transaction

    with transaction.atomic(), connection.cursor() as cur:
        cur.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql, params)
        text = "\n".join(r[0] for r in cur.fetchall())
        transaction.set_rollback(True)
    return text


def claim_sql(at: dt.datetime, batch_size: int) -> tuple[str, list]:
    """The sweep's claim query as the engine issues it: captured from a sweep at a moment where
    nothing is due (it stops after the claim and writes nothing), with its time parameter moved."""
    from django.db import connection

    from sellerdesk.sla import services

    probe = at - dt.timedelta(days=400)
    rec = SqlRecorder()
    with connection.execute_wrapper(rec):
        assert services.sweep(now=probe, batch_size=batch_size, workers=1) == 0
    sql, params = rec.first["claim (cases FOR UPDATE SKIP LOCKED)"]
    return sql, [at if p == probe else p for p in params]


# --------------------------------------------------------------------------------------------
# Sweeps
# --------------------------------------------------------------------------------------------


def due_counts(at: dt.datetime) -> tuple[int, int]:
    from sellerdesk.sla.models import CaseTarget

    qs = CaseTarget.objects.filter(next_step_at__lte=at)
    return qs.count(), qs.values("case_id").distinct().count()


def step_stats(at: dt.datetime) -> dict:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            """SELECT COALESCE(data->>'percent', 'ceiling'), count(*) FROM cases_caseevent
               WHERE kind = 'sla_step' AND created_at = %s GROUP BY 1 ORDER BY 1""",
            [at],
        )
        by_mark = dict(cur.fetchall())
        cur.execute(
            """SELECT kind, count(*) FROM cases_caseevent WHERE created_at = %s AND kind <> 'sla_step'
               GROUP BY 1 ORDER BY 1""",
            [at],
        )
        side = dict(cur.fetchall())
    return {"steps_by_percent": by_mark, "other_events": side}


def duplicate_steps() -> int:
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute(
            """SELECT count(*) FROM (
                   SELECT case_id, data->>'target', data->>'percent', data->>'ceiling'
                   FROM cases_caseevent WHERE kind = 'sla_step'
                   GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d"""
        )
        return cur.fetchone()[0]


def timed_sweep(at: dt.datetime, batch_size: int, *, until_done: bool = True, max_calls: int = 2000) -> dict:
    """Calls `sweep(now=at)` (again while due targets remain, as the scheduler would on its next
    runs, if `until_done`) and reports the first call and the total."""
    from django.db import connection

    from sellerdesk.sla import services

    due_targets, due_cases = due_counts(at)
    rec = SqlRecorder()
    calls = []
    wall = 0.0
    while True:
        with connection.execute_wrapper(rec):
            t = time.perf_counter()
            fired = services.sweep(now=at, batch_size=batch_size, workers=SWEEP_WORKERS)
            elapsed = time.perf_counter() - t
        wall += elapsed
        calls.append({"fired": fired, "seconds": round(elapsed, 3)})
        if not until_done or fired == 0 or len(calls) >= max_calls or due_counts(at)[0] == 0:
            break
    remaining = due_counts(at)[0]
    return {
        "at": at.isoformat(),
        "due_targets_before": due_targets,
        "due_cases_before": due_cases,
        "first_call": calls[0],
        "calls": len(calls),
        "fired_total": sum(c["fired"] for c in calls),
        "seconds_total": round(wall, 3),
        "due_targets_after": remaining,
        # With several sweeper threads the statements run on their own connections: not recorded.
        "workers": SWEEP_WORKERS,
        "sql_seconds": round(rec.total(), 3) if SWEEP_WORKERS == 1 else None,
        "python_seconds": round(wall - rec.total(), 3) if SWEEP_WORKERS == 1 else None,
        "sql_breakdown": rec.breakdown()[:14] if SWEEP_WORKERS == 1 else [],
        **step_stats(at),
    }


def worker_sweep(at_iso: str, start_at: float, batch_size: int) -> None:
    """One sweeper process (for the concurrency run): a single scheduled call of the sweep."""
    import django

    django.setup()
    from sellerdesk.sla import services

    at = dt.datetime.fromisoformat(at_iso)
    from django.db import connection

    connection.ensure_connection()
    time.sleep(max(0.0, start_at - time.time()))
    t = time.perf_counter()
    fired = services.sweep(now=at, batch_size=batch_size, workers=1)  # one sweeper per process
    print(json.dumps({"pid": os.getpid(), "fired": fired, "seconds": round(time.perf_counter() - t, 3)}), flush=True)


def concurrent_sweeps(at: dt.datetime, batch_size: int) -> dict:
    from django.db import connections

    due_targets, due_cases = due_counts(at)
    connections.close_all()
    start_at = time.time() + 4.0
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                __file__,
                "--sweep-worker",
                at.isoformat(),
                "--start-at",
                str(start_at),
                "--batch-size",
                str(batch_size),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env={**os.environ, **ENV},
        )  # fmt: skip
        for _ in range(2)
    ]
    results = []
    for p in procs:
        out, err = p.communicate(timeout=900)
        if p.returncode != 0:
            raise RuntimeError(f"sweep worker failed: {err[-2000:]}")
        results.append(json.loads(out.strip().splitlines()[-1]))
    after_first = due_counts(at)[0]
    follow_up = timed_sweep(at, batch_size) if after_first else None
    return {
        "at": at.isoformat(),
        "due_targets_before": due_targets,
        "due_cases_before": due_cases,
        "workers": results,
        "wall_seconds": round(max(r["seconds"] for r in results), 3),
        "fired_total": sum(r["fired"] for r in results),
        "due_targets_after_workers": after_first,
        "follow_up": follow_up,
        "duplicate_steps": duplicate_steps(),
        **step_stats(at),
    }


def moment_with_due(share: float, now: dt.datetime) -> dt.datetime:
    """The moment at which `share` of the live targets have their next step due (every target
    due earlier has been swept, so they are all due from that moment on, not before)."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("SELECT count(*) FROM sla_casetarget WHERE phase IN ('running', 'paused')")
        live = cur.fetchone()[0]
        cur.execute(
            """SELECT next_step_at FROM sla_casetarget WHERE next_step_at IS NOT NULL
               ORDER BY next_step_at OFFSET %s LIMIT 1""",
            [max(int(live * share) - 1, 0)],
        )
        row = cur.fetchone()
    return max(row[0], now) if row else now


def profile_batch(at: dt.datetime, batch_size: int) -> str:
    from sellerdesk.sla import services

    prof = cProfile.Profile()
    prof.enable()
    fired = services.sweep(now=at, batch_size=batch_size, workers=1)  # cProfile sees one thread
    prof.disable()
    out = io.StringIO()
    out.write(f"cProfile of sweep(now={at.isoformat()}, batch_size={batch_size}): {fired} steps fired\n\n")
    stats = pstats.Stats(prof, stream=out).strip_dirs().sort_stats("cumulative")
    stats.print_stats(45)
    stats.sort_stats("tottime").print_stats(25)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# "Next case"
# --------------------------------------------------------------------------------------------


def agents_list() -> list:
    from sellerdesk.accounts.models import Role, User

    return list(User.objects.filter(role__in=[Role.AGENT, Role.LEAD]).order_by("pk"))


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * len(s) + 0.5) - 1))]


def next_case_sequential(agents: list, calls: int) -> dict:
    from django.db import connection

    from sellerdesk.sla import services

    rec = SqlRecorder()
    times, got, per_agent = [], [], defaultdict(list)
    with connection.execute_wrapper(rec):
        for i in range(calls):
            agent = agents[i % len(agents)]
            t = time.perf_counter()
            case = services.take_next_case(actor=agent)
            ms = (time.perf_counter() - t) * 1000
            times.append(ms)
            per_agent[agent.username].append(ms)
            got.append(case.pk if case else None)
    slowest = sorted(((max(v), k) for k, v in per_agent.items()), reverse=True)[:5]
    return {
        "calls": calls,
        "agents": len(agents),
        "returned_case": sum(1 for g in got if g),
        "returned_none": sum(1 for g in got if g is None),
        "duplicates": len([g for g in got if g]) - len({g for g in got if g}),
        "p50_ms": round(pct(times, 50), 2),
        "p95_ms": round(pct(times, 95), 2),
        "p99_ms": round(pct(times, 99), 2),
        "max_ms": round(max(times), 2),
        "mean_ms": round(statistics.fmean(times), 2),
        "statements_per_call": round(sum(rec.count.values()) / calls, 1),
        "sql_ms_per_call": round(rec.total() * 1000 / calls, 2),
        "sql_breakdown": rec.breakdown()[:8],
        "slowest_agents_max_ms": [{"agent": k, "max_ms": round(v, 1)} for v, k in slowest],
        "_first_candidate_sql": rec.first.get("next-case candidates (FOR UPDATE SKIP LOCKED)"),
    }


def next_case_concurrent(agents: list, threads: int, per_thread: int) -> dict:
    from django.db import connections

    from sellerdesk.sla import services

    times: list[float] = []
    got: list[tuple[int, int | None]] = []
    lock = threading.Lock()
    barrier = threading.Barrier(threads)
    errors: list[str] = []

    def work(n: int) -> None:
        try:
            mine = [a for i, a in enumerate(agents) if i % threads == n]
            connections["default"].ensure_connection()
            barrier.wait(timeout=60)
            for i in range(per_thread):
                agent = mine[i % len(mine)]
                t = time.perf_counter()
                case = services.take_next_case(actor=agent)
                ms = (time.perf_counter() - t) * 1000
                with lock:
                    times.append(ms)
                    got.append((agent.pk, case.pk if case else None))
        except Exception as exc:  # reported, not swallowed
            errors.append(repr(exc))
        finally:
            connections.close_all()

    t0 = time.perf_counter()
    pool = [threading.Thread(target=work, args=(n,)) for n in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join(timeout=600)
    wall = time.perf_counter() - t0
    ids = [c for _, c in got if c]
    from sellerdesk.cases.models import Case

    owners = dict(Case.objects.filter(pk__in=ids).values_list("pk", "assignee_id"))
    wrong_owner = sum(1 for a, c in got if c and owners.get(c) != a)
    return {
        "threads": threads,
        "calls": len(got),
        "errors": errors,
        "returned_case": len(ids),
        "duplicates": len(ids) - len(set(ids)),
        "assigned_to_someone_else": wrong_owner,
        "wall_seconds": round(wall, 3),
        "calls_per_second": round(len(got) / wall, 1) if wall else None,
        "p50_ms": round(pct(times, 50), 2),
        "p95_ms": round(pct(times, 95), 2),
        "p99_ms": round(pct(times, 99), 2),
        "max_ms": round(max(times), 2) if times else None,
    }


def next_case_plans(agents: list) -> list[dict]:
    """EXPLAIN of the candidate query for three kinds of agents: one team, two teams, and the one
    whose query the sequential run found slowest is added by the caller."""
    from django.db import connection

    from sellerdesk.accounts.models import TeamMembership
    from sellerdesk.sla import services

    teams_of = defaultdict(list)
    for m in TeamMembership.objects.all():
        teams_of[m.user_id].append(m.team_id)
    picks = []
    single = next((a for a in agents if len(teams_of[a.pk]) == 1 and a.languages == ["en"]), None)
    multi = next((a for a in agents if len(teams_of[a.pk]) > 1), None)
    special = next((a for a in agents if len(teams_of[a.pk]) == 1 and "zh" in (a.languages or [])), None)
    for label, agent in (("one team, English", single), ("two teams", multi), ("speaks Chinese", special)):
        if agent is None:
            continue
        rec = SqlRecorder()
        # The call assigns one case; the plan is taken of the same SQL afterwards.
        with connection.execute_wrapper(rec):
            services.take_next_case(actor=agent)
        first = rec.first.get("next-case candidates (FOR UPDATE SKIP LOCKED)")
        if first:
            picks.append(
                {
                    "agent": agent.username,
                    "what": label,
                    "teams": teams_of[agent.pk],
                    "languages": agent.languages,
                    "sql": first[0] % tuple(_lit(p) for p in first[1]),
                    "plan": explain(*first),
                }
            )
    return picks


def _lit(p) -> str:
    if isinstance(p, str | dt.datetime):
        return "'" + str(p).replace("'", "''") + "'"
    return str(p)


# --------------------------------------------------------------------------------------------
# Machine, report
# --------------------------------------------------------------------------------------------


def machine() -> dict:
    from machine import describe

    return describe(
        settings=("shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "synchronous_commit"),
        tables=("cases_case", "sla_casetarget", "cases_caseevent"),
    )


def data_shape() -> dict:
    from django.db import connection

    out = {}
    with connection.cursor() as cur:
        for key, sql in (
            ("cases_by_status", "SELECT status, count(*) FROM cases_case GROUP BY 1 ORDER BY 1"),
            ("cases_by_language", "SELECT language, count(*) FROM cases_case GROUP BY 1 ORDER BY 1"),
            (
                "cases_by_team",
                "SELECT t.name || CASE WHEN t.calendar_id IS NULL THEN ' (24/7)' ELSE ' (Madrid hours)' END, "
                "count(*) FROM cases_case c JOIN accounts_team t ON t.id = c.team_id GROUP BY 1 ORDER BY 2 DESC",
            ),
            ("cases_by_sla_state", "SELECT sla_state, count(*) FROM cases_case GROUP BY 1 ORDER BY 1"),
            (
                "assignment",
                "SELECT CASE WHEN assignee_id IS NULL THEN 'unassigned' ELSE 'assigned' END, count(*) "
                "FROM cases_case GROUP BY 1",
            ),
            (
                "targets_by_kind_phase",
                "SELECT kind || ' / ' || phase, count(*) FROM sla_casetarget GROUP BY 1 ORDER BY 1",
            ),
            (
                "targets_by_fired_percent",
                "SELECT fired_percent::text, count(*) FROM sla_casetarget "
                "WHERE phase IN ('running', 'paused') GROUP BY 1 ORDER BY 1",
            ),
        ):
            cur.execute(sql)
            out[key] = dict(cur.fetchall())
        cur.execute(
            """SELECT count(*) FROM cases_case WHERE assignee_id IS NULL
               AND status IN ('new', 'open', 'waiting_on_marketplace')"""
        )
        out["next_case_pool"] = cur.fetchone()[0]
    return out


def write_results(res: dict, name: str) -> tuple[Path, Path]:
    RESULTS_DIR.mkdir(parents=True, exist_ok=True)
    jpath, mpath = RESULTS_DIR / f"{name}.json", RESULTS_DIR / f"{name}.md"
    jpath.write_text(json.dumps(res, indent=2, default=str) + "\n")
    mpath.write_text(markdown(res))
    return jpath, mpath


def _table(rows: list[list], head: list[str]) -> str:
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def _sweep_rows(res: dict) -> list[list]:
    rows = []
    for label, key in (
        ("1. at NOW (crossed a mark in the last minute)", "sweep_now"),
        ("2. again at NOW (idempotency)", "sweep_now_again"),
        (f"3. backlog ({res.get('backlog_share', BACKLOG_SHARE):.0%} of the live targets due)", "sweep_backlog"),
        ("4. backlog again", "sweep_backlog_again"),
    ):
        s = res.get(key)
        if not s:
            continue
        rows.append(
            [
                label,
                f"{s['due_targets_before']:,} / {s['due_cases_before']:,}",
                f"{s['fired_total']:,}",
                s["calls"],
                f"{s['first_call']['fired']:,} in {s['first_call']['seconds']:.2f} s",
                f"**{s['seconds_total']:.2f}**",
                f"{s['sql_seconds']:.2f} / {s['python_seconds']:.2f}"
                if s["sql_seconds"] is not None
                else f"not split ({s['workers']} threads)",
                f"{s['due_targets_after']:,}",
            ]  # fmt: skip
        )
    return rows


def markdown(res: dict) -> str:
    m, shape, load = res["machine"], res["data_shape"], res["load"]
    out = [
        "# SLA engine benchmark",
        "",
        f"Run {res['started']} (UTC), `bench/sla/sla_bench.py --cases {res['cases']}`; "
        f"database {res['database']} ({res['database_action']}). NOW = {res['now']} "
        "(the moment the data is consistent with; the Madrid calendar is open then).",
        "",
        "## Targets",
        "",
    ]
    out += [_table(res["verdict_rows"], ["target", "measured", "result"]), ""]
    out += [
        "## Machine",
        "",
        f"- {m.get('cpu', '?')}, {m['cpus']} CPUs, {m.get('memory_gb', '?')} GB RAM; {m['platform']}; "
        f"Python {m['python']}",
        f"- {m['postgres']}: shared_buffers {m['shared_buffers']}, work_mem {m['work_mem']}, "
        f"effective_cache_size {m['effective_cache_size']}, random_page_cost {m['random_page_cost']}, "
        f"synchronous_commit {m['synchronous_commit']} (server defaults, not tuned)",
        f"- database size {m['database_size']}; tables {m['table_sizes']}; "
        f"load average at the end {m.get('load_average')}",
        "- shared machine: other processes may have run during the measurement (load average above).",
        "",
        "## Data shape",
        "",
        f"- {res['cases']:,} open cases created over the last 30 days, {res['people']['accounts']:,} seller "
        f"accounts, {res['people']['agents']} agents in {res['people']['teams']} teams "
        f"({res['people']['memberships']} memberships).",
        f"- by status: {shape['cases_by_status']}",
        f"- by language: {shape['cases_by_language']}",
        f"- by team: {shape['cases_by_team']}",
        f"- assignment: {shape['assignment']}; next-case pool (unassigned, workable): {shape['next_case_pool']:,}",
        f"- SLA state: {shape['cases_by_sla_state']}",
        f"- targets by kind / phase: {shape['targets_by_kind_phase']}",
        f"- live targets by fired mark: {shape['targets_by_fired_percent']}",
        f"- at load: {load.get('live_targets', '?'):,} live targets, {load.get('future_targets', '?'):,} with "
        f"a next step in the future, {load.get('due_at_now', '?'):,} due at NOW (crossed a mark since the "
        "sweep one minute earlier); the rest have no pending step (beyond the last mark, or paused).",
        f"- load: {load.get('load_s', '?')} s (`{json.dumps({k: v for k, v in load.items() if k.endswith('_s')})}`)",
        f"- consistency: {res['consistency']['sampled_cases']} random cases re-planned with the engine's "
        f"`_plan` / `_apply` / `priority_at`: mismatches {res['consistency']['mismatches'] or 'none'}",
        "",
        "## Sweep",
        "",
        "`sweep(now=..., batch_size=" + str(res["batch_size"]) + ")`, called again while due targets remain "
        "(as the scheduler would on its next runs). Times in seconds; SQL time from an `execute_wrapper`.",
        "",
        _table(
            _sweep_rows(res),
            [
                "run",
                "due targets / cases",
                "steps fired",
                "calls",
                "first call",
                "total s",
                "SQL s / Python s",
                "left due",
            ],  # fmt: skip
        ),
        "",
    ]
    for key in ("sweep_now", "sweep_backlog"):
        s = res.get(key)
        if s:
            out += [
                f"**{key}**: steps by percent {s['steps_by_percent']}; other events {s['other_events']}",
                "",
                _table(
                    [[b["statement"], b["count"], b["seconds"]] for b in s["sql_breakdown"]],
                    ["statement", "count", "seconds"],
                ),  # fmt: skip
                "",
            ]
    c = res.get("sweep_concurrent")
    if c:
        out += [
            "### Two sweepers at once",
            "",
            f"Two processes call `sweep(now={c['at']})` at the same instant with "
            f"{c['due_targets_before']:,} due targets ({c['due_cases_before']:,} cases): "
            + "; ".join(f"pid {w['pid']} fired {w['fired']:,} in {w['seconds']:.2f} s" for w in c["workers"])
            + f". Due targets left after both: {c['due_targets_after_workers']:,}"
            + (
                f" (follow-up calls: {c['follow_up']['calls']}, fired {c['follow_up']['fired_total']:,} "
                f"in {c['follow_up']['seconds_total']:.2f} s)"
                if c["follow_up"]
                else ""
            )
            + f". **Steps recorded twice (same case, target, percent), over all runs: {c['duplicate_steps']}**.",
            "",
        ]
    n, nc = res["next_case"], res.get("next_case_concurrent")
    out += [
        "## Next case",
        "",
        f"`take_next_case(actor=agent)`, {n['calls']} calls round-robin over {n['agents']} agents (each call "
        f"assigns a case): p50 {n['p50_ms']} ms, **p95 {n['p95_ms']} ms**, p99 {n['p99_ms']} ms, "
        f"max {n['max_ms']} ms; {n['statements_per_call']} SQL statements and {n['sql_ms_per_call']} ms of SQL "
        f"per call; {n['returned_none']} calls found nothing; duplicates {n['duplicates']}.",
        "",
        _table(
            [[b["statement"], b["count"], b["seconds"]] for b in n["sql_breakdown"]], ["statement", "count", "seconds"]
        ),  # fmt: skip
        "",
        f"Slowest agents (max ms): {n['slowest_agents_max_ms']}",
        "",
    ]
    if nc:
        out += [
            f"Concurrent: {nc['threads']} threads, {nc['calls']} calls in {nc['wall_seconds']} s "
            f"({nc['calls_per_second']} calls/s): p50 {nc['p50_ms']} ms, p95 {nc['p95_ms']} ms, "
            f"p99 {nc['p99_ms']} ms; **same case returned twice: {nc['duplicates']}**, assigned to another agent: "
            f"{nc['assigned_to_someone_else']}, errors: {nc['errors'] or 'none'}.",
            "",
        ]
    out += ["## Query plans", ""]
    for p in res.get("plans", []):
        out += [f"### {p['title']}", "", "```sql", p["sql"].strip(), "```", "", "```", p["plan"], "```", ""]
    if res.get("profile_file"):
        out += [f"cProfile of one sweep batch: `{res['profile_file']}`.", ""]
    if res.get("notes"):
        out += ["## Notes", ""] + [f"- {x}" for x in res["notes"]] + [""]
    return "\n".join(out)


# --------------------------------------------------------------------------------------------
# Main
# --------------------------------------------------------------------------------------------


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cases", type=int, default=1_000_000)
    ap.add_argument("--drop-db", action="store_true", help="drop the bench databases and load again")
    ap.add_argument("--batch-size", type=int, default=1000, help="as sla.services.sweep's default")
    ap.add_argument("--sweep-workers", type=int, default=2, help="threads per sweep, as SLA_SWEEP_WORKERS (default 2)")
    ap.add_argument("--next-calls", type=int, default=200)
    ap.add_argument("--threads", type=int, default=4)
    ap.add_argument("--sample", type=int, default=300, help="cases re-checked with the engine after the load")
    ap.add_argument("--no-concurrent", action="store_true")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--name", default="sla_bench", help="results file name (bench/results/<name>.md/.json)")
    ap.add_argument("--backlog-share", type=float, default=BACKLOG_SHARE, help="live targets due in the backlog run")
    ap.add_argument("--concurrent-share", type=float, default=CONCURRENT_SHARE)
    ap.add_argument("--sweep-worker", help=argparse.SUPPRESS)
    ap.add_argument("--start-at", type=float, default=0.0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    global SWEEP_WORKERS
    SWEEP_WORKERS = args.sweep_workers
    if args.sweep_worker:
        worker_sweep(args.sweep_worker, args.start_at, args.batch_size)
        return 0

    started = dt.datetime.now(dt.UTC).replace(microsecond=0)
    log(f"database {DB_NAME}: preparing ({args.cases:,} cases requested)")
    meta, action = prepare_database(args.cases, args.drop_db)
    log(f"database {action}")
    import django

    django.setup()
    from django.db import connection

    res: dict = {"started": started.isoformat(), "cases": args.cases, "database": DB_NAME,
                 "database_action": action, "batch_size": args.batch_size, "notes": []}  # fmt: skip
    if meta is None:
        from sellerdesk.sla.models import BusinessCalendar

        log("seeding teams, agents and seller accounts")
        people = seed_people()
        now = choose_now(BusinessCalendar.objects.get(pk=people["calendar_id"]).schedule())
        log(f"NOW = {now.isoformat()}; loading {args.cases:,} cases and their targets (set-based)")
        load = load_cases(args.cases, now, people)
        log(f"loaded in {load['load_s']} s: {load}")
        meta = {"cases": args.cases, "now": now.isoformat(), "people": people, "load": load, "dirty": False}
        set_meta(meta)
        log("copying the loaded database to the pristine template")
        meta["load"]["pristine_copy_s"] = round(snapshot_pristine(), 1)
        set_meta(meta)
    now = dt.datetime.fromisoformat(meta["now"])
    res.update(now=now.isoformat(), people=meta["people"], load=meta["load"])
    set_meta({**meta, "dirty": True})  # from here on the run changes the data
    connection.close()

    log(f"consistency check of {args.sample} cases against the engine")
    res["consistency"] = consistency_check(now, args.sample)
    log(f"consistency: {res['consistency']}")
    res["data_shape"] = data_shape()
    plans = []

    sql, params = claim_sql(now, args.batch_size)
    plans.append({"title": f"Sweep claim query at NOW ({due_counts(now)[0]:,} due targets)",
                  "sql": sql % tuple(_lit(p) for p in params), "plan": explain(sql, params)})  # fmt: skip
    log("sweep 1 at NOW")
    res["sweep_now"] = timed_sweep(now, args.batch_size)
    log(f"  {json.dumps({k: v for k, v in res['sweep_now'].items() if k != 'sql_breakdown'})}")
    log("sweep 2 at NOW (must fire nothing)")
    res["sweep_now_again"] = timed_sweep(now, args.batch_size)
    log(f"  fired {res['sweep_now_again']['fired_total']} in {res['sweep_now_again']['seconds_total']} s")

    res["backlog_share"], res["concurrent_share"] = args.backlog_share, args.concurrent_share
    backlog_at = moment_with_due(args.backlog_share, now)
    sql, params = claim_sql(backlog_at, args.batch_size)
    plans.append({"title": f"Sweep claim query, backlog ({due_counts(backlog_at)[0]:,} due targets)",
                  "sql": sql % tuple(_lit(p) for p in params), "plan": explain(sql, params)})  # fmt: skip
    log(f"sweep 3: backlog at {backlog_at.isoformat()}")
    res["sweep_backlog"] = timed_sweep(backlog_at, args.batch_size)
    log(f"  {json.dumps({k: v for k, v in res['sweep_backlog'].items() if k != 'sql_breakdown'})}")
    res["sweep_backlog_again"] = timed_sweep(backlog_at, args.batch_size)

    if not args.no_concurrent:
        conc_at = moment_with_due(args.concurrent_share, now)
        log(f"sweep 5: two processes at once at {conc_at.isoformat()}")
        res["sweep_concurrent"] = concurrent_sweeps(conc_at, args.batch_size)
        log(f"  {json.dumps({k: v for k, v in res['sweep_concurrent'].items() if k != 'follow_up'})}")
    res["duplicate_steps"] = duplicate_steps()

    if not args.no_profile:
        from django.db import connection as conn

        with conn.cursor() as cur:
            cur.execute("SELECT count(*) FROM sla_casetarget WHERE phase IN ('running', 'paused')")
            live = cur.fetchone()[0]
        share = (args.batch_size * 1.2) / max(live, 1)
        prof_at = moment_with_due(share, now)
        log(f"cProfile of one batch at {prof_at.isoformat()}")
        text = profile_batch(prof_at, args.batch_size)
        ppath = RESULTS_DIR / f"{args.name}_profile.txt"
        RESULTS_DIR.mkdir(parents=True, exist_ok=True)
        ppath.write_text(text)
        res["profile_file"] = str(ppath.relative_to(ROOT))

    agents = agents_list()
    log(f"next case: {args.next_calls} calls over {len(agents)} agents")
    seq = next_case_sequential(agents, args.next_calls)
    seq.pop("_first_candidate_sql", None)
    res["next_case"] = seq
    log(f"  p50 {seq['p50_ms']} p95 {seq['p95_ms']} p99 {seq['p99_ms']} ms")
    log(f"next case: {args.threads} threads")
    res["next_case_concurrent"] = next_case_concurrent(agents, args.threads, max(args.next_calls // args.threads, 1))
    log(f"  {res['next_case_concurrent']}")
    for p in next_case_plans(agents):
        plans.append({"title": f"Next-case candidate query: {p['agent']} ({p['what']}; teams {p['teams']}, "
                               f"languages {p['languages']})", "sql": p["sql"], "plan": p["plan"]})  # fmt: skip
    res["plans"] = plans
    res["machine"] = machine()

    sweep_s = res["sweep_now"]["seconds_total"]
    backlog_s = res["sweep_backlog"]["seconds_total"]
    p95 = res["next_case"]["p95_ms"]
    ok = "✅ met" if sweep_s < TARGET_SWEEP_S else "❌ missed"
    res["verdict_rows"] = [
        [f"full sweep < {TARGET_SWEEP_S:.0f} s ({res['sweep_now']['fired_total']:,} steps)", f"{sweep_s:.2f} s", ok],
        [f"backlog sweep < {TARGET_SWEEP_S:.0f} s ({res['sweep_backlog']['fired_total']:,} steps; extra scenario)",
         f"{backlog_s:.2f} s", "✅ met" if backlog_s < TARGET_SWEEP_S else "❌ missed"],
        ["second sweep fires nothing", f"{res['sweep_now_again']['fired_total']} steps in "
         f"{res['sweep_now_again']['seconds_total']:.3f} s", "✅" if res["sweep_now_again"]["fired_total"] == 0
         else "❌"],
        ["no step fired twice (also with two sweepers)", f"{res['duplicate_steps']} duplicates",
         "✅" if res["duplicate_steps"] == 0 else "❌"],
        [f"next case p95 < {TARGET_NEXT_P95_MS:.0f} ms", f"{p95} ms",
         "✅ met" if p95 < TARGET_NEXT_P95_MS else "❌ missed"],
        ["no case given twice (4 threads)", f"{res['next_case_concurrent']['duplicates']} duplicates",
         "✅" if res["next_case_concurrent"]["duplicates"] == 0 else "❌"],
    ]  # fmt: skip
    jpath, mpath = write_results(res, args.name)
    log(f"results: {mpath.relative_to(ROOT)}, {jpath.relative_to(ROOT)}")
    for row in res["verdict_rows"]:
        log("  " + " | ".join(str(c) for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
