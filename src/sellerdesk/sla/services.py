"""The SLA engine: every promise made to a seller is a measured target on the owning team's calendar.

The case services call the `on_*` functions inside their own transaction, while they hold the case's
row lock; that lock also guards the case's targets (nothing changes a target without it), so the
sweep claims work by locking cases, never targets, and two sweepers never take the same case.

A target's clock runs only while the case is in the support team's court: it pauses while the case
waits on the seller and resumes with the time already used. The escalation ladder of the matching
policy fires each step once per target (`fired_percent` only grows), whatever the number of sweeps.
"""

import datetime as dt
import time
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, F
from django.utils.translation import gettext as _

from sellerdesk.accounts import capabilities, permissions
from sellerdesk.accounts.models import Role, Team, TeamMembership, Tier, User
from sellerdesk.cases.audit import record_event
from sellerdesk.cases.categories import Category
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import ACTIVE_STATUSES, DONE_STATUSES, Status
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.core import clock
from sellerdesk.core.bulk import update_rows
from sellerdesk.core.jobs import enqueue_with_transaction

from . import priority
from .business_time import Schedule, add_business_time, business_time_between
from .models import RESPONSE_KINDS, BusinessCalendar, CaseTarget, LadderAction, SlaPolicy, SlaState, TargetKind

Phase = CaseTarget.Phase
LIVE = (Phase.RUNNING, Phase.PAUSED)
ALWAYS_OPEN = Schedule(zone=dt.UTC, hours={}, always_open=True)
# A running clock: the case is in support's court.
CLOCK_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING_ON_MARKETPLACE)

# Used when no configured policy matches (an operator removed the catch-all): the published defaults.
FALLBACK_POLICY = SlaPolicy(
    name="Default",
    first_response_minutes=24 * 60,
    next_response_minutes=24 * 60,
    resolution_minutes=None,
    call_back_minutes=48 * 60,
    appeal_decision_minutes=72 * 60,
    warning_percent=75,
)
URGENT_FALLBACK_MINUTES = 4 * 60


# --- configuration, remembered per process for ROUTING_CACHE_SECONDS --------------------------------

_cache: dict[str, tuple[float, object]] = {}


def _remembered(key: str, load):
    remember_for = settings.SELLERDESK["ROUTING_CACHE_SECONDS"]
    hit = _cache.get(key)
    if remember_for > 0 and hit and hit[0] > time.monotonic():
        return hit[1]
    value = load()
    if remember_for > 0:
        _cache[key] = (time.monotonic() + remember_for, value)
    return value


def _policies() -> list[SlaPolicy]:
    return _remembered("policies", lambda: list(SlaPolicy.objects.filter(active=True).prefetch_related("steps")))


def _team_calendars() -> dict[int, int | None]:
    return _remembered("team_calendars", lambda: dict(Team.objects.values_list("pk", "calendar_id")))


def schedule_for_team(team_id: int | None) -> Schedule:
    """The calendar the team works on; a team without one is open around the clock."""
    calendar_id = _team_calendars().get(team_id) if team_id else None
    if calendar_id is None:
        return ALWAYS_OPEN

    def load():
        calendar = BusinessCalendar.objects.filter(pk=calendar_id).first()
        return calendar.schedule() if calendar else ALWAYS_OPEN

    return _remembered(f"calendar:{calendar_id}", load)


def policy_for(case: Case) -> SlaPolicy:
    """The first active policy, in position order, whose conditions the case meets."""
    tier = _team_tier(case.team_id)
    for policy in _policies():
        if policy.matches(
            category=case.category,
            priority=case.priority,
            urgent=case.urgent,
            segment=case.seller_account.segment,
            channel=case.channel,
            tier=tier,
        ):
            return policy
    return FALLBACK_POLICY


def _team_name(team_id: int | None) -> str | None:
    return _remembered("team_names", lambda: dict(Team.objects.values_list("pk", "name"))).get(team_id)


def _team_tier(team_id: int | None) -> str:
    tiers = _remembered("team_tiers", lambda: dict(Team.objects.values_list("pk", "tier")))
    return tiers.get(team_id, "")


def _minutes(policy: SlaPolicy, kind: str, case: Case) -> int | None:
    if policy is FALLBACK_POLICY and case.urgent and kind in RESPONSE_KINDS:
        return URGENT_FALLBACK_MINUTES
    return policy.minutes_for(kind)


def _ladder(policy: SlaPolicy) -> list:
    """The policy's ladder steps (prefetched with the policies; read once per policy object)."""
    if not policy.pk:
        return []
    steps = getattr(policy, "_ladder_steps", None)
    if steps is None:
        steps = policy._ladder_steps = list(policy.steps.all())
    return steps


# --- the clock of one target ----------------------------------------------------------------------


def _percents(target: CaseTarget, policy: SlaPolicy) -> list[int]:
    """The marks at which the sweep has work: the warning, the breach and every ladder step."""
    marks = {policy.warning_percent, 100} | {s.percent for s in _ladder(policy) if s.applies_to(target.kind)}
    return sorted(p for p in marks if p > target.fired_percent)


def _elapsed(target: CaseTarget, schedule: Schedule, now: dt.datetime) -> float:
    """Open seconds used so far, the current run included."""
    running = business_time_between(schedule, target.running_since, now) if target.running_since else dt.timedelta()
    return target.used_seconds + running.total_seconds()


def _plan(target: CaseTarget, schedule: Schedule, policy: SlaPolicy) -> None:
    """Sets the due time and the next moment the sweep must look at the target."""
    pending = []
    if target.phase == Phase.RUNNING:
        start = target.running_since

        def at(seconds: float) -> dt.datetime:
            left = seconds - target.used_seconds
            return add_business_time(schedule, start, dt.timedelta(seconds=left)) if left > 0 else start

        if target.used_seconds < target.target_seconds:
            target.due_at = at(target.target_seconds)
        else:  # already out of time before this run: keep the moment it ran out if known
            target.due_at = target.breached_at or min(target.due_at or start, start)
        marks = _percents(target, policy)
        if marks:
            pending.append(at(target.target_seconds * marks[0] / 100))
    else:
        target.due_at = None
    if target.live and target.ceiling_at and target.ceiling_reached_at is None:
        pending.append(target.ceiling_at)  # the ceiling is clock time: it runs through pauses too
    target.next_step_at = min(pending) if pending else None


def _mark_at(target: CaseTarget, schedule: Schedule, mark: int) -> dt.datetime:
    """The instant a running target reaches `mark` % of its time (its run's start if already past)."""
    left = target.target_seconds * mark / 100 - target.used_seconds
    start = target.running_since
    return add_business_time(schedule, start, dt.timedelta(seconds=left)) if left > 0 else start


def _new_target(case: Case, kind: str, policy: SlaPolicy, schedule: Schedule, now: dt.datetime) -> CaseTarget | None:
    minutes = _minutes(policy, kind, case)
    if not minutes:
        return None
    # A promised call-back runs whatever the case waits on: the seller asked to be called.
    running = case.status in CLOCK_STATUSES or (kind == TargetKind.CALL_BACK and case.status not in DONE_STATUSES)
    target = CaseTarget(
        case=case,
        kind=kind,
        policy=policy if policy.pk else None,
        phase=Phase.RUNNING if running else Phase.PAUSED,
        target_seconds=minutes * 60,
        started_at=now,
        running_since=now if running else None,
    )
    if kind in (TargetKind.RESOLUTION, TargetKind.APPEAL_DECISION) and policy.ceiling_hours:
        target.ceiling_at = case.created_at + dt.timedelta(hours=policy.ceiling_hours)
    _plan(target, schedule, policy)
    return target


def _pause(target: CaseTarget, schedule: Schedule, policy: SlaPolicy, now: dt.datetime) -> None:
    if target.phase != Phase.RUNNING:
        return
    target.used_seconds = _elapsed(target, schedule, now)
    target.running_since = None
    target.phase = Phase.PAUSED
    _plan(target, schedule, policy)


def _resume(target: CaseTarget, schedule: Schedule, policy: SlaPolicy, now: dt.datetime) -> None:
    if target.phase not in (Phase.PAUSED, Phase.MET):
        return
    target.phase = Phase.RUNNING
    target.running_since = now
    target.met_at = None
    _plan(target, schedule, policy)


def _finish(target: CaseTarget, schedule: Schedule, phase: str, now: dt.datetime) -> None:
    target.used_seconds = _elapsed(target, schedule, now)
    target.running_since = None
    target.phase = phase
    target.met_at = now if phase == Phase.MET else None
    target.due_at = None
    target.next_step_at = None


def _policy_of(target: CaseTarget) -> SlaPolicy:
    if target.policy_id is None:
        return FALLBACK_POLICY
    return next((p for p in _policies() if p.pk == target.policy_id), None) or target.policy


def _targets(case: Case, *, kinds=None, phases=LIVE) -> list[CaseTarget]:
    qs = CaseTarget.objects.filter(case=case, phase__in=phases)
    if kinds:
        qs = qs.filter(kind__in=kinds)
    return list(qs)


_FIELDS = [
    "phase",
    "policy",
    "target_seconds",
    "used_seconds",
    "running_since",
    "due_at",
    "next_step_at",
    "fired_percent",
    "warned_at",
    "breached_at",
    "met_at",
    "ceiling_at",
    "ceiling_reached_at",
]


# The case's fields the SLA engine keeps.
CASE_SLA_FIELDS = ["sla_state", "first_response_due", "response_due", "resolution_due", "priority_at"]
# What a sweep changes on a target.
_SWEPT_FIELDS = ["next_step_at", "fired_percent", "warned_at", "breached_at", "ceiling_reached_at"]


def _save(targets: list[CaseTarget]) -> None:
    update_rows([t for t in targets if t.pk], _FIELDS)
    new = [t for t in targets if not t.pk]
    if new:
        CaseTarget.objects.bulk_create(new)


# --- hooks called by the case, routing and commitment services (inside their transaction) ----------


def plan_new_case(case: Case, now: dt.datetime) -> list[CaseTarget]:
    """The targets of a case being opened: a first response and a resolution (for an appeal, the
    appeal decision). Sets the case's SLA fields; the caller saves the targets with the case."""
    policy = policy_for(case)
    schedule = schedule_for_team(case.team_id)
    closing_kind = TargetKind.APPEAL_DECISION if case.category == Category.APPEALS else TargetKind.RESOLUTION
    targets = [
        t for k in (TargetKind.FIRST_RESPONSE, closing_kind) if (t := _new_target(case, k, policy, schedule, now))
    ]
    _apply(case, targets, first_response=next((t for t in targets if t.kind == TargetKind.FIRST_RESPONSE), None))
    case.priority_at = priority.priority_at(facts(case))
    return targets


def start_missing_targets(*, now: dt.datetime | None = None) -> int:
    """Gives the active cases that have never had a target (cases opened before the SLA engine was
    installed) their first-response and resolution targets, counted from now: a case that waited
    before the upgrade is not breached retroactively. Returns the number of cases started."""
    now = now or clock.now()
    started = 0
    while True:
        with transaction.atomic():
            cases = list(
                Case.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(status__in=ACTIVE_STATUSES, sla_targets__isnull=True)
                .select_related("seller_account")
                .order_by("pk")[:500]
            )
            if not cases:
                return started
            new_targets = []
            for case in cases:
                targets = plan_new_case(case, now)
                if case.first_response_at:  # already answered: only the resolution is owed
                    targets = [t for t in targets if t.kind != TargetKind.FIRST_RESPONSE]
                    case.first_response_due = None
                    _apply(case, targets, first_response=None)
                    case.priority_at = priority.priority_at(facts(case))
                new_targets += targets
            CaseTarget.objects.bulk_create(new_targets)  # one INSERT for the batch
            update_rows(cases, CASE_SLA_FIELDS)
            started += len(cases)


def on_public_message(case: Case, *, by_agent: bool, now: dt.datetime) -> None:
    """An agent's public reply meets the response owed; a seller's message (when no reply is owed
    yet) starts a next-response target."""
    if by_agent:
        owed = _targets(case, kinds=RESPONSE_KINDS)
        schedule = schedule_for_team(case.team_id)
        for target in owed:
            _finish(target, schedule, Phase.MET, now)
        _save(owed)
    elif case.status not in DONE_STATUSES and not _targets(case, kinds=RESPONSE_KINDS):
        _start(case, TargetKind.NEXT_RESPONSE, now)
    refresh_case(case)


def _start(case: Case, kind: str, now: dt.datetime) -> CaseTarget | None:
    target = _new_target(case, kind, policy_for(case), schedule_for_team(case.team_id), now)
    if target is not None:
        _save([target])
    return target


def on_status_change(case: Case, *, previous: str, now: dt.datetime) -> None:
    """Waiting on the seller pauses every clock; back in support's court they resume with the time
    used; resolved meets the resolution and ends what is still owed; closed ends everything."""
    schedule = schedule_for_team(case.team_id)
    targets = _targets(case)
    for target in targets:
        policy = _policy_of(target)
        if case.status == Status.WAITING_ON_SELLER:
            if target.kind != TargetKind.CALL_BACK:
                _pause(target, schedule, policy, now)
        elif case.status in CLOCK_STATUSES:
            _resume(target, schedule, policy, now)
        elif target.kind in (TargetKind.RESOLUTION, TargetKind.APPEAL_DECISION):
            _finish(target, schedule, Phase.MET, now)
        else:
            _finish(target, schedule, Phase.STOPPED, now)
    _save(targets)
    refresh_case(case)


def on_reopen(case: Case, *, by_seller: bool, now: dt.datetime) -> None:
    """A reopened case resumes its resolution target with the time it had used (no instant breach)
    and, when the seller reopened it, owes them a reply."""
    schedule = schedule_for_team(case.team_id)
    closing = (
        CaseTarget.objects.filter(
            case=case, kind__in=[TargetKind.RESOLUTION, TargetKind.APPEAL_DECISION], phase=Phase.MET
        )
        .order_by("-met_at", "-pk")
        .first()
    )
    if closing is not None:
        _resume(closing, schedule, _policy_of(closing), now)
        _save([closing])
    if by_seller and not _targets(case, kinds=RESPONSE_KINDS):
        _start(case, TargetKind.NEXT_RESPONSE, now)
    refresh_case(case)


def on_team_change(case: Case, *, previous_team_id: int | None, now: dt.datetime) -> None:
    """After a transfer or an escalation the clocks move to the new team's calendar with the time
    already used; the durations become those of the policy that now matches (an executive
    escalation has its own); and the new team owes the seller a reply."""
    targets = _rematch_all(case, used_on=schedule_for_team(previous_team_id), now=now)
    if case.status in ACTIVE_STATUSES and not any(t.kind in RESPONSE_KINDS for t in targets):
        _start(case, TargetKind.NEXT_RESPONSE, now)
    refresh_case(case)


def on_urgency_change(case: Case, *, now: dt.datetime) -> None:
    """Marking a case urgent moves its targets to the matching policy's (shorter) durations; the
    time already used stays used."""
    _rematch_all(case, used_on=schedule_for_team(case.team_id), now=now)
    refresh_case(case)


def _rematch_all(case: Case, *, used_on: Schedule, now: dt.datetime) -> list[CaseTarget]:
    """Closes each running clock's time so far (counted on `used_on`), then re-plans every live
    target with the policy that matches now, on the case's team calendar."""
    schedule = schedule_for_team(case.team_id)
    policy = policy_for(case)
    targets = _targets(case)
    for target in targets:
        if target.phase == Phase.RUNNING:
            target.used_seconds = _elapsed(target, used_on, now)
            target.running_since = now
        _rematch(target, policy, case)
        _plan(target, schedule, policy)
    _save(targets)
    return targets


def _rematch(target: CaseTarget, policy: SlaPolicy, case: Case) -> None:
    minutes = _minutes(policy, target.kind, case)
    if minutes:
        target.policy = policy if policy.pk else None
        target.target_seconds = minutes * 60
    if target.kind in (TargetKind.RESOLUTION, TargetKind.APPEAL_DECISION) and target.ceiling_reached_at is None:
        target.ceiling_at = case.created_at + dt.timedelta(hours=policy.ceiling_hours) if policy.ceiling_hours else None


def start_call_back(case: Case, now: dt.datetime) -> CaseTarget | None:
    """A seller's call-back request: measured against the policy's call-back target."""
    existing = _targets(case, kinds=[TargetKind.CALL_BACK])
    target = existing[0] if existing else _start(case, TargetKind.CALL_BACK, now)
    refresh_case(case)
    return target


def meet_call_back(case: Case, now: dt.datetime) -> None:
    targets = _targets(case, kinds=[TargetKind.CALL_BACK])
    schedule = schedule_for_team(case.team_id)
    for target in targets:
        _finish(target, schedule, Phase.MET, now)
    _save(targets)
    refresh_case(case)


def due_in_business_time(case: Case, start: dt.datetime, hours: float) -> dt.datetime:
    """`hours` of the owning team's open time after `start`."""
    return add_business_time(schedule_for_team(case.team_id), start, dt.timedelta(hours=hours))


# --- the case's SLA fields and priority --------------------------------------------------------------


def facts(case: Case) -> priority.Facts:
    revenue = None
    if case.revenue_at_stake is not None and case.revenue_currency:
        revenue = capabilities.to_usd(case.revenue_at_stake, case.revenue_currency)
    return priority.Facts(
        business_deadline=case.business_deadline,
        response_due=case.response_due,
        resolution_due=case.resolution_due,
        has_order=bool(case.order_id),
        waiting_on_seller=case.status == Status.WAITING_ON_SELLER,
        account_status=case.seller_account.status,
        segment=case.seller_account.segment,
        urgent=case.urgent,
        assessed_urgency=case.assessed_urgency,
        revenue_usd=revenue,
        orders_affected=case.orders_affected,
    )


def _apply(case: Case, live: list[CaseTarget], *, first_response: CaseTarget | None) -> None:
    """Sets the case's denormalised SLA fields from its live targets."""
    if first_response is not None:
        case.first_response_due = first_response.due_at or case.first_response_due
    running = [t for t in live if t.phase == Phase.RUNNING]
    response = [t.due_at for t in running if t.kind in RESPONSE_KINDS + (TargetKind.CALL_BACK,) and t.due_at]
    closing = [t.due_at for t in running if t.kind in (TargetKind.RESOLUTION, TargetKind.APPEAL_DECISION) and t.due_at]
    case.response_due = min(response) if response else None
    case.resolution_due = min(closing) if closing else None
    case.sla_state = state_of(live)


def state_of(live: list[CaseTarget]) -> str:
    if any(t.breached_at or t.ceiling_reached_at for t in live):
        return SlaState.BREACHED
    if any(t.warned_at for t in live):
        return SlaState.WARNING
    if live and all(t.phase == Phase.PAUSED for t in live):
        return SlaState.PAUSED
    return SlaState.OK


def refresh_case(case: Case) -> None:
    """Recomputes the case's SLA fields and priority from its targets (the caller saves the case)."""
    _refresh_many([case])


def _refresh_many(cases: list[Case]) -> None:
    by_case: dict[int, list[CaseTarget]] = defaultdict(list)
    firsts: dict[int, CaseTarget] = {}
    for target in CaseTarget.objects.filter(case__in=[c.pk for c in cases]).order_by("started_at", "pk"):
        if target.live:
            by_case[target.case_id].append(target)
        if target.kind == TargetKind.FIRST_RESPONSE:
            firsts[target.case_id] = target
    for case in cases:
        first = firsts.get(case.pk)
        _apply(case, by_case[case.pk], first_response=first if first and first.live else None)
        case.priority_at = priority.priority_at(facts(case))


def refresh_account_cases(account_id: int) -> int:
    """After a seller account's status or segment changes: the priority of its active cases."""
    with transaction.atomic():
        cases = list(
            Case.objects.select_for_update(of=("self",))
            .filter(seller_account_id=account_id, status__in=ACTIVE_STATUSES)
            .select_related("seller_account")
        )
        _refresh_many(cases)
        update_rows(cases, CASE_SLA_FIELDS)
    return len(cases)


# --- the sweep ---------------------------------------------------------------------------------------

STATE_RANK = {SlaState.OK: 0, SlaState.PAUSED: 0, SlaState.WARNING: 1, SlaState.BREACHED: 2}


def sweep(*, now: dt.datetime | None = None, batch_size: int = 1000, workers: int | None = None) -> int:
    """Fires what is due: the at-risk mark, the breach, the ladder steps and the hard ceiling, for
    every target whose `next_step_at` has come. Batches of cases are claimed by locking their rows
    and skipping rows another sweeper (or a service) holds, so sweepers share the work; each batch is
    one transaction. On PostgreSQL, outside a transaction, `workers` (default SLA_SWEEP_WORKERS)
    threads sweep side by side, each with its own connection: one works while another waits on the
    database. Returns the number of steps fired; running it again fires nothing."""
    now = now or clock.now()
    workers = workers or settings.SELLERDESK["SLA_SWEEP_WORKERS"]
    if workers < 2 or connection.vendor != "postgresql" or connection.in_atomic_block:
        return _sweep_batches(now, batch_size)

    def worker() -> int:
        try:
            return _sweep_batches(now, batch_size)
        finally:
            connection.close()  # this thread's own connection

    with ThreadPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(lambda _: worker(), range(workers)))


def _sweep_batches(now: dt.datetime, batch_size: int) -> int:
    fired = 0
    loads: dict = {}  # agents' active-case counts, read once per sweeper if a reassignment needs them
    while True:
        with transaction.atomic():
            due = CaseTarget.objects.filter(next_step_at__lte=now).order_by("next_step_at").values("case_id")
            cases = {
                c.pk: c
                for c in Case.objects.select_for_update(skip_locked=True, of=("self",))
                .filter(pk__in=due[: batch_size * 4])
                .only("id", "team_id", "assignee_id", "status", "sla_state", "language")
                .order_by("pk")[:batch_size]
            }
            if not cases:  # nothing due, or all of it held by other sweepers
                return fired
            # Every target handled here moves past `now`, so the next claim takes other cases.
            fired += _fire(cases, now, loads)


def _fire(cases: dict[int, Case], now: dt.datetime, loads: dict) -> int:
    """One claimed batch: the steps of each due target, then every write as a set (targets, events,
    the cases' SLA state), reassignments for the batch, escalations handed to the worker."""
    targets = list(
        CaseTarget.objects.filter(case_id__in=list(cases), next_step_at__lte=now)
        .defer("started_at", "met_at")
        .order_by("pk")
    )
    events: list[CaseEvent] = []
    reassign: dict[int, Case] = {}
    escalate: dict[int, tuple[str, int]] = {}
    states: dict[int, str] = {}
    fired = 0
    for target in targets:
        case = cases[target.case_id]
        policy = _policy_of(target)
        schedule = schedule_for_team(case.team_id)
        if target.ceiling_at and target.ceiling_reached_at is None and target.ceiling_at <= now:
            target.ceiling_reached_at = now
            events.append(_step_event(case, target, percent=None, actions=["ceiling"], now=now))
            fired += 1
        target.next_step_at = target.ceiling_at if target.ceiling_reached_at is None else None
        if target.phase == Phase.RUNNING:
            steps = _ladder(policy)
            for mark in _percents(target, policy):
                at = _mark_at(target, schedule, mark)
                if at > now:  # the first mark still ahead: when to look again
                    target.next_step_at = min(filter(None, (at, target.next_step_at)))
                    break
                target.fired_percent = mark
                if mark >= policy.warning_percent and target.warned_at is None:
                    target.warned_at = now
                if mark >= 100 and target.breached_at is None:
                    target.breached_at = target.due_at or now
                done = [s.action for s in steps if s.percent == mark and s.applies_to(target.kind)]
                events.append(_step_event(case, target, percent=mark, actions=done, now=now))
                fired += 1
                if LadderAction.REASSIGN in done:
                    reassign[case.pk] = case
                if LadderAction.ESCALATE_SENIOR in done and case.status not in DONE_STATUSES:
                    escalate.setdefault(case.pk, (target.kind, mark))
        if target.next_step_at is not None and target.next_step_at <= now:
            # Never leave a target due in the past: the loop would claim it again and again.
            target.next_step_at = now + dt.timedelta(seconds=1)
        # The sweep only ever raises a case's state: a warning, a breach.
        reached = state_of([target])
        if STATE_RANK[reached] > STATE_RANK[states.get(case.pk, case.sla_state)]:
            states[case.pk] = reached
    update_rows(targets, _SWEPT_FIELDS)
    CaseEvent.objects.bulk_create(events)
    for state in (SlaState.WARNING, SlaState.BREACHED):
        raised = [pk for pk, reached in states.items() if reached == state]
        if raised:
            Case.objects.filter(pk__in=raised).update(sla_state=state)
    if reassign:
        _reassign(list(reassign.values()), now, loads)
    from . import tasks

    if escalate:
        # The escalation is a transfer with its own events and e-mails: the worker does it right after
        # the commit, case by case, so the sweep's transaction stays short.
        items = [[pk, kind, percent] for pk, (kind, percent) in escalate.items()]
        enqueue_with_transaction(tasks.escalate_to_senior, items)
    if events and not clock.is_importing_history():
        event_ids = [e.pk for e in events]
        enqueue_with_transaction(tasks.notify_sla_steps, event_ids)
    return fired


def _step_event(case: Case, target: CaseTarget, *, percent: int | None, actions: list[str], now) -> CaseEvent:
    return CaseEvent(
        case=case,
        actor=None,
        kind=EventType.SLA_STEP,
        public=False,
        data={
            "target": target.kind,
            "percent": percent,
            "actions": actions,
            "due_at": target.due_at.isoformat() if target.due_at else None,
            "breached": bool(target.breached_at),
            "ceiling": percent is None,
            # Who had the case when the step fired: they are the ones to warn, even if the same
            # sweep then hands the case to someone else.
            "team_id": case.team_id,
            "assignee_id": case.assignee_id,
        },
        created_at=now,
    )


def escalate_case_to_senior(case_id: int, *, target_kind: str, percent: int) -> bool:
    """The ladder's escalation, run by the worker after the sweep: the case goes to the senior tier
    unless it is done or already there (so a retried task changes nothing). Returns whether it moved."""
    from sellerdesk.routing.services import escalate_case

    with transaction.atomic():
        case = Case.objects.select_for_update(of=("self",)).select_related("team").filter(pk=case_id).first()
        if case is None or case.status in DONE_STATUSES or _team_tier(case.team_id) == Tier.SENIOR:
            return False
        return (
            escalate_case(
                case=case,
                reason=_("%(target)s target at %(percent)d%%: escalated by the SLA ladder.")
                % {"target": TargetKind(target_kind).label, "percent": percent},
                to_tier=Tier.SENIOR,
            )
            is not None
        )


def _reassign(cases: list[Case], now: dt.datetime, loads: dict) -> None:
    """Gives each case to the least-loaded other agent of its team who speaks the case's language
    (if any does). Loads are counted once per sweep and kept up to date as cases are given out."""
    members = list(
        TeamMembership.objects.filter(
            team_id__in={c.team_id for c in cases if c.team_id},
            user__is_active=True,
            user__role__in=[Role.AGENT, Role.LEAD, Role.ADMIN],
        ).select_related("user")
    )
    if not loads:
        loads.update(
            Case.objects.filter(assignee__isnull=False, status__in=ACTIVE_STATUSES)
            .values_list("assignee_id")
            .annotate(n=Count("pk"))
            .order_by()
        )
        loads.setdefault(None, 0)  # counted, even if nobody has a case
    by_team: dict[int, list[User]] = defaultdict(list)
    for membership in members:
        by_team[membership.team_id].append(membership.user)
    moved, events = [], []
    for case in cases:
        pool = [u for u in by_team.get(case.team_id, []) if u.pk != case.assignee_id]
        if not pool:
            continue
        speakers = [u for u in pool if case.language in (u.languages or [])] or pool
        chosen = min(speakers, key=lambda u: (loads.get(u.pk, 0), u.pk))
        loads[chosen.pk] = loads.get(chosen.pk, 0) + 1
        case.assignee_id = chosen.pk
        case.updated_at = now
        moved.append(case)
        events.append(
            CaseEvent(
                case=case,
                actor=None,
                kind=EventType.ASSIGNED,
                public=True,
                data={
                    "assignee_id": chosen.pk,
                    "assignee": chosen.first_name or chosen.username,
                    "team": _team_name(case.team_id),
                    "reason": "sla_reassigned",
                },
                created_at=now,
            )
        )
    update_rows(moved, ["assignee", "updated_at"])
    CaseEvent.objects.bulk_create(events)


# --- "next case" -------------------------------------------------------------------------------------

NEXT_STATUSES = (Status.NEW, Status.OPEN, Status.WAITING_ON_MARKETPLACE)


def take_next_case(*, actor: User) -> Case | None:
    """Gives the agent the most pressing unassigned case they may and can work: in one of their
    teams, a category that team serves, a language they speak. The claim is a conditional UPDATE
    (only while still unassigned), so two agents asking at once never get the same case; on
    PostgreSQL the candidates are read with SKIP LOCKED, so agents do not queue behind each other."""
    permissions.require_agent(actor, "work cases")
    memberships = [
        m
        for m in TeamMembership.objects.filter(user=actor).select_related("team")
        # Taking a case is assigning it: only in teams whose tier may (the matrix is editable).
        if actor.role == Role.ADMIN or capabilities.tier_allows(m.team.tier, capabilities.Capability.ASSIGN)
    ]
    pools = []
    for membership in memberships:
        # One query per team, each served by the team's `case_next_pool` index in priority order
        # (an OR across teams would make the database sort every workable case of all of them).
        pool = Case.objects.filter(team_id=membership.team_id, assignee__isnull=True, status__in=NEXT_STATUSES)
        if membership.team.categories:
            pool = pool.filter(category__in=membership.team.categories)
        if actor.languages:
            pool = pool.filter(language__in=actor.languages)
        pools.append(pool)
    far = dt.datetime.max.replace(tzinfo=dt.UTC)  # no priority instant: after every case that has one
    while True:
        with transaction.atomic():
            found = [
                row
                for pool in pools
                for row in pool.select_for_update(skip_locked=True, of=("self",))
                .order_by(F("priority_at").asc(nulls_last=True), "pk")
                .values_list("priority_at", "pk")[:5]
            ]
            candidates = [pk for _at, pk in sorted(found, key=lambda row: (row[0] or far, row[1]))[:5]]
            if not candidates:
                return None
            now = clock.now()
            for pk in candidates:
                if Case.objects.filter(pk=pk, assignee__isnull=True).update(assignee=actor, updated_at=now):
                    case = Case.objects.select_related("team", "seller_account").get(pk=pk)
                    record_event(
                        case,
                        actor=actor,
                        kind=EventType.ASSIGNED,
                        public=True,
                        data={
                            "assignee_id": actor.pk,
                            "assignee": actor.first_name or actor.username,
                            "team": case.team.name if case.team else None,
                            "reason": "next_case",
                        },
                    )
                    return case
