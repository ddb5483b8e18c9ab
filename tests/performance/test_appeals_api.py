"""The seller's account and appeals through /api/v1/performance: who may read and do what, the
decision flow, and the one JSON error shape for every refusal."""

import pytest

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.performance import services
from sellerdesk.performance.models import ActionStatus, Appeal
from tests.performance.conftest import PLAN

APPROVE = "Listing L-4471 no longer makes germ claims, so PR-101 is met again: the suspension is lifted."
DENY = "Listing L-4471 still claims 'kills 99.9% of germs' in its bullets, which PR-101 forbids."
ESCALATION = "The bullets were rewritten last week; please check the listing as it is today."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, SLA policies, policy rules and detectors as the migrations seed them."""


def assert_error(response, status, code, *fields):
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json")
    body = response.json()
    assert body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    for name in fields:
        assert name in body.get("fields", {}), body
    return body


@pytest.fixture
def suspension(ana, take_action):
    return take_action(ana.seller_account, kind="account_suspended")


@pytest.fixture
def appeal(ana, suspension, file_appeal):
    return file_appeal(ana, suspension)


def _file(client, action, **overrides):
    return client.post("/api/v1/performance/appeals", {"action_id": action.pk, **PLAN, **overrides})


# --- the account ------------------------------------------------------------------------------------


def test_seller_reads_status_reason_what_to_do_and_actions_with_notices(api_as, ana, suspension):
    response = api_as(ana).get("/api/v1/performance/account")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["seller"]["marketplace_seller_id"] == ana.seller_account.marketplace_seller_id
    assert body["status"] == "suspended"
    assert body["meaning"]
    assert body["reason"] == "Account suspended under rule PR-101 Pesticides and pesticide claims."
    assert body["changed_at"]
    kinds = [step["kind"] for step in body["what_to_do"]]
    assert kinds == ["appeal", "fix_items", "contact_support"]
    assert body["what_to_do"][0]["action_id"] == suspension.pk
    [action] = body["actions"]
    assert action["id"] == suspension.pk
    assert action["rule"]["code"] == "PR-101"
    assert action["items"] == [{"kind": "listing", "id": "L-4471"}]
    assert action["detector"] == {
        "name": "pesticide-claims",
        "version": suspension.detector_version,
        "confidence": 0.91,
    }
    assert "My account page" in action["notice"]
    assert action["appeal"] is None and action["can_appeal"] is True


def test_account_shows_the_appeal_state(api_as, ana, appeal):
    body = api_as(ana).get("/api/v1/performance/account").json()
    [action] = body["actions"]
    assert action["appeal"]["id"] == appeal.pk
    assert action["appeal"]["status"] == "submitted"
    assert action["can_appeal"] is False
    assert body["what_to_do"][0] == {
        "kind": "follow_appeal",
        "text": body["what_to_do"][0]["text"],
        "action_id": appeal.action_id,
        "appeal_id": appeal.pk,
    }


def test_a_quiet_account_has_nothing_to_do(api_as, ben):
    body = api_as(ben).get("/api/v1/performance/account").json()
    assert body["status"] == "active"
    assert body["reason"] == "" and body["actions"] == []
    assert [step["kind"] for step in body["what_to_do"]] == ["nothing", "contact_support"]


def test_staff_read_an_account_by_seller_id_and_sellers_only_their_own(api_as, ana, ben, agent, perf_agent, suspension):
    seller_id = ana.seller_account.marketplace_seller_id
    assert api_as(perf_agent).get("/api/v1/performance/account", seller=seller_id).json()["status"] == "suspended"
    assert_error(api_as(perf_agent).get("/api/v1/performance/account"), 422, "validation_error", "seller")
    # A first-line agent does not read notices and evidence of accounts.
    assert_error(api_as(agent).get("/api/v1/performance/account", seller=seller_id), 403, "missing_capability")
    assert_error(api_as(ben).get("/api/v1/performance/account", seller=seller_id), 404, "not_found")
    assert_error(api_as().get("/api/v1/performance/account"), 401, "not_authenticated")


# --- filing -----------------------------------------------------------------------------------------


def test_seller_files_an_appeal_into_the_seller_performance_queue(api_as, ana, perf_team, suspension):
    response = _file(api_as(ana), suspension)

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "submitted"
    assert body["action"]["id"] == suspension.pk
    assert body["root_cause"] == PLAN["root_cause"]
    assert body["case"]["team"]["tier"] == "seller_performance"
    assert body["decision_due"] is not None
    appeal = Appeal.objects.get(pk=body["id"])
    assert appeal.case.channel == "api"
    assert appeal.case.team == perf_team


def test_an_identical_repeat_returns_the_same_appeal_with_200(api_as, ana, suspension):
    client = api_as(ana)
    first = _file(client, suspension)
    again = _file(client, suspension)
    assert (first.status_code, again.status_code) == (201, 200)
    assert again.json()["id"] == first.json()["id"]
    assert Appeal.objects.count() == 1


def test_filing_refusals(api_as, ana, ben, agent, perf_agent, suspension, take_action):
    client = api_as(ana)
    assert_error(
        _file(client, suspension, root_cause="short", preventive_measures=""),
        422,
        "validation_error",
        "root_cause",
        "preventive_measures",
    )
    assert_error(_file(client, suspension, surprise="x"), 422, "validation_error", "surprise")
    assert_error(_file(api_as(ben), suspension), 404, "not_found")
    assert_error(_file(api_as(agent), suspension), 403, "permission_denied")
    assert_error(_file(api_as(), suspension), 401, "not_authenticated")
    assert _file(client, suspension).status_code == 201
    assert_error(
        _file(client, suspension, root_cause="A different root cause, sent while the first is open."),
        409,
        "appeal_already_open",
    )
    warning = take_action(ana.seller_account, kind="warning")
    services.reverse_action(actor=perf_agent, action_id=warning.pk, reason="Reviewed: the detector was wrong.")
    assert_error(_file(client, warning), 409, "action_not_active")


# --- reading appeals ----------------------------------------------------------------------------------


def test_who_sees_which_appeals(api_as, ana, ben, agent, perf_agent, support_admin, appeal):
    def ids(user):
        response = api_as(user).get("/api/v1/performance/appeals")
        assert response.status_code == 200, response.content
        return [a["id"] for a in response.json()["items"]]

    assert ids(ana) == [appeal.pk]
    assert ids(perf_agent) == [appeal.pk]
    assert ids(support_admin) == [appeal.pk]
    assert ids(ben) == []
    assert ids(agent) == []
    assert_error(api_as().get("/api/v1/performance/appeals"), 401, "not_authenticated")

    path = f"/api/v1/performance/appeals/{appeal.pk}"
    assert api_as(ana).get(path).json()["preventive_measures"] == PLAN["preventive_measures"]
    assert api_as(perf_agent).get(path).status_code == 200
    assert_error(api_as(ben).get(path), 404, "not_found")
    assert_error(api_as(agent).get(path), 404, "not_found")
    assert_error(api_as().get(path), 401, "not_authenticated")
    assert_error(api_as(ana).get("/api/v1/performance/appeals/999999"), 404, "not_found")


def test_appeals_filter_by_status(api_as, ana, appeal):
    client = api_as(ana)
    assert client.get("/api/v1/performance/appeals", status="submitted").json()["count"] == 1
    assert client.get("/api/v1/performance/appeals", status="denied").json()["count"] == 0
    assert_error(client.get("/api/v1/performance/appeals", status="lost"), 422, "validation_error", "status")


# --- decisions ----------------------------------------------------------------------------------------


def test_approval_through_the_api_restores_the_status(api_as, ana, perf_agent, suspension, appeal):
    response = api_as(perf_agent).post(
        f"/api/v1/performance/appeals/{appeal.pk}/decision", {"decision": "approve", "reason": APPROVE}
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "approved"
    assert body["decision_reason"] == APPROVE
    assert body["decided_by"]["id"] == perf_agent.pk
    assert body["action"]["status"] == "reversed"
    assert body["decision_due"] is None
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE
    suspension.refresh_from_db()
    assert suspension.status == ActionStatus.REVERSED
    assert api_as(ana).get("/api/v1/performance/account").json()["status"] == "active"


def test_decision_refusals(api_as, ana, ben, agent, perf_agent, appeal):
    path = f"/api/v1/performance/appeals/{appeal.pk}/decision"
    generic = "We looked at everything you sent and made a decision on the appeal."
    assert_error(
        api_as(perf_agent).post(path, {"decision": "deny", "reason": generic}), 422, "validation_error", "reason"
    )
    assert_error(
        api_as(perf_agent).post(path, {"decision": "maybe", "reason": DENY}), 422, "validation_error", "decision"
    )
    assert_error(api_as(agent).post(path, {"decision": "deny", "reason": DENY}), 404, "not_found")
    assert_error(api_as(ben).post(path, {"decision": "deny", "reason": DENY}), 404, "not_found")
    assert_error(api_as(ana).post(path, {"decision": "approve", "reason": APPROVE}), 403, "permission_denied")
    assert_error(api_as().post(path, {"decision": "deny", "reason": DENY}), 401, "not_authenticated")
    assert api_as(perf_agent).post(path, {"decision": "deny", "reason": DENY}).status_code == 200
    assert_error(api_as(perf_agent).post(path, {"decision": "approve", "reason": APPROVE}), 409, "appeal_not_open")


def test_more_info_waits_on_the_seller(api_as, perf_agent, appeal):
    response = api_as(perf_agent).post(
        f"/api/v1/performance/appeals/{appeal.pk}/decision",
        {"decision": "more_info", "reason": "Please send the supplier's corrected product sheet for the listing."},
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "more_info"
    assert response.json()["case"]["status"] == "waiting_on_seller"


# --- escalation ---------------------------------------------------------------------------------------


def test_denied_appeal_is_escalated_once_to_the_senior_tier(api_as, ana, ben, agent, perf_agent, senior_agent, appeal):
    path = f"/api/v1/performance/appeals/{appeal.pk}/escalate"
    assert_error(api_as(ana).post(path, {"reason": ESCALATION}), 409, "appeal_not_denied")
    api_as(perf_agent).post(f"/api/v1/performance/appeals/{appeal.pk}/decision", {"decision": "deny", "reason": DENY})
    before = api_as(ana).get(f"/api/v1/performance/appeals/{appeal.pk}").json()
    assert before["can_escalate"] is True

    assert_error(api_as(ana).post(path, {"reason": "Too short."}), 422, "validation_error", "reason")
    assert_error(api_as(ben).post(path, {"reason": ESCALATION}), 404, "not_found")
    assert_error(api_as(perf_agent).post(path, {"reason": ESCALATION}), 403, "permission_denied")
    assert_error(api_as(agent).post(path, {"reason": ESCALATION}), 403, "permission_denied")
    assert_error(api_as().post(path, {"reason": ESCALATION}), 401, "not_authenticated")
    response = api_as(ana).post(path, {"reason": ESCALATION})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "escalated"
    assert body["case"]["team"]["tier"] == "senior"
    assert body["can_escalate"] is False
    # Now with the senior tier: the seller performance team no longer sees it.
    assert_error(api_as(perf_agent).get(f"/api/v1/performance/appeals/{appeal.pk}"), 404, "not_found")
    senior = api_as(senior_agent)
    assert (
        senior.post(f"/api/v1/performance/appeals/{appeal.pk}/decision", {"decision": "deny", "reason": DENY}).json()[
            "status"
        ]
        == "denied"
    )
    assert_error(api_as(ana).post(path, {"reason": ESCALATION}), 409, "appeal_already_escalated")


def test_the_openapi_schema_describes_the_appeal_endpoints(api_as):
    schema = api_as().get("/api/v1/openapi.json").json()
    paths = schema["paths"]
    for path in (
        "/api/v1/performance/account",
        "/api/v1/performance/appeals",
        "/api/v1/performance/appeals/{appeal_id}",
        "/api/v1/performance/appeals/{appeal_id}/decision",
        "/api/v1/performance/appeals/{appeal_id}/escalate",
    ):
        assert path in paths, sorted(paths)
    assert "attachments of the appeal's case" in paths["/api/v1/performance/appeals"]["post"]["description"]
