"""Tiered support through /api/v1: teams, transfers and bounces, playbooks, commitments and
escalation requests — with their permissions and the one JSON error shape."""

import datetime as dt

import pytest

from sellerdesk.commitments.models import Commitment
from sellerdesk.core import clock
from sellerdesk.routing.models import EscalationRequest, Transfer
from tests.factories import PICKUP_VALUES, LeadFactory

pytestmark = pytest.mark.django_db

ALL_STEPS = ["open_order", "check_carrier", "request_repickup"]


def assert_error(response, status, code, *fields):
    """The one error shape: JSON {code, message, fields?}; for fields, the names of the wrong ones."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    assert set(body) <= {"code", "message", "fields"}, body
    for name in fields:
        assert name in body.get("fields", {}), body
    return body


def later(**delta):
    return (clock.now() + dt.timedelta(**delta)).isoformat()


@pytest.fixture
def as_agent(api_as, agent):
    return api_as(agent)


@pytest.fixture
def as_ana(api_as, ana):
    return api_as(ana)


@pytest.fixture
def case_id(pickup_case):
    return pickup_case.pk


# --- teams --------------------------------------------------------------------------------------------


def test_agents_list_the_teams_with_their_tiers_and_capabilities(as_agent, tier1, tier2_team, payments_team):
    response = as_agent.get("/api/v1/teams")
    assert response.status_code == 200, response.content
    teams = {t["name"]: t for t in response.json()}
    assert set(teams) == {"Tier 1", "Tier 2", "Payments specialists"}
    assert teams["Tier 1"]["tier"] == "tier1"
    assert teams["Tier 1"]["languages"] == ["en", "es"]
    assert "request_carrier_repickup" in teams["Tier 1"]["capabilities"]
    assert "reinstate_listing" not in teams["Tier 1"]["capabilities"]
    assert "reinstate_listing" in teams["Tier 2"]["capabilities"]
    assert teams["Payments specialists"]["categories"] == ["payments"]


def test_sellers_may_not_list_teams(as_ana):
    assert_error(as_ana.get("/api/v1/teams"), 403, "permission_denied")
    assert_error(as_ana.get("/api/v1/transfer-reasons"), 403, "permission_denied")


def test_agents_list_the_configured_transfer_reasons(as_agent):
    reasons = {r["code"]: r for r in as_agent.get("/api/v1/transfer-reasons").json()}
    assert set(reasons) == {"needs_capability", "wrong_category", "language", "seller_request", "policy", "other"}
    assert reasons["other"]["note_required"] is True
    assert reasons["needs_capability"]["note_required"] is False


def test_the_case_capabilities_are_the_callers_own(api_as, as_agent, as_ana, outsider_agent, case_id):
    assert "request_carrier_repickup" in as_agent.get(f"/api/v1/cases/{case_id}/capabilities").json()
    assert as_ana.get(f"/api/v1/cases/{case_id}/capabilities").json() == []
    assert_error(api_as(outsider_agent).get(f"/api/v1/cases/{case_id}/capabilities"), 404, "not_found")


# --- authentication -----------------------------------------------------------------------------------


NEW_ENDPOINTS = [
    ("get", "/api/v1/teams"),
    ("get", "/api/v1/transfer-reasons"),
    ("get", "/api/v1/cases/{case}/capabilities"),
    ("post", "/api/v1/cases/{case}/transfer"),
    ("get", "/api/v1/cases/{case}/transfers"),
    ("post", "/api/v1/transfers/1/bounce"),
    ("get", "/api/v1/cases/{case}/playbook"),
    ("post", "/api/v1/cases/{case}/playbook"),
    ("post", "/api/v1/cases/{case}/actions"),
    ("post", "/api/v1/cases/{case}/escalation-requests"),
    ("get", "/api/v1/cases/{case}/escalation-requests"),
    ("post", "/api/v1/escalation-requests/1/handle"),
    ("get", "/api/v1/metrics/tiered-support"),
    ("post", "/api/v1/cases/{case}/commitments"),
    ("get", "/api/v1/cases/{case}/commitments"),
    ("get", "/api/v1/commitments"),
    ("post", "/api/v1/commitments/1/fulfil"),
    ("post", "/api/v1/commitments/1/cancel"),
    ("post", "/api/v1/commitments/1/call-outcome"),
]


@pytest.mark.parametrize(("method", "path"), NEW_ENDPOINTS)
def test_every_new_endpoint_needs_a_token(api_as, case_id, method, path):
    anonymous = api_as()
    response = getattr(anonymous, method)(path.format(case=case_id))
    assert_error(response, 401, "not_authenticated")


@pytest.mark.parametrize(("method", "path"), NEW_ENDPOINTS)
def test_every_new_endpoint_refuses_an_unknown_token(api_as, case_id, method, path):
    stranger = api_as()
    stranger.headers["Authorization"] = "Bearer sd_not_a_real_token"
    assert_error(getattr(stranger, method)(path.format(case=case_id)), 401, "not_authenticated")


# --- other sellers' cases -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/cases/{case}/commitments", None),
        ("get", "/api/v1/cases/{case}/escalation-requests", None),
        ("post", "/api/v1/cases/{case}/escalation-requests", {"kind": "urgent", "reason": "Now!"}),
        ("get", "/api/v1/cases/{case}/capabilities", None),
        ("get", "/api/v1/cases/{case}/events", None),
        ("post", "/api/v1/cases/{case}/transfer", {"team": 1, "reason_code": "other", "note": "x"}),
        (
            "post",
            "/api/v1/cases/{case}/commitments",
            {"kind": "other", "description": "x", "due_at": "2099-01-01T00:00:00Z"},
        ),
    ],
)
def test_another_sellers_case_does_not_exist_for_a_seller(api_as, ben, case_id, method, path, body):
    as_ben = api_as(ben)
    call = getattr(as_ben, method)
    response = call(path.format(case=case_id), body) if body is not None else call(path.format(case=case_id))
    assert_error(response, 404, "not_found")
    assert not EscalationRequest.objects.exists()


def test_another_sellers_commitment_does_not_exist_for_a_seller(api_as, ben, as_agent, case_id):
    made = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments",
        {"kind": "follow_up", "description": "Write back.", "due_at": later(days=1)},
    )
    assert made.status_code == 201, made.content
    commitment_id = made.json()["id"]
    as_ben = api_as(ben)
    assert as_ben.get("/api/v1/commitments").json() == []
    assert_error(as_ben.post(f"/api/v1/commitments/{commitment_id}/fulfil", {"evidence": "Done"}), 404, "not_found")


def test_a_retried_commitment_with_the_same_idempotency_key_is_made_once(as_agent, case_id):
    key = {"Idempotency-Key": "promise-77"}
    body = {"kind": "follow_up", "description": "Write back with the carrier's answer.", "due_at": later(days=1)}
    first = as_agent.post(f"/api/v1/cases/{case_id}/commitments", body, headers=key)
    retry = as_agent.post(f"/api/v1/cases/{case_id}/commitments", body, headers=key)
    other_kind = as_agent.post(f"/api/v1/cases/{case_id}/commitments", {**body, "kind": "fix"}, headers=key)

    assert first.status_code == retry.status_code == 201, retry.content
    assert retry.json()["id"] == first.json()["id"]
    assert_error(other_kind, 409, "idempotency_key_reused")
    assert len(as_agent.get(f"/api/v1/cases/{case_id}/commitments").json()) == 1


# --- transfers ----------------------------------------------------------------------------------------


def test_tier1_transfer_without_a_completed_playbook_is_refused_with_a_stable_code(
    as_agent, case_id, pickup_playbook, tier2_team, tier1
):
    response = as_agent.post(
        f"/api/v1/cases/{case_id}/transfer", {"team": tier2_team.pk, "reason_code": "wrong_category"}
    )
    body = assert_error(response, 400, "playbook_not_completed")
    assert "playbook" in body["message"].lower()
    assert not Transfer.objects.exists()
    assert as_agent.get(f"/api/v1/cases/{case_id}").json()["team"]["name"] == "Tier 1"


def test_tier1_completes_the_playbook_through_the_api_and_then_transfers(
    as_agent, api_as, tier2_agent, case_id, pickup_playbook, tier2_team
):
    first = as_agent.post(
        f"/api/v1/cases/{case_id}/playbook", {"fields": {"carrier": "UPS"}, "completed_steps": ["open_order"]}
    )
    assert first.status_code == 200, first.content
    progress = first.json()
    assert progress["playbook"]["name"] == "Order not picked up"
    assert progress["values"] == {"carrier": "UPS"}
    assert progress["completed_steps"] == ["open_order"]
    assert progress["completed_at"] is None
    assert set(progress["missing"]) == {"order_id", "ship_by", "completed_steps"}
    assert all(isinstance(v, list) and v for v in progress["missing"].values())

    done = as_agent.post(f"/api/v1/cases/{case_id}/playbook", {"fields": PICKUP_VALUES, "completed_steps": ALL_STEPS})
    assert done.status_code == 200, done.content
    assert done.json()["missing"] == {}
    assert done.json()["completed_at"] is not None
    assert as_agent.get(f"/api/v1/cases/{case_id}/playbook").json()["completed_steps"] == ALL_STEPS

    response = as_agent.post(
        f"/api/v1/cases/{case_id}/transfer",
        {"team": tier2_team.pk, "reason_code": "other", "note": "Carrier contract dispute."},
    )
    assert response.status_code == 201, response.content
    moved = response.json()
    assert (moved["kind"], moved["reason_code"], moved["avoidable"]) == ("transfer", "other", "")
    assert (moved["from_team"]["name"], moved["to_team"]["name"]) == ("Tier 1", "Tier 2")
    assert moved["expected_reply_by"] is not None

    # The sender no longer sees the case; the receiving team does, with its transfer history.
    assert_error(as_agent.get(f"/api/v1/cases/{case_id}"), 404, "not_found")
    history = api_as(tier2_agent).get(f"/api/v1/cases/{case_id}/transfers").json()
    assert [t["id"] for t in history] == [moved["id"]]
    assert history[0]["note"] == "Carrier contract dispute."


def test_playbook_values_are_checked_field_by_field_through_the_api(as_agent, case_id, pickup_playbook):
    response = as_agent.post(
        f"/api/v1/cases/{case_id}/playbook",
        {"fields": {"order_id": "112", "contact_email": "nope", "colour": "red"}, "completed_steps": ["fly"]},
    )
    body = assert_error(response, 422, "validation_error", "order_id", "contact_email", "colour", "completed_steps")
    assert "ship_by" not in body["fields"]


def test_the_playbook_endpoints_are_for_agents(as_ana, case_id, pickup_playbook):
    assert_error(as_ana.get(f"/api/v1/cases/{case_id}/playbook"), 403, "permission_denied")
    assert_error(as_ana.post(f"/api/v1/cases/{case_id}/playbook", {"fields": {}}), 403, "permission_denied")


def test_a_case_without_a_playbook_answers_with_the_error_shape(as_agent, case_id):
    assert_error(as_agent.get(f"/api/v1/cases/{case_id}/playbook"), 404, "not_found")
    assert_error(as_agent.post(f"/api/v1/cases/{case_id}/playbook", {"fields": {}}), 400, "no_playbook")


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"reason_code": "needs_capability", "capability": "request_carrier_repickup"}, "capability_available"),
        ({"reason_code": "because"}, "unknown_reason"),
    ],
)
def test_transfer_refusals_have_stable_codes(as_agent, case_id, tier2_team, payload, code):
    assert_error(as_agent.post(f"/api/v1/cases/{case_id}/transfer", {"team": tier2_team.pk, **payload}), 400, code)


def test_needs_capability_transfers_through_the_api(as_agent, case_id, tier1, tier2_team, payments_team):
    lacking = as_agent.post(
        f"/api/v1/cases/{case_id}/transfer",
        {"team": payments_team.pk, "reason_code": "needs_capability", "capability": "reinstate_listing"},
    )
    assert_error(lacking, 400, "target_lacks_capability")
    assert_error(
        as_agent.post(f"/api/v1/cases/{case_id}/transfer", {"team": tier1.pk, "reason_code": "other", "note": "x"}),
        400,
        "same_team",
    )
    accepted = as_agent.post(
        f"/api/v1/cases/{case_id}/transfer",
        {"team": tier2_team.pk, "reason_code": "needs_capability", "capability": "reinstate_listing"},
    )
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["capability"] == "reinstate_listing"


def test_a_reason_that_needs_a_note_is_refused_without_one(
    as_agent, case_id, tier2_team, pickup_playbook, agent, pickup_case, complete_playbook
):
    complete_playbook(agent, pickup_case)
    response = as_agent.post(f"/api/v1/cases/{case_id}/transfer", {"team": tier2_team.pk, "reason_code": "policy"})
    assert_error(response, 422, "validation_error", "note")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"team": "tier2", "reason_code": "other"}, "team"),
        ({"team": 0, "reason_code": "other"}, "team"),
        ({"reason_code": "other"}, "team"),
        ({"team": 1}, "reason_code"),
        ({"team": 1, "reason_code": ""}, "reason_code"),
        ({"team": 1, "reason_code": "other", "note": "x" * 2001}, "note"),
        ({"team": 1, "reason_code": "needs_capability", "capability": "teleport"}, "capability"),
        ({"team": 1, "reason_code": "other", "priority": "high"}, "priority"),
    ],
)
def test_bad_transfer_payloads_are_422_naming_the_field(as_agent, case_id, payload, field):
    assert_error(as_agent.post(f"/api/v1/cases/{case_id}/transfer", payload), 422, "validation_error", field)


def test_the_receiving_team_bounces_a_transfer_through_the_api(
    api_as, as_agent, as_ana, tier2_agent, agent, case_id, pickup_case, pickup_playbook, complete_playbook, tier2_team
):
    as_agent.post(f"/api/v1/cases/{case_id}/assign")
    complete_playbook(agent, pickup_case)
    transfer_id = as_agent.post(
        f"/api/v1/cases/{case_id}/transfer", {"team": tier2_team.pk, "reason_code": "language"}
    ).json()["id"]

    assert_error(as_agent.post(f"/api/v1/transfers/{transfer_id}/bounce", {"reason": "Mine?"}), 404, "not_found")
    assert_error(as_ana.post(f"/api/v1/transfers/{transfer_id}/bounce", {"reason": "Mine?"}), 404, "not_found")
    as_tier2 = api_as(tier2_agent)
    assert_error(
        as_tier2.post(f"/api/v1/transfers/{transfer_id}/bounce", {"reason": ""}), 422, "validation_error", "reason"
    )

    bounced = as_tier2.post(f"/api/v1/transfers/{transfer_id}/bounce", {"reason": "We speak English too; tier 1 does."})
    assert bounced.status_code == 200, bounced.content
    assert bounced.json()["avoidable"] == "bounced"
    back = as_agent.get(f"/api/v1/cases/{case_id}").json()
    assert (back["team"]["name"], back["assignee"]["id"]) == ("Tier 1", agent.pk)
    assert_error(as_agent.post(f"/api/v1/transfers/{transfer_id}/bounce", {"reason": "Again"}), 400, "not_bounceable")


# --- actions ------------------------------------------------------------------------------------------


def test_an_action_the_tier_lacks_is_refused_naming_who_can(as_agent, case_id):
    response = as_agent.post(
        f"/api/v1/cases/{case_id}/actions", {"capability": "reinstate_listing", "note": "Reinstated."}
    )
    body = assert_error(response, 403, "missing_capability")
    assert "Tier 2" in body["message"]
    over = as_agent.post(
        f"/api/v1/cases/{case_id}/actions",
        {"capability": "issue_reimbursement", "note": "Label refund.", "amount": "250.00", "currency": "USD"},
    )
    assert_error(over, 403, "over_limit")
    ok = as_agent.post(
        f"/api/v1/cases/{case_id}/actions", {"capability": "request_carrier_repickup", "note": "Booked for 9-12."}
    )
    assert ok.status_code == 201, ok.content


def test_a_retried_action_with_the_same_idempotency_key_is_recorded_once(api_as, ana, as_agent, case_id):
    key = {"Idempotency-Key": "repickup-1"}
    body = {"capability": "request_carrier_repickup", "note": "Booked for 9-12."}
    first = as_agent.post(f"/api/v1/cases/{case_id}/actions", body, headers=key)
    retry = as_agent.post(f"/api/v1/cases/{case_id}/actions", body, headers=key)
    other = as_agent.post(
        f"/api/v1/cases/{case_id}/actions",
        {"capability": "open_investigation", "note": "Investigation opened."},
        headers=key,
    )

    assert first.status_code == retry.status_code == 201, retry.content
    assert_error(other, 409, "idempotency_key_reused")
    actions = [e for e in api_as(ana).get(f"/api/v1/cases/{case_id}/events").json() if e["kind"] == "action_taken"]
    assert len(actions) == 1
    assert "idempotency_key" not in actions[0]["data"]  # the seller never sees the client's key


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"capability": "teleport", "note": "x"}, "capability"),
        ({"capability": "issue_reimbursement", "note": "x", "amount": "-5", "currency": "USD"}, "amount"),
        ({"capability": "issue_reimbursement", "note": "x", "amount": "5", "currency": "EURO"}, "currency"),
        ({"capability": "request_carrier_repickup"}, "note"),
    ],
)
def test_bad_action_payloads_are_422_naming_the_field(as_agent, case_id, payload, field):
    assert_error(as_agent.post(f"/api/v1/cases/{case_id}/actions", payload), 422, "validation_error", field)


# --- commitments --------------------------------------------------------------------------------------


def test_a_commitment_through_the_api_from_promise_to_evidence(as_agent, as_ana, case_id):
    made = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments",
        {
            "kind": "reimbursement",
            "description": "Refund the label.",
            "amount": "40.00",
            "currency": "usd",
            "due_at": later(days=2),
        },
    )
    assert made.status_code == 201, made.content
    commitment = made.json()
    assert (commitment["kind"], commitment["state"], commitment["currency"]) == ("reimbursement", "open", "USD")
    assert commitment["owner"]["name"] == "Agent1"

    listed = as_ana.get(f"/api/v1/cases/{case_id}/commitments").json()
    assert [(c["id"], c["state"]) for c in listed] == [(commitment["id"], "open")]

    kept = as_agent.post(f"/api/v1/commitments/{commitment['id']}/fulfil", {"evidence": "REF-77"})
    assert kept.status_code == 200, kept.content
    assert (kept.json()["state"], kept.json()["evidence"], kept.json()["kept_on_time"]) == ("fulfilled", "REF-77", True)
    assert as_ana.get("/api/v1/commitments", state="fulfilled").json()[0]["id"] == commitment["id"]
    assert_error(
        as_ana.post(f"/api/v1/commitments/{commitment['id']}/fulfil", {"evidence": "Mine"}), 403, "permission_denied"
    )


def test_a_call_back_through_the_api_sends_the_summary_to_the_seller(as_agent, as_ana, case_id):
    made = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments",
        {
            "kind": "call_back",
            "description": "Call about the pickup.",
            "phone": "+1 312 555 0147",
            "window_start": later(hours=1),
            "window_end": later(hours=3),
        },
    )
    assert made.status_code == 201, made.content
    assert made.json()["due_at"] == made.json()["window_end"]
    assert made.json()["phone"] == "+1 312 555 0147"
    assert as_ana.get(f"/api/v1/cases/{case_id}/commitments").json()[0]["phone"] == ""

    logged = as_agent.post(
        f"/api/v1/commitments/{made.json()['id']}/call-outcome", {"summary": "Pickup moved to Friday."}
    )
    assert logged.status_code == 200, logged.content
    assert logged.json()["state"] == "fulfilled"
    bodies = [e["message"]["body"] for e in as_ana.get(f"/api/v1/cases/{case_id}/events").json() if e["message"]]
    assert bodies[-1] == "Summary of our call: Pickup moved to Friday."


def test_a_commitment_is_cancelled_with_a_reason_through_the_api(as_agent, case_id):
    made = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments",
        {"kind": "fix", "description": "Fix the listing.", "due_at": later(days=1)},
    )
    cancelled = as_agent.post(f"/api/v1/commitments/{made.json()['id']}/cancel", {"reason": "The seller fixed it."})
    assert cancelled.status_code == 200, cancelled.content
    assert (cancelled.json()["state"], cancelled.json()["cancel_reason"]) == ("cancelled", "The seller fixed it.")


def test_sellers_cannot_make_commitments(as_ana, case_id):
    response = as_ana.post(
        f"/api/v1/cases/{case_id}/commitments", {"kind": "other", "description": "I promise.", "due_at": later(days=1)}
    )
    assert_error(response, 403, "permission_denied")
    assert not Commitment.objects.exists()


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "miracle", "description": "x", "due_at": "2099-01-01T00:00:00Z"}, "kind"),
        ({"kind": "other", "due_at": "2099-01-01T00:00:00Z"}, "description"),
        ({"kind": "other", "description": "x", "due_at": "next week"}, "due_at"),
        ({"kind": "other", "description": "x", "due_at": "2001-01-01T00:00:00Z"}, "due_at"),
        ({"kind": "other", "description": "x"}, "due_at"),
        (
            {
                "kind": "reimbursement",
                "description": "x",
                "amount": "-1",
                "currency": "USD",
                "due_at": "2099-01-01T00:00:00Z",
            },
            "amount",
        ),
        (
            {
                "kind": "reimbursement",
                "description": "x",
                "amount": "1.001",
                "currency": "USD",
                "due_at": "2099-01-01T00:00:00Z",
            },
            "amount",
        ),
        (
            {
                "kind": "reimbursement",
                "description": "x",
                "amount": "10",
                "currency": "EURO",
                "due_at": "2099-01-01T00:00:00Z",
            },
            "currency",
        ),
        ({"kind": "reimbursement", "description": "x", "due_at": "2099-01-01T00:00:00Z"}, "amount"),
        ({"kind": "call_back", "description": "x", "phone": "+1 312 555 0147"}, "window_end"),
        ({"kind": "other", "description": "x", "due_at": "2099-01-01T00:00:00Z", "owner": 3}, "owner"),
    ],
)
def test_bad_commitment_payloads_are_422_naming_the_field(as_agent, case_id, payload, field):
    assert_error(as_agent.post(f"/api/v1/cases/{case_id}/commitments", payload), 422, "validation_error", field)
    assert not Commitment.objects.exists()


def test_an_over_limit_commitment_is_403_over_limit(as_agent, case_id):
    response = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments",
        {
            "kind": "reimbursement",
            "description": "Refund.",
            "amount": "500",
            "currency": "USD",
            "due_at": later(days=1),
        },
    )
    assert_error(response, 403, "over_limit")


def test_an_unknown_currency_is_refused_through_the_api(as_agent, case_id):
    response = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments",
        {"kind": "reimbursement", "description": "Refund.", "amount": "5", "currency": "XYZ", "due_at": later(days=1)},
    )
    assert_error(response, 400, "unsupported_currency", "currency")


@pytest.mark.parametrize(
    ("action", "payload"), [("fulfil", {"evidence": ""}), ("cancel", {}), ("call-outcome", {"summary": 5})]
)
def test_bad_commitment_update_payloads_are_422(as_agent, case_id, action, payload):
    made = as_agent.post(
        f"/api/v1/cases/{case_id}/commitments", {"kind": "fix", "description": "Fix it.", "due_at": later(days=1)}
    )
    field = next(iter(payload), "reason")
    assert_error(
        as_agent.post(f"/api/v1/commitments/{made.json()['id']}/{action}", payload), 422, "validation_error", field
    )


# --- escalation requests ------------------------------------------------------------------------------


def test_a_seller_escalates_and_the_lead_handles_it_through_the_api(api_as, as_ana, as_agent, lead, case_id):
    urgent = as_ana.post(f"/api/v1/cases/{case_id}/escalation-requests", {"kind": "urgent", "reason": "Ships today."})
    assert urgent.status_code == 201, urgent.content
    request = urgent.json()
    assert (request["kind"], request["state"]) == ("urgent", "open")
    created = dt.datetime.fromisoformat(request["created_at"].replace("Z", "+00:00"))
    target = dt.datetime.fromisoformat(request["target_at"].replace("Z", "+00:00"))
    assert target - created == dt.timedelta(hours=4)
    case = as_ana.get(f"/api/v1/cases/{case_id}").json()
    assert (case["urgent"], case["priority"]) == (True, "high")

    again = as_ana.post(f"/api/v1/cases/{case_id}/escalation-requests", {"kind": "urgent", "reason": "Hello?"})
    assert again.json()["id"] == request["id"]
    assert [r["id"] for r in as_ana.get(f"/api/v1/cases/{case_id}/escalation-requests").json()] == [request["id"]]

    assert_error(
        as_agent.post(f"/api/v1/escalation-requests/{request['id']}/handle", {"outcome": "Ok"}),
        403,
        "permission_denied",
    )
    other_lead = LeadFactory(teams=[])
    assert_error(
        api_as(other_lead).post(f"/api/v1/escalation-requests/{request['id']}/handle", {"outcome": "Ok"}),
        404,
        "not_found",
    )
    handled = api_as(lead).post(
        f"/api/v1/escalation-requests/{request['id']}/handle", {"outcome": "Routine question.", "not_urgent": True}
    )
    assert handled.status_code == 200, handled.content
    assert (handled.json()["state"], handled.json()["outcome"]) == ("handled", "Routine question.")
    assert EscalationRequest.objects.get(pk=request["id"]).judged_not_urgent is True


def test_agents_cannot_request_escalations(as_agent, case_id):
    response = as_agent.post(f"/api/v1/cases/{case_id}/escalation-requests", {"kind": "supervisor", "reason": "Me too"})
    assert_error(response, 403, "permission_denied")


def test_a_call_back_request_without_a_phone_is_422(as_ana, case_id):
    response = as_ana.post(f"/api/v1/cases/{case_id}/escalation-requests", {"kind": "call_back", "reason": "Call me"})
    assert_error(response, 422, "validation_error", "phone")


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"kind": "lawyer", "reason": "x"}, "kind"),
        ({"kind": "urgent"}, "reason"),
        ({"kind": "urgent", "reason": ""}, "reason"),
        ({"kind": "call_back", "reason": "x", "phone": "1" * 33}, "phone"),
    ],
)
def test_bad_escalation_payloads_are_422_naming_the_field(as_ana, case_id, payload, field):
    assert_error(as_ana.post(f"/api/v1/cases/{case_id}/escalation-requests", payload), 422, "validation_error", field)


def test_escalating_a_resolved_case_is_409(as_ana, case_id):
    as_ana.post(f"/api/v1/cases/{case_id}/status", {"status": "resolved"})
    assert_error(
        as_ana.post(f"/api/v1/cases/{case_id}/escalation-requests", {"kind": "urgent", "reason": "x"}),
        409,
        "case_closed",
    )


def test_handling_a_missing_request_is_404(api_as, lead):
    assert_error(api_as(lead).post("/api/v1/escalation-requests/10000000/handle", {"outcome": "x"}), 404, "not_found")
