"""The capability matrix: what each tier may do, up to which amount, and who to ask when refused."""

from decimal import Decimal

import pytest

from sellerdesk.accounts import capabilities
from sellerdesk.accounts.capabilities import BASIC, Capability
from sellerdesk.accounts.models import Tier, TierCapability
from sellerdesk.routing import services
from tests.factories import AgentFactory, CaseFactory, TeamFactory, TierCapabilityFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def tier1_case(tier1):
    return CaseFactory(team=tier1, category="order_fulfillment")


# --- the matrix as seeded ---------------------------------------------------------------------------


def test_every_tier_has_the_basic_actions_of_working_a_case():
    for tier in Tier.values:
        for capability in BASIC:
            assert capabilities.tier_allows(tier, capability), (tier, capability)


def test_tier1_may_request_a_carrier_repickup_and_reimburse_up_to_100_usd_but_not_reinstate_listings():
    assert capabilities.tier_allows("tier1", Capability.REQUEST_CARRIER_REPICKUP)
    assert capabilities.tier_allows("tier1", Capability.OPEN_INVESTIGATION)
    assert capabilities.tier_allows("tier1", Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("100.00"))
    assert not capabilities.tier_allows("tier1", Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("100.01"))
    assert not capabilities.tier_allows("tier1", Capability.REINSTATE_LISTING)
    assert not capabilities.tier_allows("tier1", Capability.CHANGE_ACCOUNT_STATUS)
    assert not capabilities.tier_allows("tier1", Capability.DECIDE_APPEAL)


def test_the_seeded_limits_of_money_actions():
    limits = dict(
        TierCapability.objects.filter(capability=Capability.ISSUE_REIMBURSEMENT).values_list("tier", "max_amount_usd")
    )
    assert limits == {
        "tier1": Decimal("100.00"),
        "tier2": Decimal("1000.00"),
        "payments": Decimal("25000.00"),
        "senior": None,
    }
    assert capabilities.tier_allows("payments", Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("25000"))
    assert not capabilities.tier_allows("payments", Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("25000.01"))


def test_senior_escalations_may_do_everything_without_a_limit():
    for capability in Capability.values:
        assert capabilities.tier_allows("senior", capability), capability
    assert capabilities.tier_allows("senior", Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("10000000"))


def test_only_seller_performance_decides_appeals_and_changes_account_status_below_senior():
    assert capabilities.tiers_with(Capability.DECIDE_APPEAL) == ["Seller performance", "Senior escalations"]
    assert capabilities.tiers_with(Capability.CHANGE_ACCOUNT_STATUS) == ["Seller performance", "Senior escalations"]


def test_no_tier_means_no_capability():
    assert capabilities.tier_allows(None, Capability.REPLY) is False


# --- who may act on a case ----------------------------------------------------------------------------


def test_an_agent_acts_in_the_tier_of_the_cases_team(agent, tier1_case):
    assert capabilities.acting_tier(agent, tier1_case) == "tier1"
    assert Capability.REQUEST_CARRIER_REPICKUP in capabilities.capabilities_for(agent, tier1_case)
    assert Capability.REINSTATE_LISTING not in capabilities.capabilities_for(agent, tier1_case)


def test_an_agent_of_another_team_has_no_capabilities_on_the_case(outsider_agent, tier1_case):
    assert capabilities.acting_tier(outsider_agent, tier1_case) is None
    assert capabilities.capabilities_for(outsider_agent, tier1_case) == set()
    assert not capabilities.may(outsider_agent, tier1_case, Capability.REPLY)


def test_a_seller_has_no_capabilities(ana, tier1):
    case = CaseFactory(team=tier1, seller_account=ana.seller_account, opened_by=ana)
    assert capabilities.capabilities_for(ana, case) == set()
    assert not capabilities.may(ana, case, Capability.REPLY)


def test_an_admin_may_do_everything_on_any_case(support_admin, tier1_case):
    assert capabilities.capabilities_for(support_admin, tier1_case) == set(Capability.values)
    assert capabilities.may(support_admin, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("1000000"))
    capabilities.require_capability(support_admin, tier1_case, Capability.DECIDE_APPEAL)


def test_a_member_of_two_teams_acts_in_the_tier_of_the_cases_team(tier1, payments_team):
    both = AgentFactory(teams=[tier1, payments_team])
    case = CaseFactory(team=payments_team)
    assert capabilities.acting_tier(both, case) == "payments"
    assert capabilities.may(both, case, Capability.RELEASE_FUNDS)
    assert not capabilities.may(both, CaseFactory(team=tier1), Capability.RELEASE_FUNDS)


# --- refusals name who can ------------------------------------------------------------------------


def test_a_missing_capability_is_refused_naming_the_tiers_that_can(agent, tier1_case, refused):
    with refused("missing_capability") as info:
        capabilities.require_capability(agent, tier1_case, Capability.REINSTATE_LISTING)
    message = info.value.message
    assert "Tier 2" in message and "Seller performance" in message and "Senior escalations" in message
    assert "Tier 1" not in message
    assert info.value.http_status == 403


def test_an_amount_over_the_tiers_limit_is_refused_naming_the_tiers_that_can(agent, tier1_case, refused):
    with refused("over_limit") as info:
        capabilities.require_capability(agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("500"))
    message = info.value.message
    assert "500" in message
    assert "Tier 2" in message and "Payments" in message and "Senior escalations" in message
    assert "Tier 1" not in message


def test_above_every_limit_only_the_unlimited_tier_is_named(agent, tier1_case, refused):
    with refused("over_limit") as info:
        capabilities.require_capability(agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("30000"))
    assert "Senior escalations" in info.value.message
    assert "Payments" not in info.value.message


def test_an_action_within_the_limit_is_allowed(agent, tier1_case):
    capabilities.require_capability(agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("99.99"))


# --- currencies ---------------------------------------------------------------------------------------


def test_amounts_convert_to_usd_at_the_configured_rates(settings):
    assert capabilities.to_usd(Decimal("100"), "USD") == Decimal("100.00")
    assert capabilities.to_usd(Decimal("100"), "eur") == Decimal("108.00")
    settings.SELLERDESK = {**settings.SELLERDESK, "FX_TO_USD": {"USD": 1, "EUR": 0.5}}
    assert capabilities.to_usd(Decimal("100"), "EUR") == Decimal("50.00")


def test_the_limit_applies_after_conversion(agent, tier1_case, refused, settings):
    # 95 EUR is 102.60 USD at the default rate: over tier 1's 100 USD.
    with refused("over_limit"):
        capabilities.require_capability(
            agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=capabilities.to_usd(Decimal("95"), "EUR")
        )
    settings.SELLERDESK = {**settings.SELLERDESK, "FX_TO_USD": {**settings.SELLERDESK["FX_TO_USD"], "EUR": 1}}
    capabilities.require_capability(
        agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=capabilities.to_usd(Decimal("95"), "EUR")
    )


def test_an_unknown_currency_is_refused_naming_the_field(refused):
    with refused("unsupported_currency", "currency"):
        capabilities.to_usd(Decimal("10"), "XYZ")


# --- the matrix is configuration ----------------------------------------------------------------------


def test_adding_a_matrix_row_gives_the_tier_the_action(agent, tier1_case):
    assert not capabilities.may(agent, tier1_case, Capability.REINSTATE_LISTING)
    TierCapabilityFactory(tier="tier1", capability=Capability.REINSTATE_LISTING)
    assert capabilities.may(agent, tier1_case, Capability.REINSTATE_LISTING)
    assert "Tier 1" in capabilities.tiers_with(Capability.REINSTATE_LISTING)


def test_removing_a_matrix_row_takes_the_action_away(agent, tier1_case, refused):
    TierCapability.objects.filter(tier="tier1", capability=Capability.REQUEST_CARRIER_REPICKUP).delete()
    with refused("missing_capability"):
        capabilities.require_capability(agent, tier1_case, Capability.REQUEST_CARRIER_REPICKUP)


def test_raising_a_limit_in_the_matrix_raises_what_the_tier_may_issue(agent, tier1_case, refused):
    with refused("over_limit"):
        capabilities.require_capability(agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("250"))
    row = TierCapabilityFactory(tier="tier1", capability=Capability.ISSUE_REIMBURSEMENT)
    row.max_amount_usd = Decimal("300")
    row.save()
    capabilities.require_capability(agent, tier1_case, Capability.ISSUE_REIMBURSEMENT, amount_usd=Decimal("250"))


def test_a_team_without_any_matrix_row_may_do_nothing(db):
    TierCapability.objects.filter(tier="tier2").delete()
    team = TeamFactory(tier="tier2")
    member = AgentFactory(teams=[team])
    case = CaseFactory(team=team)
    assert capabilities.capabilities_for(member, case) == set()


# --- services check the matrix ------------------------------------------------------------------------


def test_take_action_checks_the_matrix_and_the_limit(agent, pickup_case, refused):
    services.take_action(
        actor=agent, case_id=pickup_case.pk, capability=Capability.REQUEST_CARRIER_REPICKUP, note="Re-pickup booked."
    )
    with refused("missing_capability"):
        services.take_action(
            actor=agent, case_id=pickup_case.pk, capability=Capability.REINSTATE_LISTING, note="Reinstated."
        )
    with refused("over_limit"):
        services.take_action(
            actor=agent,
            case_id=pickup_case.pk,
            capability=Capability.ISSUE_REIMBURSEMENT,
            note="Refund of the shipping label.",
            amount=Decimal("150"),
            currency="USD",
        )
    with refused("unsupported_currency", "currency"):
        services.take_action(
            actor=agent,
            case_id=pickup_case.pk,
            capability=Capability.ISSUE_REIMBURSEMENT,
            note="Refund.",
            amount=Decimal("10"),
            currency="XYZ",
        )


def test_take_action_refuses_basic_actions_as_not_an_action(agent, pickup_case, refused):
    with refused("not_an_action", "capability"):
        services.take_action(actor=agent, case_id=pickup_case.pk, capability=Capability.REPLY, note="Hi")


def test_removing_reply_from_a_tier_stops_its_agents_replying(agent, pickup_case, refused):
    from sellerdesk.accounts.models import TierCapability
    from sellerdesk.cases import services as case_services

    TierCapability.objects.filter(tier="tier1", capability="reply").delete()
    with refused("missing_capability"):
        case_services.post_message(actor=agent, case_id=pickup_case.pk, body="Hello")
    case_services.post_message(actor=agent, case_id=pickup_case.pk, body="Checked the carrier.", internal=True)
