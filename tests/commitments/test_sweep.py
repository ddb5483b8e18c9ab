"""The overdue-commitments sweep: a promise past its due time is broken, the case goes one level
up, the owner and their leads are told once — and a second run, or a second sweeper, adds nothing."""

import datetime as dt
import io
import signal
from types import SimpleNamespace

import pytest
from django.core import mail
from django.core.management import call_command

from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.commitments import services, tasks
from sellerdesk.commitments.models import Commitment
from sellerdesk.core import clock, sweeps
from sellerdesk.routing.models import Transfer
from tests.concurrency import at_once, needs_postgresql
from tests.factories import AgentFactory, CaseFactory, CommitmentFactory, LeadFactory

NOW = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)
SWEEP_LINE = "commitments: mark overdue promises broken and escalate"


def state_of_the_world():
    """Everything a sweep may change, counted."""
    return {
        "events": dict(
            (kind, CaseEvent.objects.filter(kind=kind).count())
            for kind in (EventType.COMMITMENT_BROKEN, EventType.ESCALATED, EventType.TRANSFERRED)
        ),
        "transfers": Transfer.objects.count(),
        "states": sorted(Commitment.objects.values_list("pk", "state", "broken_at")),
        "teams": sorted(Case.objects.values_list("pk", "team_id", "priority")),
    }


def broken_mails():
    return [m for m in mail.outbox if "Broken promise" in m.subject]


def run_sweeps(at):
    out = io.StringIO()
    with clock.frozen_at(at):
        call_command("run-sweeps", stdout=out)
    return out.getvalue()


@pytest.fixture
def promise_due_in_seconds(agent, lead, pickup_case):
    """A follow-up promised at NOW, due five seconds later, by the tier-1 agent (whose team has a lead)."""
    with clock.frozen_at(NOW):
        return services.make_commitment(
            actor=agent,
            case_id=pickup_case.pk,
            kind="follow_up",
            description="Confirm the re-pickup slot with the seller.",
            due_at=NOW + dt.timedelta(seconds=5),
        )


# --- what it must show ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_overdue_promise_is_broken_and_its_case_escalated_and_a_second_run_changes_nothing(
    promise_due_in_seconds, pickup_case, api_as, ana, tier1, tier2_team, django_capture_on_commit_callbacks
):
    # Before its due time nothing happens.
    assert SWEEP_LINE + ": 0" in run_sweeps(NOW + dt.timedelta(seconds=4))
    promise_due_in_seconds.refresh_from_db()
    assert promise_due_in_seconds.state == "open"

    later = NOW + dt.timedelta(seconds=10)
    output = run_sweeps(later)
    assert f"{SWEEP_LINE}: 1" in output

    promise_due_in_seconds.refresh_from_db()
    assert (promise_due_in_seconds.state, promise_due_in_seconds.broken_at) == ("broken", later)
    pickup_case.refresh_from_db()
    assert (pickup_case.team, pickup_case.assignee, pickup_case.priority) == (tier2_team, None, "high")
    escalation = Transfer.objects.get(case=pickup_case)
    assert (escalation.kind, escalation.from_team, escalation.to_team, escalation.from_agent) == (
        "escalation",
        tier1,
        tier2_team,
        None,
    )
    assert "Confirm the re-pickup slot" in escalation.note

    seller_view = api_as(ana).get(f"/api/v1/cases/{pickup_case.pk}/events").json()
    kinds = [e["kind"] for e in seller_view]
    assert kinds[-2:] == ["commitment_broken", "escalated"]
    escalated = seller_view[-1]
    assert escalated["data"]["team"] == "Tier 2"
    assert escalated["data"]["expected_reply_by"] is not None
    assert escalated["actor"] is None
    assert seller_view[-2]["data"]["commitment_id"] == promise_due_in_seconds.pk

    before = state_of_the_world()
    assert f"{SWEEP_LINE}: 0" in run_sweeps(later + dt.timedelta(minutes=5))
    assert state_of_the_world() == before


@pytest.mark.django_db
def test_the_owner_and_the_teams_leads_get_one_email_and_a_retry_sends_none(
    promise_due_in_seconds, agent, lead, django_capture_on_commit_callbacks
):
    other_lead = LeadFactory(username="lead-elsewhere")  # a lead of no team of this promise
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_overdue_commitments_broken(now=NOW + dt.timedelta(seconds=10))

    [message] = broken_mails()
    assert sorted(message.to) == sorted([agent.email, lead.email])
    assert other_lead.email not in message.to
    assert "Confirm the re-pickup slot" in message.body
    assert f"/workspace/cases/{promise_due_in_seconds.case_id}/" in message.body
    promise_due_in_seconds.refresh_from_db()
    assert promise_due_in_seconds.broken_notified_at is not None

    assert tasks.notify_broken_commitments.call([promise_due_in_seconds.pk]) == 0
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_overdue_commitments_broken(now=NOW + dt.timedelta(minutes=10))
    assert len(broken_mails()) == 1


@pytest.mark.django_db
def test_the_notification_is_only_for_broken_promises(promise_due_in_seconds):
    assert tasks.notify_broken_commitments.call([promise_due_in_seconds.pk]) == 0
    assert broken_mails() == []


@pytest.mark.django_db
def test_a_promise_due_later_or_already_ended_is_left_alone(agent, pickup_case):
    due = NOW - dt.timedelta(hours=1)
    ended = [
        CommitmentFactory(case=pickup_case, owner=agent, due_at=due, state=state)
        for state in ("fulfilled", "cancelled", "broken")
    ]
    upcoming = CommitmentFactory(case=pickup_case, owner=agent, due_at=NOW + dt.timedelta(hours=1))
    assert services.mark_overdue_commitments_broken(now=NOW) == 0
    assert [c.state for c in Commitment.objects.filter(pk__in=[c.pk for c in [*ended, upcoming]]).order_by("pk")] == [
        "fulfilled",
        "cancelled",
        "broken",
        "open",
    ]
    assert not Transfer.objects.exists()


@pytest.mark.django_db
def test_a_broken_promise_on_a_resolved_case_is_recorded_but_not_escalated(
    promise_due_in_seconds, agent, pickup_case, tier1
):
    from sellerdesk.cases import services as case_services

    case_services.change_status(actor=agent, case_id=pickup_case.pk, status="resolved")
    assert services.mark_overdue_commitments_broken(now=NOW + dt.timedelta(seconds=10)) == 1
    pickup_case.refresh_from_db()
    assert pickup_case.team == tier1
    assert CaseEvent.objects.filter(case=pickup_case, kind=EventType.COMMITMENT_BROKEN).count() == 1
    assert not Transfer.objects.exists()


@pytest.mark.django_db
def test_at_the_top_level_the_case_stays_and_is_flagged(senior_team):
    case = CaseFactory(team=senior_team)
    CommitmentFactory(case=case, due_at=NOW - dt.timedelta(minutes=1))
    assert services.mark_overdue_commitments_broken(now=NOW) == 1
    case.refresh_from_db()
    assert case.team == senior_team
    escalated = CaseEvent.objects.get(case=case, kind=EventType.ESCALATED)
    assert escalated.data["top_level"] is True
    assert not Transfer.objects.exists()


@pytest.mark.django_db
def test_a_tier2_case_escalates_to_senior(tier2_team, senior_team):
    case = CaseFactory(team=tier2_team)
    CommitmentFactory(case=case, due_at=NOW - dt.timedelta(minutes=1))
    services.mark_overdue_commitments_broken(now=NOW)
    case.refresh_from_db()
    assert case.team == senior_team


@pytest.mark.django_db
def test_batches_of_two_break_five_overdue_promises_one_transaction_each(
    tier1, tier2_team, django_capture_on_commit_callbacks, monkeypatch
):
    owner = AgentFactory(teams=[tier1])
    promises = [
        CommitmentFactory(case=CaseFactory(team=tier1), owner=owner, due_at=NOW - dt.timedelta(minutes=n + 1))
        for n in range(5)
    ]
    CommitmentFactory(case=CaseFactory(team=tier1), owner=owner, due_at=NOW + dt.timedelta(minutes=1))
    jobs = []
    monkeypatch.setattr(
        tasks, "notify_broken_commitments", SimpleNamespace(enqueue=jobs.append, get_backend=lambda: None)
    )

    with django_capture_on_commit_callbacks(execute=True):
        assert services.mark_overdue_commitments_broken(now=NOW, batch_size=2) == 5
    # Each batch commits on its own and asks for its own notifications, oldest due first: 2 + 2 + 1.
    oldest_first = [p.pk for p in reversed(promises)]
    assert jobs == [oldest_first[:2], oldest_first[2:4], oldest_first[4:]]

    assert set(Commitment.objects.filter(pk__in=[p.pk for p in promises]).values_list("state", flat=True)) == {"broken"}
    assert CaseEvent.objects.filter(kind=EventType.COMMITMENT_BROKEN).count() == 5
    assert Transfer.objects.filter(kind="escalation", to_team=tier2_team).count() == 5
    assert Commitment.objects.filter(state="open").count() == 1
    assert services.mark_overdue_commitments_broken(now=NOW, batch_size=2) == 0


@pytest.mark.django_db
def test_batches_notify_each_broken_promise_once(tier1, tier2_team, django_capture_on_commit_callbacks):
    owner = AgentFactory(teams=[tier1])
    for n in range(5):
        CommitmentFactory(case=CaseFactory(team=tier1), owner=owner, due_at=NOW - dt.timedelta(minutes=n + 1))
    with django_capture_on_commit_callbacks(execute=True):
        services.mark_overdue_commitments_broken(now=NOW, batch_size=2)
    assert len(broken_mails()) == 5
    assert Commitment.objects.filter(broken_notified_at__isnull=True).count() == 0


# --- the commands --------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_run_sweeps_prints_each_sweeps_count(promise_due_in_seconds):
    output = run_sweeps(NOW + dt.timedelta(minutes=1))
    lines = output.strip().splitlines()
    assert len(lines) == len(sweeps.registered())
    assert lines[0] == f"{SWEEP_LINE}: 1"
    assert lines[1].startswith("sla: ")


@pytest.mark.django_db
def test_run_sweeps_reports_a_failing_sweep_and_exits_non_zero(monkeypatch):
    def broken_sweep():
        raise RuntimeError("database on fire")

    monkeypatch.setattr(sweeps, "registered", lambda: [("broken sweep", broken_sweep), ("fine sweep", lambda: 3)])
    out = io.StringIO()
    with pytest.raises(SystemExit) as exit_info:
        call_command("run-sweeps", stdout=out)
    assert exit_info.value.code == 1
    assert out.getvalue().splitlines() == ["broken sweep: FAILED (see log)", "fine sweep: 3"]


@pytest.mark.django_db
def test_the_scheduler_runs_the_sweeps_and_stops_after_the_runs_asked(monkeypatch):
    runs = []
    monkeypatch.setattr(sweeps, "registered", lambda: [("counting sweep", lambda: runs.append(1) or 0)])
    previous = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    out = io.StringIO()
    try:
        call_command("scheduler", "--interval", "0.01", "--runs", "2", stdout=out)
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
    assert len(runs) == 2
    assert out.getvalue().splitlines() == ["Scheduler started: sweeps every 0.01s.", "Scheduler stopped."]


@pytest.mark.django_db
def test_the_scheduler_breaks_overdue_promises(promise_due_in_seconds):
    previous = signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)
    try:
        with clock.frozen_at(NOW + dt.timedelta(minutes=1)):
            call_command("scheduler", "--interval", "0.01", "--runs", "2", stdout=io.StringIO())
    finally:
        signal.signal(signal.SIGINT, previous[0])
        signal.signal(signal.SIGTERM, previous[1])
    promise_due_in_seconds.refresh_from_db()
    assert promise_due_in_seconds.state == "broken"
    assert CaseEvent.objects.filter(kind=EventType.COMMITMENT_BROKEN).count() == 1


# --- two sweepers at once ----------------------------------------------------------------------------------


def _sweep_concurrently(batch_sizes, now):
    return at_once(lambda size: services.mark_overdue_commitments_broken(now=now, batch_size=size), batch_sizes)


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("batch_sizes", [(2, 2), (3, 2), (1, 5)])
def test_two_concurrent_sweeps_never_break_a_promise_twice(batch_sizes):
    from tests.factories import TeamFactory

    tier1 = TeamFactory(tier="tier1")
    TeamFactory(tier="tier2")
    owner = AgentFactory(teams=[tier1])
    total = 0
    for round_number in range(5):
        now = NOW + dt.timedelta(hours=round_number)
        promises = [
            CommitmentFactory(case=CaseFactory(team=tier1), owner=owner, due_at=now - dt.timedelta(seconds=n + 1))
            for n in range(7)
        ]
        total += len(promises)
        # Both sweepers use the same `now`: the claim must still give each promise to one of them.
        results = _sweep_concurrently(batch_sizes, now)
        assert sum(results) == len(promises), results
        assert Commitment.objects.filter(state="broken").count() == total
        assert CaseEvent.objects.filter(kind=EventType.COMMITMENT_BROKEN).count() == total
        assert Transfer.objects.filter(kind="escalation").count() == total
        assert CaseEvent.objects.filter(kind=EventType.ESCALATED).count() == total


def test_two_promises_breaking_together_move_their_case_up_one_level_only(pickup_case, agent, tier2_team, senior_team):
    start = clock.now()
    with clock.frozen_at(start):
        for text in ("Refund the label cost.", "Call the carrier depot back."):
            services.make_commitment(
                actor=agent,
                case_id=pickup_case.pk,
                kind="follow_up",
                description=text,
                due_at=start + dt.timedelta(minutes=5),
            )
    assert services.mark_overdue_commitments_broken(now=start + dt.timedelta(hours=1)) == 2
    pickup_case.refresh_from_db()
    assert pickup_case.team == tier2_team
    assert Transfer.objects.filter(case=pickup_case, kind="escalation").count() == 1
