"""The priority of a case: one stored instant (the nearest hard time less the business impact), the
score read from it, the reason in words, and the queue order that follows."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.cases import selectors
from sellerdesk.cases import services as cases
from sellerdesk.core import clock
from sellerdesk.sla import priority
from sellerdesk.sla import selectors as sla_selectors
from sellerdesk.sla import services as sla

T0 = dt.datetime(2030, 5, 6, 9, 0, tzinfo=dt.UTC)  # Tier 1 works around the clock


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def opened(open_case_as, seller, when=T0, **fields):
    with clock.frozen_at(when):
        case = open_case_as(seller, **fields)
    case.refresh_from_db()
    return case


def queue(agent):
    return list(selectors.cases_for(agent, status="active", sort="priority"))


@pytest.mark.django_db
def test_a_case_two_hours_from_its_order_cut_off_ranks_ahead_of_older_cases(ana, ben, agent, open_case_as):
    oldest = opened(open_case_as, ben, at(-10), subject="Listing question")
    older = opened(open_case_as, ana, at(-5), subject="Fee question")
    cut_off = opened(
        open_case_as,
        ana,
        T0,
        subject="Order not picked up",
        order_id="112-1234567-1234567",
        business_deadline=at(2),
    )
    assert (oldest.priority_at, older.priority_at, cut_off.priority_at) == (at(14), at(19), at(2))
    assert queue(agent) == [cut_off, oldest, older]

    scores = {case.pk: sla_selectors.priority_of(case, T0) for case in (cut_off, oldest, older)}
    assert scores[cut_off.pk][0] > scores[oldest.pk][0] > scores[older.pk][0]
    assert "order cut-off in 2h" in scores[cut_off.pk][1]
    assert "reply due in 14h" in scores[oldest.pk][1]


@pytest.mark.django_db
def test_a_deadline_without_an_order_is_a_business_deadline(ana, open_case_as, tier1):
    case = opened(open_case_as, ana, business_deadline=at(3))
    _score, reason = sla_selectors.priority_of(case, T0)
    assert "business deadline in 3h" in reason


@pytest.mark.django_db
def test_a_suspended_sellers_case_ranks_ahead_of_an_active_sellers_identical_case(ana, ben, agent, open_case_as):
    ana.seller_account.status = AccountStatus.SUSPENDED
    ana.seller_account.save()
    active = opened(open_case_as, ben)
    suspended = opened(open_case_as, ana)  # opened second: only the account status can put it first

    assert suspended.priority_at == active.priority_at - dt.timedelta(hours=48)
    assert queue(agent) == [suspended, active]
    suspended_score, reason = sla_selectors.priority_of(suspended, T0)
    assert suspended_score > sla_selectors.priority_of(active, T0)[0]
    assert "account suspended" in reason


@pytest.mark.django_db
def test_money_and_orders_at_stake_move_a_case_ahead_and_are_named_in_the_reason(ana, open_case_as, tier1):
    plain = opened(open_case_as, ana)
    costly = opened(open_case_as, ana, revenue_at_stake=Decimal("10000"), revenue_currency="USD", orders_affected=3)
    # $10,000 is two tenfolds above $100 (8 h); 3 orders are two doublings (6 h).
    assert plain.priority_at - costly.priority_at == dt.timedelta(hours=14)
    _score, reason = sla_selectors.priority_of(costly, T0)
    assert "$10,000 at stake" in reason
    assert "3 orders affected" in reason


@pytest.mark.django_db
def test_refreshing_an_accounts_cases_after_a_status_change_reranks_them(ana, ben, agent, open_case_as):
    anas = opened(open_case_as, ana, T0)
    bens = opened(open_case_as, ben, at(1))
    bens_done = opened(open_case_as, ben, at(1), subject="Old question")
    with clock.frozen_at(at(2)):
        cases.change_status(actor=agent, case_id=bens_done.pk, status="resolved")
    bens_done.refresh_from_db()
    assert queue(agent) == [anas, bens]

    ben.seller_account.status = AccountStatus.SUSPENDED
    ben.seller_account.save()
    assert sla.refresh_account_cases(ben.seller_account_id) == 1  # active cases only

    bens.refresh_from_db()
    assert bens.priority_at == at(25 - 48)
    assert queue(agent) == [bens, anas]
    before = bens_done.priority_at
    bens_done.refresh_from_db()
    assert bens_done.priority_at == before

    ben.seller_account.status = AccountStatus.ACTIVE
    ben.seller_account.save()
    sla.refresh_account_cases(ben.seller_account_id)
    assert queue(agent) == [anas, bens]


@pytest.mark.django_db
def test_a_reply_that_meets_the_target_moves_the_case_back(ana, agent, open_case_as):
    case = opened(open_case_as, ana)
    assert case.priority_at == at(24)
    with clock.frozen_at(at(1)):
        cases.post_message(actor=agent, case_id=case.pk, body="We are checking.")
    case.refresh_from_db()
    assert case.priority_at == at(72)  # now the resolution is the nearest hard time


# --- the score -------------------------------------------------------------------------------------------


def test_the_score_is_100_when_due_50_with_8_hours_left_and_25_with_a_day_left():
    assert priority.score(T0, T0) == 100
    assert priority.score(T0, at(5)) == 100  # overdue
    assert priority.score(at(8), T0) == 50
    assert priority.score(at(24), T0) == 25
    assert priority.score(None, T0) == 0


@given(
    key=st.integers(min_value=-10_000, max_value=10_000),
    earlier=st.integers(min_value=-10_000, max_value=10_000),
    later=st.integers(min_value=0, max_value=10_000),
)
def test_the_score_only_grows_as_time_passes_and_an_earlier_key_never_scores_lower(key, earlier, later):
    key_at = T0 + dt.timedelta(minutes=key)
    now = T0 + dt.timedelta(minutes=earlier)
    then = now + dt.timedelta(minutes=later)
    assert 0 <= priority.score(key_at, now) <= priority.score(key_at, then) <= 100
    assert priority.score(key_at - dt.timedelta(minutes=later), now) >= priority.score(key_at, now)
