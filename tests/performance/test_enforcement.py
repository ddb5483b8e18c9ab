"""Account status and enforcement actions through the services: every status change has a reason
and an audit event; a notice without a rule, the exact items or specific evidence is refused;
reversing an action gives the account back its status unless another action still holds it; the
detectors' overturn rates are counted from the actions and their appeals."""

import datetime as dt
from decimal import Decimal

import pytest

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.core import clock
from sellerdesk.core.errors import SellerdeskError
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import AccountEvent, AccountEventKind, ActionStatus, EnforcementAction
from tests.concurrency import at_once, needs_postgresql

pytestmark = pytest.mark.django_db

REASON = "Listings L-4471 and L-4472 are being reviewed for pesticide claims."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, policy rules and detectors as the data migrations seed them."""


def status_events(account):
    return list(AccountEvent.objects.filter(seller_account=account, kind=AccountEventKind.STATUS_CHANGED))


def nothing_written(account) -> bool:
    return (
        not EnforcementAction.objects.filter(seller_account=account).exists()
        and not AccountEvent.objects.filter(seller_account=account).exists()
    )


# --- account status ----------------------------------------------------------------------------------


def test_status_change_writes_an_audit_event_with_actor_and_reason(ana, perf_agent):
    account = ana.seller_account

    services.change_account_status(
        actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.UNDER_REVIEW, reason=REASON
    )

    account.refresh_from_db()
    assert account.status == AccountStatus.UNDER_REVIEW
    [event] = status_events(account)
    assert event.actor == perf_agent
    assert event.public  # the seller sees the status and why
    assert event.data == {"from": "active", "to": "under_review", "reason": REASON, "action_id": None}


def test_status_change_without_a_reason_is_refused_and_changes_nothing(ana, perf_agent, refused):
    account = ana.seller_account

    for reason in ("", "   ", "<b>because</b>"):
        with refused("validation_error", "reason"):
            services.change_account_status(
                actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.SUSPENDED, reason=reason
            )

    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE
    assert status_events(account) == []


def test_a_status_that_may_not_follow_the_current_one_is_an_invalid_status_change(ana, perf_agent, refused):
    account = ana.seller_account
    services.change_account_status(
        actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.DEACTIVATED, reason=REASON
    )

    # Leaving deactivated takes a review or reinstatement, not a restriction; nor is "active" → "active" a change.
    with refused("invalid_status_change"):
        services.change_account_status(
            actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.RESTRICTED, reason=REASON
        )
    services.change_account_status(
        actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.ACTIVE, reason=REASON
    )
    with refused("invalid_status_change"):
        services.change_account_status(
            actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.ACTIVE, reason=REASON
        )

    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE
    assert len(status_events(account)) == 2


def test_unknown_status_is_a_field_error(ana, perf_agent, refused):
    with refused("validation_error", "status"):
        services.change_account_status(
            actor=perf_agent, seller_account_id=ana.seller_account.pk, status="banned", reason=REASON
        )


def test_tier1_agent_and_seller_cannot_change_account_status(ana, agent, refused):
    for actor in (agent, ana):
        with refused("missing_capability"):
            services.change_account_status(
                actor=actor, seller_account_id=ana.seller_account.pk, status=AccountStatus.SUSPENDED, reason=REASON
            )
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_senior_agent_and_admin_may_change_account_status(ana, senior_agent, support_admin):
    account = ana.seller_account
    services.change_account_status(
        actor=senior_agent, seller_account_id=account.pk, status=AccountStatus.UNDER_REVIEW, reason=REASON
    )
    services.change_account_status(
        actor=support_admin, seller_account_id=account.pk, status=AccountStatus.ACTIVE, reason=REASON
    )
    assert [e.actor for e in status_events(account)] == [support_admin, senior_agent]


# --- notices: rule, items and evidence, or no action ------------------------------------------------------


def test_notice_without_a_rule_is_refused(ana, take_action, refused):
    with refused("notice_refused", "rule"):
        take_action(ana.seller_account, rule="")
    assert nothing_written(ana.seller_account)


def test_notice_without_items_is_refused(ana, take_action, refused):
    with refused("notice_refused", "items") as info:
        take_action(ana.seller_account, items=[])
    assert set(info.value.fields) == {"items"}
    assert nothing_written(ana.seller_account)


@pytest.mark.parametrize("evidence", ["Policy violation", "policy violation.", "Flagged by our systems", "bad", ""])
def test_notice_with_boilerplate_or_no_evidence_is_refused(ana, take_action, refused, evidence):
    with refused("notice_refused", "evidence"):
        take_action(ana.seller_account, evidence=evidence)
    assert nothing_written(ana.seller_account)


def test_notice_missing_everything_names_every_missing_fact(ana, perf_agent, refused):
    with refused("notice_refused", "rule", "items", "evidence"):
        services.take_action(
            actor=perf_agent,
            seller_account_id=ana.seller_account.pk,
            kind="account_suspended",
            rule="",
            items=[],
            evidence="Policy violation",
            source="reviewer",
        )
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_a_refused_suspension_leaves_the_account_active(ana, take_action, refused):
    with refused("notice_refused", "evidence"):
        take_action(ana.seller_account, kind="account_suspended", evidence="Policy violation")
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_notice_names_the_rule_the_items_the_evidence_and_the_detector(ana, take_action):
    action = take_action(
        ana.seller_account, items=[{"kind": "listing", "id": "L-4471"}, {"kind": "asin", "id": "B0X1"}]
    )

    assert action.detector.name == "pesticide-claims"
    assert action.detector_version == action.detector.version
    assert action.detector_confidence == pytest.approx(0.91)
    for fact in ("PR-101", "L-4471", "B0X1", "kills 99.9% of germs", "pesticide-claims", "91%"):
        assert fact in action.notice
    [event] = AccountEvent.objects.filter(seller_account=ana.seller_account, kind=AccountEventKind.ACTION_TAKEN)
    assert event.data["action_id"] == action.pk and event.data["rule"] == "PR-101"


def test_detector_source_needs_a_known_detector_and_a_confidence(ana, take_action, refused):
    with refused("validation_error", "detector", "detector_confidence"):
        take_action(ana.seller_account, detector="crystal-ball", detector_confidence=1.7)
    assert nothing_written(ana.seller_account)


def test_funds_held_needs_amount_and_currency(ana, take_action, refused):
    with refused("validation_error", "amount_held", "currency"):
        take_action(ana.seller_account, kind="funds_held", currency="XXX")

    action = take_action(ana.seller_account, kind="funds_held", amount_held="1250.5", currency="eur")
    assert action.amount_held == Decimal("1250.50") and action.currency == "EUR"
    assert "1250.50 EUR" in action.notice


def test_tier1_agent_cannot_take_an_action(ana, agent, refused):
    with refused("missing_capability"):
        services.take_action(
            actor=agent,
            seller_account_id=ana.seller_account.pk,
            kind="account_suspended",
            rule="PR-101",
            items=[{"kind": "listing", "id": "L-4471"}],
            evidence="The title of listing L-4471 says 'kills 99.9% of germs' without a registration number.",
            source="reviewer",
        )
    assert nothing_written(ana.seller_account)


# --- account-level actions and their reversal ---------------------------------------------------------------


def test_suspension_changes_the_status_with_an_audited_reason(ana, take_action):
    account = ana.seller_account
    action = take_action(account, kind="account_suspended")

    account.refresh_from_db()
    assert account.status == AccountStatus.SUSPENDED
    assert (action.account_status_before, action.account_status_after) == ("active", "suspended")
    [event] = status_events(account)
    assert event.data["to"] == "suspended" and event.data["action_id"] == action.pk
    assert "PR-101" in event.data["reason"]


def test_reversal_restores_the_status_the_account_had(ana, perf_agent, take_action):
    account = ana.seller_account
    services.change_account_status(
        actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.UNDER_REVIEW, reason=REASON
    )
    action = take_action(account, kind="account_suspended")

    services.reverse_action(actor=perf_agent, action_id=action.pk, reason="The registration number is on the label.")

    account.refresh_from_db()
    action.refresh_from_db()
    assert account.status == AccountStatus.UNDER_REVIEW
    assert action.status == ActionStatus.REVERSED and action.reversed_at is not None
    assert AccountEvent.objects.filter(seller_account=account, kind=AccountEventKind.ACTION_REVERSED).count() == 1


def test_reversal_keeps_the_status_another_action_in_force_holds(ana, perf_agent, take_action):
    account = ana.seller_account
    restriction = take_action(account, kind="account_restricted")
    suspension = take_action(account, kind="account_suspended", items=[{"kind": "listing", "id": "L-9"}])
    account.refresh_from_db()
    assert account.status == AccountStatus.SUSPENDED

    services.reverse_action(actor=perf_agent, action_id=suspension.pk, reason="The L-9 claim was a false positive.")
    account.refresh_from_db()
    assert account.status == AccountStatus.RESTRICTED  # the restriction is still in force

    services.reverse_action(actor=perf_agent, action_id=restriction.pk, reason="The L-4471 claim was removed too.")
    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE


def test_reversal_needs_a_reason_and_happens_once(ana, perf_agent, take_action, refused):
    action = take_action(ana.seller_account)
    with refused("validation_error", "reason"):
        services.reverse_action(actor=perf_agent, action_id=action.pk, reason="")
    services.reverse_action(actor=perf_agent, action_id=action.pk, reason="The listing carries a registration.")
    with refused("action_not_active"):
        services.reverse_action(actor=perf_agent, action_id=action.pk, reason="The listing carries a registration.")


def test_tier1_agent_cannot_reverse(ana, agent, take_action, refused):
    action = take_action(ana.seller_account)
    with refused("missing_capability"):
        services.reverse_action(actor=agent, action_id=action.pk, reason="The listing carries a registration.")


# --- selectors: the seller overview and the detectors' overturn rates --------------------------------------


def test_seller_overview_has_the_status_reason_and_what_is_open(ana, perf_agent, take_action):
    account = ana.seller_account
    services.change_account_status(
        actor=perf_agent, seller_account_id=account.pk, status=AccountStatus.UNDER_REVIEW, reason=REASON
    )
    kept = take_action(account)
    lifted = take_action(account, items=[{"kind": "sku", "id": "SKU-1"}])
    services.reverse_action(actor=perf_agent, action_id=lifted.pk, reason="SKU-1 is sold without the claim.")

    overview = selectors.seller_overview(account)

    assert overview["last_status_change"].data["reason"] == REASON
    assert [a.pk for a in overview["active_actions"]] == [kept.pk]
    assert {a.pk for a in overview["actions"]} == {kept.pk, lifted.pk}


def test_staff_sellers_counts_open_items_per_account(ana, ben, take_action):
    take_action(ana.seller_account)
    take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-2"}])

    rows = {a.pk: a for a in selectors.staff_sellers()}
    assert rows[ana.seller_account.pk].active_actions == 2
    assert rows[ben.seller_account.pk].active_actions == 0
    assert [a.pk for a in selectors.staff_sellers(needs_attention=True)] == [ana.seller_account.pk]
    assert [a.pk for a in selectors.staff_sellers(query="Ben's")] == [ben.seller_account.pk]


def test_overturn_rate_counts_actions_reversed_by_appeal_or_by_review(
    ana, ben, perf_agent, take_action, file_appeal, django_assert_num_queries
):
    """pesticide-claims: 4 actions; one reversed in a staff review, one reversed by an approved
    appeal, one appealed and denied, one untouched → 2 of 4 overturned (50%), 2 appeals, 1 approved.
    trademark-match: 1 action, none overturned. ppe-claims: no action → no rate."""
    from sellerdesk.performance.models import Appeal

    reviewed = take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-1"}])
    appealed_ok = take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-2"}])
    appealed_denied = take_action(ben.seller_account, items=[{"kind": "listing", "id": "L-3"}])
    take_action(ben.seller_account, items=[{"kind": "listing", "id": "L-4"}])
    take_action(ben.seller_account, rule="PR-201", detector="trademark-match", items=[{"kind": "asin", "id": "B01"}])
    services.reverse_action(actor=perf_agent, action_id=reviewed.pk, reason="L-1 has its registration number.")
    approved = file_appeal(ana, appealed_ok)
    denied = file_appeal(ben, appealed_denied)
    services.decide_appeal(
        actor=perf_agent,
        appeal_id=approved.pk,
        decision="approve",
        reason="Under PR-101 the listing L-2 now shows its registration number; the action is lifted.",
    )
    services.decide_appeal(
        actor=perf_agent,
        appeal_id=denied.pk,
        decision="deny",
        reason="Under PR-101 the listing L-3 still says 'kills 99.9% of germs' in its second bullet point.",
    )
    assert Appeal.objects.count() == 2

    with django_assert_num_queries(1):
        stats = {row["name"]: row for row in selectors.detector_stats()}

    pesticide = stats["pesticide-claims"]
    assert (pesticide["actions"], pesticide["appeals"], pesticide["appeals_approved"], pesticide["overturned"]) == (
        4,
        2,
        1,
        2,
    )
    assert pesticide["overturn_rate"] == 0.5
    assert stats["trademark-match"]["actions"] == 1 and stats["trademark-match"]["overturn_rate"] == 0
    assert stats["ppe-claims"]["actions"] == 0 and stats["ppe-claims"]["overturn_rate"] is None


def test_detector_stats_since_counts_only_actions_taken_from_then(ana, take_action):
    old = take_action(ana.seller_account)
    EnforcementAction.objects.filter(pk=old.pk).update(created_at=clock.now() - dt.timedelta(days=100))
    take_action(ana.seller_account, items=[{"kind": "listing", "id": "L-new"}])

    recent = {r["name"]: r for r in selectors.detector_stats(since=clock.now() - dt.timedelta(days=30))}
    assert recent["pesticide-claims"]["actions"] == 1
    assert {r["name"]: r for r in selectors.detector_stats()}["pesticide-claims"]["actions"] == 2


# --- the Django admin: rules and detectors editable, the record read-only, the status never edited ----------


def test_admin_shows_the_record_read_only(client_as, support_admin, ana, take_action):
    action = take_action(ana.seller_account)
    client = client_as(support_admin)

    for model in (
        "enforcementaction",
        "accountevent",
        "complaint",
        "appeal",
        "buyercontact",
        "accounthealth",
        "recoveryrequest",
    ):
        assert client.get(f"/admin/performance/{model}/").status_code == 200, model
        assert client.get(f"/admin/performance/{model}/add/").status_code == 403, model
    assert client.get(f"/admin/performance/enforcementaction/{action.pk}/change/").status_code == 200
    assert client.post(f"/admin/performance/enforcementaction/{action.pk}/delete/", {"post": "yes"}).status_code == 403
    assert EnforcementAction.objects.filter(pk=action.pk).exists()
    assert client.get("/admin/performance/policyrule/add/").status_code == 200
    assert client.get("/admin/performance/detector/add/").status_code == 200


def test_admin_cannot_change_a_sellers_status(client_as, support_admin, ana):
    account = ana.seller_account
    response = client_as(support_admin).post(
        f"/admin/accounts/selleraccount/{account.pk}/change/",
        {
            "name": account.name,
            "marketplace_seller_id": account.marketplace_seller_id,
            "country": account.country,
            "timezone": account.timezone,
            "languages": '["en"]',
            "segment": "standard",
            "created_at_0": "2025-01-01",
            "created_at_1": "10:00:00",
            "status": "suspended",
        },
    )
    assert response.status_code == 302
    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE
    assert not AccountEvent.objects.filter(seller_account=account).exists()


# --- retries with an idempotency key ------------------------------------------------------------------


def test_a_retry_with_the_same_key_returns_the_action_already_taken(ana, take_action):
    first = take_action(ana.seller_account, kind="account_suspended", idempotency_key="k-1")
    retry = take_action(ana.seller_account, kind="account_suspended", idempotency_key="k-1")

    assert retry.pk == first.pk
    assert EnforcementAction.objects.filter(seller_account=ana.seller_account).count() == 1
    assert len(status_events(ana.seller_account)) == 1


def test_a_key_used_for_another_action_is_refused_and_takes_nothing(ana, take_action, refused):
    take_action(ana.seller_account, idempotency_key="k-2")
    with refused("idempotency_key_reused"):
        take_action(ana.seller_account, kind="account_suspended", idempotency_key="k-2")

    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE
    assert EnforcementAction.objects.filter(seller_account=ana.seller_account).count() == 1


def _attempt(take_action, account, key):
    try:
        return take_action(account, idempotency_key=key).pk
    except SellerdeskError as error:
        return error.code


@needs_postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_retries_racing_with_one_key_take_one_action(ana, ben, take_action):
    same_seller = at_once(lambda account: _attempt(take_action, account, "race-1"), [ana.seller_account] * 3)
    two_sellers = at_once(
        lambda account: _attempt(take_action, account, "race-2"), [ana.seller_account, ben.seller_account]
    )

    assert len(set(same_seller)) == 1 and isinstance(same_seller[0], int)
    assert sorted(map(str, two_sellers))[-1] == "idempotency_key_reused"  # one taken, the other refused
    assert EnforcementAction.objects.filter(idempotency_key="race-1").count() == 1
    assert EnforcementAction.objects.filter(idempotency_key="race-2").count() == 1
