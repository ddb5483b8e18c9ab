"""Every refusal of the API is JSON of one shape: {code, message, fields?}."""

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given
from hypothesis import settings as hyp_settings
from hypothesis import strategies as st

from sellerdesk.cases.categories import Category
from sellerdesk.cases.models import Case
from tests.factories import ApiTokenFactory, CaseFactory

pytestmark = pytest.mark.django_db

VALID_CASE = {"subject": "Payout missing", "body": "My payout did not arrive.", "category": "payments"}


def assert_error(response, status, code, *fields):
    """The one error shape: JSON with a stable code, a human message and, for fields, their names."""
    assert response.status_code == status, (response.status_code, response.content[:500])
    assert response["Content-Type"].startswith("application/json"), response["Content-Type"]
    body = response.json()
    assert body["code"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    assert set(body) <= {"code", "message", "fields"}, body
    if "fields" in body:
        assert isinstance(body["fields"], dict)
        assert all(isinstance(v, list) and all(isinstance(m, str) for m in v) for v in body["fields"].values())
    for name in fields:
        assert name in body.get("fields", {}), body
    return body


@pytest.fixture
def seller_api(api_as, ana, tier1):
    return api_as(ana)


# --- request bodies -------------------------------------------------------------------------------


@pytest.mark.parametrize("raw", ['{"subject": "x",', "not json", "{'single': 'quotes'}", '{"a": 1} trailing'])
def test_malformed_json_is_400_malformed_json(seller_api, raw):
    assert_error(seller_api.post("/api/v1/cases", raw=raw), 400, "malformed_json")
    assert Case.objects.count() == 0


def test_body_that_is_not_utf8_is_400_malformed_json(seller_api):
    response = seller_api.client.post(
        "/api/v1/cases", b'{"subject": "\xff\xfe"}', content_type="application/json", headers=seller_api.headers
    )
    assert_error(response, 400, "malformed_json")


def test_json_with_a_lone_surrogate_is_refused_without_a_server_error(seller_api):
    raw = json.dumps({**VALID_CASE, "subject": "broken \ud800 text"})
    response = seller_api.post("/api/v1/cases", raw=raw)
    assert 400 <= response.status_code < 500
    assert "code" in response.json()


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"subject": 123}, "subject"),
        ({"subject": None}, "subject"),
        ({"body": ["a list"]}, "body"),
        ({"urgent": "very"}, "urgent"),
        ({"urgent": {"nested": True}}, "urgent"),
        ({"category": "bananas"}, "category"),
        ({"category": 7}, "category"),
        ({"order_id": False}, "order_id"),
        ({"subject": ""}, "subject"),
        ({"subject": "s" * 201}, "subject"),
        ({"order_id": "9" * 65}, "order_id"),
    ],
)
def test_wrong_types_and_values_are_422_naming_the_field(seller_api, overrides, field):
    body = assert_error(seller_api.post("/api/v1/cases", {**VALID_CASE, **overrides}), 422, "validation_error", field)
    # The location prefix ("body", "payload") is not part of the field name people see.
    assert not any(name.startswith(("body.", "payload.")) for name in body["fields"])


def test_missing_required_fields_are_named(seller_api):
    body = assert_error(seller_api.post("/api/v1/cases", {}), 422, "validation_error", "subject", "body")
    assert "category" not in body["fields"]


def test_unknown_fields_are_422_unknown_field(seller_api):
    body = assert_error(
        seller_api.post("/api/v1/cases", {**VALID_CASE, "priority": "critical", "team": 1}),
        422,
        "validation_error",
        "priority",
        "team",
    )
    assert body["fields"]["priority"] == ["Unknown field."]
    assert Case.objects.count() == 0


@pytest.mark.parametrize("raw", ["[]", "null", '"a string"', "42", "true"])
def test_body_that_is_not_an_object_is_422(seller_api, raw):
    assert_error(seller_api.post("/api/v1/cases", raw=raw), 422, "validation_error")


def test_service_validation_after_sanitising_names_the_field(seller_api):
    # Passes the schema (not empty), but is empty once markup is removed.
    response = seller_api.post("/api/v1/cases", {**VALID_CASE, "subject": "<script>alert(1)</script>"})
    assert_error(response, 422, "validation_error", "subject")


def test_body_over_the_upload_limit_is_413_payload_too_large(seller_api, settings):
    big = json.dumps({**VALID_CASE, "body": "x" * settings.DATA_UPLOAD_MAX_MEMORY_SIZE})
    assert_error(seller_api.post("/api/v1/cases", raw=big), 413, "payload_too_large")
    assert Case.objects.count() == 0


def test_token_request_over_the_upload_limit_is_413(db, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = Client().post(
        "/api/v1/auth/token", {"username": "u", "password": "p" * 2000}, content_type="application/json"
    )
    assert_error(response, 413, "payload_too_large")


def test_message_over_the_upload_limit_is_413(seller_api, ana, tier1, settings):
    case = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024
    response = seller_api.post(f"/api/v1/cases/{case.pk}/messages", {"body": "y" * 2048})
    assert_error(response, 413, "payload_too_large")


# --- not found ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/cases/999999",
        "/api/v1/cases/999999/events",
        "/api/v1/attachments/999999",
    ],
)
def test_unknown_ids_are_404_not_found(seller_api, path):
    assert_error(seller_api.get(path), 404, "not_found")


def test_posting_to_an_unknown_case_is_404(seller_api):
    for path, payload in (
        ("/api/v1/cases/999999/messages", {"body": "hi"}),
        ("/api/v1/cases/999999/status", {"status": "resolved"}),
        ("/api/v1/cases/999999/reopen", {}),
        ("/api/v1/cases/999999/assign", {}),
    ):
        assert_error(seller_api.post(path, payload), 404, "not_found")


@pytest.mark.parametrize(
    "path", ["/api/v1/nope", "/api/v2/cases", "/api/", "/api/v1/cases/abc", "/api/v1/cases/1/nothing"]
)
def test_unknown_paths_under_api_are_404_json(seller_api, path):
    assert_error(seller_api.get(path), 404, "not_found")
    assert_error(Client().get(path), 404, "not_found")


def test_the_api_root_is_404_json(seller_api):
    assert_error(seller_api.get("/api/v1/"), 404, "not_found")


def test_unsupported_method_is_405_json(seller_api):
    response = seller_api.client.delete("/api/v1/cases", headers=seller_api.headers)
    assert_error(response, 405, "method_not_allowed")
    assert "POST" in response["Allow"]


# --- authentication -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer sd_not_a_real_token"},
        {"Authorization": "Bearer "},
        {"Authorization": "Basic YW5hOnB3"},
        {"Authorization": "sd_token_without_scheme"},
    ],
)
def test_missing_or_bad_token_is_401_not_authenticated(ana, tier1, headers):
    client = Client()
    for response in (
        client.get("/api/v1/cases", headers=headers),
        client.get("/api/v1/me", headers=headers),
        client.post("/api/v1/cases", VALID_CASE, content_type="application/json", headers=headers),
    ):
        assert_error(response, 401, "not_authenticated")
    assert Case.objects.count() == 0


def test_expired_token_is_401(ana):
    from sellerdesk.core import clock

    ApiTokenFactory(user=ana, raw="sd_expired", expires_at=clock.now())
    response = Client().get("/api/v1/me", headers={"Authorization": "Bearer sd_expired"})
    assert_error(response, 401, "not_authenticated")


def test_token_of_a_deactivated_user_is_401(ana):
    ApiTokenFactory(user=ana, raw="sd_valid")
    client = Client()
    assert client.get("/api/v1/me", headers={"Authorization": "Bearer sd_valid"}).status_code == 200
    ana.is_active = False
    ana.save()
    assert_error(client.get("/api/v1/me", headers={"Authorization": "Bearer sd_valid"}), 401, "not_authenticated")


def test_wrong_password_is_401_invalid_credentials(ana):
    client = Client()
    for payload in ({"username": "ana", "password": "wrong"}, {"username": "nobody", "password": "pw"}):
        response = client.post("/api/v1/auth/token", payload, content_type="application/json")
        body = assert_error(response, 401, "invalid_credentials")
        assert "token" not in body


def test_token_request_with_missing_fields_is_422(db):
    response = Client().post("/api/v1/auth/token", {"username": "ana"}, content_type="application/json")
    assert_error(response, 422, "validation_error", "password")


# --- list filters and headers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "bogus"}, "status"),
        ({"category": "bananas"}, "category"),
        ({"page_size": 1000}, "page_size"),
        ({"page_size": 0}, "page_size"),
        ({"page": 0}, "page"),
        ({"page": "two"}, "page"),
        ({"team": "tier1"}, "team"),
        ({"sort": "random"}, "sort"),
        ({"assignee": "somebody"}, "assignee"),
    ],
)
def test_invalid_filter_values_are_422_naming_the_filter(seller_api, params, field):
    assert_error(seller_api.get("/api/v1/cases", **params), 422, "validation_error", field)


def test_idempotency_key_longer_than_128_characters_is_refused(seller_api):
    response = seller_api.post("/api/v1/cases", VALID_CASE, headers={"Idempotency-Key": "k" * 129})
    assert 400 <= response.status_code < 500
    assert_error(response, response.status_code, response.json()["code"])
    assert Case.objects.count() == 0
    ok = seller_api.post("/api/v1/cases", VALID_CASE, headers={"Idempotency-Key": "k" * 128})
    assert ok.status_code == 201


def test_idempotency_key_reused_for_a_different_case_is_409(seller_api):
    assert seller_api.post("/api/v1/cases", VALID_CASE, headers={"Idempotency-Key": "same"}).status_code == 201
    response = seller_api.post("/api/v1/cases", {**VALID_CASE, "subject": "Other"}, headers={"Idempotency-Key": "same"})
    assert_error(response, 409, "idempotency_key_reused")


def test_message_idempotency_key_reused_on_another_case_is_409(seller_api):
    first = seller_api.post("/api/v1/cases", VALID_CASE).json()["id"]
    second = seller_api.post("/api/v1/cases", {**VALID_CASE, "subject": "Second"}).json()["id"]
    key = {"Idempotency-Key": "msg-1"}
    assert seller_api.post(f"/api/v1/cases/{first}/messages", {"body": "hi"}, headers=key).status_code == 201
    response = seller_api.post(f"/api/v1/cases/{second}/messages", {"body": "hi"}, headers=key)
    assert_error(response, 409, "idempotency_key_reused")


def test_agent_only_actions_are_403_for_sellers(seller_api, ana):
    case_id = seller_api.post("/api/v1/cases", VALID_CASE).json()["id"]
    assert_error(seller_api.post(f"/api/v1/cases/{case_id}/status", {"status": "closed"}), 403, "permission_denied")
    assert_error(seller_api.post(f"/api/v1/cases/{case_id}/assign", {}), 403, "permission_denied")
    response = seller_api.post(f"/api/v1/cases/{case_id}/messages", {"body": "x", "internal": True})
    assert_error(response, 403, "permission_denied")


def test_agents_cannot_open_cases(api_as, agent):
    assert_error(api_as(agent).post("/api/v1/cases", VALID_CASE), 403, "permission_denied")


# --- fuzzing the case-creation body ---------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4),
    max_leaves=10,
)
field_values = json_values | st.sampled_from([*Category.values, "", " ", "<b>x</b>", "<script>x</script>"])
case_like = st.fixed_dictionaries(
    {},
    optional={
        name: field_values for name in ("subject", "body", "category", "order_id", "listing_id", "urgent", "extra")
    },
)


@hyp_settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(payload=json_values | case_like)
def test_random_json_bodies_never_cause_a_server_error(seller_api, payload):
    response = seller_api.post("/api/v1/cases", raw=json.dumps(payload))
    assert response.status_code < 500, (payload, response.content[:300])
    assert response["Content-Type"].startswith("application/json")
    if response.status_code >= 400:
        assert "code" in response.json()
    else:
        assert response.status_code in (200, 201)
        assert "id" in response.json()


# --- NUL characters: PostgreSQL text cannot hold them, so the API refuses them as Django forms do --


@pytest.mark.parametrize("field", ["subject", "body", "order_id", "listing_id"])
def test_nul_character_in_case_text_is_422_naming_the_field(seller_api, field):
    response = seller_api.post("/api/v1/cases", {**VALID_CASE, field: "abc\x00def"})
    assert_error(response, 422, "validation_error", field)
    assert Case.objects.count() == 0


def test_nul_character_in_a_message_is_422(seller_api):
    case_id = seller_api.post("/api/v1/cases", VALID_CASE).json()["id"]
    response = seller_api.post(f"/api/v1/cases/{case_id}/messages", {"body": "hi\x00there"})
    assert_error(response, 422, "validation_error", "body")


@pytest.mark.parametrize("field", ["username", "password"])
def test_nul_character_in_credentials_is_422_not_a_server_error(ana, field):
    payload = {"username": "ana", "password": "pw", field: "ana\x00"}
    response = Client().post("/api/v1/auth/token", payload, content_type="application/json")
    assert_error(response, 422, "validation_error", field)


def test_nul_character_in_the_search_filter_is_422(seller_api):
    assert_error(seller_api.get("/api/v1/cases", q="abc\x00"), 422, "validation_error", "q")


@pytest.mark.parametrize("key", ["k\x00", "line\nbreak", "tab\there"])
def test_idempotency_key_with_control_characters_is_refused(seller_api, key):
    response = seller_api.post("/api/v1/cases", VALID_CASE, headers={"Idempotency-Key": key})
    assert_error(response, 422, "validation_error")
    assert Case.objects.count() == 0


# --- numbers no database integer can hold ---------------------------------------------------------

HUGE = 10**25


@pytest.mark.parametrize(
    "path", [f"/api/v1/cases/{HUGE}", f"/api/v1/cases/{HUGE}/events", f"/api/v1/attachments/{HUGE}"]
)
def test_an_id_beyond_any_database_integer_is_404(seller_api, path):
    assert_error(seller_api.get(path), 404, "not_found")


def test_posting_to_a_case_id_beyond_any_database_integer_is_404(seller_api):
    assert_error(seller_api.post(f"/api/v1/cases/{HUGE}/messages", {"body": "hi"}), 404, "not_found")


def test_searching_for_a_case_number_beyond_any_database_integer_finds_nothing(seller_api):
    seller_api.post("/api/v1/cases", VALID_CASE)
    response = seller_api.get("/api/v1/cases", q="SD-" + "9" * 25)
    assert response.status_code == 200, response.content
    assert response.json()["count"] == 0


def test_team_filter_beyond_any_database_integer_is_422(seller_api):
    assert_error(seller_api.get("/api/v1/cases", team=HUGE), 422, "validation_error", "team")
    assert seller_api.get("/api/v1/cases", team=2**63 - 1).json()["count"] == 0


def test_assigning_to_an_id_beyond_any_database_integer_is_a_4xx(api_as, ana, lead):
    case_id = api_as(ana).post("/api/v1/cases", VALID_CASE).json()["id"]
    response = api_as(lead).post(f"/api/v1/cases/{case_id}/assign", {"assignee": HUGE})
    assert 400 <= response.status_code < 500, response.content
    assert "assignee" in response.json().get("fields", {})
