"""Tiered support in the agent workspace, through its pages: the playbook beside the conversation,
the actions a tier may take, accountable transfers and bounces, the business deadline, the
commitments ledger, the queue's deadline column and the team lead's view."""

import datetime as dt
import re
import zoneinfo
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from sellerdesk.accounts import permissions
from sellerdesk.cases import services as case_services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import Case, CaseEvent, Message
from sellerdesk.commitments import services as commitment_services
from sellerdesk.commitments.models import Commitment
from sellerdesk.core import clock
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.routing import services as routing_services
from sellerdesk.routing.models import CasePlaybook, EscalationRequest, Transfer
from tests.factories import (
    PICKUP_VALUES,
    AgentFactory,
    CaseFactory,
    CommitmentFactory,
    EscalationRequestFactory,
    LeadFactory,
    PlaybookFactory,
)

pytestmark = pytest.mark.django_db

QUEUE = reverse("workspace:queue")
LEAD = reverse("workspace:lead")
MADRID = zoneinfo.ZoneInfo("Europe/Madrid")  # the agents' time zone (AgentFactory)
ALL_STEPS = ["open_order", "check_carrier", "request_repickup"]


def url(case: Case, name: str = "case", *more) -> str:
    return reverse(f"workspace:{name}", args=[case.pk, *more])


def options(page, name: str) -> list[str]:
    """The option values of the select called `name` on the page."""
    found = re.search(rf'<select name="{re.escape(name)}"[^>]*>(.*?)</select>', page.content.decode(), re.S)
    assert found, f"no select {name}"
    return re.findall(r'<option value="([^"]*)"', found.group(1))


def refusal(call) -> str:
    """The sentence a service refuses this call with (nothing is written): what the page must show."""
    with pytest.raises(SellerdeskError) as info, transaction.atomic():
        call()
    return escape(info.value.message)


def local_input(moment: dt.datetime) -> str:
    """What an agent in Madrid types into a datetime-local input for this moment."""
    return moment.astimezone(MADRID).strftime("%Y-%m-%dT%H:%M")


def playbook_post(case: Case, values: dict | None = None, steps: list[str] | None = None) -> dict:
    playbook = CasePlaybook.objects.filter(case=case).order_by("-updated_at").first()
    playbook_id = playbook.playbook_id if playbook else case_playbook_id(case)
    data = {f"pb-{name}": value for name, value in (values or {}).items()}
    data["pb-playbook__"] = playbook_id
    data["pb-steps__"] = steps or []
    return data


def case_playbook_id(case: Case) -> int:
    from sellerdesk.routing.selectors import playbook_for_case

    return playbook_for_case(case).pk


@pytest.fixture
def desk(client_as, agent):
    """Agent1's browser (Tier 1)."""
    return client_as(agent)


@pytest.fixture
def case(pickup_case, pickup_playbook):
    """Ana's "order not picked up" case with Tier 1, with the order-fulfilment playbook."""
    return pickup_case


# --- the playbook panel --------------------------------------------------------------------------------


def test_case_page_shows_the_playbook_beside_the_conversation_with_an_input_per_field_type(desk, case):
    page = desk.get(url(case))

    assertContains(page, '<details class="panel playbook" id="playbook" open>', html=False)
    assertContains(page, "Order not picked up")
    assertContains(page, "The carrier did not collect a seller-fulfilled order.")
    for n, title in enumerate(["Open the order and read its timeline", "Check the carrier's pickup scan"]):
        assertContains(page, f'name="pb-steps__" value="{ALL_STEPS[n]}" id="id_pb-steps___{n}"', html=False)
        assertContains(page, title.replace("'", "&#x27;"))
    html = page.content.decode()
    assert re.search(r'<input type="text" name="pb-order_id"[^>]*placeholder="112-1234567-1234567"', html)
    assert re.search(r'<input type="date" name="pb-ship_by"', html)
    assert options(page, "pb-carrier") == ["", "UPS", "DHL", "USPS"]
    assert re.search(r'<input type="datetime-local" name="pb-pickup_slot"', html)
    assert re.search(r'<input type="text" name="pb-tracking_id"[^>]*maxlength="12"', html)
    assert re.search(r'<textarea name="pb-tried"', html)
    assert re.search(r'<input type="text" name="pb-listing"[^>]*placeholder="NB-B08XK2L9QZ"', html)
    assert re.search(r'<input type="number" name="pb-order_value"[^>]*step="0.01"', html)
    assert re.search(r'<input type="number" name="pb-parcels"[^>]*step="any"', html)
    assert re.search(r'<input type="email" name="pb-contact_email"', html)
    assert re.search(r'<input type="tel" name="pb-contact_phone"', html)
    assert options(page, "pb-label_printed") == ["", "yes", "no"]
    assertContains(page, "Still needed to complete it")
    assertContains(page, "Fill in: Order id, Ship-by date, Carrier")
    assertContains(page, "Tick 3 more steps.")
    assertContains(page, "Save progress", count=1)


def test_playbook_panel_is_folded_for_a_team_that_is_not_first_line(client_as, ana, tier2_team, pickup_playbook):
    case = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier2_team, category="order_fulfillment")

    page = client_as(AgentFactory(teams=[tier2_team])).get(url(case))

    assertContains(page, '<details class="panel playbook" id="playbook">', html=False)


def test_case_without_a_playbook_for_its_category_says_so(desk, ana, tier1, open_case_as):
    case = open_case_as(ana, category="advertising")

    assertContains(desk.get(url(case)), "There is no playbook for this category yet.")


def test_saving_the_playbook_stores_the_values_and_steps_and_shows_it_completed(desk, agent, case):
    response = desk.post(
        url(case, "playbook"),
        playbook_post(case, {**PICKUP_VALUES, "tracking_id": "", "label_printed": "yes"}, ALL_STEPS),
    )

    assertRedirects(response, url(case) + "#playbook", fetch_redirect_response=False)
    progress = CasePlaybook.objects.get(case=case)
    assert progress.completed_at is not None
    assert progress.values == {**PICKUP_VALUES, "label_printed": "yes"}
    assert progress.completed_steps == ALL_STEPS
    assert CaseEvent.objects.filter(case=case, kind=EventType.PLAYBOOK_STEP_COMPLETED).count() == 3
    page = desk.get(url(case))
    assertContains(page, "Playbook progress saved. The playbook is completed.")
    assertContains(page, '<span class="badge done">✓ Completed</span>', html=False)
    assertContains(page, 'value="open_order" id="id_pb-steps___0" checked disabled', html=False)
    assertContains(page, 'value="112-1234567-1234567"')
    assertNotContains(page, "Still needed to complete it")


def test_partial_progress_is_saved_and_says_what_is_missing(desk, case):
    desk.post(url(case, "playbook"), playbook_post(case, {"order_id": "112-1234567-1234567"}, ["open_order"]))

    progress = CasePlaybook.objects.get(case=case)
    assert (progress.completed_at, progress.completed_steps) == (None, ["open_order"])
    page = desk.get(url(case))
    assertContains(page, "Playbook progress saved.")
    assertContains(page, "Fill in: Ship-by date, Carrier")
    assertContains(page, "Tick 2 more steps.")
    assertContains(page, "1 of 3 steps")


def test_a_done_step_stays_done_when_the_form_is_saved_without_it(desk, case):
    desk.post(url(case, "playbook"), playbook_post(case, {}, ["open_order"]))

    desk.post(url(case, "playbook"), playbook_post(case, {}, ["check_carrier"]))

    assert CasePlaybook.objects.get(case=case).completed_steps == ["open_order", "check_carrier"]


def test_an_invalid_value_is_shown_beside_its_field_and_nothing_is_saved(desk, case):
    response = desk.post(
        url(case, "playbook"), playbook_post(case, {"order_id": "12345", "ship_by": "2030-05-02"}, ["open_order"])
    )

    assertContains(response, "An order id looks like 112-1234567-1234567.", status_code=400)
    html = response.content.decode()
    field = html[html.index('name="pb-order_id"') : html.index('name="pb-ship_by"')]
    assert "An order id looks like 112-1234567-1234567." in field
    assert 'value="12345"' in field  # what the agent typed is kept
    assert 'value="open_order" id="id_pb-steps___0" checked' in html
    assert not CasePlaybook.objects.filter(case=case).exists()
    assert not CaseEvent.objects.filter(case=case, kind=EventType.PLAYBOOK_STEP_COMPLETED).exists()


def test_switching_to_another_playbook_of_the_category_makes_it_the_one_in_use(desk, case, pickup_playbook):
    missed = PlaybookFactory(subtype="missed_pickup", name="Missed pickup, carrier side", summary="Re-book it.")
    PlaybookFactory(category="payments", name="Payout missing")
    page = desk.get(url(case))
    assert options(page, "pb-playbook__") == [str(missed.pk)]

    response = desk.post(url(case, "playbook"), {"pb-playbook__": missed.pk, "switch": "1"}, follow=True)

    assertContains(response, "Now using the playbook “Missed pickup, carrier side”.")
    assertContains(response, "Re-book it.")
    assert options(response, "pb-playbook__") == [str(pickup_playbook.pk)]
    assert CasePlaybook.objects.get(case=case).playbook == missed


def test_switching_to_a_playbook_of_another_category_is_refused(desk, case):
    other = PlaybookFactory(category="payments", name="Payout missing")

    response = desk.post(url(case, "playbook"), {"pb-playbook__": other.pk, "switch": "1"}, follow=True)

    assertContains(response, "Choose a playbook of this case&#x27;s category.")
    assert not CasePlaybook.objects.filter(case=case).exists()


def test_an_agent_who_may_not_work_the_case_sees_the_progress_read_only(desk, agent, case, monkeypatch):
    routing_services.save_playbook(actor=agent, case_id=case.pk, values=PICKUP_VALUES, completed_steps=["open_order"])
    monkeypatch.setattr(permissions, "can_work_case", lambda user, case: False)

    page = desk.get(url(case))

    assertNotContains(page, "Save progress")
    assertNotContains(page, 'name="pb-order_id"')
    assertContains(page, '<ol class="steps read-only">', html=False)
    assertContains(page, "<dt>Carrier</dt><dd>UPS</dd>", html=False)
    assertContains(page, "Only agents of the owning team work this playbook.")
    assertContains(page, "Only agents of the owning team take actions on this case.")
    assertNotContains(page, 'name="tr-team"')
    assertNotContains(page, "Make a commitment")


# --- actions ----------------------------------------------------------------------------------------


def test_action_list_offers_only_what_tier1_may_do_on_the_case(desk, case):
    page = desk.get(url(case))

    assert options(page, "act-capability") == [
        "",
        "request_carrier_repickup",
        "open_investigation",
        "issue_reimbursement",
    ]


def test_action_list_of_an_admin_offers_every_action(client_as, support_admin, case):
    offered = options(client_as(support_admin).get(url(case)), "act-capability")

    assert "reinstate_listing" in offered and "decide_appeal" in offered and "reply" not in offered


def test_taking_an_action_puts_it_on_the_case_timeline(desk, agent, case):
    response = desk.post(
        url(case, "action"),
        {"act-capability": "request_carrier_repickup", "act-note": "Priority re-pickup booked for 15:00-19:00."},
    )

    assertRedirects(response, url(case) + "#latest", fetch_redirect_response=False)
    event = CaseEvent.objects.get(case=case, kind=EventType.ACTION_TAKEN)
    assert (event.actor, event.public, event.data["action"]) == (agent, True, "request_carrier_repickup")
    assert event.data["note"] == "Priority re-pickup booked for 15:00-19:00."
    assertContains(desk.get(url(case)), "Done: Request a carrier re-pickup. The seller sees it on the case.")


def test_the_action_form_sent_twice_records_one_action(desk, case):
    key = re.search(
        r'class="action-form".*?name="idempotency_key" value="([^"]+)"', desk.get(url(case)).content.decode(), re.S
    ).group(1)
    form = {"act-capability": "request_carrier_repickup", "act-note": "Re-pickup booked.", "idempotency_key": key}

    first, double_click = desk.post(url(case, "action"), form), desk.post(url(case, "action"), form)
    back_button = desk.post(url(case, "action"), {**form, "act-capability": "open_investigation"})

    assert first.status_code == double_click.status_code == 302
    assertContains(back_button, "This form was already sent and took an action (see the timeline).", status_code=400)
    assert CaseEvent.objects.filter(case=case, kind=EventType.ACTION_TAKEN).count() == 1


def test_reimbursement_over_the_tiers_limit_is_refused_in_place_naming_the_tiers_that_can(desk, agent, case):
    response = desk.post(
        url(case, "action"),
        {
            "act-capability": "issue_reimbursement",
            "act-note": "Lost parcel",
            "act-amount": "500",
            "act-currency": "USD",
            "act-reference": "RMB-1",
        },
    )

    message = refusal(
        lambda: routing_services.take_action(
            actor=agent,
            case_id=case.pk,
            capability="issue_reimbursement",
            note="x",
            amount=Decimal(500),
            currency="USD",
        )
    )
    assert "Tiers that can: Tier 2, Payments, Senior escalations." in message
    assertContains(response, message, status_code=400)
    assertContains(response, '<details class="panel" id="actions" open>', html=False, status_code=400)
    assertContains(response, 'name="act-amount" value="500"', html=False, status_code=400)
    assert not CaseEvent.objects.filter(case=case, kind=EventType.ACTION_TAKEN).exists()


def test_reimbursement_within_the_limit_is_taken(desk, case):
    desk.post(
        url(case, "action"),
        {"act-capability": "issue_reimbursement", "act-note": "Lost parcel", "act-amount": "40", "act-currency": "EUR"},
    )

    event = CaseEvent.objects.get(case=case, kind=EventType.ACTION_TAKEN)
    assert (event.data["amount"], event.data["currency"]) == ("40", "EUR")


def test_an_action_the_tier_lacks_is_refused_naming_the_tiers_that_can(desk, agent, case):
    response = desk.post(url(case, "action"), {"act-capability": "reinstate_listing", "act-note": "Reinstated"})

    message = refusal(
        lambda: routing_services.take_action(actor=agent, case_id=case.pk, capability="reinstate_listing", note="x")
    )
    assert "Tiers that can: Tier 2, Seller performance, Senior escalations." in message
    assertContains(response, message, status_code=400)
    assert not CaseEvent.objects.filter(case=case, kind=EventType.ACTION_TAKEN).exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"act-capability": "reply", "act-note": "x"}, "Choose an action."),
        ({"act-capability": "request_carrier_repickup", "act-note": ""}, "This field is required."),
        ({"act-capability": "issue_reimbursement", "act-note": "x"}, "A reimbursement needs an amount and a currency."),
        ({"act-capability": "issue_reimbursement", "act-note": "x", "act-amount": "abc"}, "Enter a number."),
    ],
)
def test_an_incomplete_action_is_refused_in_place(desk, case, data, message):
    response = desk.post(url(case, "action"), data)

    assertContains(response, message, status_code=400)
    assert not CaseEvent.objects.filter(case=case, kind=EventType.ACTION_TAKEN).exists()


# --- transfers and bounces ---------------------------------------------------------------------------


def test_transfer_form_offers_other_teams_the_reasons_and_the_actions_tier1_lacks(desk, case, tier1, tier2_team):
    page = desk.get(url(case))

    assert options(page, "tr-team") == ["", str(tier2_team.pk)]
    assert options(page, "tr-reason_code") == [
        "",
        "language",
        "needs_capability",
        "other",
        "policy",
        "seller_request",
        "wrong_category",
    ]
    lacking = options(page, "tr-capability")
    assert "reinstate_listing" in lacking and "decide_appeal" in lacking
    assert "request_carrier_repickup" not in lacking and "issue_reimbursement" not in lacking and "reply" not in lacking
    assertContains(page, "First line: complete the playbook before transferring")


def test_tier1_transfer_without_a_completed_playbook_is_refused_in_place_and_changes_nothing(
    desk, agent, case, tier1, tier2_team
):
    response = desk.post(
        url(case, "transfer"), {"tr-team": tier2_team.pk, "tr-reason_code": "wrong_category", "tr-note": "Not mine"}
    )

    message = refusal(
        lambda: routing_services.transfer_case(
            actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category"
        )
    )
    assertContains(response, message, status_code=400)
    assertContains(response, "Complete the playbook before transferring", status_code=400)
    assertContains(response, '<details class="panel" id="transfer" open>', html=False, status_code=400)
    case.refresh_from_db()
    assert case.team == tier1
    assert not Transfer.objects.exists()


def test_tier1_transfer_with_a_completed_playbook_moves_the_case(desk, agent, case, tier2_team, complete_playbook):
    complete_playbook(agent, case)

    response = desk.post(
        url(case, "transfer"), {"tr-team": tier2_team.pk, "tr-reason_code": "wrong_category", "tr-note": "Listing"}
    )

    assertRedirects(response, QUEUE, fetch_redirect_response=False)
    case.refresh_from_db()
    assert case.team == tier2_team
    transfer = Transfer.objects.get(case=case)
    assert (transfer.reason.code, transfer.note, transfer.from_agent) == ("wrong_category", "Listing", agent)
    assertContains(desk.get(QUEUE), f"{case.number} is now with Tier 2.")
    assert desk.get(url(case)).status_code == 404  # it is another team's case now


def test_needs_capability_transfer_for_an_action_tier1_has_is_refused(desk, agent, case, tier2_team):
    response = desk.post(
        url(case, "transfer"),
        {"tr-team": tier2_team.pk, "tr-reason_code": "needs_capability", "tr-capability": "request_carrier_repickup"},
    )

    message = refusal(
        lambda: routing_services.transfer_case(
            actor=agent,
            case_id=case.pk,
            team_id=tier2_team.pk,
            reason_code="needs_capability",
            capability="request_carrier_repickup",
        )
    )
    assert "Request a carrier re-pickup" in message or "request a carrier re-pickup" in message
    assertContains(response, message, status_code=400)
    assert not Transfer.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"tr-team": "", "tr-reason_code": "wrong_category"}, "This field is required."),
        ({"tr-team": "abc", "tr-reason_code": "wrong_category"}, "Enter a whole number."),
        ({"tr-team": str(2**70), "tr-reason_code": "wrong_category"}, "Ensure this value is less than or equal to"),
        ({"tr-team": "999999", "tr-reason_code": "wrong_category"}, "No such team."),
        ({"tr-reason_code": "made_up"}, "Choose one of the configured transfer reasons."),
        ({"tr-reason_code": "other", "tr-note": ""}, "Please write a short reason."),
    ],
)
def test_a_bad_transfer_is_refused_in_place_never_a_500(desk, case, tier2_team, data, message):
    response = desk.post(url(case, "transfer"), {"tr-team": tier2_team.pk, **data})

    assertContains(response, message, status_code=400)
    assert not Transfer.objects.exists()


def test_receiving_team_bounces_an_avoidable_transfer_back_to_the_sender(
    client_as, agent, tier2_agent, case, tier1, tier2_team, complete_playbook
):
    complete_playbook(agent, case)
    routing_services.transfer_case(actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category")
    receiver = client_as(tier2_agent)
    page = receiver.get(url(case))
    transfer = Transfer.objects.get(case=case)
    assertContains(page, "Bounce back to Tier 1")
    assertContains(page, '<details class="panel" id="transfer" open>', html=False)

    response = receiver.post(url(case, "bounce", transfer.pk), {"bounce-reason": "Tier 1 can book a re-pickup itself."})

    assertRedirects(response, QUEUE, fetch_redirect_response=False)
    case.refresh_from_db()
    transfer.refresh_from_db()
    assert (case.team, case.assignee) == (tier1, agent)
    assert (transfer.avoidable, transfer.bounce_reason) == ("bounced", "Tier 1 can book a re-pickup itself.")
    assertContains(receiver.get(QUEUE), f"{case.number} went back to Tier 1.")
    history = client_as(agent).get(url(case))
    assertContains(history, "Tier 1 → Tier 2")
    assertContains(history, '<span class="badge avoidable">Avoidable</span>', html=False)
    assertContains(history, "Bounced back by the receiving team")
    assertContains(history, "Tier 1 can book a re-pickup itself.")
    assertNotContains(history, "Bounce back to")


def test_bounce_without_a_reason_is_refused_in_place(
    client_as, agent, tier2_agent, case, tier2_team, complete_playbook
):
    complete_playbook(agent, case)
    transfer = routing_services.transfer_case(
        actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category"
    )

    response = client_as(tier2_agent).post(url(case, "bounce", transfer.pk), {"bounce-reason": ""})

    assertContains(response, "This field is required.", status_code=400)
    case.refresh_from_db()
    assert case.team == tier2_team


def test_a_transfer_back_into_the_team_can_be_bounced_by_it(
    desk, agent, tier2_agent, case, tier1, tier2_team, complete_playbook
):
    complete_playbook(agent, case)
    routing_services.transfer_case(actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category")
    routing_services.transfer_case(
        actor=tier2_agent, case_id=case.pk, team_id=tier1.pk, reason_code="other", note="Tier 1 can do this"
    )

    page = desk.get(url(case))

    assertContains(page, "Bounce back to Tier 2")
    assertContains(page, "Tier 2 → Tier 1")
    assertContains(page, "Tier 1 can do this")


def test_an_escalation_is_not_offered_for_bouncing(client_as, case, tier2_team):
    routing_services.escalate_case(case=case, reason="A promise was not kept on time")
    case.refresh_from_db()

    page = client_as(AgentFactory(teams=[case.team])).get(url(case))

    assertContains(page, '<span class="badge escalated">Escalated</span>', html=False)
    assertContains(page, "A promise was not kept on time")
    assertNotContains(page, "Bounce back to")


def test_bouncing_from_another_team_is_a_404(client_as, agent, outsider_agent, case, tier2_team, complete_playbook):
    complete_playbook(agent, case)
    transfer = routing_services.transfer_case(
        actor=agent, case_id=case.pk, team_id=tier2_team.pk, reason_code="wrong_category"
    )

    response = client_as(outsider_agent).post(url(case, "bounce", transfer.pk), {"bounce-reason": "No"})

    assert response.status_code == 404
    assert Transfer.objects.get(pk=transfer.pk).bounced_at is None


# --- the business deadline ---------------------------------------------------------------------------


def test_deadline_under_four_hours_is_a_red_banner_with_the_time_left(desk, case):
    Case.objects.filter(pk=case.pk).update(
        business_deadline=clock.now() + dt.timedelta(hours=1, minutes=40, seconds=30)
    )

    page = desk.get(url(case))

    assertContains(page, '<div class="deadline-banner soon" role="status" id="deadline-banner">', html=False)
    assertContains(page, "Business deadline in 1h40m")


def test_deadline_further_away_is_a_calm_banner_and_a_passed_one_is_overdue(desk, case):
    Case.objects.filter(pk=case.pk).update(business_deadline=clock.now() + dt.timedelta(days=2, hours=3, minutes=5))
    assertContains(desk.get(url(case)), '<div class="deadline-banner" role="status" id="deadline-banner">', html=False)
    assertContains(desk.get(url(case)), "Business deadline in 2d 3h")

    Case.objects.filter(pk=case.pk).update(business_deadline=clock.now() - dt.timedelta(minutes=25, seconds=30))
    page = desk.get(url(case))
    assertContains(page, "Business deadline 25m overdue")
    assertContains(page, 'class="deadline-banner soon overdue"', html=False)


def test_case_without_a_deadline_has_no_banner(desk, case):
    assertNotContains(desk.get(url(case)), 'id="deadline-banner"')


def test_deadline_typed_by_the_agent_is_read_in_their_time_zone(desk, agent, case):
    cutoff = (
        (clock.now() + dt.timedelta(days=2)).astimezone(MADRID).replace(hour=17, minute=30, second=0, microsecond=0)
    )

    response = desk.post(url(case, "deadline"), {"dl-deadline": local_input(cutoff)})

    assertRedirects(response, url(case) + "#deadline-banner", fetch_redirect_response=False)
    case.refresh_from_db()
    assert case.business_deadline == cutoff
    page = desk.get(url(case))
    assertContains(page, "Business deadline saved.")
    assertContains(page, f'value="{local_input(cutoff)}"')
    assert CaseEvent.objects.filter(case=case, kind=EventType.DEADLINE_SET).count() == 1


def test_clearing_the_deadline_removes_it(desk, agent, case):
    case_services.set_business_deadline(actor=agent, case_id=case.pk, deadline=clock.now() + dt.timedelta(hours=5))

    desk.post(url(case, "deadline"), {"dl-deadline": "", "clear": "1"})

    case.refresh_from_db()
    assert case.business_deadline is None
    assertContains(desk.get(url(case)), "Business deadline cleared.")


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("", "Give the date and time, or clear the deadline."),
        ("tomorrow", "Enter a valid date/time."),
        ("2001-01-01T10:00", "This deadline has already passed."),
    ],
)
def test_a_bad_deadline_is_refused_in_place(desk, case, typed, message):
    response = desk.post(url(case, "deadline"), {"dl-deadline": typed})

    assertContains(response, message, status_code=400)
    assertContains(response, '<details class="panel" id="deadline" open>', html=False, status_code=400)
    case.refresh_from_db()
    assert case.business_deadline is None


# --- commitments ----------------------------------------------------------------------------------------


def test_making_a_commitment_records_it_owned_by_the_agent(desk, agent, case):
    due = clock.now() + dt.timedelta(days=1)

    response = desk.post(
        url(case, "commitment"),
        {
            "cm-kind": "follow_up",
            "cm-description": "I will check the pickup scan tomorrow.",
            "cm-due_at": local_input(due),
        },
    )

    assertRedirects(response, url(case) + "#commitments", fetch_redirect_response=False)
    commitment = Commitment.objects.get(case=case)
    assert (commitment.owner, commitment.kind, commitment.state) == (agent, "follow_up", "open")
    assert commitment.due_at == due.replace(second=0, microsecond=0)
    page = desk.get(url(case))
    assertContains(page, "Commitment recorded. The seller sees it on their case.")
    assertContains(page, "I will check the pickup scan tomorrow.")
    assertContains(page, '<details class="panel" id="commitments" open>', html=False)
    assertContains(page, "Mark kept")


def commitment_form_key(html: str) -> str:
    return re.search(r'class="commitment-form".*?name="idempotency_key" value="([^"]+)"', html, re.S).group(1)


def test_the_commitment_form_sent_twice_makes_one_promise_and_with_other_details_says_so(desk, case):
    page = desk.get(url(case)).content.decode()
    key = commitment_form_key(page)
    form = {
        "cm-kind": "follow_up",
        "cm-description": "I will check the pickup scan tomorrow.",
        "cm-due_at": local_input(clock.now() + dt.timedelta(days=1)),
        "idempotency_key": key,
    }

    first, double_click = desk.post(url(case, "commitment"), form), desk.post(url(case, "commitment"), form)
    back_button = desk.post(url(case, "commitment"), {**form, "cm-kind": "fix"})

    assert first.status_code == double_click.status_code == 302
    assertContains(back_button, "This form was already sent and made a promise", status_code=400)
    assert Commitment.objects.filter(case=case).count() == 1
    resent_key = commitment_form_key(back_button.content.decode())
    assert resent_key != key
    again = desk.post(url(case, "commitment"), {**form, "cm-kind": "fix", "idempotency_key": resent_key})
    assert again.status_code == 302 and Commitment.objects.filter(case=case).count() == 2


def test_a_call_back_commitment_takes_the_phone_and_window_and_is_due_at_its_end(desk, case):
    start = clock.now() + dt.timedelta(hours=3)
    end = start + dt.timedelta(hours=2)

    desk.post(
        url(case, "commitment"),
        {
            "cm-kind": "call_back",
            "cm-description": "Call to confirm the pickup.",
            "cm-phone": "+44 28 9024 5133",
            "cm-window_start": local_input(start),
            "cm-window_end": local_input(end),
        },
    )

    commitment = Commitment.objects.get(case=case)
    assert (commitment.phone, commitment.due_at) == ("+44 28 9024 5133", end.replace(second=0, microsecond=0))
    assertContains(desk.get(url(case)), "Log call outcome")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"cm-kind": "follow_up", "cm-description": "x"}, "The due time must be in the future."),
        ({"cm-kind": "follow_up", "cm-description": ""}, "This field is required."),
        ({"cm-kind": "reimbursement", "cm-description": "x"}, "A reimbursement promise needs the amount."),
        (
            {"cm-kind": "reimbursement", "cm-description": "x", "cm-amount": "900", "cm-currency": "USD"},
            "Tiers that can: Tier 2, Payments, Senior escalations.",
        ),
        ({"cm-kind": "call_back", "cm-description": "x", "cm-phone": "call me"}, "Give the number to call"),
        ({"cm-kind": "promise", "cm-description": "x"}, "Select a valid choice."),
    ],
)
def test_a_bad_commitment_is_refused_in_place(desk, case, data, message):
    due = clock.now() + dt.timedelta(days=1)
    if data.get("cm-kind") == "reimbursement":
        data = {"cm-due_at": local_input(due), **data}

    response = desk.post(url(case, "commitment"), data)

    assertContains(response, message, status_code=400)
    assertContains(response, '<details class="sub make-commitment" open>', html=False, status_code=400)
    assert not Commitment.objects.exists()


@pytest.fixture
def promise(agent, case):
    return commitment_services.make_commitment(
        actor=agent,
        case_id=case.pk,
        kind="reimbursement",
        description="Reimburse the lost parcel.",
        amount=Decimal("40"),
        currency="USD",
        due_at=clock.now() + dt.timedelta(days=2),
    )


@pytest.fixture
def call_back(agent, case):
    start = clock.now() + dt.timedelta(hours=1)
    return commitment_services.make_commitment(
        actor=agent,
        case_id=case.pk,
        kind="call_back",
        description="Call about the pickup.",
        due_at=None,
        phone="+1 312 555 0147",
        window_start=start,
        window_end=start + dt.timedelta(hours=2),
    )


def test_commitments_list_state_due_owner_and_amount(desk, promise):
    page = desk.get(url(promise.case))

    assertContains(page, '<span class="badge state-open">Open</span>', html=False)
    assertContains(page, '<strong class="amount">40.00 USD</strong>', html=False)
    assertContains(page, "owner Agent1")
    assertContains(page, "in 1d 23h")


def test_marking_a_commitment_kept_records_the_evidence(desk, promise):
    response = desk.post(
        url(promise.case, "commitment_keep", promise.pk), {f"keep-{promise.pk}-evidence": "Reimbursement RMB-5531"}
    )

    assertRedirects(response, url(promise.case) + "#commitments", fetch_redirect_response=False)
    promise.refresh_from_db()
    assert (promise.state, promise.evidence) == ("fulfilled", "Reimbursement RMB-5531")
    page = desk.get(url(promise.case))
    assertContains(page, "Commitment marked kept.")
    assertContains(page, '<span class="badge state-fulfilled">Kept</span>', html=False)
    assertNotContains(page, f'action="{url(promise.case, "commitment_keep", promise.pk)}"')


def test_keeping_without_evidence_is_refused_beside_that_commitment(desk, promise):
    response = desk.post(url(promise.case, "commitment_keep", promise.pk), {f"keep-{promise.pk}-evidence": " "})

    assertContains(response, "This field is required.", status_code=400)
    assertContains(response, '<details class="sub" open><summary>Mark kept</summary>', html=False, status_code=400)
    promise.refresh_from_db()
    assert promise.state == "open"


def test_cancelling_a_commitment_records_the_reason(desk, promise):
    desk.post(url(promise.case, "commitment_cancel", promise.pk), {f"cancel-{promise.pk}-reason": "Seller withdrew."})

    promise.refresh_from_db()
    assert (promise.state, promise.cancel_reason) == ("cancelled", "Seller withdrew.")
    assertContains(desk.get(url(promise.case)), "Commitment cancelled.")


def test_a_kept_commitment_cannot_be_cancelled(desk, agent, promise):
    commitment_services.fulfil_commitment(actor=agent, commitment_id=promise.pk, evidence="Paid")

    response = desk.post(url(promise.case, "commitment_cancel", promise.pk), {f"cancel-{promise.pk}-reason": "Oops"})

    assertContains(
        response,
        refusal(lambda: commitment_services.cancel_commitment(actor=agent, commitment_id=promise.pk, reason="x")),
        status_code=400,
    )
    promise.refresh_from_db()
    assert promise.state == "fulfilled"


def test_logging_a_call_outcome_sends_the_summary_to_the_seller_and_keeps_the_call_back(desk, agent, call_back):
    response = desk.post(
        url(call_back.case, "commitment_call", call_back.pk),
        {f"call-{call_back.pk}-summary": "Carrier confirmed the pickup for 15:00."},
    )

    assertRedirects(response, url(call_back.case) + "#commitments", fetch_redirect_response=False)
    call_back.refresh_from_db()
    assert call_back.state == "fulfilled"
    message = Message.objects.get(case=call_back.case, author=agent)
    assert (message.body, message.internal) == ("Summary of our call: Carrier confirmed the pickup for 15:00.", False)
    assertContains(desk.get(url(call_back.case)), "Call summary sent to the seller; the call-back is kept.")


def test_a_reimbursement_has_no_call_outcome_form(desk, agent, promise):
    assertNotContains(desk.get(url(promise.case)), "Log call outcome")
    response = desk.post(url(promise.case, "commitment_call", promise.pk), {f"call-{promise.pk}-summary": "Called"})

    assertContains(
        response,
        refusal(lambda: commitment_services.log_call_outcome(actor=agent, commitment_id=promise.pk, summary="x")),
        status_code=400,
    )


def test_updating_a_commitment_on_another_teams_case_is_a_404(client_as, outsider_agent, promise):
    response = client_as(outsider_agent).post(
        url(promise.case, "commitment_keep", promise.pk), {f"keep-{promise.pk}-evidence": "x"}
    )

    assert response.status_code == 404
    promise.refresh_from_db()
    assert promise.state == "open"


# --- the queue --------------------------------------------------------------------------------------


def test_queue_shows_the_deadline_urgent_and_escalated_markers(desk, agent, ana, tier1):
    now = clock.now()
    soon = CaseFactory(
        seller_account=ana.seller_account,
        opened_by=ana,
        team=tier1,
        assignee=agent,
        urgent=True,
        business_deadline=now + dt.timedelta(hours=1, minutes=40, seconds=30),
    )
    later = CaseFactory(
        seller_account=ana.seller_account,
        opened_by=ana,
        team=tier1,
        assignee=agent,
        business_deadline=now + dt.timedelta(hours=9, minutes=5, seconds=30),
    )
    plain = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, assignee=agent)
    EscalationRequestFactory(case=plain, kind="supervisor")

    html = desk.get(QUEUE).content.decode()

    rows = {c: html[html.index(f'href="{url(c)}"') :].split("</tr>")[0] for c in (soon, later, plain)}
    assert 'class="deadline deadline-soon">in 1h40m</time>' in rows[soon]
    assert "Urgent" in rows[soon] and "Escalated" not in rows[soon]
    assert 'class="deadline">in 9h05m</time>' in rows[later]
    assert "Escalated" in rows[plain]
    assert '<td class="deadline-cell"><span class="muted">—</span></td>' in rows[plain]
    assert html.index(f'href="{url(soon)}"') < html.index(f'href="{url(later)}"') < html.index(f'href="{url(plain)}"')


# --- the lead view --------------------------------------------------------------------------------------


def test_lead_view_is_not_there_for_a_plain_agent_or_a_seller(desk, client_as, ana):
    assert desk.get(LEAD).status_code == 404
    assert client_as(ana).get(LEAD).status_code == 404
    assertNotContains(desk.get(QUEUE), f'href="{LEAD}"')


def test_lead_view_is_linked_in_the_top_navigation_for_leads(client_as, lead):
    assertContains(client_as(lead).get(QUEUE), f'<a href="{LEAD}">Lead view</a>', html=False)
    assertContains(client_as(lead).get(LEAD), f'<a href="{LEAD}" class="active" aria-current="page">Lead view</a>')


def test_lead_view_with_nothing_to_show_has_an_empty_state_per_section(client_as, lead):
    page = client_as(lead).get(LEAD)

    assert page.status_code == 200
    assertContains(page, "No open escalation requests.")
    assertContains(page, "No open or broken promises")
    assertContains(page, "No agent was assigned a case or transferred one in this period.")
    assertContains(page, "No commitment of your teams fell due in this period.")
    assertContains(page, "No seller marked a case urgent in this period.")


def test_lead_sees_their_teams_escalation_requests_soonest_target_first(client_as, lead, ana, tier1, payments_team):
    now = clock.now()
    later = EscalationRequestFactory(
        case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="Later one"),
        kind="supervisor",
        reason="Please escalate.",
        target_at=now + dt.timedelta(hours=20),
    )
    sooner = EscalationRequestFactory(
        case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="Sooner one"),
        kind="urgent",
        reason="Ships today!",
        target_at=now + dt.timedelta(hours=1, minutes=10, seconds=30),
    )
    EscalationRequestFactory(
        case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=payments_team, subject="Not theirs")
    )

    html = client_as(lead).get(LEAD).content.decode()

    assert html.index("Sooner one") < html.index("Later one")
    assert "Not theirs" not in html
    assert "Ships today!" in html and "Answer in 1h10m" in html and "Ana&#x27;s Crafts" in html
    sooner_block = html[html.index(f'id="escalation-{sooner.pk}"') : html.index(f'id="escalation-{later.pk}"')]
    assert f'name="esc-{sooner.pk}-not_urgent"' in sooner_block
    assert f'name="esc-{later.pk}-not_urgent"' not in html  # only an urgent request can be judged not urgent


def test_handling_an_escalation_request_answers_it_and_it_leaves_the_list(client_as, lead, ana, tier1):
    request = EscalationRequestFactory(
        case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="Ships today"),
        kind="urgent",
    )
    client = client_as(lead)

    response = client.post(
        reverse("workspace:handle_escalation", args=[request.pk]),
        {f"esc-{request.pk}-outcome": "Re-pickup booked; not urgent.", f"esc-{request.pk}-not_urgent": "on"},
    )

    assertRedirects(response, LEAD, fetch_redirect_response=False)
    request.refresh_from_db()
    assert (request.state, request.outcome, request.judged_not_urgent, request.handled_by) == (
        "handled",
        "Re-pickup booked; not urgent.",
        True,
        lead,
    )
    page = client.get(LEAD)
    assertContains(page, "Escalation request answered.")
    assertNotContains(page, f'id="escalation-{request.pk}"')
    assertContains(page, "No open escalation requests.")


def test_handling_without_an_outcome_is_refused_in_place(client_as, lead, ana, tier1):
    request = EscalationRequestFactory(case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1))

    response = client_as(lead).post(
        reverse("workspace:handle_escalation", args=[request.pk]), {f"esc-{request.pk}-outcome": ""}
    )

    assertContains(response, "This field is required.", status_code=400)
    request.refresh_from_db()
    assert request.state == EscalationRequest.State.OPEN


def test_a_lead_of_another_team_cannot_handle_the_request(client_as, ana, tier1, payments_team):
    other_lead = LeadFactory(teams=[payments_team])
    request = EscalationRequestFactory(case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1))

    response = client_as(other_lead).post(
        reverse("workspace:handle_escalation", args=[request.pk]), {f"esc-{request.pk}-outcome": "Done"}
    )

    assert response.status_code == 404
    assert EscalationRequest.objects.get(pk=request.pk).state == "open"


def test_lead_sees_open_and_broken_promises_of_their_teams_and_the_metrics(
    client_as, lead, agent, ana, tier1, payments_team
):
    now = clock.now()
    case = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="Lost parcel")
    CommitmentFactory(
        case=case,
        owner=agent,
        description="Broken promise here",
        state="broken",
        due_at=now - dt.timedelta(hours=2),
        broken_at=now - dt.timedelta(hours=1),
    )
    CommitmentFactory(case=case, owner=agent, description="Open promise here")
    CommitmentFactory(
        case=case,
        owner=agent,
        description="Kept promise here",
        state="fulfilled",
        due_at=now - dt.timedelta(days=1),
        fulfilled_at=now - dt.timedelta(days=2),
    )
    CommitmentFactory(
        case=CaseFactory(team=payments_team),
        description="Another team's promise",
        state="broken",
        due_at=now - dt.timedelta(hours=3),
    )
    EscalationRequestFactory(case=case, kind="urgent", judged_not_urgent=True, state="handled")

    page = client_as(lead).get(LEAD)

    assertContains(page, "Broken promise here")
    assertContains(page, "Open promise here")
    assertNotContains(page, "Kept promise here")
    assertNotContains(page, "Another team&#x27;s promise")
    assertContains(page, '<span class="badge state-broken">Broken (overdue)</span>', html=False)
    html = page.content.decode()
    assert html.index("Open promise here") < html.index("Broken promise here")  # newest first
    kept = html[html.index('id="promises-kept"') :]
    assert "<td>Tier 1</td>" in kept and "50.0%" in kept  # one kept on time, one broken
    abuse = html[html.index('id="urgent-abuse"') :]
    assert "Ana&#x27;s Crafts" in abuse
    assertContains(page, '<td>Tier 1</td><td class="num">0</td>', html=False)  # transfers per team


def test_admin_lead_view_covers_every_team(client_as, support_admin, ana, tier1, payments_team):
    EscalationRequestFactory(
        case=CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=payments_team, subject="Payout late")
    )

    page = client_as(support_admin).get(LEAD)

    assertContains(page, "Every team (you are an admin).")
    assertContains(page, "Payout late")


# --- the case page stays cheap ------------------------------------------------------------------------


def test_case_page_query_count_does_not_grow_with_events_commitments_and_transfers(desk, agent, case, tier2_team):
    def grow(n: int):
        for i in range(n):
            case_services.post_message(actor=agent, case_id=case.pk, body=f"Update {i}")
            case_services.post_message(actor=agent, case_id=case.pk, body=f"Note {i}", internal=True)
            CommitmentFactory(case=case, owner=AgentFactory(teams=[case.team]), kind="call_back" if i % 2 else "fix")
            routing_services.save_playbook(actor=agent, case_id=case.pk, values={"parcels": str(i)})

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert desk.get(url(case)).status_code == 200
        return len(captured)

    grow(2)
    desk.get(url(case))  # warm the session
    with_two = queries()
    grow(10)
    with_twelve = queries()

    assert with_twelve == with_two
