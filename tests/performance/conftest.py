"""Fixtures of seller performance: the seller_performance and senior teams with their agents, an
operator, and helpers that take an action or file an appeal through the services."""

import datetime as dt

import pytest

from sellerdesk.core import clock
from sellerdesk.performance import services
from tests.factories import AdminFactory, AgentFactory, TeamFactory

PLAN = {
    "root_cause": "The title said 'antibacterial' because our supplier's description was copied.",
    "corrective_actions": "We removed every germ claim from the title, bullets and images of the listing.",
    "preventive_measures": "Every new listing is now checked against the restricted-claims list before it goes live.",
}


@pytest.fixture
def perf_team(db):
    return TeamFactory(
        name="Seller performance",
        tier="seller_performance",
        languages=["en", "es"],
        categories=["account_health", "policy_compliance", "appeals"],
    )


@pytest.fixture
def perf_agent(perf_team):
    return AgentFactory(username="agent-perf", teams=[perf_team])


@pytest.fixture
def senior_agent(senior_team):
    return AgentFactory(username="agent-senior", teams=[senior_team])


@pytest.fixture
def operator(db):
    return AdminFactory(username="operator")


@pytest.fixture
def take_action(perf_agent):
    """`take_action(account, kind="listing_removed", ...)` through the service, by agent-perf."""

    def _take(account, **overrides):
        actor = overrides.pop("actor", perf_agent)
        fields = {
            "kind": "listing_removed",
            "rule": "PR-101",
            "items": [{"kind": "listing", "id": "L-4471"}],
            "evidence": "The title of listing L-4471 says 'kills 99.9% of germs' without a registration number.",
            "source": "detector",
            "detector": "pesticide-claims",
            "detector_confidence": 0.91,
            **overrides,
        }
        return services.take_action(actor=actor, seller_account_id=account.pk, **fields)

    return _take


@pytest.fixture
def file_appeal():
    def _file(seller, action, **overrides):
        appeal, _created = services.file_appeal(actor=seller, action_id=action.pk, **{**PLAN, **overrides})
        return appeal

    return _file


@pytest.fixture
def complain(operator):
    """`complain(account, **fields)` files a complaint through the service, as an operator."""

    def _file(account, **overrides):
        fields = {
            "seller": account.marketplace_seller_id,
            "complainant_kind": "buyer",
            "complainant_id": "BUYER-1",
            "description": "The charger I received as new had been used and the box was resealed.",
            "order_id": "112-5550001",
            "listing_id": "L-700",
            "product_category": "electronics",
            "rule": "PR-301",
            "complainant_since": (clock.now() - dt.timedelta(days=800)).date(),
            "verified_purchase": True,
            **overrides,
        }
        complaint, _created = services.file_complaint(actor=operator, **fields)
        return complaint

    return _file
