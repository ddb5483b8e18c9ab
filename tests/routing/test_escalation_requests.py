"""Sellers' escalation requests: urgent, supervisor, call-back; each with its own target time, in
the team lead's view, and urgent abuse visible in the metrics."""

import datetime as dt

import pytest

from sellerdesk.cases import services as case_services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import CaseEvent, Priority
from sellerdesk.core import clock
from sellerdesk.routing import selectors, services
from sellerdesk.routing.models import EscalationRequest
from tests.factories import EscalationRequestFactory, LeadFactory

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def ask(ana, pickup_case):
    def _ask(kind, reason="The order ships today and nobody answers.", *, actor=None, **kwargs):
        return services.request_escalation(
            actor=actor or ana, case_id=pickup_case.pk, kind=kind, reason=reason, **kwargs
        )

    return _ask


def test_marking_urgent_sets_the_flag_high_priority_and_a_four_hour_target(ask, ana, pickup_case, tier1):
    with clock.frozen_at(NOW):
        request = ask("urgent")
    assert (request.kind, request.state, request.team, request.requested_by) == ("urgent", "open", tier1, ana)
    assert request.target_at == NOW + dt.timedelta(hours=4)
    pickup_case.refresh_from_db()
    assert pickup_case.urgent is True
    assert pickup_case.priority == Priority.HIGH
    event = CaseEvent.objects.get(case=pickup_case, kind=EventType.ESCALATION_REQUESTED)
    assert event.public is True
    assert event.actor == ana
    assert event.data["kind"] == "urgent"
    assert event.data["target_at"] == (NOW + dt.timedelta(hours=4)).isoformat()


def test_marking_urgent_never_lowers_a_critical_priority(ask, pickup_case):
    pickup_case.priority = Priority.CRITICAL
    pickup_case.save()
    ask("urgent")
    pickup_case.refresh_from_db()
    assert pickup_case.priority == Priority.CRITICAL


def test_asking_for_a_supervisor_has_a_24_hour_target_and_leaves_priority(ask, pickup_case):
    with clock.frozen_at(NOW):
        request = ask("supervisor")
    assert request.target_at == NOW + dt.timedelta(hours=24)
    pickup_case.refresh_from_db()
    assert (pickup_case.urgent, pickup_case.priority) == (False, Priority.NORMAL)


def test_a_call_back_has_a_48_hour_target_and_keeps_the_phone(ask):
    with clock.frozen_at(NOW):
        request = ask("call_back", phone="+1 312 555 0147")
    assert request.target_at == NOW + dt.timedelta(hours=48)
    assert request.phone == "+1 312 555 0147"


@pytest.mark.parametrize("phone", ["", "call me", "12"])
def test_a_call_back_needs_a_phone_number(ask, refused, pickup_case, phone):
    with refused("validation_error", "phone"):
        ask("call_back", phone=phone)
    assert not EscalationRequest.objects.filter(case=pickup_case).exists()


def test_a_request_needs_a_reason(ask, refused):
    with refused("validation_error", "reason"):
        ask("supervisor", reason="   ")


def test_an_unknown_kind_is_refused(ask, refused):
    with refused("validation_error", "kind"):
        ask("lawyer")


def test_asking_twice_returns_the_open_request(ask, pickup_case):
    first = ask("urgent")
    again = ask("urgent", reason="Still nothing!")
    assert again.pk == first.pk
    assert again.reason == first.reason
    assert EscalationRequest.objects.filter(case=pickup_case).count() == 1
    assert CaseEvent.objects.filter(case=pickup_case, kind=EventType.ESCALATION_REQUESTED).count() == 1
    # Another kind is another request.
    assert ask("supervisor").pk != first.pk


def test_a_new_request_of_a_kind_may_follow_a_handled_one(ask, lead):
    first = ask("supervisor")
    services.handle_escalation_request(actor=lead, request_id=first.pk, outcome="I called the carrier myself.")
    assert ask("supervisor").pk != first.pk


def test_only_sellers_request_escalations(ask, agent, lead, support_admin, refused, pickup_case):
    for someone in (agent, lead, support_admin):
        with refused("permission_denied"):
            ask("urgent", actor=someone)
    assert not EscalationRequest.objects.filter(case=pickup_case).exists()


def test_another_seller_cannot_escalate_the_case(ask, ben, refused):
    with refused("not_found"):
        ask("urgent", actor=ben)


def test_a_resolved_case_cannot_be_escalated(ask, agent, pickup_case, refused):
    case_services.change_status(actor=agent, case_id=pickup_case.pk, status="resolved")
    with refused("case_closed"):
        ask("urgent")
    pickup_case.refresh_from_db()
    assert pickup_case.urgent is False


# --- handling ---------------------------------------------------------------------------------------------


def test_a_lead_of_the_cases_team_handles_a_request_in_writing(ask, lead, pickup_case):
    request = ask("supervisor")
    with clock.frozen_at(NOW):
        handled = services.handle_escalation_request(
            actor=lead, request_id=request.pk, outcome="I am on it: reply by noon."
        )
    assert (handled.state, handled.handled_by, handled.handled_at) == ("handled", lead, NOW)
    assert handled.outcome == "I am on it: reply by noon."
    assert handled.judged_not_urgent is False
    event = CaseEvent.objects.get(case=pickup_case, kind=EventType.ESCALATION_HANDLED)
    assert event.public is True
    assert event.data["outcome"] == "I am on it: reply by noon."


def test_handling_twice_changes_nothing(ask, lead, pickup_case):
    request = ask("supervisor")
    services.handle_escalation_request(actor=lead, request_id=request.pk, outcome="Done.")
    again = services.handle_escalation_request(actor=lead, request_id=request.pk, outcome="Done again.")
    assert again.outcome == "Done."
    assert CaseEvent.objects.filter(case=pickup_case, kind=EventType.ESCALATION_HANDLED).count() == 1


def test_a_plain_agent_cannot_handle_a_request(ask, agent, refused):
    request = ask("supervisor")
    with refused("permission_denied"):
        services.handle_escalation_request(actor=agent, request_id=request.pk, outcome="Sure.")
    request.refresh_from_db()
    assert request.state == "open"


def test_a_lead_of_another_team_does_not_find_the_request(ask, payments_team, refused):
    other_lead = LeadFactory(teams=[payments_team])
    request = ask("supervisor")
    with refused("not_found"):
        services.handle_escalation_request(actor=other_lead, request_id=request.pk, outcome="Sure.")


def test_an_admin_may_handle_any_request(ask, support_admin):
    request = ask("supervisor")
    assert (
        services.handle_escalation_request(actor=support_admin, request_id=request.pk, outcome="Handled.").state
        == "handled"
    )


def test_the_outcome_is_required(ask, lead, refused):
    request = ask("supervisor")
    with refused("validation_error", "outcome"):
        services.handle_escalation_request(actor=lead, request_id=request.pk, outcome="")


def test_requests_land_in_the_team_leads_view_soonest_target_first(ask, tier1, payments_team):
    supervisor = ask("supervisor")
    urgent = ask("urgent")
    elsewhere = EscalationRequestFactory(case__team=payments_team)
    assert list(selectors.open_escalation_requests([tier1.pk])) == [urgent, supervisor]
    assert elsewhere in selectors.open_escalation_requests(None)


# --- urgent abuse -----------------------------------------------------------------------------------------


def test_judged_not_urgent_feeds_the_urgent_abuse_metric(ana, ben, lead, tier1, open_case_as):
    since = clock.now() - dt.timedelta(days=1)
    requests = []
    for n in range(3):
        case = open_case_as(ana, subject=f"Question {n}")
        requests.append(services.request_escalation(actor=ana, case_id=case.pk, kind="urgent", reason="Now!"))
    ben_case = open_case_as(ben, subject="Listing down")
    services.request_escalation(actor=ben, case_id=ben_case.pk, kind="urgent", reason="Store is down.")

    for request in requests[:2]:
        services.handle_escalation_request(
            actor=lead, request_id=request.pk, outcome="This is a routine question.", judged_not_urgent=True
        )

    abuse = selectors.urgent_abuse(since=since)
    assert [(r["case__seller_account__name"], r["requests"], r["not_urgent"]) for r in abuse] == [
        ("Ana's Crafts", 3, 2),
        ("Ben's Gadgets", 1, 0),
    ]


def test_only_urgent_requests_can_be_judged_not_urgent(ask, lead):
    request = ask("supervisor")
    handled = services.handle_escalation_request(
        actor=lead, request_id=request.pk, outcome="Ok.", judged_not_urgent=True
    )
    assert handled.judged_not_urgent is False
