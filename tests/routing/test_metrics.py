"""Tiered-support metrics on hand-built data: transfer and avoidable rates per team and agent,
promises kept on time, and who may read them."""

import datetime as dt

import pytest

from sellerdesk.cases import services as case_services
from sellerdesk.commitments.selectors import promises_kept
from sellerdesk.core import clock
from sellerdesk.routing import selectors, services
from tests.factories import AgentFactory, CommitmentFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 5, 10, 12, 0, tzinfo=dt.UTC)
SINCE = NOW - dt.timedelta(days=30)


def row(rows, pk):
    return next(r for r in rows if r["id"] == pk)


def test_transfer_and_avoidable_rates_per_team(agent, tier1, tier2_team, tier2_agent, ana, open_case_as):
    with clock.frozen_at(NOW - dt.timedelta(days=2)):
        cases = [open_case_as(ana, subject=f"Case {n}", category="order_fulfillment") for n in range(4)]
        for case in cases:
            case_services.assign_case(actor=agent, case_id=case.pk)
        moved = [
            services.transfer_case(
                actor=agent,
                case_id=c.pk,
                team_id=tier2_team.pk,
                reason_code="needs_capability",
                capability="reinstate_listing",
            )
            for c in cases[:2]
        ]
        services.bounce_transfer(actor=tier2_agent, transfer_id=moved[1].pk, reason="First line can do it.")

    with clock.frozen_at(NOW):
        metrics = selectors.transfer_metrics(since=SINCE)

    tier1_row = row(metrics["teams"], tier1.pk)
    assert tier1_row == {
        "id": tier1.pk,
        "name": "Tier 1",
        "handled": 4,
        "transfers": 2,
        "avoidable": 1,
        "transfer_rate": 50.0,
        "avoidable_rate": 50.0,
    }
    tier2_row = row(metrics["teams"], tier2_team.pk)
    assert (tier2_row["handled"], tier2_row["transfers"], tier2_row["transfer_rate"], tier2_row["avoidable_rate"]) == (
        2,
        0,
        0.0,
        None,
    )
    agent_row = row(metrics["agents"], agent.pk)
    assert (agent_row["handled"], agent_row["transfers"], agent_row["avoidable"]) == (4, 2, 1)
    assert (agent_row["transfer_rate"], agent_row["avoidable_rate"]) == (50.0, 50.0)


def test_rates_per_agent_compare_agents_of_one_team(agent, tier1, tier2_team, ana, open_case_as):
    careful = AgentFactory(username="careful", teams=[tier1])
    with clock.frozen_at(NOW - dt.timedelta(days=2)):
        mine = [open_case_as(ana, subject=f"Mine {n}", category="order_fulfillment") for n in range(2)]
        theirs = [open_case_as(ana, subject=f"Theirs {n}", category="order_fulfillment") for n in range(3)]
        for case in mine:
            case_services.assign_case(actor=agent, case_id=case.pk)
        for case in theirs:
            case_services.assign_case(actor=careful, case_id=case.pk)
        services.transfer_case(
            actor=agent,
            case_id=mine[0].pk,
            team_id=tier2_team.pk,
            reason_code="needs_capability",
            capability="reinstate_listing",
        )
    with clock.frozen_at(NOW):
        metrics = selectors.transfer_metrics(since=SINCE)
    agents = metrics["agents"]
    assert (row(agents, agent.pk)["transfer_rate"], row(agents, agent.pk)["avoidable_rate"]) == (50.0, 0.0)
    assert (row(agents, careful.pk)["transfer_rate"], row(agents, careful.pk)["avoidable_rate"]) == (0.0, None)
    tier1_row = row(metrics["teams"], tier1.pk)
    assert (tier1_row["handled"], tier1_row["transfers"], tier1_row["transfer_rate"]) == (5, 1, 20.0)


def test_activity_before_the_period_is_left_out(agent, tier1, tier2_team, ana, open_case_as):
    with clock.frozen_at(SINCE - dt.timedelta(days=1)):
        old = open_case_as(ana, subject="Old", category="order_fulfillment")
        services.transfer_case(
            actor=agent,
            case_id=old.pk,
            team_id=tier2_team.pk,
            reason_code="needs_capability",
            capability="reinstate_listing",
        )
    with clock.frozen_at(NOW - dt.timedelta(days=1)):
        open_case_as(ana, subject="New", category="order_fulfillment")
    with clock.frozen_at(NOW):
        tier1_row = row(selectors.transfer_metrics(since=SINCE)["teams"], tier1.pk)
    assert (tier1_row["handled"], tier1_row["transfers"], tier1_row["transfer_rate"]) == (1, 0, 0.0)


def test_escalations_are_not_counted_as_transfers(agent, tier1, tier2_team, ana, open_case_as):
    with clock.frozen_at(NOW - dt.timedelta(days=1)):
        case = open_case_as(ana, subject="Escalated", category="order_fulfillment")
        services.escalate_case(case=case, reason="A promise was broken.")
    with clock.frozen_at(NOW):
        metrics = selectors.transfer_metrics(since=SINCE)
    assert row(metrics["teams"], tier1.pk)["transfers"] == 0
    assert row(metrics["teams"], tier2_team.pk)["handled"] == 0


def test_metrics_for_some_teams_show_only_those_teams_and_their_agents(
    agent, tier1, tier2_team, tier2_agent, ana, open_case_as
):
    with clock.frozen_at(NOW - dt.timedelta(days=1)):
        case = open_case_as(ana, subject="Listing down", category="order_fulfillment")
        case_services.assign_case(actor=agent, case_id=case.pk)
        services.transfer_case(
            actor=agent,
            case_id=case.pk,
            team_id=tier2_team.pk,
            reason_code="needs_capability",
            capability="reinstate_listing",
        )
        case_services.assign_case(actor=tier2_agent, case_id=case.pk)
    with clock.frozen_at(NOW):
        metrics = selectors.transfer_metrics(since=SINCE, team_ids=[tier1.pk])
    assert [r["id"] for r in metrics["teams"]] == [tier1.pk]
    assert [r["id"] for r in metrics["agents"]] == [agent.pk]


# --- promises kept on time ------------------------------------------------------------------------------


def test_promises_kept_on_time_per_team_and_owner(agent, tier1):
    due = NOW - dt.timedelta(days=3)

    def promise(**kwargs):
        return CommitmentFactory(**{"case__team": tier1, "owner": agent, "created_by": agent, "due_at": due, **kwargs})

    promise(state="fulfilled", fulfilled_at=due - dt.timedelta(hours=2))
    promise(state="fulfilled", fulfilled_at=due)  # exactly on time counts as on time
    promise(state="fulfilled", fulfilled_at=due + dt.timedelta(hours=1))  # kept late: not on time
    promise(state="broken", broken_at=due + dt.timedelta(minutes=1))
    promise(state="cancelled", cancelled_at=due - dt.timedelta(days=1))  # left out
    promise(state="open", due_at=NOW + dt.timedelta(days=1))  # not due yet: left out
    promise(state="fulfilled", fulfilled_at=SINCE - dt.timedelta(days=2), due_at=SINCE - dt.timedelta(days=1))  # before

    result = promises_kept(since=SINCE)
    team = next(r for r in result["teams"] if r["team_id"] == tier1.pk)
    assert (team["total"], team["kept"], team["rate"]) == (4, 2, 50.0)
    assert team["team__name"] == "Tier 1"
    owner = next(r for r in result["owners"] if r["owner_id"] == agent.pk)
    assert (owner["total"], owner["kept"], owner["rate"]) == (4, 2, 50.0)


def test_a_promise_kept_late_after_breaking_is_not_on_time(agent, tier1):
    due = NOW - dt.timedelta(days=3)
    late = CommitmentFactory(
        case__team=tier1, owner=agent, due_at=due, state="fulfilled", fulfilled_at=due + dt.timedelta(days=1)
    )
    assert late.kept_on_time is False
    team = promises_kept(since=SINCE)["teams"][0]
    assert (team["total"], team["kept"], team["rate"]) == (1, 0, 0.0)


def test_promises_kept_for_some_teams_only(agent, tier1, payments_team):
    due = NOW - dt.timedelta(days=3)
    CommitmentFactory(case__team=tier1, owner=agent, due_at=due, state="broken")
    CommitmentFactory(case__team=payments_team, due_at=due, state="broken")
    assert [r["team_id"] for r in promises_kept(since=SINCE, team_ids=[tier1.pk])["teams"]] == [tier1.pk]


# --- who sees the metrics -------------------------------------------------------------------------------


def test_metrics_api_is_for_leads_and_admins(
    api_as, agent, ana, lead, support_admin, tier2_team, tier2_agent, open_case_as
):
    assert api_as(agent).get("/api/v1/metrics/tiered-support").status_code == 403
    assert api_as(ana).get("/api/v1/metrics/tiered-support").status_code == 403
    assert api_as().get("/api/v1/metrics/tiered-support").status_code == 401

    case = open_case_as(ana, subject="Order stuck", category="order_fulfillment")
    case_services.assign_case(actor=agent, case_id=case.pk)
    services.transfer_case(
        actor=agent,
        case_id=case.pk,
        team_id=tier2_team.pk,
        reason_code="needs_capability",
        capability="reinstate_listing",
    )

    as_lead = api_as(lead).get("/api/v1/metrics/tiered-support", days=7)
    assert as_lead.status_code == 200, as_lead.content
    body = as_lead.json()
    assert set(body) == {"since", "transfers", "promises_kept", "urgent_requests"}
    assert [t["name"] for t in body["transfers"]["teams"]] == ["Tier 1"]
    assert row(body["transfers"]["teams"], lead.memberships.get().team_id)["transfer_rate"] == 100.0

    as_admin = api_as(support_admin).get("/api/v1/metrics/tiered-support")
    assert as_admin.status_code == 200
    assert {t["name"] for t in as_admin.json()["transfers"]["teams"]} == {"Tier 1", "Tier 2"}


@pytest.mark.parametrize("days", [0, 367, "many"])
def test_metrics_api_refuses_a_bad_period(api_as, support_admin, days):
    response = api_as(support_admin).get("/api/v1/metrics/tiered-support", days=days)
    assert response.status_code == 422
    assert "days" in response.json()["fields"]


def test_a_team_lead_membership_opens_the_metrics_without_the_lead_role(api_as, agent, tier1):
    from sellerdesk.accounts.models import TeamMembership

    assert api_as(agent).get("/api/v1/metrics/tiered-support").status_code == 403
    TeamMembership.objects.filter(user=agent, team=tier1).update(is_lead=True)
    response = api_as(agent).get("/api/v1/metrics/tiered-support")
    assert response.status_code == 200
    assert [t["name"] for t in response.json()["transfers"]["teams"]] == ["Tier 1"]
