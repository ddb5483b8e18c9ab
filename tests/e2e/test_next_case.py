"""Deadline-aware work in a real browser: two sellers open cases; the one whose order cut-off is
close (with money at stake) is what the agent's "Next case" button gives first, with the reason and
the SLA card; the seller sees when to expect the reply."""

import datetime as dt
import re
import zoneinfo

import pytest
from playwright.sync_api import expect

from sellerdesk.cases import services as cases
from tests.factories import AgentFactory, SellerAccountFactory, SellerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(seeded_configuration):
    team = TeamFactory(name="Tier 1 — English", tier="tier1", languages=["en"], categories=[])
    ana = SellerFactory(username="seller-ana", seller_account=SellerAccountFactory(name="Ana's Kitchen Goods"))
    ben = SellerFactory(username="seller-ben", seller_account=SellerAccountFactory(name="Ben's Outdoor Supply"))
    AgentFactory(username="agent-t1", first_name="Tom", teams=[team], languages=["en"])
    return ana, ben


def test_next_case_gives_the_agent_the_case_with_the_close_cut_off(person, people):
    ana, ben = people
    # An ordinary question opened earlier: older, but nothing is about to be lost.
    cases.open_case(opener=ben, subject="How do I change my store name?", body="Where is the setting?")

    seller = person()
    page = seller.sign_in("seller-ana")
    page.get_by_role("link", name="Open a case").first.click()
    page.get_by_label("Subject").fill("Order 112-4829301-5521904 is cancelled at 18:00 unless it ships")
    page.get_by_label("What is it about?").select_option("order_fulfillment")
    page.get_by_label("Order id").fill("112-4829301-5521904")
    # The form reads the time in the seller's own time zone.
    cut_off = dt.datetime.now(zoneinfo.ZoneInfo(ana.effective_timezone or "UTC")) + dt.timedelta(hours=2)
    page.get_by_role("textbox", name=re.compile("^Deadline")).fill(cut_off.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_label("Revenue at stake").fill("1800")
    page.get_by_label("Currency").select_option("USD")
    page.get_by_label("Describe the problem").fill("The carrier never came; the buyer's order is cancelled tonight.")
    page.get_by_role("button", name="Open the case").click()
    expect(page.get_by_text(re.compile(r"Case SD-\d{6} is open"))).to_be_visible()
    expect(page.get_by_text(re.compile("Expected reply by"))).to_be_visible()

    agent = person()
    workspace = agent.sign_in("agent-t1")
    workspace.get_by_role("button", name=re.compile("Next case")).click()
    expect(workspace.get_by_text(re.compile(r"SD-\d{6} is yours: critical: order cut-off in"))).to_be_visible()
    expect(workspace.get_by_role("heading", name=re.compile("is cancelled at 18:00"))).to_be_visible()
    card = workspace.locator("#sla")
    expect(card).to_contain_text("First response")
    expect(card).to_contain_text("$1,800 at stake")

    # The next press gives the older, ordinary case; then there is nothing left.
    workspace.goto("/workspace/")
    workspace.get_by_role("button", name=re.compile("Next case")).click()
    expect(workspace.get_by_role("heading", name=re.compile("How do I change my store name"))).to_be_visible()
    workspace.goto("/workspace/")
    workspace.get_by_role("button", name=re.compile("Next case")).click()
    expect(workspace.get_by_text("No case is waiting for you right now", exact=False)).to_be_visible()
    assert seller.errors == [] and agent.errors == []
