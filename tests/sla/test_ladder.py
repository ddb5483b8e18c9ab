"""The escalation ladder, run by the SLA sweep: at risk at 75 %, breached and reassigned at 100 %,
escalated to the senior tier at 200 %; the hard ceiling of executive escalations. Each step fires
once per target whatever the number of sweeps — or of sweepers."""

import datetime as dt

import pytest
from django.core import mail

from sellerdesk.cases import selectors
from sellerdesk.cases import services as cases
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import CaseEvent
from sellerdesk.core import clock
from sellerdesk.routing.models import Transfer
from sellerdesk.sla import services as sla
from tests.concurrency import at_once, needs_postgresql
from tests.factories import AgentFactory, CaseFactory, LeadFactory, SellerFactory, TeamFactory
from tests.sla.conftest import live_target

T0 = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)  # Tier 1 works around the clock


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def steps(case=None):
    """The SLA steps fired so far, in order: (target, percent, actions)."""
    events = CaseEvent.objects.filter(kind=EventType.SLA_STEP).order_by("pk")
    if case is not None:
        events = events.filter(case=case)
    return [(e.data["target"], e.data["percent"], e.data["actions"]) for e in events]


def sla_mails():
    return [m for m in mail.outbox if " target " in m.subject or "Hard ceiling" in m.subject]


@pytest.fixture
def sweep(django_capture_on_commit_callbacks):
    """Runs the sweep at a time and the e-mails it asks for after its commit."""

    def _sweep(when, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return sla.sweep(now=when, **kwargs)

    return _sweep


@pytest.fixture
def colleague(tier1):
    return AgentFactory(username="colleague", languages=["en"], teams=[tier1])


@pytest.fixture
def owned_case(ana, agent, lead, colleague, senior_team, open_case_as):
    """Ana's case, opened at T0 on Tier 1 and taken by `agent`."""
    with clock.frozen_at(T0):
        case = open_case_as(ana)
        cases.assign_case(actor=agent, case_id=case.pk)
    case.refresh_from_db()
    assert case.assignee == agent
    return case


@pytest.mark.django_db
def test_at_75_percent_the_target_is_at_risk_and_the_owner_is_told_once(owned_case, agent, ana, sweep):
    assert sweep(at(17.9)) == 0
    assert sweep(at(18)) == 1

    owned_case.refresh_from_db()
    assert owned_case.sla_state == "warning"
    first = live_target(owned_case, "first_response")
    assert (first.warned_at, first.fired_percent, first.breached_at) == (at(18), 75, None)
    event = CaseEvent.objects.get(case=owned_case, kind=EventType.SLA_STEP)
    assert event.public is False
    assert event.actor is None
    assert event.data["target"] == "first_response"
    assert event.data["percent"] == 75
    assert event.data["actions"] == ["warn_owner"]
    assert event.data["breached"] is False
    assert event in selectors.timeline(agent, owned_case)
    assert event not in selectors.timeline(ana, owned_case)
    [message] = sla_mails()
    assert message.to == [agent.email]
    assert "at risk" in message.subject
    assert owned_case.number in message.subject

    for later in (at(18), at(20), at(23.9)):
        assert sweep(later) == 0
    assert len(steps()) == 1
    assert len(sla_mails()) == 1


@pytest.mark.django_db
def test_at_the_breach_the_case_goes_to_a_colleague_and_the_leads_are_told(owned_case, agent, lead, colleague, sweep):
    sweep(at(18))
    assert sweep(at(24)) == 1

    owned_case.refresh_from_db()
    assert owned_case.sla_state == "breached"
    assert owned_case.assignee == colleague
    first = live_target(owned_case, "first_response")
    assert (first.breached_at, first.fired_percent) == (at(24), 100)
    assert steps() == [("first_response", 75, ["warn_owner"]), ("first_response", 100, ["notify_lead", "reassign"])]
    reassigned = CaseEvent.objects.filter(case=owned_case, kind=EventType.ASSIGNED).latest("pk")
    assert (reassigned.actor, reassigned.data["assignee_id"], reassigned.data["reason"]) == (
        None,
        colleague.pk,
        "sla_reassigned",
    )
    # The leads are told, and so is the colleague who has the case now.
    breach_mails = [m for m in sla_mails() if "breached" in m.subject]
    assert sorted(r for m in breach_mails for r in m.to) == sorted([lead.email, colleague.email])

    assert sweep(at(24)) == 0
    assert sweep(at(47)) == 0
    owned_case.refresh_from_db()
    assert owned_case.assignee == colleague
    assert len(steps()) == 2


@pytest.mark.django_db
def test_reassignment_prefers_a_colleague_speaking_the_language_then_the_least_loaded(
    ana, agent, tier1, open_case_as, sweep
):
    busy_es = AgentFactory(username="busy-es", languages=["es"], teams=[tier1])
    calm_es = AgentFactory(username="calm-es", languages=["es"], teams=[tier1])
    idle_en = AgentFactory(username="idle-en", languages=["en"], teams=[tier1])
    for owner, load in ((busy_es, 3), (calm_es, 1)):
        for _ in range(load):
            CaseFactory(team=tier1, assignee=owner)
    CaseFactory(team=tier1, assignee=idle_en, status="resolved")  # done cases are no load
    with clock.frozen_at(T0):
        spanish = open_case_as(ana, language="es")
        german = open_case_as(ana, language="de")
        for case in (spanish, german):
            cases.assign_case(actor=agent, case_id=case.pk)

    assert sweep(at(24)) == 4  # 75 % and 100 % of both first responses
    spanish.refresh_from_db()
    german.refresh_from_db()
    assert spanish.assignee == calm_es  # speaks Spanish, less loaded than busy-es
    assert german.assignee == idle_en  # nobody speaks German: the least loaded


@pytest.mark.django_db
def test_at_200_percent_the_case_is_escalated_to_the_senior_team_once(owned_case, tier1, senior_team, sweep):
    sweep(at(18))
    sweep(at(24))
    assert sweep(at(47.9)) == 0
    # The first response at 200 %: the worker moves the case right after the sweep's commit.
    assert sweep(at(48)) == 1
    # On the senior team the executive policy's 40-hour resolution, 48 hours used, is at once at
    # risk and breached (the time used stays used): the next sweep says so.
    assert sweep(at(48)) == 2

    owned_case.refresh_from_db()
    assert owned_case.team == senior_team
    assert owned_case.assignee is None
    assert steps(owned_case)[2:] == [
        ("first_response", 200, ["escalate_senior"]),
        ("resolution", 75, ["warn_owner"]),
        ("resolution", 100, ["notify_lead"]),
    ]
    escalation = Transfer.objects.get(case=owned_case)
    assert (escalation.kind, escalation.from_team, escalation.to_team) == ("escalation", tier1, senior_team)
    assert CaseEvent.objects.filter(case=owned_case, kind=EventType.ESCALATED).count() == 1

    for later in (at(48), at(49), at(100)):
        assert sweep(later) == 0
    assert Transfer.objects.filter(case=owned_case).count() == 1
    fired = [(target, percent) for target, percent, _ in steps()]
    assert len(fired) == len(set(fired)), fired


@pytest.mark.django_db
def test_a_late_sweep_fires_every_pending_step_once_in_order(owned_case, colleague, senior_team, sweep):
    # Nobody swept for three days: 300 % of the first response, 100 % of the resolution.
    assert sweep(at(72)) == 5
    assert steps() == [
        ("first_response", 75, ["warn_owner"]),
        ("first_response", 100, ["notify_lead", "reassign"]),
        ("first_response", 200, ["escalate_senior"]),
        ("resolution", 75, ["warn_owner"]),
        ("resolution", 100, ["notify_lead"]),  # reassignment and escalation are for replies owed
    ]
    owned_case.refresh_from_db()
    assert owned_case.team == senior_team
    assert Transfer.objects.filter(case=owned_case, kind="escalation").count() == 1
    assert (
        CaseEvent.objects.filter(case=owned_case, kind=EventType.ASSIGNED, data__reason="sla_reassigned").count() == 1
    )

    assert sweep(at(72)) == 0
    assert sweep(at(200)) == 0
    assert len(steps()) == 5


@pytest.mark.django_db
def test_a_late_sweep_still_tells_the_owner_and_the_leads_of_the_team_that_missed_the_target(
    owned_case, agent, lead, colleague, senior_team, sweep
):
    assert sweep(at(72)) == 5  # the case ends on the senior team, unassigned
    risk = [m for m in sla_mails() if "First response target at risk" in m.subject]
    breach = [m for m in sla_mails() if "First response target breached (100%)" in m.subject]
    assert [m.to for m in risk] == [[agent.email]]
    assert lead.email in [r for m in breach for r in m.to]


@pytest.mark.django_db
def test_a_paused_target_does_not_advance(owned_case, agent, sweep):
    with clock.frozen_at(at(1)):
        cases.change_status(actor=agent, case_id=owned_case.pk, status="waiting_on_seller")
    assert sweep(at(18)) == 0
    assert sweep(at(500)) == 0
    owned_case.refresh_from_db()
    assert owned_case.sla_state == "paused"
    assert owned_case.assignee == agent
    assert steps() == []
    assert sla_mails() == []


@pytest.mark.django_db
def test_a_sweep_fires_the_steps_of_every_due_case_even_when_one_case_has_several(
    ana, agent, lead, colleague, senior_team, open_case_as, sweep
):
    """A case with two due targets must not cut the batch short and leave other due cases waiting."""
    with clock.frozen_at(T0):
        early = open_case_as(ana, subject="Early")
    with clock.frozen_at(at(40)):
        later = open_case_as(ana, subject="Later")
    # At T0+200h: the early case has 5 steps due (3 + 2), the later one 5 too (3 + 2: 160 h of 72).
    assert sweep(at(200), batch_size=2) == 10
    assert sweep(at(200), batch_size=2) == 0
    assert len(steps(early)) == 5
    assert len(steps(later)) == 5


# --- the hard ceiling of executive escalations -----------------------------------------------------------


@pytest.mark.django_db
def test_the_hard_ceiling_fires_once_even_while_the_case_waits_on_the_seller(
    ana, senior_team, support_admin, open_case_as, sweep
):
    senior_lead = LeadFactory(username="senior-lead", teams=[senior_team])
    with clock.frozen_at(T0):
        case = open_case_as(ana)  # only the senior team exists: an executive escalation
    case.refresh_from_db()
    assert case.team == senior_team
    resolution = live_target(case, "resolution")
    assert (resolution.policy.name, resolution.ceiling_at) == ("Executive escalations", at(240))
    with clock.frozen_at(at(1)):
        cases.change_status(actor=senior_lead, case_id=case.pk, status="waiting_on_seller")

    assert sweep(at(239.9)) == 0
    assert sweep(at(240)) == 1
    case.refresh_from_db()
    assert case.sla_state == "breached"
    event = CaseEvent.objects.get(case=case, kind=EventType.SLA_STEP)
    assert (event.public, event.data["ceiling"], event.data["percent"], event.data["actions"]) == (
        False,
        True,
        None,
        ["ceiling"],
    )
    resolution.refresh_from_db()
    assert (resolution.phase, resolution.ceiling_reached_at) == ("paused", at(240))
    assert all("Hard ceiling reached" in m.subject for m in sla_mails())
    assert sorted(r for m in sla_mails() for r in m.to) == sorted([senior_lead.email, support_admin.email])

    assert sweep(at(240)) == 0
    assert sweep(at(400)) == 0
    # Back in support's court, the resolution clock runs on with its 1 hour used; the ceiling stays fired.
    with clock.frozen_at(at(401)):
        cases.post_message(actor=ana, case_id=case.pk, body="Here is the information.")
    resolution.refresh_from_db()
    assert (resolution.phase, resolution.used_seconds, resolution.due_at) == ("running", 3600, at(440))
    assert sweep(at(401)) == 0
    assert len(steps()) == 1


# --- two sweepers at once ----------------------------------------------------------------------------------


def _sweep_concurrently(batch_sizes, now):
    return at_once(lambda size: sla.sweep(now=now, batch_size=size), batch_sizes)


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("batch_sizes", [(2, 2), (3, 1), (1, 1, 4)])
def test_concurrent_sweeps_never_fire_the_same_step_twice(batch_sizes):
    tier1 = TeamFactory(tier="tier1")
    for name in ("a", "b"):
        AgentFactory(username=f"agent-{name}", teams=[tier1])
    LeadFactory(teams=[tier1])
    seller = SellerFactory()
    with clock.frozen_at(T0):
        opened = [cases.open_case(opener=seller, subject=f"Case {n}", body="Please help.")[0] for n in range(7)]
    total = 0
    for hours in (18, 24, 48):  # the reply at 75 %, 100 % (reassigned) and 200 % (escalated)
        results = _sweep_concurrently(batch_sizes, at(hours))
        total += len(opened)
        assert sum(results) == len(opened), results
        fired = list(
            CaseEvent.objects.filter(kind=EventType.SLA_STEP).values_list("case_id", "data__target", "data__percent")
        )
        assert len(fired) == total
        assert len(set(fired)) == total, fired
    # No senior team exists: each case is flagged at the top level, once.
    assert CaseEvent.objects.filter(kind=EventType.ESCALATED).count() == len(opened)
    assert CaseEvent.objects.filter(kind=EventType.ASSIGNED, data__reason="sla_reassigned").count() == len(opened)
