"""A seller opens a case in the portal; an agent answers it in the workspace; the seller sees the
reply appear on the open case page without reloading."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import AgentFactory, SellerAccountFactory, SellerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def people(seeded_configuration):
    team = TeamFactory(name="Tier 1 — English", tier="tier1", languages=["en"], categories=[])
    seller = SellerFactory(username="seller-ana", seller_account=SellerAccountFactory(name="Ana's Kitchen Goods"))
    agent = AgentFactory(username="agent-t1", first_name="Tom", teams=[team])
    return seller, agent


def test_seller_sees_agent_reply_appear_live(person, people):
    seller_user, _agent_user = people
    seller = person()
    page = seller.sign_in("seller-ana")
    expect(page.get_by_role("heading", name="My cases")).to_be_visible()
    expect(page.get_by_text("You have no open cases")).to_be_visible()

    page.get_by_role("link", name="Open a case").first.click()
    page.get_by_label("Subject").fill("Carrier did not pick up order 112-4829301-5521904")
    page.get_by_label("What is it about?").select_option("order_fulfillment")
    page.get_by_label("Order id").fill("112-4829301-5521904")
    page.get_by_label("Describe the problem").fill("The pickup window passed and nobody came. Ship-by is today.")
    page.get_by_role("button", name="Open the case").click()

    expect(page.get_by_text(re.compile(r"Case SD-\d{6} is open"))).to_be_visible()
    expect(page.get_by_text("The pickup window passed and nobody came.")).to_be_visible()
    expect(page.locator("#facts")).to_contain_text("Tier 1 — English")
    case_url = page.url

    agent = person()
    workspace = agent.sign_in("agent-t1")
    workspace.get_by_role("link", name=re.compile("Tier 1 — English")).click()
    workspace.get_by_role("link", name="Carrier did not pick up order 112-4829301-5521904").click()
    expect(workspace.locator(".seller")).to_contain_text("Ana's Kitchen Goods")
    workspace.get_by_role("button", name="Assign to me").click()
    expect(workspace.get_by_text("Assignment updated.")).to_be_visible()
    workspace.get_by_label("Internal note (never shown to the seller)").fill("Carrier portal shows no pickup scan.")
    workspace.get_by_role("button", name="Add note").click()
    workspace.get_by_label("Reply to the seller").fill("I booked a priority re-pickup for today 15:00-19:00.")
    workspace.get_by_role("button", name="Send reply").click()
    expect(workspace.get_by_text("Reply sent to the seller.")).to_be_visible()

    # The seller's page was never reloaded: the reply arrives through the live timeline.
    assert page.url == case_url
    expect(page.get_by_text("I booked a priority re-pickup for today 15:00-19:00.")).to_be_visible(timeout=15_000)
    expect(page.locator("#facts")).to_contain_text("Tom")
    expect(page.get_by_text("Carrier portal shows no pickup scan.")).to_have_count(0)

    page.get_by_label("Your reply").fill("Thank you, the driver came.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_text("Thank you, the driver came.")).to_be_visible()
    assert seller.errors == [] and agent.errors == []
