"""An agent at tier 1 completes a playbook form and resolves an "order not picked up" case without
transferring it: first line resolves what it can, with everything it did in writing on the case."""

import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from sellerdesk.cases import services as case_services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import CaseEvent
from sellerdesk.core import clock
from sellerdesk.demo.playbooks import PLAYBOOKS
from sellerdesk.routing.models import CasePlaybook, Playbook, Transfer
from tests.factories import AgentFactory, SellerAccountFactory, SellerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)

ORDER = "112-4829301-5521904"


def _playbook(category: str, subtype: str) -> Playbook:
    entry = next(p for p in PLAYBOOKS if (p["category"], p["subtype"]) == (category, subtype))
    return Playbook.objects.create(**{key: entry[key] for key in entry})


@pytest.fixture
def pickup_case(seeded_configuration):
    tier1 = TeamFactory(name="Tier 1 — English", tier="tier1", languages=["en"], categories=[])
    TeamFactory(name="Tier 2 specialists", tier="tier2", languages=["en"], categories=["listing"])
    AgentFactory(username="agent-tom", first_name="Tom", teams=[tier1])
    seller = SellerFactory(username="seller-ben", seller_account=SellerAccountFactory(name="Ben's Outdoor Supply"))
    # The category's general playbook is the one a new case starts with; the agent switches to the
    # sub-type that fits.
    _playbook("order_fulfillment", "")
    not_picked_up = _playbook("order_fulfillment", "order_not_picked_up")
    case, _created = case_services.open_case(
        opener=seller,
        subject=f"Carrier did not pick up order {ORDER}",
        body="I booked a pickup for 14:00-18:00 (PU-5530917). Nobody came and the ship-by date is today.",
        category="order_fulfillment",
        order_id=ORDER,
    )
    assert case.team == tier1
    return case, not_picked_up


def test_tier1_agent_completes_the_playbook_and_resolves_the_case_without_a_transfer(person, pickup_case):
    case, playbook = pickup_case
    agent = person()
    page = agent.sign_in("agent-tom")

    page.get_by_role("link", name=re.compile("Tier 1 — English")).click()
    page.get_by_role("link", name=f"Carrier did not pick up order {ORDER}").click()
    expect(page.locator("#playbook")).to_have_attribute("open", "")
    expect(page.locator("#playbook")).to_contain_text("Order fulfilment: general")

    # The general playbook does not fit: switch to "order not picked up".
    page.get_by_label("Another playbook fits better?").select_option(label=playbook.name)
    page.get_by_role("button", name="Switch").click()
    expect(page.get_by_text(f"Now using the playbook “{playbook.name}”.")).to_be_visible()
    form = page.locator("form.playbook-form")
    expect(page.locator("#playbook .playbook-name")).to_have_text(playbook.name)
    expect(form).to_contain_text("Still needed to complete it")

    today = clock.now().date().isoformat()
    form.locator("#id_pb-order_id").fill(ORDER)
    form.locator("#id_pb-ship_by").fill(today)
    form.locator("#id_pb-carrier").select_option("Nimbus Shipping")
    form.locator("#id_pb-pickup_confirmation").fill("PU-5530917")
    form.locator("#id_pb-pickup_slot").fill("14:00-18:00")
    form.locator("#id_pb-carrier_reason").select_option("No access")
    form.locator("#id_pb-seller_tried").fill("Waited at the dock until 18:30 and called the driver's depot.")
    for step in playbook.steps:
        form.get_by_label(step["title"]).check()
    form.get_by_role("button", name="Save progress").click()

    expect(page.get_by_text("Playbook progress saved. The playbook is completed.")).to_be_visible()
    expect(page.locator("#playbook summary .badge")).to_have_text("✓ Completed")
    expect(page.locator("#playbook .completed-note")).to_be_visible()
    for step in playbook.steps:
        expect(page.locator("form.playbook-form").get_by_label(step["title"])).to_be_checked()
        expect(page.locator("form.playbook-form").get_by_label(step["title"])).to_be_disabled()

    # First line may request the re-pickup itself: no transfer needed.
    actions = page.locator("#actions")
    expect(actions.locator("#id_act-capability option")).to_have_text(
        [
            "Choose an action…",
            "Request a carrier re-pickup",
            "Open a warehouse or carrier investigation",
            "Issue a reimbursement",
        ]
    )
    actions.get_by_label("Action", exact=True).select_option(label="Request a carrier re-pickup")
    expect(actions.locator(".money-fields")).to_be_hidden()
    actions.get_by_label("What you did (on the case timeline)").fill(
        "Priority re-pickup booked for today 15:00-19:00 (PU-5531466), gate code added."
    )
    actions.get_by_role("button", name="Take action").click()
    expect(page.get_by_text("Done: Request a carrier re-pickup. The seller sees it on the case.")).to_be_visible()
    action_event = page.locator(".timeline .kind-action_taken")
    expect(action_event).to_contain_text("took an action")
    expect(action_event).to_contain_text("Priority re-pickup booked for today 15:00-19:00 (PU-5531466)")

    page.locator("#id_body").fill("I booked a priority re-pickup for today 15:00-19:00, confirmation PU-5531466.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Reply sent to the seller.")).to_be_visible()

    page.get_by_label("Change status").select_option("resolved")
    page.get_by_role("button", name="Update status").click()
    expect(page.get_by_text("Status updated.")).to_be_visible()
    expect(page.locator(".page-head .badge.status-resolved")).to_be_visible()

    case.refresh_from_db()
    assert case.status == Status.RESOLVED
    assert not Transfer.objects.filter(case=case).exists()
    progress = CasePlaybook.objects.get(case=case, playbook=playbook)
    assert progress.completed_at is not None
    assert progress.completed_steps == [s["key"] for s in playbook.steps]
    assert progress.values["pickup_confirmation"] == "PU-5530917"
    action = CaseEvent.objects.get(case=case, kind=EventType.ACTION_TAKEN)
    assert action.data["action"] == "request_carrier_repickup"
    assert case.resolved_at - action.created_at < dt.timedelta(minutes=5)
    assert agent.errors == []
