"""The contacts and account-health API: who may send and read, validation, and the demo check
(100 answers, 30 of them 'no' → a red dissatisfaction rate of 30.0%)."""

import datetime as dt

import pytest

from sellerdesk.core import clock
from sellerdesk.performance.models import AccountHealth, BuyerContact
from tests.factories import AgentFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2026, 11, 30, 12, 0, tzinfo=dt.UTC)
CONTACTS = "/api/v1/performance/contacts"
HEALTH = "/api/v1/performance/health"


@pytest.fixture(autouse=True)
def _now():
    with clock.frozen_at(NOW):
        yield


def iso(moment: dt.datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def contacts(n: int, *, no: int = 0, prefix: str = "c", days_ago: int = 3, responded_hours: float | None = 2):
    """n contacts received `days_ago` days ago, answered after `responded_hours`; the first `no` of
    them answered 'no', the others 'yes'."""
    received = NOW - dt.timedelta(days=days_ago)
    return [
        {
            "external_id": f"{prefix}-{i}",
            "received_at": iso(received + dt.timedelta(minutes=i)),
            "responded_at": None
            if responded_hours is None
            else iso(received + dt.timedelta(minutes=i, hours=responded_hours)),
            "survey_answer": "no" if i < no else "yes",
        }
        for i in range(n)
    ]


# --- the demo check ----------------------------------------------------------------------------------


def test_thirty_no_answers_out_of_a_hundred_is_a_red_dissatisfaction_rate_of_30_percent(api_as, operator, ana):
    seller_id = ana.seller_account.marketplace_seller_id
    sent = api_as(operator).post(CONTACTS, {"seller": seller_id, "contacts": contacts(100, no=30)})
    assert sent.status_code == 200, sent.content
    assert sent.json() == {"seller": seller_id, "accepted": 100, "created": 100, "updated": 0, "rejected": []}

    response = api_as(ana).get(HEALTH)
    assert response.status_code == 200, response.content
    body = response.json()
    rate = body["metrics"]["dissatisfaction_rate"]
    assert rate["value"] == 30.0
    assert rate["state"] == "red"
    assert rate["unit"] == "percent"
    assert rate["numerator"] == 30
    assert rate["denominator"] == 100
    assert rate["target"] == {"operator": "<", "value": 25.0}
    # 30 / (100 + k) < 25% from k = 21 'yes' answers on.
    assert rate["to_leave_red"] == 21
    compliance = body["metrics"]["response_time_compliance"]
    assert (compliance["value"], compliance["state"], compliance["numerator"], compliance["denominator"]) == (
        100.0,
        "green",
        100,
        100,
    )
    assert body["overall"] == "red"
    assert body["window_days"] == 30
    assert [w["window_days"] for w in body["windows"]] == [30, 90]
    assert body["thresholds"]["dissatisfaction_rate"] == {"red_at_or_above": 25.0, "yellow_at_or_above": 20.0}


def test_sending_the_same_contacts_again_updates_them_instead_of_counting_twice(api_as, operator, ana):
    seller_id = ana.seller_account.marketplace_seller_id
    client = api_as(operator)
    client.post(CONTACTS, {"seller": seller_id, "contacts": contacts(10, no=5)})
    again = client.post(CONTACTS, {"seller": seller_id, "contacts": contacts(10, no=1)})
    assert again.json() | {"rejected": []} == {
        "seller": seller_id,
        "accepted": 10,
        "created": 0,
        "updated": 10,
        "rejected": [],
    }
    assert BuyerContact.objects.filter(seller_account=ana.seller_account).count() == 10
    rate = api_as(ana).get(HEALTH).json()["metrics"]["dissatisfaction_rate"]
    assert (rate["numerator"], rate["denominator"], rate["value"], rate["state"]) == (1, 10, 10.0, "green")


def test_bad_rows_are_rejected_with_reasons_and_the_others_accepted(api_as, operator, ana):
    rows = contacts(3)
    rows[1]["survey_answer"] = "maybe"
    rows.append({"external_id": "late", "received_at": "yesterday"})
    rows.append("not an object")
    rows.append({"external_id": "c-0", "received_at": iso(NOW - dt.timedelta(days=1))})  # twice in the batch
    rows.append({"received_at": iso(NOW), "colour": "red"})
    rows.append({"external_id": "future", "received_at": iso(NOW + dt.timedelta(hours=2))})
    rows.append(
        {
            "external_id": "backwards",
            "received_at": iso(NOW - dt.timedelta(days=2)),
            "responded_at": iso(NOW - dt.timedelta(days=3)),
        }
    )
    rows.append({"external_id": "naive", "received_at": "2026-11-29T10:00:00"})
    response = api_as(operator).post(CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": rows})
    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["accepted"], body["created"], body["updated"]) == (2, 2, 0)
    rejected = {r["index"]: r for r in body["rejected"]}
    assert sorted(rejected) == [1, 3, 4, 5, 6, 7, 8, 9]
    assert list(rejected[1]["errors"]) == ["survey_answer"]
    assert list(rejected[3]["errors"]) == ["received_at"]
    assert list(rejected[4]["errors"]) == ["contact"]
    assert rejected[4]["external_id"] is None
    assert list(rejected[5]["errors"]) == ["external_id"]
    assert sorted(rejected[6]["errors"]) == ["colour", "external_id"]
    assert list(rejected[7]["errors"]) == ["received_at"]
    assert list(rejected[8]["errors"]) == ["responded_at"]
    assert list(rejected[9]["errors"]) == ["received_at"]
    assert set(BuyerContact.objects.values_list("external_id", flat=True)) == {"c-0", "c-2"}


# --- who may send ------------------------------------------------------------------------------------


@pytest.mark.parametrize("who", ["ana", "agent", "perf_agent"])
def test_only_operators_may_send_contacts(request, api_as, who, ana):
    user = request.getfixturevalue(who)
    response = api_as(user).post(
        CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": contacts(1)}
    )
    assert response.status_code == 403
    assert response.json()["code"] == "permission_denied"
    assert not BuyerContact.objects.exists()


def test_sending_contacts_needs_a_token(api_as, ana):
    response = api_as().post(CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": contacts(1)})
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"


# --- malformed requests: 422 with the field, never a 500 ---------------------------------------------


def test_an_unknown_seller_is_a_validation_error_on_seller(api_as, operator):
    response = api_as(operator).post(CONTACTS, {"seller": "MN-NOPE", "contacts": contacts(1)})
    assert response.status_code == 422
    assert response.json()["code"] == "validation_error"
    assert "seller" in response.json()["fields"]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"contacts": []}, "seller"),
        ({"seller": "MN"}, "contacts"),
        ({"seller": "X", "contacts": "not a list"}, "contacts"),
        ({"seller": "X", "contacts": {"external_id": "a"}}, "contacts"),
        ({"seller": 12, "contacts": []}, "seller"),
        ({"seller": ["X"], "contacts": []}, "seller"),
        ({"seller": "X", "contacts": [], "extra": 1}, "extra"),
        ([], "body"),
        ('"a JSON string"', "body"),
        ("42", "body"),
    ],
)
def test_malformed_bodies_are_refused_with_the_field(api_as, operator, ana, body, field):
    if isinstance(body, dict) and body.get("seller") == "X":
        body = {**body, "seller": ana.seller_account.marketplace_seller_id}
    response = api_as(operator).post(CONTACTS, body)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "validation_error"
    assert field in response.json()["fields"], response.json()


def test_an_empty_list_of_contacts_is_refused(api_as, operator, ana):
    response = api_as(operator).post(CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": []})
    assert response.status_code == 422
    assert "contacts" in response.json()["fields"]


def test_more_than_5000_contacts_in_one_request_are_refused(api_as, operator, ana):
    response = api_as(operator).post(
        CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": contacts(5001, responded_hours=None)}
    )
    assert response.status_code == 422
    assert "contacts" in response.json()["fields"]
    assert not BuyerContact.objects.exists()


def test_invalid_json_is_refused(api_as, operator):
    response = api_as(operator).post(CONTACTS, raw="{not json")
    assert response.status_code in (400, 422)
    assert response.json()["code"] in ("malformed_json", "validation_error")


# --- who may read ------------------------------------------------------------------------------------


def test_a_seller_reads_their_own_health_without_naming_it(api_as, ana):
    body = api_as(ana).get(HEALTH).json()
    assert body["seller"] == ana.seller_account.marketplace_seller_id
    assert body["overall"] == "no_data"
    assert body["metrics"]["dissatisfaction_rate"]["value"] is None
    assert body["metrics"]["dissatisfaction_rate"]["state"] == "no_data"


def test_a_seller_may_name_their_own_account(api_as, ana):
    response = api_as(ana).get(HEALTH, seller=ana.seller_account.marketplace_seller_id)
    assert response.status_code == 200


def test_a_seller_cannot_read_another_sellers_health(api_as, ana, ben):
    response = api_as(ben).get(HEALTH, seller=ana.seller_account.marketplace_seller_id)
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"
    # Nor does an unknown id tell them anything different.
    assert api_as(ben).get(HEALTH, seller="MN-NOPE").status_code == 404


@pytest.mark.parametrize("who", ["agent", "support_admin"])
def test_agents_and_operators_name_the_seller(request, api_as, who, ana, operator):
    api_as(operator).post(CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": contacts(4, no=1)})
    client = api_as(request.getfixturevalue(who))
    missing = client.get(HEALTH)
    assert missing.status_code == 422
    assert "seller" in missing.json()["fields"]
    assert client.get(HEALTH, seller="MN-NOPE").status_code == 404
    body = client.get(HEALTH, seller=ana.seller_account.marketplace_seller_id).json()
    assert body["metrics"]["dissatisfaction_rate"]["value"] == 25.0
    assert body["metrics"]["dissatisfaction_rate"]["state"] == "red"


def test_reading_health_needs_a_token(api_as):
    assert api_as().get(HEALTH).status_code == 401


# --- windows -----------------------------------------------------------------------------------------


def test_the_90_day_window_on_request(api_as, operator, ana):
    seller_id = ana.seller_account.marketplace_seller_id
    client = api_as(operator)
    client.post(CONTACTS, {"seller": seller_id, "contacts": contacts(10, no=1, prefix="recent")})
    client.post(CONTACTS, {"seller": seller_id, "contacts": contacts(10, no=9, prefix="old", days_ago=60)})
    reader = api_as(ana)
    recent = reader.get(HEALTH).json()
    assert recent["window_days"] == 30
    assert recent["metrics"]["dissatisfaction_rate"]["value"] == 10.0
    both = reader.get(HEALTH, window=90).json()
    assert both["window_days"] == 90
    assert both["metrics"]["dissatisfaction_rate"]["numerator"] == 10
    assert both["metrics"]["dissatisfaction_rate"]["denominator"] == 20
    assert both["metrics"]["dissatisfaction_rate"]["value"] == 50.0
    assert both["overall"] == "red"
    assert recent["overall"] == "green"


@pytest.mark.parametrize("window", ["7", "abc", "-1", "0"])
def test_an_unknown_window_is_a_validation_error(api_as, ana, window):
    response = api_as(ana).get(HEALTH, window=window)
    assert response.status_code == 422
    assert "window" in response.json()["fields"]


def test_health_without_a_computed_row_is_computed_on_first_read(api_as, operator, ana):
    api_as(operator).post(CONTACTS, {"seller": ana.seller_account.marketplace_seller_id, "contacts": contacts(4)})
    AccountHealth.objects.all().delete()
    body = api_as(ana).get(HEALTH).json()
    assert body["metrics"]["dissatisfaction_rate"]["denominator"] == 4
    assert AccountHealth.objects.filter(seller_account=ana.seller_account).count() == 2


def test_an_agent_from_any_team_reads_health(api_as, ana, payments_team):
    other = AgentFactory(username="agent-x", teams=[payments_team])
    assert api_as(other).get(HEALTH, seller=ana.seller_account.marketplace_seller_id).status_code == 200


def test_the_openapi_schema_documents_both_endpoints(api_as):
    schema = api_as().get("/api/v1/openapi.json").json()
    assert "/api/v1/performance/contacts" in schema["paths"]
    assert "/api/v1/performance/health" in schema["paths"]
    assert "HealthOut" in schema["components"]["schemas"]
    contacts_schema = schema["components"]["schemas"]["ContactsIn"]["properties"]["contacts"]
    assert contacts_schema["maxItems"] == 5000
    assert contacts_schema["items"]["properties"]["survey_answer"]
