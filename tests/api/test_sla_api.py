"""The SLA engine through /api/v1: the case JSON carries its targets, state and priority; urgent
cases are due 4 business hours later on the team's calendar; "next case" assigns atomically."""

import datetime as dt
import zoneinfo

import pytest

from sellerdesk.core import clock
from sellerdesk.sla.models import BusinessCalendar
from tests.api.test_tiered_api import assert_error

pytestmark = pytest.mark.django_db

MADRID = zoneinfo.ZoneInfo("Europe/Madrid")
# Friday 29 May 2026, 15:00 in Madrid: two hours before the team closes for the weekend.
FRIDAY = dt.datetime(2026, 5, 29, 15, 0, tzinfo=MADRID)


def open_case(client, **fields):
    response = client.post("/api/v1/cases", {"subject": "Payout missing", "body": "Where is it?", **fields})
    assert response.status_code == 201, response.content
    return response.json()


@pytest.fixture
def madrid_hours(tier1):
    tier1.calendar = BusinessCalendar.objects.create(
        name="Madrid office",
        timezone="Europe/Madrid",
        hours={day: [["09:00", "17:00"]] for day in ("mon", "tue", "wed", "thu", "fri")},
        holiday_country="ES",
    )
    tier1.save()


def test_a_new_case_shows_its_targets_state_and_priority(api_as, ana):
    with clock.frozen_at(dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)):
        case = open_case(api_as(ana))
    assert case["first_response_due"] == "2030-05-02T09:00:00Z"  # 24 h on a team open around the clock
    assert case["reply_due"] == case["first_response_due"]
    assert case["resolution_due"] == "2030-05-04T09:00:00Z"
    assert case["sla_state"] == "ok"
    assert 0 <= case["priority_score"] <= 100
    assert case["priority_reason"].startswith("normal: reply due in")


def test_an_urgent_case_is_due_four_business_hours_later_on_its_teams_calendar(api_as, ana, madrid_hours):
    with clock.frozen_at(FRIDAY):
        case = open_case(api_as(ana), urgent=True)
    # Two hours on Friday (15:00–17:00), the weekend closed, two more on Monday from 09:00.
    assert case["first_response_due"] == "2026-06-01T09:00:00Z"  # 11:00 in Madrid (CEST)


def test_a_case_with_an_order_cut_off_two_hours_away_is_first_in_the_agents_queue(api_as, ana, agent):
    seller = api_as(ana)
    now = clock.now()
    with clock.frozen_at(now - dt.timedelta(hours=20)):
        older = [open_case(seller, subject=f"Old question {i}") for i in range(3)]
    cut_off = (now + dt.timedelta(hours=2)).isoformat()
    pressing = open_case(seller, subject="Order ships today", order_id="112-7654321-7654321", business_deadline=cut_off)

    queue = api_as(agent).get("/api/v1/cases", sort="priority").json()["items"]
    assert [c["id"] for c in queue][:1] == [pressing["id"]]
    assert {c["id"] for c in queue[1:]} >= {c["id"] for c in older}
    assert queue[0]["priority_reason"].startswith("critical: order cut-off in 1h59m") or queue[0][
        "priority_reason"
    ].startswith("critical: order cut-off in 2h")
    assert queue[0]["priority_score"] > max(c["priority_score"] for c in queue[1:])


def test_business_impact_is_validated_field_by_field(api_as, ana):
    response = api_as(ana).post(
        "/api/v1/cases",
        {"subject": "s", "body": "b", "revenue_at_stake": "-5", "orders_affected": -1, "revenue_currency": "EURO"},
    )
    assert_error(response, 422, "validation_error", "revenue_at_stake", "orders_affected", "revenue_currency")
    response = api_as(ana).post("/api/v1/cases", {"subject": "s", "body": "b", "revenue_at_stake": "500"})
    assert_error(response, 422, "validation_error", "revenue_currency")


def test_money_and_orders_at_stake_raise_the_priority(api_as, ana):
    seller = api_as(ana)
    plain = open_case(seller)
    big = open_case(seller, revenue_at_stake="25000", revenue_currency="EUR", orders_affected=40)
    assert big["priority_score"] > plain["priority_score"]
    assert "at stake" in big["priority_reason"] and "orders affected" in big["priority_reason"]
    assert (big["revenue_at_stake"], big["revenue_currency"], big["orders_affected"]) == ("25000.00", "EUR", 40)


def test_next_case_assigns_the_most_pressing_case_once_then_204(api_as, ana, agent):
    seller = api_as(ana)
    open_case(seller, subject="Can wait")
    pressing = open_case(seller, subject="Account suspended", urgent=True)
    desk = api_as(agent)

    first = desk.post("/api/v1/queue/next")
    assert first.status_code == 200
    assert first.json()["id"] == pressing["id"]
    assert first.json()["assignee"]["id"] == agent.pk
    second = desk.post("/api/v1/queue/next")
    assert second.status_code == 200 and second.json()["id"] != pressing["id"]
    assert desk.post("/api/v1/queue/next").status_code == 204


def test_next_case_is_for_agents_only(api_as, ana):
    assert_error(api_as(ana).post("/api/v1/queue/next"), 403, "permission_denied")
    assert_error(api_as().post("/api/v1/queue/next"), 401, "not_authenticated")


def test_an_agent_of_another_team_gets_nothing_from_this_queue(api_as, ana, outsider_agent):
    open_case(api_as(ana))
    assert api_as(outsider_agent).post("/api/v1/queue/next").status_code == 204
