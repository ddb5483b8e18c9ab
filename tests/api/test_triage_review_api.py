"""A case's reading by the triage model through /api/v1: agents who see the case read it (with each
prediction's confidence and the references found) and the owning team confirms or corrects it. It
is internal: sellers, other teams and cases not triaged get 404; the events stay off the seller's
timeline."""

import pytest

from sellerdesk.assistant.models import TriageCorrection
from sellerdesk.cases.models import Case
from tests.api.test_tiered_api import assert_error

pytestmark = pytest.mark.django_db

PAYOUT = {
    "subject": "Payout missing",
    "body": (
        "My payout of $1,250.00 did not arrive on 3 May 2026. The disbursement for order 112-1234567-1234567 "
        "is missing."
    ),
}


@pytest.fixture
def triaged(settings, api_as, ana, tier1, payments_team, django_capture_on_commit_callbacks):
    """Ana's case opened through the API with auto-triage on: the model fills in "payments" and the
    case moves to the payments team."""
    settings.SELLERDESK = {**settings.SELLERDESK, "AUTO_TRIAGE": True}
    with django_capture_on_commit_callbacks(execute=True):
        response = api_as(ana).post("/api/v1/cases", PAYOUT)
    assert response.status_code == 201, response.content
    case = Case.objects.get(pk=response.json()["id"])
    assert case.team == payments_team and case.category == "payments"
    return case


def url(case, review=False) -> str:
    return f"/api/v1/cases/{case.pk}/triage" + ("/review" if review else "")


def test_an_agent_of_the_owning_team_reads_the_triage(api_as, triaged, outsider_agent):
    response = api_as(outsider_agent).get(url(triaged))

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["category"]["value"] == "payments"
    for name in ("language", "category", "urgency", "tier"):
        assert set(body[name]) == {"value", "confidence"}
        assert 0 <= body[name]["confidence"] <= 1
    assert body["tier"]["value"] == "payments"
    assert body["references"]["order_ids"] == ["112-1234567-1234567"]
    assert body["references"]["amounts"] == [{"amount": "1250", "currency": "USD", "text": "$1,250.00"}]
    assert body["references"]["dates"] == [{"text": "3 May 2026", "iso": "2026-05-03"}]
    assert body["model_version"]
    assert body["category_applied"] is True
    assert body["reviewed_by"] is None and body["reviewed_at"] is None
    assert isinstance(body["needs_review"], bool)


def test_the_reading_is_not_found_for_sellers_other_teams_and_untriaged_cases(
    settings, api_as, triaged, ana, ben, agent, outsider_agent, open_case_as
):
    assert_error(api_as(ana).get(url(triaged)), 404, "not_found")  # internal, even on their own case
    assert_error(api_as(ben).get(url(triaged)), 404, "not_found")
    assert_error(api_as(agent).get(url(triaged)), 404, "not_found")  # Tier 1: not their team's case any more
    assert_error(api_as(outsider_agent).get("/api/v1/cases/999999/triage"), 404, "not_found")

    settings.SELLERDESK = {**settings.SELLERDESK, "AUTO_TRIAGE": False}
    untriaged = open_case_as(ana, subject="Listing question", category="payments")
    body = assert_error(api_as(outsider_agent).get(url(untriaged)), 404, "not_found")
    assert "not been triaged" in body["message"]
    assert_error(api_as().get(url(triaged)), 401, "not_authenticated")


def test_confirming_the_reading(api_as, triaged, outsider_agent):
    response = api_as(outsider_agent).post(url(triaged, review=True), {})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["needs_review"] is False
    assert body["reviewed_by"] == {"id": outsider_agent.pk, "name": outsider_agent.first_name, "role": "agent"}
    assert body["reviewed_at"]
    assert not TriageCorrection.objects.exists()


def test_correcting_the_reading(api_as, triaged, outsider_agent):
    before = api_as(outsider_agent).get(url(triaged)).json()
    urgency = "critical" if before["urgency"]["value"] != "critical" else "low"

    response = api_as(outsider_agent).post(
        url(triaged, review=True), {"category": "reimbursement", "urgency": urgency, "tier": "payments"}
    )

    assert response.status_code == 200, response.content
    body = response.json()
    # The reading stays the model's; the corrections are kept apart and applied to the case.
    assert body["category"]["value"] == "payments"
    assert body["reviewed_by"]["id"] == outsider_agent.pk
    assert {c.field: c.corrected for c in TriageCorrection.objects.all()} == {
        "category": "reimbursement",
        "urgency": urgency,
    }
    case = api_as(outsider_agent).get(f"/api/v1/cases/{triaged.pk}").json()
    assert case["category"] == "reimbursement"


def test_a_review_refuses_wrong_values_and_unknown_fields(api_as, triaged, outsider_agent):
    client = api_as(outsider_agent)
    assert_error(client.post(url(triaged, review=True), {"urgency": "extreme"}), 422, "validation_error", "urgency")
    assert_error(client.post(url(triaged, review=True), {"category": "pets"}), 422, "validation_error", "category")
    assert_error(client.post(url(triaged, review=True), {"language": "xx"}), 422, "validation_error", "language")
    assert_error(client.post(url(triaged, review=True), {"tier": "senior"}), 422, "validation_error", "tier")
    assert_error(client.post(url(triaged, review=True), {"confidence": 1}), 422, "validation_error")
    assert client.get(url(triaged)).json()["reviewed_at"] is None


def test_only_the_owning_team_reviews(api_as, triaged, ana, ben, agent):
    # Another team's agent and another seller do not see the case at all.
    assert_error(api_as(agent).post(url(triaged, review=True), {}), 404, "not_found")
    assert_error(api_as(ben).post(url(triaged, review=True), {}), 404, "not_found")
    # The case's own seller sees the case, but is not one of its agents.
    assert_error(api_as(ana).post(url(triaged, review=True), {}), 403, "permission_denied")
    assert not TriageCorrection.objects.exists()


def test_a_case_not_triaged_cannot_be_reviewed(api_as, ana, agent, tier1, open_case_as):
    case = open_case_as(ana)
    assert_error(api_as(agent).post(url(case, review=True), {}), 404, "not_found")


def test_the_triage_events_are_for_agents_only(api_as, triaged, ana, outsider_agent):
    api_as(outsider_agent).post(url(triaged, review=True), {"urgency": "critical"})

    seller_kinds = [e["kind"] for e in api_as(ana).get(f"/api/v1/cases/{triaged.pk}/events").json()]
    agent_events = api_as(outsider_agent).get(f"/api/v1/cases/{triaged.pk}/events").json()

    assert "triaged" not in seller_kinds and "triage_reviewed" not in seller_kinds
    assert seller_kinds[0] == "case_opened"
    kinds = [e["kind"] for e in agent_events]
    assert "triaged" in kinds and "triage_reviewed" in kinds
    triaged_event = next(e for e in agent_events if e["kind"] == "triaged")
    assert triaged_event["public"] is False
    assert triaged_event["data"]["applied"]["category"] == "payments"
