"""Accountable transfers: a reason code, a completed playbook for first line (unless it truly lacks
the action), the deadline kept, and bounces back to the sender that count as avoidable."""

import datetime as dt

import pytest

from sellerdesk.accounts.models import TeamMembership
from sellerdesk.cases import selectors as case_selectors
from sellerdesk.cases import services as case_services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import CaseEvent, Priority
from sellerdesk.core import clock
from sellerdesk.routing import selectors, services
from sellerdesk.routing.models import Transfer, TransferReason
from tests.factories import AgentFactory, CaseFactory, PlaybookFactory, TransferFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def transfer(agent, pickup_case):
    """Transfers the pickup case as the tier-1 agent (reason wrong_category unless told)."""

    def _transfer(team, *, reason_code="wrong_category", actor=None, **kwargs):
        return services.transfer_case(
            actor=actor or agent, case_id=pickup_case.pk, team_id=team.pk, reason_code=reason_code, **kwargs
        )

    return _transfer


def nothing_moved(case, team):
    case.refresh_from_db()
    assert case.team == team
    assert not Transfer.objects.filter(case=case).exists()
    assert not CaseEvent.objects.filter(case=case, kind=EventType.TRANSFERRED).exists()


# --- the playbook rule for first line ----------------------------------------------------------------


def test_tier1_cannot_transfer_without_completed_playbook(
    transfer, pickup_case, pickup_playbook, tier1, tier2_team, refused
):
    with refused("playbook_not_completed"):
        transfer(tier2_team)
    nothing_moved(pickup_case, tier1)


def test_tier1_cannot_transfer_with_a_half_done_playbook(
    transfer, agent, pickup_case, pickup_playbook, tier1, tier2_team, refused
):
    services.save_playbook(
        actor=agent, case_id=pickup_case.pk, values={"carrier": "UPS"}, completed_steps=["open_order"]
    )
    with refused("playbook_not_completed"):
        transfer(tier2_team)
    nothing_moved(pickup_case, tier1)


def test_tier1_may_transfer_a_case_whose_category_has_no_playbook_yet(transfer, pickup_case, tier2_team):
    # Nothing to complete: the rule asks first line to finish the playbook the operator wrote.
    transfer(tier2_team)
    pickup_case.refresh_from_db()
    assert pickup_case.team == tier2_team


def test_tier1_transfer_with_a_completed_playbook_is_accepted(
    transfer, agent, pickup_case, pickup_playbook, tier1, tier2_team, complete_playbook
):
    complete_playbook(agent, pickup_case)
    moved = transfer(tier2_team, note="Carrier contract issue, needs tier 2.")

    assert (moved.kind, moved.from_team, moved.to_team, moved.from_agent) == ("transfer", tier1, tier2_team, agent)
    assert moved.reason.code == "wrong_category"
    assert moved.note == "Carrier contract issue, needs tier 2."
    assert moved.avoidable == ""
    # Nobody has answered yet: the first-response clock carries over (both teams work 24/7).
    pickup_case.refresh_from_db()
    assert moved.expected_reply_by == pickup_case.first_response_due == pickup_case.created_at + dt.timedelta(hours=24)
    assert (pickup_case.team, pickup_case.assignee) == (tier2_team, None)
    event = CaseEvent.objects.get(case=pickup_case, kind=EventType.TRANSFERRED)
    assert event.public is True
    assert event.actor == agent
    assert event.data == {
        "team": "Tier 2",
        "team_id": tier2_team.pk,
        "transfer_id": moved.pk,
        "expected_reply_by": moved.expected_reply_by.isoformat(),
    }


def test_a_transfer_takes_the_case_from_its_assignee(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook
):
    case_services.assign_case(actor=agent, case_id=pickup_case.pk)
    complete_playbook(agent, pickup_case)
    transfer(tier2_team)
    pickup_case.refresh_from_db()
    assert pickup_case.assignee is None


def test_an_urgent_case_is_due_a_reply_within_four_hours_after_a_transfer(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook
):
    pickup_case.urgent = True
    pickup_case.save()
    complete_playbook(agent, pickup_case)
    # The receiving team's policy match is urgent: 4 hours from the opening, time already used counts.
    assert transfer(tier2_team).expected_reply_by == pickup_case.created_at + dt.timedelta(hours=4)


def test_after_a_first_answer_the_receiving_team_owes_a_new_reply(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook
):
    case_services.post_message(actor=agent, case_id=pickup_case.pk, body="Looking into it now.")
    complete_playbook(agent, pickup_case)
    with clock.frozen_at(NOW):
        assert transfer(tier2_team).expected_reply_by == NOW + dt.timedelta(hours=24)


def test_the_playbook_rule_is_for_first_line_only(tier2_agent, tier2_team, payments_team):
    case = CaseFactory(team=tier2_team, category="order_fulfillment")
    PlaybookFactory()
    moved = services.transfer_case(
        actor=tier2_agent, case_id=case.pk, team_id=payments_team.pk, reason_code="wrong_category"
    )
    assert moved.to_team == payments_team


# --- needs_capability ---------------------------------------------------------------------------------


def test_tier1_may_transfer_without_a_playbook_for_an_action_it_lacks(
    transfer, pickup_case, pickup_playbook, tier2_team
):
    moved = transfer(tier2_team, reason_code="needs_capability", capability="reinstate_listing")
    assert (moved.reason.code, moved.capability, moved.avoidable) == ("needs_capability", "reinstate_listing", "")
    pickup_case.refresh_from_db()
    assert pickup_case.team == tier2_team


def test_needs_capability_for_an_action_tier1_has_is_refused(
    transfer, pickup_case, pickup_playbook, tier1, tier2_team, refused
):
    with refused("capability_available") as info:
        transfer(tier2_team, reason_code="needs_capability", capability="request_carrier_repickup")
    assert "re-pickup" in info.value.message
    nothing_moved(pickup_case, tier1)


def test_needs_capability_for_an_amount_tier1_may_issue_is_refused(transfer, tier2_team, refused):
    with refused("capability_available"):
        transfer(tier2_team, reason_code="needs_capability", capability="issue_reimbursement")


def test_needs_capability_to_a_team_that_lacks_it_too_is_refused(transfer, pickup_case, tier1, payments_team, refused):
    with refused("target_lacks_capability") as info:
        transfer(payments_team, reason_code="needs_capability", capability="reinstate_listing")
    assert "Payments specialists" in info.value.message
    assert "Tier 2" in info.value.message and "Seller performance" in info.value.message
    nothing_moved(pickup_case, tier1)


@pytest.mark.parametrize("capability", ["", "reply", "transfer", "teleport"])
def test_needs_capability_must_name_a_real_action(transfer, tier2_team, refused, capability):
    with refused("validation_error", "capability"):
        transfer(tier2_team, reason_code="needs_capability", capability=capability)


def test_the_capability_is_only_recorded_with_needs_capability(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook
):
    complete_playbook(agent, pickup_case)
    assert transfer(tier2_team, capability="reinstate_listing").capability == ""


# --- reasons, notes, targets --------------------------------------------------------------------------


def test_an_unknown_reason_is_refused(transfer, pickup_case, tier1, tier2_team, refused):
    with refused("unknown_reason", "reason_code"):
        transfer(tier2_team, reason_code="because")
    nothing_moved(pickup_case, tier1)


def test_a_deactivated_reason_is_refused(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook, refused
):
    complete_playbook(agent, pickup_case)
    TransferReason.objects.filter(code="wrong_category").update(active=False)
    with refused("unknown_reason"):
        transfer(tier2_team)


def test_a_transfer_to_the_same_team_is_refused(transfer, pickup_case, tier1, refused):
    with refused("same_team") as info:
        transfer(tier1)
    assert "Tier 1" in info.value.message
    nothing_moved(pickup_case, tier1)


def test_a_transfer_to_no_such_team_is_refused(agent, pickup_case, refused):
    with refused("validation_error", "team"):
        services.transfer_case(actor=agent, case_id=pickup_case.pk, team_id=10_000_000, reason_code="wrong_category")


@pytest.mark.parametrize("reason_code", ["seller_request", "policy", "other"])
def test_reasons_that_require_a_note_refuse_a_transfer_without_one(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook, refused, reason_code
):
    assert TransferReason.objects.get(code=reason_code).note_required
    complete_playbook(agent, pickup_case)
    with refused("validation_error", "note"):
        transfer(tier2_team, reason_code=reason_code, note="  ")
    assert (
        transfer(tier2_team, reason_code=reason_code, note="The seller asked twice.").note == "The seller asked twice."
    )


@pytest.mark.parametrize("reason_code", ["wrong_category", "language"])
def test_reasons_without_note_required_accept_an_empty_note(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook, reason_code
):
    complete_playbook(agent, pickup_case)
    assert transfer(tier2_team, reason_code=reason_code).note == ""


def test_a_note_over_the_limit_is_refused(
    transfer, agent, pickup_case, pickup_playbook, tier2_team, complete_playbook, refused
):
    complete_playbook(agent, pickup_case)
    with refused("validation_error", "note"):
        transfer(tier2_team, note="x" * (services.NOTE_MAX + 1))


def test_only_agents_of_the_owning_team_transfer(ana, outsider_agent, pickup_case, tier1, tier2_team, refused):
    with refused("permission_denied"):
        services.transfer_case(actor=ana, case_id=pickup_case.pk, team_id=tier2_team.pk, reason_code="wrong_category")
    with refused("not_found"):
        services.transfer_case(
            actor=outsider_agent,
            case_id=pickup_case.pk,
            team_id=tier2_team.pk,
            reason_code="needs_capability",
            capability="reinstate_listing",
        )
    nothing_moved(pickup_case, tier1)


# --- time-critical cases ------------------------------------------------------------------------------


def test_a_transfer_keeps_the_business_deadline_and_the_receiving_queue_shows_it_first(
    ana, agent, tier1, tier2_team, tier2_agent, open_case_as
):
    deadline = clock.now() + dt.timedelta(hours=6)
    long_ago = clock.now() - dt.timedelta(days=3)
    # Older cases with their replies due later than the cut-off (priority instants set as the SLA
    # engine would: the high-priority one ahead of the normal ones).
    older_normal = [
        CaseFactory(
            team=tier2_team, created_at=long_ago, updated_at=long_ago, priority_at=deadline + dt.timedelta(hours=9)
        )
        for _ in range(2)
    ]
    older_high = CaseFactory(
        team=tier2_team,
        priority=Priority.HIGH,
        created_at=long_ago,
        updated_at=long_ago,
        priority_at=deadline + dt.timedelta(hours=1),
    )
    case = open_case_as(
        ana,
        subject="Order cut-off at 18:00",
        body="The carrier missed the pickup and the order is cancelled tonight.",
        category="order_fulfillment",
        business_deadline=deadline,
    )

    moved = services.transfer_case(
        actor=agent,
        case_id=case.pk,
        team_id=tier2_team.pk,
        reason_code="needs_capability",
        capability="reinstate_listing",
    )

    case.refresh_from_db()
    assert case.business_deadline == deadline
    assert moved.business_deadline == deadline
    queue = list(case_selectors.cases_for(tier2_agent, status="active", sort="priority"))
    assert queue[0] == case
    assert set(queue[1:]) == {*older_normal, older_high}
    assert queue[1] == older_high


# --- bouncing back ------------------------------------------------------------------------------------


@pytest.fixture
def moved_to_tier2(agent, pickup_case, pickup_playbook, tier2_team, complete_playbook):
    case_services.assign_case(actor=agent, case_id=pickup_case.pk)
    complete_playbook(agent, pickup_case)
    return services.transfer_case(
        actor=agent, case_id=pickup_case.pk, team_id=tier2_team.pk, reason_code="wrong_category"
    )


def test_a_bounced_transfer_returns_the_case_to_the_sender_and_counts_as_avoidable(
    moved_to_tier2, agent, tier2_agent, pickup_case, tier1, tier2_team
):
    since = clock.now() - dt.timedelta(days=1)
    bounced = services.bounce_transfer(
        actor=tier2_agent, transfer_id=moved_to_tier2.pk, reason="Tier 1 can book the re-pickup itself."
    )

    assert bounced.avoidable == "bounced"
    assert bounced.bounced_by == tier2_agent
    assert bounced.bounce_reason == "Tier 1 can book the re-pickup itself."
    assert bounced.bounced_at is not None
    pickup_case.refresh_from_db()
    assert (pickup_case.team, pickup_case.assignee) == (tier1, agent)
    assert pickup_case in case_selectors.cases_for(agent, assignee="me")
    event = CaseEvent.objects.get(case=pickup_case, kind=EventType.TRANSFER_BOUNCED)
    assert event.public is True
    assert event.data == {"team": "Tier 1", "team_id": tier1.pk, "transfer_id": bounced.pk}

    metrics = selectors.transfer_metrics(since=since)
    tier1_row = next(r for r in metrics["teams"] if r["id"] == tier1.pk)
    assert (tier1_row["transfers"], tier1_row["avoidable"], tier1_row["avoidable_rate"]) == (1, 1, 100.0)
    agent_row = next(r for r in metrics["agents"] if r["id"] == agent.pk)
    assert (agent_row["transfers"], agent_row["avoidable"]) == (1, 1)


def test_a_bounce_returns_the_case_to_the_team_only_when_the_sender_has_left_it(
    moved_to_tier2, agent, tier2_agent, pickup_case, tier1
):
    TeamMembership.objects.filter(user=agent, team=tier1).delete()
    services.bounce_transfer(actor=tier2_agent, transfer_id=moved_to_tier2.pk, reason="Belongs to first line.")
    pickup_case.refresh_from_db()
    assert (pickup_case.team, pickup_case.assignee) == (tier1, None)


def test_only_the_receiving_team_can_bounce(
    moved_to_tier2, agent, outsider_agent, ana, pickup_case, tier2_team, refused
):
    for someone in (agent, outsider_agent, ana):
        with refused("not_found"):
            services.bounce_transfer(actor=someone, transfer_id=moved_to_tier2.pk, reason="Not ours.")
    pickup_case.refresh_from_db()
    assert pickup_case.team == tier2_team
    moved_to_tier2.refresh_from_db()
    assert moved_to_tier2.bounced_at is None


def test_only_the_latest_transfer_can_be_bounced(moved_to_tier2, tier2_agent, pickup_case, payments_team, refused):
    payments_agent = AgentFactory(teams=[payments_team])
    onward = services.transfer_case(
        actor=tier2_agent, case_id=pickup_case.pk, team_id=payments_team.pk, reason_code="wrong_category"
    )
    with refused("not_bounceable"):
        services.bounce_transfer(actor=payments_agent, transfer_id=moved_to_tier2.pk, reason="Not ours.")
    services.bounce_transfer(actor=payments_agent, transfer_id=onward.pk, reason="Not a payments question.")
    pickup_case.refresh_from_db()
    assert pickup_case.team == moved_to_tier2.to_team


def test_a_transfer_can_be_bounced_once(moved_to_tier2, agent, tier2_agent, support_admin, pickup_case, refused):
    services.bounce_transfer(actor=tier2_agent, transfer_id=moved_to_tier2.pk, reason="First line can do it.")
    for someone in (agent, support_admin):
        with refused("not_bounceable"):
            services.bounce_transfer(actor=someone, transfer_id=moved_to_tier2.pk, reason="Again.")
    assert CaseEvent.objects.filter(case=pickup_case, kind=EventType.TRANSFER_BOUNCED).count() == 1


def test_a_bounce_needs_a_reason(moved_to_tier2, tier2_agent, refused):
    with refused("validation_error", "reason"):
        services.bounce_transfer(actor=tier2_agent, transfer_id=moved_to_tier2.pk, reason=" ")


def test_an_escalation_cannot_be_bounced(tier1, tier2_team, tier2_agent, refused):
    case = CaseFactory(team=tier2_team)
    escalation = TransferFactory(case=case, kind="escalation", from_team=tier1, to_team=tier2_team, reason=None)
    with refused("not_bounceable"):
        services.bounce_transfer(actor=tier2_agent, transfer_id=escalation.pk, reason="Not ours.")


def test_bouncing_no_such_transfer_is_not_found(tier2_agent, refused):
    with refused("not_found"):
        services.bounce_transfer(actor=tier2_agent, transfer_id=10_000_000, reason="?")


# --- avoidable because first line could have done it -------------------------------------------------


def test_a_tier1_transfer_of_a_case_its_tier_could_resolve_is_marked_sender_capable(
    agent, pickup_case, tier2_team, complete_playbook
):
    PlaybookFactory(resolution_capability="request_carrier_repickup")
    complete_playbook(agent, pickup_case)
    moved = services.transfer_case(
        actor=agent, case_id=pickup_case.pk, team_id=tier2_team.pk, reason_code="wrong_category"
    )
    assert moved.avoidable == "sender_capable"
    row = next(
        r
        for r in selectors.transfer_metrics(since=clock.now() - dt.timedelta(days=1))["teams"]
        if r["id"] == moved.from_team_id
    )
    assert row["avoidable"] == 1


def test_a_transfer_for_a_resolution_tier1_lacks_is_not_avoidable(agent, pickup_case, tier2_team, complete_playbook):
    PlaybookFactory(resolution_capability="reinstate_listing")
    complete_playbook(agent, pickup_case)
    moved = services.transfer_case(
        actor=agent, case_id=pickup_case.pk, team_id=tier2_team.pk, reason_code="wrong_category"
    )
    assert moved.avoidable == ""


def test_a_needs_capability_transfer_is_never_sender_capable(agent, pickup_case, tier2_team):
    PlaybookFactory(resolution_capability="request_carrier_repickup")
    moved = services.transfer_case(
        actor=agent,
        case_id=pickup_case.pk,
        team_id=tier2_team.pk,
        reason_code="needs_capability",
        capability="reinstate_listing",
    )
    assert moved.avoidable == ""


# --- what the seller sees -----------------------------------------------------------------------------


def test_the_seller_sees_the_transfer_but_never_notes_playbook_events_or_the_reason(
    api_as, ana, agent, tier2_agent, pickup_case, pickup_playbook, tier2_team, complete_playbook
):
    as_agent = api_as(agent)
    as_agent.post(
        f"/api/v1/cases/{pickup_case.pk}/messages", {"body": "Seller sounds like a reseller ring.", "internal": True}
    )
    complete_playbook(agent, pickup_case)
    response = as_agent.post(
        f"/api/v1/cases/{pickup_case.pk}/transfer",
        {"team": tier2_team.pk, "reason_code": "other", "note": "Confidential: carrier contract dispute."},
    )
    assert response.status_code == 201, response.content
    stored = Transfer.objects.get(pk=response.json()["id"])

    seller_view = api_as(ana).get(f"/api/v1/cases/{pickup_case.pk}/events").json()
    kinds = [e["kind"] for e in seller_view]
    assert kinds == ["case_opened", "transferred"]
    moved = seller_view[-1]
    assert moved["public"] is True
    assert moved["data"]["team"] == "Tier 2"
    assert moved["data"]["team_id"] == tier2_team.pk
    assert moved["data"]["expected_reply_by"] == stored.expected_reply_by.isoformat()
    text = str(seller_view)
    for secret in ("reseller ring", "Confidential", "carrier contract", "reason_code", "'other'"):
        assert secret not in text, secret
    for event in seller_view:
        assert not {"note", "reason", "reason_code"} & set(event["data"]), event

    agent_kinds = [e["kind"] for e in api_as(tier2_agent).get(f"/api/v1/cases/{pickup_case.pk}/events").json()]
    assert "internal_note_added" in agent_kinds and "playbook_completed" in agent_kinds


def test_the_seller_sees_a_bounce_but_not_its_reason(api_as, ana, tier2_agent, moved_to_tier2, pickup_case):
    services.bounce_transfer(actor=tier2_agent, transfer_id=moved_to_tier2.pk, reason="Lazy transfer, do your job.")
    seller_view = api_as(ana).get(f"/api/v1/cases/{pickup_case.pk}/events").json()
    bounced = [e for e in seller_view if e["kind"] == "transfer_bounced"]
    assert len(bounced) == 1
    assert bounced[0]["data"]["team"] == "Tier 1"
    assert "Lazy transfer" not in str(seller_view)
