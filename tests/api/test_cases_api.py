import pytest

pytestmark = pytest.mark.django_db


def open_case(api, **overrides):
    payload = {
        "subject": "Order not picked up",
        "body": "The carrier never came for order 112-1.",
        "category": "order_fulfillment",
        "order_id": "112-1234567-1234567",
        **overrides,
    }
    return api.post("/api/v1/cases", payload)


def test_seller_opens_case_and_it_is_routed(api_as, ana, tier1):
    response = open_case(api_as(ana))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["number"] == f"SD-{body['id']:06d}"
    assert body["status"] == "new"
    assert body["category"] == "order_fulfillment"
    assert body["language"] == "en"
    assert body["priority"] == "normal"
    assert body["team"]["name"] == "Tier 1"
    assert body["seller"]["name"] == "Ana's Crafts"


def test_another_sellers_case_is_404(api_as, ana, ben, tier1):
    case_id = open_case(api_as(ana)).json()["id"]
    as_ben = api_as(ben)
    for path in (f"/api/v1/cases/{case_id}", f"/api/v1/cases/{case_id}/events"):
        response = as_ben.get(path)
        assert response.status_code == 404
        assert response.json()["code"] == "not_found"
    assert as_ben.post(f"/api/v1/cases/{case_id}/messages", {"body": "hi"}).status_code == 404
    assert as_ben.get("/api/v1/cases").json()["count"] == 0
