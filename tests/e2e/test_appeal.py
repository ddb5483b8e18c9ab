"""An appeal in a real browser: a suspended seller reads why on her account page, appeals with a plan
of action and an evidence file; the seller performance agent approves it with a specific reason on
the appeal's case; the seller's account is active again."""

import re

import pytest
from playwright.sync_api import expect

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.performance import services
from sellerdesk.performance.models import ActionStatus, Appeal, AppealStatus
from tests.factories import AgentFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT_CAUSE = "Our supplier's product text, with the germ claim, was copied into the title."
CORRECTIVE = "We removed every germ claim from the title, bullets and images of listing L-4471."
PREVENTIVE = "Every new listing is checked against the restricted-claims list before it goes live."
APPROVAL = "Listing L-4471 no longer claims to kill germs, so rule PR-101 is met again: suspension lifted."


@pytest.fixture
def suspended_ana(seeded_configuration, ana):
    team = TeamFactory(
        name="Seller performance",
        tier="seller_performance",
        languages=["en", "es"],
        categories=["account_health", "policy_compliance", "appeals"],
    )
    perf_agent = AgentFactory(username="agent-perf", first_name="Paula", teams=[team])
    action = services.take_action(
        actor=perf_agent,
        seller_account_id=ana.seller_account_id,
        kind="account_suspended",
        rule="PR-101",
        items=[{"kind": "listing", "id": "L-4471"}],
        evidence="The title of listing L-4471 says 'kills 99.9% of germs' without a registration number.",
        source="detector",
        detector="pesticide-claims",
        detector_confidence=0.91,
    )
    return action


def test_suspended_seller_appeals_and_the_approval_restores_her_account(person, suspended_ana, tmp_path):
    action = suspended_ana
    evidence = tmp_path / "supplier-invoice.pdf"
    evidence.write_bytes(b"%PDF-1.4 corrected product sheet from the supplier")

    seller = person()
    page = seller.sign_in("ana")
    page.get_by_role("link", name="My account").click()
    status = page.locator("#status")
    expect(status).to_contain_text("Suspended")
    expect(status).to_contain_text("You cannot sell")
    expect(status).to_contain_text("Account suspended under rule PR-101")
    notice = page.locator(f"#action-{action.pk}")
    expect(notice).to_contain_text("L-4471")
    expect(notice).to_contain_text("pesticide-claims")
    notice.get_by_text("The full notice").click()
    expect(notice.locator(".notice-text")).to_contain_text("appeal it from the My account page")

    page.locator("#what-to-do").get_by_role("link", name="Appeal", exact=True).click()
    expect(page.get_by_role("heading", name=re.compile("Appeal: Account suspended"))).to_be_visible()
    # Too short a root cause is refused next to the field, with the rest kept.
    page.get_by_label("Root cause").fill("Supplier text.")
    page.get_by_label("Corrective actions taken").fill(CORRECTIVE)
    page.get_by_label("Preventive measures").fill(PREVENTIVE)
    page.get_by_role("button", name="Send the appeal").click()
    expect(page.locator(".field.has-error")).to_contain_text("Write at least 30 characters.")
    page.get_by_label("Root cause").fill(ROOT_CAUSE)
    page.get_by_label("Evidence files").set_input_files(str(evidence))
    page.get_by_role("button", name="Send the appeal").click()

    expect(page.get_by_text(re.compile(r"Your appeal is filed \(case SD-\d{6}\)"))).to_be_visible()
    expect(page.locator("#appeal-status")).to_have_text("Under review")
    expect(page.locator("#decision")).to_contain_text("We aim to decide by")
    expect(page.locator("#plan")).to_contain_text("supplier-invoice.pdf")
    appeal = Appeal.objects.get(action=action)

    agent = person()
    workspace = agent.sign_in("agent-perf")
    workspace.locator("nav.queues").get_by_role("link", name=re.compile("Seller performance")).click()
    workspace.get_by_role("link", name=re.compile("Appeal: Account suspended")).click()
    card = workspace.locator("#appeal")
    expect(card).to_contain_text(ROOT_CAUSE)
    expect(card).to_contain_text("supplier-invoice.pdf")
    expect(card).to_contain_text("pesticide-claims")
    expect(card).to_contain_text("91% confidence")
    card.get_by_label("Approve").check()
    card.get_by_label("Reason (the seller reads it)").fill(APPROVAL)
    card.get_by_role("button", name="Record the decision").click()
    expect(workspace.get_by_text("Appeal approved: the action is reversed")).to_be_visible()
    expect(workspace.locator("#appeal .badge.appeal-approved").first).to_be_visible()

    page.goto("/portal/account/")
    expect(page.locator("#status")).to_contain_text("Active")
    expect(page.locator("#status")).to_contain_text("You can sell normally.")
    expect(page.locator("#status")).to_contain_text("was reversed")
    expect(page.locator(f"#action-{action.pk}")).to_contain_text("Reversed")
    page.goto(f"/portal/account/appeals/{appeal.pk}/")
    expect(page.locator("#decision")).to_contain_text("Your appeal is approved")
    expect(page.locator("#decision")).to_contain_text(APPROVAL)

    appeal.refresh_from_db()
    action.refresh_from_db()
    action.seller_account.refresh_from_db()
    assert appeal.status == AppealStatus.APPROVED
    assert action.status == ActionStatus.REVERSED
    assert action.seller_account.status == AccountStatus.ACTIVE
    # The refused first try answers 400 on purpose (the browser logs it); nothing else went wrong.
    assert [e for e in seller.errors if "status of 400" not in e] == []
    assert agent.errors == []
