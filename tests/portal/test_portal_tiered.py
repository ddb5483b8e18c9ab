"""Tiered support in the seller portal: the shared timeline's sentences for transfers, escalations,
actions and promises (and what sellers never see), escalation requests from the case page, the
"Promises made to you" box and the "My promises" page, and the new case's business deadline."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from sellerdesk.cases import selectors as case_selectors
from sellerdesk.cases import services as case_services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.commitments import services as commitments
from sellerdesk.commitments.models import Commitment
from sellerdesk.core import clock
from sellerdesk.routing import services as routing
from sellerdesk.routing.models import EscalationRequest
from tests.factories import (
    AgentFactory,
    CaseEventFactory,
    CaseFactory,
    CommitmentFactory,
    EscalationRequestFactory,
    SellerFactory,
)

pytestmark = pytest.mark.django_db

# Ana's account is in America/New_York: on 1 May 2030 that is EDT, four hours behind UTC.
NOW = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)
PROMISES = reverse("portal:commitments")
NEW = reverse("portal:new")


def later(**delta) -> dt.datetime:
    return NOW + dt.timedelta(**delta)


def case_url(case: Case, name: str = "case") -> str:
    return reverse(f"portal:{name}", args=[case.pk])


def escalate_url(case: Case, kind: str) -> str:
    return reverse("portal:escalate", args=[case.pk, kind])


def case_of(seller, status=Status.OPEN, **extra) -> Case:
    return CaseFactory(seller_account=seller.seller_account, opened_by=seller, status=status, **extra)


def seller_pages(client, case: Case) -> list[str]:
    """The case page and the live timeline fragment, as the seller's browser gets them."""
    pages = []
    for name in ("case", "timeline"):
        response = client.get(case_url(case, name))
        assert response.status_code == 200
        pages.append(response.content.decode())
    return pages


@pytest.fixture
def seller(client_as, ana):
    return client_as(ana)


@pytest.fixture
def order_case(ana, tier1, pickup_playbook):
    """Ana's order that the carrier never collected, opened at NOW through the service: with Tier 1."""
    with clock.frozen_at(NOW):
        case, _created = case_services.open_case(
            opener=ana,
            subject="Carrier never picked up order 112-1234567-1234567",
            body="The carrier did not come yesterday and the order ships today.",
            category="order_fulfillment",
            order_id="112-1234567-1234567",
        )
    assert case.team == tier1
    return case


@pytest.fixture
def transferred(agent, order_case, payments_team, complete_playbook):
    """First line completes the playbook and transfers the case to payments, with a note."""
    with clock.frozen_at(NOW):
        complete_playbook(agent, order_case)
        case_services.post_message(
            actor=agent, case_id=order_case.pk, body="RISK FLAG: check this seller", internal=True
        )
        return routing.transfer_case(
            actor=agent,
            case_id=order_case.pk,
            team_id=payments_team.pk,
            reason_code="wrong_category",
            note="Transfer note: the seller sounds angry",
        )


# --- the timeline: transfers and escalations ---------------------------------------------------------


def test_timeline_shows_a_transfer_with_the_new_team_and_the_expected_reply_in_the_sellers_zone(
    seller, order_case, transferred
):
    # The reply is due 24 h after the hand-over: 2 May 09:00 UTC, which is 05:00 in New York.
    for page in seller_pages(seller, order_case):
        assert "Now with: Payments specialists — expected reply by 2 May 2030, 05:00 EDT" in page
        assert "passed the case to another team" in page


def test_timeline_never_shows_the_transfer_note_reason_code_internal_notes_or_playbook(seller, order_case, transferred):
    for page in seller_pages(seller, order_case):
        for secret in (
            "Transfer note",
            "the seller sounds angry",
            "wrong_category",
            "Wrong category",
            "RISK FLAG",
            "internal note",
            "playbook",
            "Open the order and read its timeline",  # a playbook step's title
        ):
            assert secret not in page, secret


def test_a_bounced_transfer_tells_the_seller_who_has_the_case_again_without_the_bounce_reason(
    seller, order_case, transferred, outsider_agent
):
    with clock.frozen_at(later(hours=1)):
        routing.bounce_transfer(actor=outsider_agent, transfer_id=transferred.pk, reason="Tier 1 can rebook it")

    for page in seller_pages(seller, order_case):
        assert "Back with: Tier 1" in page
        assert "Tier 1 can rebook it" not in page


def test_a_broken_promise_and_the_escalation_it_caused_are_on_the_timeline(seller, agent, order_case, tier2_team):
    with clock.frozen_at(NOW):
        commitments.make_commitment(
            actor=agent, case_id=order_case.pk, kind="follow_up", description="Call the carrier", due_at=later(hours=2)
        )
    commitments.mark_overdue_commitments_broken(now=later(hours=3))

    # Opened at 09:00 UTC and not answered yet: the first reply stays due 24 h after the opening (an
    # escalation never resets the seller's clock): 05:00 in New York.
    for page in seller_pages(seller, order_case):
        assert "Promise not kept on time: Call the carrier — the case was escalated" in page
        assert "Escalated to: Tier 2 — expected reply by 2 May 2030, 05:00 EDT" in page
        assert "promise to the seller was not kept" not in page  # the escalation's internal reason


def test_a_broken_promise_on_a_resolved_case_does_not_claim_an_escalation(seller, ana, agent, order_case, tier2_team):
    with clock.frozen_at(NOW):
        commitments.make_commitment(
            actor=agent, case_id=order_case.pk, kind="fix", description="Fix the listing", due_at=later(hours=2)
        )
        case_services.change_status(actor=ana, case_id=order_case.pk, status="resolved")
    commitments.mark_overdue_commitments_broken(now=later(hours=3))

    page = seller.get(case_url(order_case)).content.decode()
    assert "Promise not kept on time: Fix the listing" in page
    assert "the case was escalated" not in page
    assert "Escalated to" not in page


def test_escalation_at_the_top_level_reads_senior_attention_and_keeps_its_reason_for_agents(
    client_as, ana, senior_team
):
    case = case_of(ana, team=senior_team)
    senior = AgentFactory(username="senior1", teams=[senior_team])
    with clock.frozen_at(NOW):
        commitments.make_commitment(
            actor=senior, case_id=case.pk, kind="follow_up", description="Write back", due_at=later(hours=1)
        )
    commitments.mark_overdue_commitments_broken(now=later(hours=2))

    page = client_as(ana).get(case_url(case)).content.decode()
    assert "Escalated to senior attention" in page
    assert "Reason (agents only)" not in page
    assert "A promise to the seller was not kept" not in page
    agents_view = render_to_string(
        "cases/_timeline.html", {"events": case_selectors.timeline(senior, case), "user": senior}
    )
    assert "Escalated to senior attention" in agents_view
    assert "Reason (agents only): A promise to the seller was not kept on time: Write back" in agents_view


# --- the timeline: actions, promises, requests, deadlines ------------------------------------------


def test_actions_taken_for_the_seller_read_as_sentences_with_amount_and_reference(seller, agent, order_case):
    with clock.frozen_at(NOW):
        routing.take_action(
            actor=agent,
            case_id=order_case.pk,
            capability="request_carrier_repickup",
            note="UPS collects tomorrow between 9 and 12",
            reference="UPS-PU-88213",
        )
        routing.take_action(
            actor=agent,
            case_id=order_case.pk,
            capability="issue_reimbursement",
            note="For the label you bought twice",
            amount=Decimal("12.40"),
            currency="usd",
            reference="RMB-771204",
        )

    page = seller.get(case_url(order_case)).content.decode()
    assert "Support requested a carrier re-pickup: UPS collects tomorrow between 9 and 12" in page
    assert "Reference: UPS-PU-88213" in page
    assert "Support issued a reimbursement: For the label you bought twice" in page
    assert "Amount: 12.40 USD" in page
    assert "Reference: RMB-771204" in page


def test_promises_made_kept_late_and_cancelled_read_as_sentences_in_the_sellers_zone(seller, agent, order_case):
    with clock.frozen_at(NOW):
        refund = commitments.make_commitment(
            actor=agent,
            case_id=order_case.pk,
            kind="reimbursement",
            description="Refund the label",
            amount=Decimal("25.50"),
            currency="USD",
            due_at=later(days=2),
        )
        follow_up = commitments.make_commitment(
            actor=agent, case_id=order_case.pk, kind="follow_up", description="Check the scan", due_at=later(days=1)
        )
    with clock.frozen_at(later(days=3)):
        commitments.fulfil_commitment(actor=agent, commitment_id=refund.pk, evidence="RMB-1001")
        commitments.cancel_commitment(actor=agent, commitment_id=follow_up.pk, reason="The carrier wrote to you")

    page = seller.get(case_url(order_case)).content.decode()
    assert "Promise: Refund the label — 25.50 USD — due 3 May 2030, 05:00 EDT (Agent1)" in page
    assert "Promise: Check the scan — due 2 May 2030, 05:00 EDT (Agent1)" in page
    assert "Promise kept late: Refund the label — evidence: RMB-1001" in page
    assert '<span class="badge late">late</span>' in page
    assert "Promise cancelled: Check the scan — reason: The carrier wrote to you" in page


def test_promise_kept_on_time_is_not_called_late(seller, agent, order_case):
    with clock.frozen_at(NOW):
        promise = commitments.make_commitment(
            actor=agent, case_id=order_case.pk, kind="fix", description="Fix the label", due_at=later(days=1)
        )
        commitments.fulfil_commitment(actor=agent, commitment_id=promise.pk, evidence="Label fixed")

    page = seller.get(case_url(order_case)).content.decode()
    assert "Promise kept: Fix the label — evidence: Label fixed" in page
    assert "badge late" not in page


def test_escalation_request_and_its_answer_are_on_the_timeline(seller, ana, lead, order_case):
    with clock.frozen_at(NOW):
        request = routing.request_escalation(
            actor=ana, case_id=order_case.pk, kind="urgent", reason="The order ships today"
        )
        routing.handle_escalation_request(actor=lead, request_id=request.pk, outcome="We called the carrier")

    page = seller.get(case_url(order_case)).content.decode()
    assert "Marked the case urgent: The order ships today — target: 1 May 2030, 09:00 EDT" in page
    assert "Answer to the request to treat the case as urgent: We called the carrier" in page


def test_a_business_deadline_set_by_support_is_on_the_timeline_and_in_the_facts(seller, agent, order_case):
    with clock.frozen_at(NOW):
        case_services.set_business_deadline(actor=agent, case_id=order_case.pk, deadline=later(hours=6))

    page = seller.get(case_url(order_case)).content.decode()
    assert "Business deadline: 1 May 2030, 11:00 EDT" in page
    assert '<dt>Deadline</dt><dd><time datetime="2030-05-01T11:00:00-04:00">1 May 2030, 11:00 EDT</time></dd>' in page


def test_status_change_reasons_are_for_agents_only(seller, agent, order_case):
    with clock.frozen_at(NOW):
        case_services.change_status(
            actor=agent, case_id=order_case.pk, status="waiting_on_marketplace", reason="Asked payments quietly"
        )

    page = seller.get(case_url(order_case)).content.decode()
    assert "changed the status to Waiting on marketplace" in page
    assert "Asked payments quietly" not in page
    agents_view = render_to_string(
        "cases/_timeline.html", {"events": case_selectors.timeline(agent, order_case), "user": agent}
    )
    assert "Asked payments quietly" in agents_view


def test_agents_see_playbook_progress_on_the_shared_timeline(agent, order_case, complete_playbook):
    with clock.frozen_at(NOW):
        complete_playbook(agent, order_case)

    agents_view = render_to_string(
        "cases/_timeline.html", {"events": case_selectors.timeline(agent, order_case), "user": agent}
    )
    assert "completed a playbook step (agents only)" in agents_view
    assert "Open the order and read its timeline" in agents_view
    assert "completed the playbook (agents only)" in agents_view


def test_event_times_that_are_not_times_render_as_nothing_instead_of_failing(seller, ana, order_case):
    CaseEventFactory(
        case=order_case, actor=None, kind=EventType.TRANSFERRED, data={"team": "Tier 2", "expected_reply_by": "soon"}
    )

    assertContains(seller.get(case_url(order_case)), "Now with: Tier 2 — expected reply by ")


# --- escalation requests from the case page ---------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "form", "hours", "answer_by"),
    [
        ("urgent", {"urgent-reason": "The order ships today"}, 4, "1 May 2030, 09:00 EDT"),
        ("supervisor", {"supervisor-reason": "Three answers, none right"}, 24, "2 May 2030, 05:00 EDT"),
        (
            "call_back",
            {"call_back-reason": "Please explain the metric", "call_back-phone": "+1 312 555 0147"},
            48,
            "3 May 2030, 05:00 EDT",
        ),
    ],
)
def test_seller_requests_each_kind_of_escalation_from_the_case_page(seller, order_case, kind, form, hours, answer_by):
    with clock.frozen_at(NOW):
        response = seller.post(escalate_url(order_case, kind), form)
        assertRedirects(response, case_url(order_case) + "#escalate", fetch_redirect_response=False)
        page = seller.get(case_url(order_case))

    request = EscalationRequest.objects.get(case=order_case)
    assert (request.kind, request.state, request.target_at) == (kind, "open", later(hours=hours))
    assert request.reason == next(v for k, v in form.items() if k.endswith("-reason"))
    assert request.phone == form.get("call_back-phone", "")
    assert CaseEvent.objects.filter(case=order_case, kind=EventType.ESCALATION_REQUESTED).count() == 1
    assertContains(page, f"We have your request. We will answer by {answer_by}.")
    assertContains(page, f"We will answer by {answer_by}.", count=2)  # the flash, and the open request
    assertNotContains(page, f'action="{escalate_url(order_case, kind)}"')  # its form gives way to the answer


def test_marking_a_case_urgent_makes_it_urgent_and_high_priority(seller, order_case):
    seller.post(escalate_url(order_case, "urgent"), {"urgent-reason": "The order ships today"})

    order_case.refresh_from_db()
    assert (order_case.urgent, order_case.priority) == (True, "high")


def test_call_back_without_a_phone_is_refused_in_place_and_writes_nothing(seller, order_case):
    events = CaseEvent.objects.filter(case=order_case).count()

    response = seller.post(
        escalate_url(order_case, "call_back"), {"call_back-reason": "Call me", "call_back-phone": ""}
    )

    assert response.status_code == 400
    assert "phone" in response.context["escalation_options"][2]["form"].errors
    assertContains(response, 'class="field-error"', status_code=400)
    assertContains(response, 'id="escalate-call_back" open', status_code=400)  # the failed form is open
    assert not EscalationRequest.objects.exists()
    assert CaseEvent.objects.filter(case=order_case).count() == events


def test_call_back_with_a_number_that_is_not_a_phone_shows_the_services_reason(seller, order_case):
    response = seller.post(
        escalate_url(order_case, "call_back"), {"call_back-reason": "Call me", "call_back-phone": "call me maybe"}
    )

    assertContains(response, "Give the number to call, with its country code.", status_code=400)
    assert not EscalationRequest.objects.exists()


def test_escalation_request_without_a_reason_is_refused_in_place(seller, order_case):
    response = seller.post(escalate_url(order_case, "supervisor"), {"supervisor-reason": "  "})

    assert response.status_code == 400
    assert "reason" in response.context["escalation_options"][1]["form"].errors
    assert not EscalationRequest.objects.exists()


def test_asking_again_returns_the_open_request_and_writes_nothing_more(seller, order_case):
    with clock.frozen_at(NOW):
        seller.post(escalate_url(order_case, "urgent"), {"urgent-reason": "The order ships today"}, follow=True)
    with clock.frozen_at(later(hours=1)):
        response = seller.post(escalate_url(order_case, "urgent"), {"urgent-reason": "Still urgent!"}, follow=True)

    request = EscalationRequest.objects.get()
    assert request.reason == "The order ships today"
    assert CaseEvent.objects.filter(case=order_case, kind=EventType.ESCALATION_REQUESTED).count() == 1
    assertContains(response, "We will answer by 1 May 2030, 09:00 EDT.", count=2)


def test_escalation_request_on_another_sellers_case_is_404_and_writes_nothing(client_as, ben, order_case):
    events = CaseEvent.objects.filter(case=order_case).count()

    for kind, form in [
        ("urgent", {"urgent-reason": "Let me in"}),
        ("call_back", {"call_back-reason": "Let me in", "call_back-phone": "+1 312 555 0147"}),
        ("supervisor", {}),  # an invalid form on someone else's case is a 404 too
    ]:
        assert client_as(ben).post(escalate_url(order_case, kind), form).status_code == 404

    assert not EscalationRequest.objects.exists()
    assert CaseEvent.objects.filter(case=order_case).count() == events
    order_case.refresh_from_db()
    assert not order_case.urgent


@pytest.mark.parametrize("role", ["agent", "lead", "support_admin"])
def test_agents_get_404_when_posting_an_escalation_request(request, client_as, order_case, role):
    user = request.getfixturevalue(role)

    response = client_as(user).post(escalate_url(order_case, "urgent"), {"urgent-reason": "x"})

    assert response.status_code == 404
    assert not EscalationRequest.objects.exists()


def test_unknown_escalation_kind_and_get_are_not_requests(seller, order_case):
    assert seller.post(escalate_url(order_case, "ceo"), {"ceo-reason": "x"}).status_code == 404
    assert seller.get(escalate_url(order_case, "urgent")).status_code == 405
    assert not EscalationRequest.objects.exists()


def test_escalation_box_is_hidden_on_a_resolved_case_and_a_late_request_says_why(seller, ana, order_case):
    assertContains(seller.get(case_url(order_case)), "Need more help?")
    case_services.change_status(actor=ana, case_id=order_case.pk, status="resolved")

    assertNotContains(seller.get(case_url(order_case)), "Need more help?")
    response = seller.post(escalate_url(order_case, "supervisor"), {"supervisor-reason": "Please look again"})

    assertContains(response, "This case is resolved. Reopen it first.", status_code=400)
    assertNotContains(response, "Need more help?", status_code=400)
    assert not EscalationRequest.objects.exists()


# --- promises on the case page ------------------------------------------------------------------------


def test_case_page_lists_the_promises_of_this_case_with_state_amount_and_due(seller, ana, agent, order_case):
    other_case = case_of(ana, team=order_case.team)
    with clock.frozen_at(NOW):
        CommitmentFactory(
            case=order_case,
            kind="reimbursement",
            description="Refund two units",
            amount=Decimal("48.90"),
            currency="USD",
            due_at=later(days=1),
        )
        CommitmentFactory(
            case=order_case, description="Kept one", state="fulfilled", evidence="REF-9", fulfilled_at=NOW
        )
        CommitmentFactory(
            case=order_case, description="Dropped one", state="cancelled", cancel_reason="No longer needed"
        )
        CommitmentFactory(case=order_case, description="Late one", state="broken")
        CommitmentFactory(case=other_case, description="Promise on another case")

    page = seller.get(case_url(order_case))

    assertContains(page, "Promises made to you")
    assertContains(page, "Refund two units")
    assertContains(page, "48.90 USD")
    assertContains(page, "Due 2 May 2030, 05:00 EDT")
    for state, label in [("open", "Open"), ("fulfilled", "Kept"), ("cancelled", "Cancelled"), ("broken", "Broken")]:
        assertContains(page, f'<span class="badge commitment-{state}">{label}')
    assertContains(page, "Evidence: REF-9")
    assertContains(page, "Reason: No longer needed")
    assertNotContains(page, "Promise on another case")


def test_case_page_without_promises_says_where_they_will_appear(seller, order_case):
    assertContains(seller.get(case_url(order_case)), "No promises on this case yet.")


def test_live_timeline_refreshes_the_promises_box(seller, agent, order_case):
    with clock.frozen_at(NOW):
        commitments.make_commitment(
            actor=agent, case_id=order_case.pk, kind="follow_up", description="Check the scan", due_at=later(days=1)
        )

    fragment = seller.get(case_url(order_case, "timeline"))

    assertContains(fragment, 'id="promises-list" hx-swap-oob="true"')
    assertContains(fragment, '<span class="badge commitment-open">Open</span>', html=False)


# --- "My promises" ------------------------------------------------------------------------------------


@pytest.fixture
def promises(ana, ben, tier1):
    """Promises in every state on two of Ana's cases, and one on Ben's."""
    first, second = case_of(ana, team=tier1, subject="Lost units"), case_of(ana, team=tier1, subject="Late payout")
    with clock.frozen_at(NOW):
        return {
            "open": CommitmentFactory(
                case=first,
                kind="reimbursement",
                description="Refund the units",
                amount=Decimal("48.90"),
                currency="USD",
            ),
            "fulfilled": CommitmentFactory(
                case=second, description="Send the payout report", state="fulfilled", evidence="Report PR-77 sent"
            ),
            "cancelled": CommitmentFactory(case=second, description="Call on Monday", state="cancelled"),
            "broken": CommitmentFactory(case=first, description="Fix the metric", state="broken"),
            "ben": CommitmentFactory(case=case_of(ben, team=tier1), description="Ben only promise"),
        }


def test_my_promises_lists_every_promise_made_to_the_sellers_account_with_its_state(seller, promises):
    page = seller.get(PROMISES)

    assert page.status_code == 200
    for state in ("open", "fulfilled", "cancelled", "broken"):
        commitment = promises[state]
        assertContains(page, commitment.description)
        assertContains(page, f'href="{case_url(commitment.case)}"')
        assertContains(page, f'<span class="badge commitment-{state}">')
    assertContains(page, "48.90 USD")
    assertContains(page, "Evidence: Report PR-77 sent")
    assertContains(page, "Lost units")
    assertNotContains(page, "Ben only promise")
    assertNotContains(page, f'href="{case_url(promises["ben"].case)}"')


def test_my_promises_is_shared_by_the_users_of_one_account(client_as, ana, promises):
    colleague = SellerFactory(username="carla", seller_account=ana.seller_account)

    assertContains(client_as(colleague).get(PROMISES), "Refund the units")


@pytest.mark.parametrize("state", ["open", "fulfilled", "cancelled", "broken"])
def test_my_promises_filters_by_state(seller, promises, state):
    page = seller.get(PROMISES, {"state": state})

    shown = {
        s for s in ("open", "fulfilled", "cancelled", "broken") if promises[s].description in page.content.decode()
    }
    assert shown == {state}


def test_my_promises_ignores_an_unknown_state_filter(seller, promises):
    page = seller.get(PROMISES, {"state": "<script>"})

    assert page.status_code == 200
    assertContains(page, "Refund the units")
    assertContains(page, "Fix the metric")


def test_my_promises_without_any_promise_explains_itself(seller):
    page = seller.get(PROMISES)

    assert page.status_code == 200
    assertContains(page, "No promises yet.")


def test_my_promises_with_an_empty_state_filter_says_so(seller, ana, tier1):
    CommitmentFactory(case=case_of(ana, team=tier1))

    assertContains(seller.get(PROMISES, {"state": "broken"}), "No promises in this state.")


def test_my_promises_is_paginated(seller, ana, tier1):
    case = case_of(ana, team=tier1)
    for _ in range(30):
        CommitmentFactory(case=case)

    first, second = seller.get(PROMISES), seller.get(PROMISES, {"page": 2})

    assert first.content.decode().count('<tr class="state-') == 25
    assert second.content.decode().count('<tr class="state-') == 5
    assertContains(first, "Page 1 of 2")


def test_my_promises_is_in_the_portal_navigation(seller):
    assertContains(seller.get(reverse("portal:cases")), f'href="{PROMISES}"')


@pytest.mark.parametrize("role", ["agent", "lead", "support_admin"])
def test_agents_get_404_on_my_promises(request, client_as, promises, role):
    assert client_as(request.getfixturevalue(role)).get(PROMISES).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in_from_my_promises(client):
    response = client.get(PROMISES)

    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={PROMISES}"


# --- the business deadline of a new case ------------------------------------------------------------


def new_case_form(**overrides) -> dict:
    return {"subject": "Order not picked up", "body": "The carrier did not come.", "category": "", **overrides}


def test_new_case_form_offers_an_optional_deadline(seller):
    page = seller.get(NEW)

    assertContains(page, 'type="datetime-local" name="business_deadline"')
    assertContains(page, "e.g. the order&#x27;s ship-by cut-off")


def test_deadline_is_read_in_the_sellers_time_zone_and_shown_in_the_facts(seller, tier1):
    with clock.frozen_at(NOW):
        response = seller.post(NEW, new_case_form(business_deadline="2030-05-01T17:30"))
        case = Case.objects.get()
        assertRedirects(response, case_url(case), fetch_redirect_response=False)
        page = seller.get(case_url(case))

    # 17:30 in New York (EDT) is 21:30 UTC.
    assert case.business_deadline == dt.datetime(2030, 5, 1, 21, 30, tzinfo=dt.UTC)
    assertContains(page, "1 May 2030, 17:30 EDT")


def test_deadline_follows_the_users_own_time_zone_over_the_accounts(client_as, ana, tier1):
    madrid = SellerFactory(username="marta", seller_account=ana.seller_account, timezone="Europe/Madrid")

    with clock.frozen_at(NOW):
        client_as(madrid).post(NEW, new_case_form(business_deadline="2030-05-01T17:30"))

    # 17:30 in Madrid (CEST) is 15:30 UTC.
    assert Case.objects.get().business_deadline == dt.datetime(2030, 5, 1, 15, 30, tzinfo=dt.UTC)


def test_new_case_without_a_deadline_has_none(seller, tier1):
    seller.post(NEW, new_case_form(business_deadline=""))

    assert Case.objects.get().business_deadline is None


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2030-05-01T04:00", "This deadline has already passed."),  # 04:00 EDT is before 05:00 EDT, now
        ("2032-01-01T10:00", "A business deadline must be within a year."),
        ("tomorrow at noon", "Enter a valid date/time."),
    ],
)
def test_unusable_deadline_is_refused_on_its_field_and_opens_no_case(seller, tier1, value, message):
    with clock.frozen_at(NOW):
        response = seller.post(NEW, new_case_form(business_deadline=value))

    assert response.status_code == 200
    assert response.context["form"].errors["business_deadline"] == [message]
    assertContains(response, f'value="{value}"')  # what was typed is kept
    assert not Case.objects.exists()


def test_deadline_in_the_hour_skipped_by_daylight_saving_is_refused_not_a_crash(seller, tier1):
    # New York skips 02:00-03:00 on 10 March 2030.
    with clock.frozen_at(dt.datetime(2030, 3, 1, 12, 0, tzinfo=dt.UTC)):
        response = seller.post(NEW, new_case_form(business_deadline="2030-03-10T02:30"))

    assert response.status_code == 200
    assert "business_deadline" in response.context["form"].errors
    assert not Case.objects.exists()


# --- query counts ---------------------------------------------------------------------------------------


def count_queries(client, url: str, **params) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_my_promises_query_count_does_not_grow_with_the_number_of_promises(seller, ana, tier1):
    def make(n):
        for i in range(n):
            case = case_of(ana, team=tier1)
            state = ["open", "fulfilled", "cancelled", "broken"][i % 4]
            CommitmentFactory(case=case, state=state, amount=Decimal("10") if i % 2 else None, currency="USD")

    make(3)
    seller.get(PROMISES)  # warm the session
    few = count_queries(seller, PROMISES)
    make(12)
    many = count_queries(seller, PROMISES)

    assert many == few


def test_case_page_query_count_does_not_grow_with_promises_requests_and_tiered_events(seller, ana, agent, order_case):
    def make(n):
        for i in range(n):
            CommitmentFactory(
                case=order_case,
                state=["open", "fulfilled", "cancelled", "broken"][i % 4],
                amount=Decimal("5") if i % 2 else None,
                currency="USD",
            )
            EscalationRequestFactory(case=order_case, kind="supervisor", state="handled")
            for kind, data in [
                (EventType.TRANSFERRED, {"team": "Payments", "expected_reply_by": later(days=1).isoformat()}),
                (EventType.COMMITMENT_MADE, {"description": "x", "due_at": later(days=1).isoformat(), "owner": "A"}),
                (EventType.ESCALATION_REQUESTED, {"kind": "urgent", "reason": "r", "target_at": NOW.isoformat()}),
            ]:
                CaseEventFactory(case=order_case, actor=agent, kind=kind, data=data)

    make(2)
    EscalationRequestFactory(case=order_case, kind="urgent")  # an open one, shown with its answer time
    seller.get(case_url(order_case))  # warm the session
    few = (count_queries(seller, case_url(order_case)), count_queries(seller, case_url(order_case, "timeline")))
    make(10)
    many = (count_queries(seller, case_url(order_case)), count_queries(seller, case_url(order_case, "timeline")))

    assert many == few
    assert Commitment.objects.filter(case=order_case).count() == 12
