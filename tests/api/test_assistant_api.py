"""Triage through /api/v1/assistant/triage: the local model's prediction with confidences and the
references it found; signed-in users only; bad payloads are 4xx."""

import pytest

from tests.api.test_tiered_api import assert_error

pytestmark = pytest.mark.django_db


def test_triage_of_a_suspended_sellers_message(api_as, ana):
    text = (
        "Our account was suspended this morning and all listings are down. Order 112-1234567-1234567 "
        "and 40 others will be cancelled tonight. We have USD 12,500 held. Please help urgently."
    )
    response = api_as(ana).post("/api/v1/assistant/triage", {"text": text, "subject": "Account suspended"})
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["language"]["value"] == "en"
    assert body["category"]["value"] in {"account_health", "appeals", "policy_compliance"}
    assert body["urgency"]["value"] == "critical"
    for name in ("language", "category", "urgency", "tier"):
        assert 0 <= body[name]["confidence"] <= 1
    assert "112-1234567-1234567" in body["references"]["order_ids"]
    assert body["model_version"]


def test_triage_in_spanish(api_as, agent):
    text = "Hola, el reembolso del pedido 702-1234567-7654321 no me ha llegado todavía. ¿Cuándo lo recibo?"
    body = api_as(agent).post("/api/v1/assistant/triage", {"text": text}).json()
    assert body["language"]["value"] == "es"


def test_triage_needs_a_signed_in_user_and_a_text(api_as, ana):
    assert_error(api_as().post("/api/v1/assistant/triage", {"text": "hello"}), 401, "not_authenticated")
    assert_error(api_as(ana).post("/api/v1/assistant/triage", {"text": ""}), 422, "validation_error", "text")
    assert_error(api_as(ana).post("/api/v1/assistant/triage", {"text": "x", "extra": 1}), 422, "validation_error")
