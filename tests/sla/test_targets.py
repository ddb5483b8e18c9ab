"""The targets of a case, through the case and routing services: which policy applies, when each
promise is due on the owning team's calendar, and how pauses, replies, reopenings, transfers and
sellers' escalation requests move the clocks without losing the time already used."""

import datetime as dt

import pytest

from sellerdesk.cases import services as cases
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import CaseEvent
from sellerdesk.core import clock
from sellerdesk.routing import services as routing
from sellerdesk.sla import services as sla
from sellerdesk.sla.models import SlaPolicy
from tests.factories import SellerAccountFactory, SellerFactory
from tests.sla.conftest import live_target, madrid, targets_of

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)  # a Monday; Tier 1 works around the clock
HOUR = 3600


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def opened(open_case_as, seller, when=T0, **fields):
    with clock.frozen_at(when):
        case = open_case_as(seller, **fields)
    case.refresh_from_db()
    return case


def reply(actor, case, when, body="Thanks, we are on it.", **kwargs):
    with clock.frozen_at(when):
        cases.post_message(actor=actor, case_id=case.pk, body=body, **kwargs)
    case.refresh_from_db()


def set_status(actor, case, when, status):
    with clock.frozen_at(when):
        cases.change_status(actor=actor, case_id=case.pk, status=status)
    case.refresh_from_db()


def seller_with(**account_fields):
    return SellerFactory(seller_account=SellerAccountFactory(**account_fields))


def no_sla_steps():
    return not CaseEvent.objects.filter(kind=EventType.SLA_STEP).exists()


# --- the targets of a new case ---------------------------------------------------------------------------


def test_a_new_case_gets_a_first_response_and_a_resolution_target_from_the_standard_policy(ana, tier1, open_case_as):
    case = opened(open_case_as, ana)
    assert case.team == tier1
    assert (case.first_response_due, case.response_due, case.resolution_due) == (at(24), at(24), at(72))
    assert case.sla_state == "ok"
    assert [(t.kind, t.phase, t.policy.name, t.target_seconds, t.due_at) for t in targets_of(case)] == [
        ("first_response", "running", "Standard", 24 * HOUR, at(24)),
        ("resolution", "running", "Standard", 72 * HOUR, at(72)),
    ]


def test_an_urgent_case_opened_friday_afternoon_is_due_monday_morning_on_its_teams_calendar(
    ana, office_hours, open_case_as
):
    case = opened(open_case_as, ana, madrid(2026, 11, 20, 16), urgent=True)
    assert case.first_response_due == madrid(2026, 11, 23, 12)
    assert case.response_due == madrid(2026, 11, 23, 12)
    first = live_target(case, "first_response")
    assert (first.policy.name, first.target_seconds) == ("Urgent", 4 * HOUR)
    # 24 business hours: Friday 1 h, Monday 8 h, Tuesday 8 h, Wednesday 7 h.
    assert case.resolution_due == madrid(2026, 11, 25, 16)


def test_an_urgent_case_opened_before_a_spanish_public_holiday_skips_it(ana, office_hours, open_case_as):
    # Tuesday 8 December 2026 is a national holiday: Monday 2 h, then Wednesday from 09:00.
    case = opened(open_case_as, ana, madrid(2026, 12, 7, 15), urgent=True)
    assert case.first_response_due == madrid(2026, 12, 9, 11)


def test_a_case_opened_on_a_weekend_counts_from_the_next_opening(ana, office_hours, open_case_as):
    case = opened(open_case_as, ana, madrid(2026, 11, 21, 10), urgent=True)
    assert case.first_response_due == madrid(2026, 11, 23, 13)


def test_an_appeal_gets_an_appeal_decision_target_instead_of_a_resolution(ana, tier1, open_case_as):
    case = opened(open_case_as, ana, category="appeals")
    assert [(t.kind, t.target_seconds, t.due_at) for t in targets_of(case)] == [
        ("first_response", 24 * HOUR, at(24)),
        ("appeal_decision", 72 * HOUR, at(72)),
    ]
    assert case.resolution_due == at(72)


# --- which policy applies --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("condition", "matching", "other", "other_hours"),
    [
        pytest.param({"categories": ["payments"]}, ({}, {"category": "payments"}), ({}, {}), 24, id="category"),
        pytest.param({"priorities": ["critical"]}, ({"status": "suspended"}, {}), ({}, {}), 24, id="priority"),
        pytest.param({"urgent": True}, ({}, {"urgent": True}), ({}, {}), 24, id="urgent"),
        pytest.param({"urgent": False}, ({}, {}), ({}, {"urgent": True}), 4, id="not-urgent"),
        pytest.param({"segments": ["strategic"]}, ({"segment": "strategic"}, {}), ({}, {}), 24, id="segment"),
        pytest.param({"channels": ["email"]}, ({}, {"channel": "email"}), ({}, {}), 24, id="channel"),
        pytest.param({"team_tiers": ["tier2"]}, ({}, {"category": "listing"}), ({}, {}), 24, id="team-tier"),
    ],
)
def test_a_policy_applies_only_to_the_cases_meeting_its_condition(
    condition, matching, other, other_hours, tier1, tier2_team, open_case_as
):
    SlaPolicy.objects.create(name="Special", position=1, first_response_minutes=60, **condition)
    match = opened(open_case_as, seller_with(**matching[0]), **matching[1])
    miss = opened(open_case_as, seller_with(**other[0]), **other[1])

    assert live_target(match, "first_response").policy.name == "Special"
    assert match.first_response_due == at(1)
    assert live_target(miss, "first_response").policy.name != "Special"
    assert miss.first_response_due == at(other_hours)


def test_policies_are_tried_in_position_order_the_first_match_wins_and_inactive_ones_are_skipped(
    ana, tier1, open_case_as
):
    SlaPolicy.objects.create(
        name="Payments, tried later", position=8, categories=["payments"], first_response_minutes=120
    )
    SlaPolicy.objects.create(
        name="Payments, tried first", position=5, categories=["payments"], first_response_minutes=60
    )
    SlaPolicy.objects.create(name="Switched off", position=1, active=False, first_response_minutes=1)

    payments = opened(open_case_as, ana, category="payments")
    other = opened(open_case_as, ana)

    assert live_target(payments, "first_response").policy.name == "Payments, tried first"
    assert payments.first_response_due == at(1)
    assert live_target(other, "first_response").policy.name == "Standard"
    assert other.first_response_due == at(24)


def test_with_no_matching_policy_the_published_defaults_apply(ana, tier1, open_case_as):
    SlaPolicy.objects.update(active=False)
    plain = opened(open_case_as, ana)
    urgent = opened(open_case_as, ana, urgent=True)

    assert plain.first_response_due == at(24)
    assert urgent.first_response_due == at(4)
    first = live_target(plain, "first_response")
    assert (first.policy, first.target_seconds) == (None, 24 * HOUR)


# --- pauses keep the time used ---------------------------------------------------------------------------


def test_waiting_on_the_seller_pauses_the_clocks_and_the_sellers_reply_resumes_them_with_the_time_used(
    ana, agent, open_case_as
):
    case = opened(open_case_as, ana)
    set_status(agent, case, at(2), "waiting_on_seller")

    assert case.sla_state == "paused"
    assert (case.response_due, case.resolution_due) == (None, None)
    assert [(t.kind, t.phase, t.used_seconds, t.due_at) for t in targets_of(case)] == [
        ("first_response", "paused", 2 * HOUR, None),
        ("resolution", "paused", 2 * HOUR, None),
    ]
    assert sla.sweep(now=at(49)) == 0  # 47 hours later: a paused clock does not advance

    reply(ana, case, at(50), body="Here are the documents you asked for.")
    assert case.status == "open"
    assert case.sla_state == "ok"
    assert (case.first_response_due, case.response_due, case.resolution_due) == (at(72), at(72), at(120))
    # The same target resumed: no new reply target for the seller's message while one is owed.
    assert [(t.kind, t.phase, t.used_seconds) for t in targets_of(case)] == [
        ("first_response", "running", 2 * HOUR),
        ("resolution", "running", 2 * HOUR),
    ]
    assert sla.sweep(now=at(50)) == 0
    assert sla.sweep(now=at(65)) == 0  # 17 of the 24 hours used: not at risk yet
    assert no_sla_steps()


def test_a_pause_across_a_calendars_closed_hours_keeps_the_business_time_used(ana, agent, office_hours, open_case_as):
    case = opened(open_case_as, ana, madrid(2026, 11, 16, 9))
    assert case.first_response_due == madrid(2026, 11, 18, 17)  # three office days
    set_status(agent, case, madrid(2026, 11, 16, 11), "waiting_on_seller")
    # The seller answers on Saturday: the clock resumes, but only counts from Monday 09:00.
    reply(ana, case, madrid(2026, 11, 21, 10), body="Done, see attached.")

    first = live_target(case, "first_response")
    assert (first.phase, first.used_seconds) == ("running", 2 * HOUR)
    # 22 hours left: Monday 8, Tuesday 8, Wednesday 6.
    assert case.first_response_due == madrid(2026, 11, 25, 15)
    assert sla.sweep(now=madrid(2026, 11, 22, 23)) == 0  # the weekend counts nothing
    assert case.sla_state == "ok"


def test_reopening_a_resolved_case_resumes_its_resolution_target_and_owes_the_seller_a_reply(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    reply(agent, case, at(1))
    set_status(agent, case, at(10), "resolved")
    resolution = targets_of(case)[1]
    assert (resolution.kind, resolution.phase, resolution.met_at, resolution.used_seconds) == (
        "resolution",
        "met",
        at(10),
        10 * HOUR,
    )
    assert (case.response_due, case.resolution_due) == (None, None)

    with clock.frozen_at(at(100)):
        cases.reopen_case(actor=ana, case_id=case.pk, reason="The payout still has not arrived.")
    case.refresh_from_db()

    resolution = live_target(case, "resolution")
    assert (resolution.pk, resolution.phase, resolution.used_seconds) == (targets_of(case)[1].pk, "running", 10 * HOUR)
    assert case.resolution_due == at(162)  # 62 hours left, not an instant breach
    next_response = live_target(case, "next_response")
    assert (next_response.started_at, next_response.due_at) == (at(100), at(124))
    assert case.response_due == at(124)
    assert case.sla_state == "ok"
    assert sla.sweep(now=at(100)) == 0
    assert no_sla_steps()


def test_an_agent_reopening_a_case_resumes_the_resolution_but_owes_no_reply(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    reply(agent, case, at(1))
    set_status(agent, case, at(10), "resolved")
    with clock.frozen_at(at(30)):
        cases.reopen_case(actor=agent, case_id=case.pk)
    case.refresh_from_db()
    assert [(t.kind, t.phase) for t in targets_of(case)] == [("first_response", "met"), ("resolution", "running")]
    assert (case.response_due, case.resolution_due) == (None, at(92))


def test_closing_a_case_stops_what_is_still_owed(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    set_status(agent, case, at(3), "closed")
    assert [(t.kind, t.phase) for t in targets_of(case)][0] == ("first_response", "stopped")
    assert not [t for t in targets_of(case) if t.live]
    assert (case.response_due, case.resolution_due, case.sla_state) == (None, None, "ok")
    assert sla.sweep(now=at(500)) == 0


# --- replies -------------------------------------------------------------------------------------------


def test_an_agents_public_reply_meets_the_first_response_and_an_internal_note_does_not(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    reply(agent, case, at(1), body="Checking with payments first.", internal=True)
    assert live_target(case, "first_response").phase == "running"
    assert case.response_due == at(24)

    reply(agent, case, at(3))
    first = targets_of(case)[0]
    assert (first.kind, first.phase, first.met_at, first.used_seconds) == ("first_response", "met", at(3), 3 * HOUR)
    assert (case.first_response_at, case.first_response_due, case.response_due) == (at(3), at(24), None)
    assert live_target(case, "resolution").phase == "running"


def test_a_seller_message_after_the_first_response_owes_a_next_response_once(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    reply(agent, case, at(1))
    reply(ana, case, at(5), body="Any news?")
    next_response = live_target(case, "next_response")
    assert (next_response.started_at, next_response.due_at, next_response.target_seconds) == (at(5), at(29), 24 * HOUR)
    assert case.response_due == at(29)

    reply(ana, case, at(7), body="Hello? It is urgent.")  # writing twice does not restart the clock
    assert live_target(case, "next_response").pk == next_response.pk
    assert case.response_due == at(29)

    reply(agent, case, at(8))
    assert case.response_due is None
    reply(ana, case, at(9), body="One more question.")
    assert case.response_due == at(33)
    assert [t.phase for t in targets_of(case) if t.kind == "next_response"] == ["met", "running"]


# --- transfers and escalation requests --------------------------------------------------------------------


def test_a_transfer_keeps_the_time_used_and_moves_the_clocks_to_the_new_teams_calendar(
    ana, agent, tier1, tier2_team, office_calendar, open_case_as
):
    tier2_team.calendar = office_calendar
    tier2_team.save()
    # Monday 06:00 UTC on Tier 1 (around the clock); transferred at 10:00 UTC = 11:00 in Madrid.
    case = opened(open_case_as, ana, dt.datetime(2026, 11, 16, 6, tzinfo=dt.UTC))
    with clock.frozen_at(dt.datetime(2026, 11, 16, 10, tzinfo=dt.UTC)):
        transfer = routing.transfer_case(
            actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category", note="Tier 2 topic."
        )
    case.refresh_from_db()

    assert case.team == tier2_team
    assert [(t.kind, t.phase, t.used_seconds) for t in targets_of(case)] == [
        ("first_response", "running", 4 * HOUR),
        ("resolution", "running", 4 * HOUR),
    ]
    # 20 office hours left from Monday 11:00: Monday 6, Tuesday 8, Wednesday 6.
    assert case.first_response_due == madrid(2026, 11, 18, 15)
    assert transfer.expected_reply_by == madrid(2026, 11, 18, 15)
    # 68 office hours left: Monday 6, seven full days (56), Thursday 26th 6.
    assert case.resolution_due == madrid(2026, 11, 26, 15)


def test_a_transfer_of_an_answered_case_owes_the_seller_a_reply_from_the_new_team(
    ana, agent, tier1, tier2_team, open_case_as
):
    case = opened(open_case_as, ana)
    reply(agent, case, at(1))
    with clock.frozen_at(at(2)):
        routing.transfer_case(actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category")
    case.refresh_from_db()
    assert (live_target(case, "next_response").started_at, case.response_due) == (at(2), at(26))


def test_an_urgent_escalation_request_shortens_the_targets_and_keeps_the_time_used(ana, tier1, open_case_as):
    case = opened(open_case_as, ana)
    with clock.frozen_at(at(1)):
        request = routing.request_escalation(actor=ana, case_id=case.pk, kind="urgent", reason="The order ships today.")
    case.refresh_from_db()

    assert case.urgent is True
    assert [(t.kind, t.policy.name, t.target_seconds, t.used_seconds, t.due_at) for t in targets_of(case)] == [
        ("first_response", "Urgent", 4 * HOUR, 1 * HOUR, at(4)),
        ("resolution", "Urgent", 24 * HOUR, 1 * HOUR, at(24)),
    ]
    assert (case.first_response_due, case.response_due, case.resolution_due) == (at(4), at(4), at(24))
    assert request.target_at == at(5)


def test_a_call_back_request_starts_a_48_business_hour_target_met_when_the_lead_handles_it(
    ana, lead, office_hours, open_case_as
):
    case = opened(open_case_as, ana, madrid(2026, 11, 16, 9))
    with clock.frozen_at(madrid(2026, 11, 16, 10)):
        request = routing.request_escalation(
            actor=ana, case_id=case.pk, kind="call_back", reason="Please call me.", phone="+34 600 123 456"
        )
    case.refresh_from_db()

    call_back = live_target(case, "call_back")
    # 48 office hours from Monday 10:00: 7 + 4 × 8 + 8 (next Monday) + 1 → Tuesday 24th 10:00.
    assert (call_back.target_seconds, call_back.due_at) == (48 * HOUR, madrid(2026, 11, 24, 10))
    assert request.target_at == madrid(2026, 11, 24, 10)
    assert case.response_due == madrid(2026, 11, 18, 17)  # the first response is due sooner

    with clock.frozen_at(madrid(2026, 11, 17, 12)):
        routing.handle_escalation_request(actor=lead, request_id=request.pk, outcome="Called, all sorted.")
    call_back.refresh_from_db()
    assert (call_back.phase, call_back.met_at) == ("met", madrid(2026, 11, 17, 12))
    case.refresh_from_db()
    assert live_target(case, "first_response").phase == "running"
    assert case.response_due == madrid(2026, 11, 18, 17)


def test_a_seller_writing_again_before_the_first_answer_changes_nothing(ana, open_case_as):
    case = opened(open_case_as, ana)
    reply(ana, case, at(5), body="I forgot: the order id is 112-1234567-1234567.")
    assert [(t.kind, t.phase) for t in targets_of(case)] == [("first_response", "running"), ("resolution", "running")]
    assert case.response_due == at(24)


def test_a_call_back_requested_while_the_case_waits_on_the_seller_is_measured(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    set_status(agent, case, at(1), "waiting_on_seller")
    with clock.frozen_at(at(2)):
        request = routing.request_escalation(
            actor=ana, case_id=case.pk, kind="call_back", reason="Please call me.", phone="+34 600 123 456"
        )
    case.refresh_from_db()
    call_back = live_target(case, "call_back")
    assert (call_back.phase, call_back.due_at) == ("running", at(50))
    assert request.target_at == at(50)
    assert case.response_due == at(50)
