"""The enforcement API: account status, actions with their notices, complaints and detectors.
Who may call what: staff (seller_performance and senior tiers, admins) work accounts; operators file
complaints and post detectors' actions; a seller reads only their own actions (another's is a 404)
and nothing of complaints."""

import pytest

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.performance import services
from sellerdesk.performance.models import AccountEvent, AccountEventKind, Complaint, EnforcementAction

pytestmark = pytest.mark.django_db

REASON = "Listing L-4471 is being reviewed for pesticide claims."
EVIDENCE = "The title of listing L-4471 says 'kills 99.9% of germs' without a registration number."
DECISION = "The buyer's photos of order 112-5550001 show a used charger."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, policy rules and detectors as the data migrations seed them."""


def action_body(user, **overrides):
    return {
        "seller": user.seller_account.marketplace_seller_id,
        "kind": "listing_removed",
        "rule": "PR-101",
        "items": [{"kind": "listing", "id": "L-4471"}],
        "evidence": EVIDENCE,
        "source": "detector",
        "detector": "pesticide-claims",
        "detector_confidence": 0.91,
        **overrides,
    }


def complaint_body(user, **overrides):
    return {
        "seller": user.seller_account.marketplace_seller_id,
        "complainant_kind": "buyer",
        "complainant_id": "BUYER-1",
        "description": "The charger I received as new had been used and the box was resealed.",
        "order_id": "112-5550001",
        "listing_id": "L-700",
        "product_category": "electronics",
        "complainant_since": "2020-01-01",
        "verified_purchase": True,
        **overrides,
    }


@pytest.fixture
def ana_action(ana, take_action):
    return take_action(ana.seller_account)


@pytest.fixture
def ana_complaint(ana, operator):
    complaint, _created = services.file_complaint(
        actor=operator,
        seller=ana.seller_account.marketplace_seller_id,
        complainant_kind="buyer",
        complainant_id="BUYER-1",
        description="The charger I received as new had been used and the box was resealed.",
        order_id="112-5550001",
    )
    return complaint


# --- account status -------------------------------------------------------------------------------------


def test_staff_change_the_status_with_a_reason(api_as, ana, perf_agent):
    seller_id = ana.seller_account.marketplace_seller_id
    response = api_as(perf_agent).post(
        f"/api/v1/performance/sellers/{seller_id}/status", {"status": "under_review", "reason": REASON}
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "under_review" and body["seller"]["status"] == "under_review"
    assert body["reason"] == REASON and body["changed_by"]["id"] == perf_agent.pk
    assert (
        AccountEvent.objects.filter(seller_account=ana.seller_account, kind=AccountEventKind.STATUS_CHANGED).count()
        == 1
    )


def test_status_without_a_reason_is_422_and_an_invalid_change_409(api_as, ana, perf_agent):
    client = api_as(perf_agent)
    url = f"/api/v1/performance/sellers/{ana.seller_account.marketplace_seller_id}/status"

    missing = client.post(url, {"status": "suspended"})
    assert missing.status_code == 422
    assert missing.json()["code"] == "validation_error" and "reason" in missing.json()["fields"]

    same = client.post(url, {"status": "active", "reason": REASON})
    assert same.status_code == 409 and same.json()["code"] == "invalid_status_change"

    unknown = client.post(url, {"status": "banned", "reason": REASON})
    assert unknown.status_code == 422 and "status" in unknown.json()["fields"]

    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_status_of_an_unknown_seller_is_404(api_as, perf_agent):
    response = api_as(perf_agent).post(
        "/api/v1/performance/sellers/NOPE/status", {"status": "suspended", "reason": REASON}
    )
    assert response.status_code == 404 and response.json()["code"] == "not_found"


# --- actions ----------------------------------------------------------------------------------------------


def test_staff_take_an_action_and_get_its_notice(api_as, ana, perf_agent):
    response = api_as(perf_agent).post("/api/v1/performance/actions", action_body(ana, kind="account_suspended"))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["rule"] == {"code": "PR-101", "title": "Pesticides and pesticide claims"}
    assert body["items"] == [{"kind": "listing", "id": "L-4471"}]
    assert body["detector"]["name"] == "pesticide-claims" and body["detector_confidence"] == 0.91
    assert "PR-101" in body["notice"] and "L-4471" in body["notice"] and "kills 99.9%" in body["notice"]
    assert body["account_status_after"] == "suspended" and body["seller"]["status"] == "suspended"
    assert body["taken_by"]["id"] == perf_agent.pk


def test_an_integration_posts_a_detectors_action(api_as, ben, operator):
    response = api_as(operator).post(
        "/api/v1/performance/actions",
        action_body(ben, rule="PR-201", detector="trademark-match", items=[{"kind": "asin", "id": "B0TRADE1"}]),
    )
    assert response.status_code == 201, response.content
    assert response.json()["source"] == "detector"


def test_a_retried_action_with_the_same_idempotency_key_is_taken_once(api_as, ben, operator):
    detector = api_as(operator)
    key = {"Idempotency-Key": "finding-7781"}
    first = detector.post("/api/v1/performance/actions", action_body(ben), headers=key)
    retry = detector.post("/api/v1/performance/actions", action_body(ben), headers=key)

    assert first.status_code == retry.status_code == 201, retry.content
    assert retry.json() == first.json()
    assert EnforcementAction.objects.filter(seller_account=ben.seller_account).count() == 1
    taken = AccountEvent.objects.filter(seller_account=ben.seller_account, kind=AccountEventKind.ACTION_TAKEN)
    assert taken.count() == 1  # one notice, one entry in the account's history


def test_an_idempotency_key_is_per_caller_and_refused_for_another_action(api_as, ana, ben, operator, perf_agent):
    key = {"Idempotency-Key": "finding-7782"}
    assert api_as(operator).post("/api/v1/performance/actions", action_body(ben), headers=key).status_code == 201

    other_seller = api_as(operator).post("/api/v1/performance/actions", action_body(ana), headers=key)
    other_kind = api_as(operator).post(
        "/api/v1/performance/actions", action_body(ben, kind="listing_restricted"), headers=key
    )
    someone_else = api_as(perf_agent).post("/api/v1/performance/actions", action_body(ben), headers=key)

    assert other_seller.status_code == other_kind.status_code == 409
    assert other_seller.json()["code"] == "idempotency_key_reused"
    assert someone_else.status_code == 201  # keys belong to the caller who sent them
    assert EnforcementAction.objects.filter(seller_account=ben.seller_account).count() == 2
    assert not EnforcementAction.objects.filter(seller_account=ana.seller_account).exists()


def test_an_overlong_or_control_character_idempotency_key_is_422(api_as, ben, operator):
    for key in ("k" * 129, "bad\x01key"):
        response = api_as(operator).post(
            "/api/v1/performance/actions", action_body(ben), headers={"Idempotency-Key": key}
        )
        assert response.status_code == 422, response.content
    assert not EnforcementAction.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"rule": ""}, "rule"),
        ({"items": []}, "items"),
        ({"evidence": "Policy violation"}, "evidence"),
        ({"evidence": ""}, "evidence"),
    ],
)
def test_a_notice_without_rule_items_or_evidence_is_refused(api_as, ana, perf_agent, overrides, field):
    response = api_as(perf_agent).post(
        "/api/v1/performance/actions", action_body(ana, kind="account_suspended", **overrides)
    )

    assert response.status_code == 422, response.content
    body = response.json()
    assert body["code"] == "notice_refused"
    assert field in body["fields"]
    assert not EnforcementAction.objects.exists()
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_bad_action_fields_are_422_with_details(api_as, ana, perf_agent):
    client = api_as(perf_agent)
    wrong = client.post(
        "/api/v1/performance/actions",
        action_body(ana, kind="ban", items=[{"kind": "shop", "id": "x"}], detector_confidence=3, extra=1),
    )
    assert wrong.status_code == 422
    assert {"kind", "items.0.kind", "detector_confidence", "extra"} <= set(wrong.json()["fields"])

    nobody = client.post("/api/v1/performance/actions", action_body(ana, seller="NOPE"))
    assert nobody.status_code == 422 and "seller" in nobody.json()["fields"]

    no_amount = client.post("/api/v1/performance/actions", action_body(ana, kind="funds_held"))
    assert no_amount.status_code == 422 and {"amount_held", "currency"} <= set(no_amount.json()["fields"])


def test_an_unvalidated_complaint_cannot_trigger_a_suspension(api_as, ana, perf_agent, ana_complaint):
    response = api_as(perf_agent).post(
        "/api/v1/performance/actions",
        action_body(
            ana,
            kind="account_suspended",
            rule="PR-301",
            items=[{"kind": "order", "id": "112-5550001"}],
            evidence="Order 112-5550001 arrived with a used charger in a resealed box.",
            source="complaint",
            detector="",
            detector_confidence=None,
            complaint_id=ana_complaint.pk,
        ),
    )

    assert response.status_code == 409, response.content
    assert response.json()["code"] == "complaint_not_validated"
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE
    assert not EnforcementAction.objects.exists()


def test_a_validated_complaint_may_suspend(api_as, ana, perf_agent, ana_complaint):
    client = api_as(perf_agent)
    decided = client.post(
        f"/api/v1/performance/complaints/{ana_complaint.pk}/decision", {"valid": True, "reason": DECISION}
    )
    assert decided.status_code == 200 and decided.json()["status"] == "validated"

    response = client.post(
        "/api/v1/performance/actions",
        action_body(
            ana,
            kind="account_suspended",
            rule="PR-301",
            items=[{"kind": "order", "id": "112-5550001"}],
            evidence="Order 112-5550001 arrived with a used charger in a resealed box.",
            source="complaint",
            complaint_id=ana_complaint.pk,
        ),
    )
    assert response.status_code == 201, response.content
    assert response.json()["complaint_id"] == ana_complaint.pk
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.SUSPENDED


def test_actions_list_is_paginated_and_filtered(api_as, ana, ben, perf_agent, take_action):
    take_action(ana.seller_account)
    take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-2"}])
    lifted = take_action(ben.seller_account, rule="PR-201", detector="trademark-match")
    services.reverse_action(actor=perf_agent, action_id=lifted.pk, reason="The brand owner sent a letter.")
    client = api_as(perf_agent)

    page = client.get("/api/v1/performance/actions", page_size=2).json()
    assert (page["count"], page["pages"], len(page["items"])) == (3, 2, 2)

    mine = client.get("/api/v1/performance/actions", seller=ana.seller_account.marketplace_seller_id).json()
    assert mine["count"] == 2
    assert client.get("/api/v1/performance/actions", status="reversed").json()["items"][0]["id"] == lifted.pk
    assert client.get("/api/v1/performance/actions", detector="trademark-match").json()["count"] == 1
    assert client.get("/api/v1/performance/actions", status="gone").status_code == 422
    assert client.get("/api/v1/performance/actions", seller="NOPE").status_code == 404


def test_a_seller_reads_their_own_action_with_its_notice(api_as, ana, ana_action):
    response = api_as(ana).get(f"/api/v1/performance/actions/{ana_action.pk}")
    assert response.status_code == 200
    body = response.json()
    assert body["notice"] == ana_action.notice
    assert body["taken_by"] is None  # who on the staff took it is not the seller's business


def test_ben_cannot_read_anas_action(api_as, ben, ana_action):
    response = api_as(ben).get(f"/api/v1/performance/actions/{ana_action.pk}")
    assert response.status_code == 404 and response.json()["code"] == "not_found"
    assert api_as(ben).get("/api/v1/performance/actions/999999").status_code == 404


def test_staff_read_any_action_and_tier1_cannot(api_as, agent, senior_agent, ana_action):
    assert api_as(senior_agent).get(f"/api/v1/performance/actions/{ana_action.pk}").status_code == 200
    assert api_as(agent).get(f"/api/v1/performance/actions/{ana_action.pk}").status_code == 404


def test_reverse_restores_the_status(api_as, ana, perf_agent, take_action):
    action = take_action(ana.seller_account, kind="account_suspended")
    client = api_as(perf_agent)

    assert client.post(f"/api/v1/performance/actions/{action.pk}/reverse", {}).status_code == 422
    response = client.post(
        f"/api/v1/performance/actions/{action.pk}/reverse", {"reason": "L-4471 shows its registration number."}
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "reversed" and response.json()["seller"]["status"] == "active"
    again = client.post(f"/api/v1/performance/actions/{action.pk}/reverse", {"reason": "Again, just to be sure."})
    assert again.status_code == 409 and again.json()["code"] == "action_not_active"
    assert (
        client.post("/api/v1/performance/actions/999999/reverse", {"reason": "No such action here."}).status_code == 404
    )


# --- complaints -------------------------------------------------------------------------------------------


def test_operator_files_a_complaint_with_its_signals(api_as, ana, operator):
    client = api_as(operator)
    response = client.post(
        "/api/v1/performance/complaints",
        complaint_body(ana, verified_purchase=False, external_id="MKT-1", rule="PR-301"),
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "received"
    assert body["signals"]["verified_purchase"] is False and "unverified_purchase" in body["signals"]["penalties"]
    assert (body["score"], body["credibility"]) == (65, "medium")
    assert body["rule"]["code"] == "PR-301"

    again = client.post("/api/v1/performance/complaints", complaint_body(ana, external_id="MKT-1"))
    assert again.status_code == 200 and again.json()["id"] == body["id"]
    assert Complaint.objects.count() == 1


def test_bad_complaints_are_422(api_as, ana, operator):
    client = api_as(operator)
    bad = client.post(
        "/api/v1/performance/complaints", complaint_body(ana, complainant_kind="neighbour", complainant_since="soon")
    )
    assert bad.status_code == 422 and {"complainant_kind", "complainant_since"} <= set(bad.json()["fields"])
    nobody = client.post("/api/v1/performance/complaints", complaint_body(ana, seller="NOPE", rule="PR-999"))
    assert nobody.status_code == 422 and {"seller", "rule"} <= set(nobody.json()["fields"])


def test_staff_list_and_decide_complaints(api_as, ana, perf_agent, ana_complaint):
    client = api_as(perf_agent)
    listed = client.get("/api/v1/performance/complaints", status="received").json()
    assert [c["id"] for c in listed["items"]] == [ana_complaint.pk]
    assert listed["items"][0]["complainant_id"] == "BUYER-1"

    url = f"/api/v1/performance/complaints/{ana_complaint.pk}/decision"
    assert client.post(url, {"valid": False}).status_code == 422
    assert client.post(url, {"valid": False, "reason": DECISION}).json()["status"] == "rejected"
    assert client.post(url, {"valid": True, "reason": DECISION}).json()["code"] == "complaint_already_decided"
    assert client.get("/api/v1/performance/complaints", status="received").json()["count"] == 0
    assert (
        client.post("/api/v1/performance/complaints/999999/decision", {"valid": True, "reason": DECISION}).status_code
        == 404
    )


def test_staff_who_are_not_operators_cannot_file_complaints(api_as, ana, perf_agent):
    assert api_as(perf_agent).post("/api/v1/performance/complaints", complaint_body(ana)).status_code == 403


# --- detectors --------------------------------------------------------------------------------------------


def test_detectors_show_actions_appeals_and_overturn_rate(api_as, ana, perf_agent, take_action):
    take_action(ana.seller_account)
    lifted = take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-2"}])
    services.reverse_action(actor=perf_agent, action_id=lifted.pk, reason="L-2 has its registration number.")

    response = api_as(perf_agent).get("/api/v1/performance/detectors")
    assert response.status_code == 200
    rows = {row["name"]: row for row in response.json()}
    assert rows["pesticide-claims"] == {
        "name": "pesticide-claims",
        "version": rows["pesticide-claims"]["version"],
        "active": True,
        "actions": 2,
        "appeals": 0,
        "appeals_approved": 0,
        "overturned": 1,
        "overturn_rate": 0.5,
    }
    assert rows["expiry-check"]["overturn_rate"] is None
    assert api_as(perf_agent).get("/api/v1/performance/detectors", days=0).status_code == 422


# --- who may call what ---------------------------------------------------------------------------------------


def staff_requests(ana, action_id, complaint_id):
    seller_id = ana.seller_account.marketplace_seller_id
    return [
        ("post", f"/api/v1/performance/sellers/{seller_id}/status", {"status": "active", "reason": REASON}),
        ("post", "/api/v1/performance/actions", action_body(ana)),
        ("get", "/api/v1/performance/actions", None),
        ("post", f"/api/v1/performance/actions/{action_id}/reverse", {"reason": REASON}),
        ("post", "/api/v1/performance/complaints", complaint_body(ana)),
        ("get", "/api/v1/performance/complaints", None),
        ("post", f"/api/v1/performance/complaints/{complaint_id}/decision", {"valid": True, "reason": DECISION}),
        ("get", "/api/v1/performance/detectors", None),
    ]


@pytest.mark.parametrize("who", ["ana", "ben", "agent"])
def test_sellers_and_tier1_agents_are_refused_every_staff_endpoint(
    request, api_as, ana, ben, agent, ana_action, ana_complaint, who
):
    user = {"ana": ana, "ben": ben, "agent": agent}[who]
    client = api_as(user)
    before = (EnforcementAction.objects.count(), Complaint.objects.count(), AccountEvent.objects.count())

    for method, url, body in staff_requests(ana, ana_action.pk, ana_complaint.pk):
        response = client.get(url) if method == "get" else client.post(url, body)
        assert response.status_code in (403, 404), (who, method, url, response.status_code)
        assert response.json()["code"] in ("permission_denied", "missing_capability", "not_found")
        assert "BUYER-1" not in response.content.decode()  # never the complainant's identity

    assert before == (EnforcementAction.objects.count(), Complaint.objects.count(), AccountEvent.objects.count())
    ana_complaint.refresh_from_db()
    ana_action.refresh_from_db()
    assert (ana_complaint.status, ana_action.status) == ("received", "active")


def test_anonymous_gets_401(client, ana_action):
    response = client.get(f"/api/v1/performance/actions/{ana_action.pk}")
    assert response.status_code == 401


def test_a_nul_character_in_a_seller_id_is_no_such_seller(api_as, perf_agent):
    client = api_as(perf_agent)
    response = client.post("/api/v1/performance/sellers/a%00b/status", {"status": "active", "reason": REASON})
    assert response.status_code == 404
    assert client.get("/api/v1/performance/actions", seller="a\x00b").status_code == 422
