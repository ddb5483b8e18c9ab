"""Edges of the SLA engine: cases from before it was installed, cases with nothing owed, and the
capability matrix deciding who may take a case with "next case"."""

import datetime as dt

import pytest
from django.core.management import call_command

from sellerdesk.accounts.capabilities import Capability
from sellerdesk.accounts.models import TierCapability
from sellerdesk.cases import services as cases
from sellerdesk.cases.models import Case
from sellerdesk.core import clock
from sellerdesk.sla import priority
from sellerdesk.sla import selectors as sla_selectors
from sellerdesk.sla import services as sla
from sellerdesk.sla.models import CaseTarget
from tests.factories import CaseFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)


def test_cases_from_before_the_sla_engine_get_targets_counted_from_the_upgrade(ana, tier1):
    unanswered = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, status="new")
    answered = CaseFactory(
        seller_account=ana.seller_account, opened_by=ana, team=tier1, status="open", first_response_at=T0
    )
    done = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, status="resolved")

    with clock.frozen_at(T0):
        call_command("sla-start")
        assert sla.start_missing_targets() == 0  # idempotent

    kinds = {
        c.pk: sorted(CaseTarget.objects.filter(case=c).values_list("kind", flat=True))
        for c in (unanswered, answered, done)
    }
    assert kinds == {
        unanswered.pk: ["first_response", "resolution"],
        answered.pk: ["resolution"],
        done.pk: [],
    }
    unanswered.refresh_from_db()
    answered.refresh_from_db()
    assert unanswered.first_response_due == T0 + dt.timedelta(hours=24)  # from the upgrade, not the opening
    assert answered.first_response_due is None and answered.response_due is None
    assert answered.resolution_due == T0 + dt.timedelta(hours=72)
    assert answered.priority_at is not None


def test_a_case_waiting_on_the_seller_ranks_after_every_case_that_is_owed_something(ana, agent, open_case_as):
    with clock.frozen_at(T0 - dt.timedelta(days=30)):
        waiting = open_case_as(ana, subject="Old, now waiting on the seller")
        cases.change_status(actor=agent, case_id=waiting.pk, status="waiting_on_seller")
    with clock.frozen_at(T0):
        fresh = open_case_as(ana, subject="Fresh question")
    waiting.refresh_from_db()
    assert waiting.priority_at is None
    with clock.frozen_at(T0):
        score, reason = sla_selectors.priority_of(Case.objects.select_related("seller_account").get(pk=waiting.pk), T0)
        queue = list(Case.objects.filter(pk__in=[waiting.pk, fresh.pk]).order_by(*cases_priority_order()))
    assert (score, reason) == (0, "low: waiting on the seller")
    assert queue == [fresh, waiting]


def cases_priority_order():
    from sellerdesk.cases.selectors import SORTS

    return SORTS["priority"]


def test_the_score_is_zero_without_a_priority_instant():
    assert priority.score(None, T0) == 0


def test_next_case_only_takes_cases_in_teams_whose_tier_may_assign(ana, agent, tier1, open_case_as):
    case = open_case_as(ana, subject="Needs someone")
    TierCapability.objects.filter(tier=tier1.tier, capability=Capability.ASSIGN).delete()
    assert sla.take_next_case(actor=agent) is None
    TierCapability.objects.create(tier=tier1.tier, capability=Capability.ASSIGN)
    assert sla.take_next_case(actor=agent) == case
