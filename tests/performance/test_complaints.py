"""Complaints: the credibility signals computed when one is filed, the validation step, and the
rule that an unvalidated (or rejected) complaint never leads to enforcement — above all, never to
a suspension."""

import datetime as dt

import pytest

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.core import clock
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import (
    AccountEvent,
    AccountEventKind,
    Complaint,
    ComplaintStatus,
    Credibility,
    EnforcementAction,
)
from tests.factories import SellerAccountFactory

pytestmark = pytest.mark.django_db

EVIDENCE = "Order 112-5550001 arrived with a resealed box and a used charger; photos in the complaint."
DECISION = "The buyer's photos of order 112-5550001 show a used charger."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, policy rules and detectors as the data migrations seed them."""


def suspend_on(perf_agent, account, complaint):
    return services.take_action(
        actor=perf_agent,
        seller_account_id=account.pk,
        kind="account_suspended",
        rule="PR-301",
        items=[{"kind": "order", "id": "112-5550001"}],
        evidence=EVIDENCE,
        source="complaint",
        complaint_id=complaint.pk,
    )


# --- the validation step ----------------------------------------------------------------------------------


def test_unvalidated_complaint_cannot_suspend_the_account(ana, perf_agent, complain, refused):
    account = ana.seller_account
    complaint = complain(account)
    assert complaint.status == ComplaintStatus.RECEIVED

    with refused("complaint_not_validated"):
        suspend_on(perf_agent, account, complaint)

    account.refresh_from_db()
    assert account.status == AccountStatus.ACTIVE
    assert not EnforcementAction.objects.exists()
    assert not AccountEvent.objects.filter(
        seller_account=account, kind__in=[AccountEventKind.STATUS_CHANGED, AccountEventKind.ACTION_TAKEN]
    ).exists()


def test_unvalidated_complaint_cannot_lead_to_any_action(ana, perf_agent, complain, refused):
    complaint = complain(ana.seller_account)
    for kind in ("warning", "listing_removed", "account_restricted"):
        with refused("complaint_not_validated"):
            services.take_action(
                actor=perf_agent,
                seller_account_id=ana.seller_account.pk,
                kind=kind,
                rule="PR-301",
                items=[{"kind": "listing", "id": "L-700"}],
                evidence=EVIDENCE,
                source="complaint",
                complaint_id=complaint.pk,
            )
    assert not EnforcementAction.objects.exists()


def test_validated_complaint_may_lead_to_a_suspension(ana, perf_agent, complain):
    account = ana.seller_account
    complaint = complain(account)
    services.decide_complaint(actor=perf_agent, complaint_id=complaint.pk, valid=True, reason=DECISION)

    action = suspend_on(perf_agent, account, complaint)

    account.refresh_from_db()
    assert account.status == AccountStatus.SUSPENDED
    assert action.complaint == complaint
    assert "a complaint from a buyer, checked and validated" in action.notice
    assert "BUYER-1" not in action.notice  # the seller never learns who complained


def test_rejected_complaint_cannot_be_used(ana, perf_agent, complain, refused):
    complaint = complain(ana.seller_account)
    services.decide_complaint(actor=perf_agent, complaint_id=complaint.pk, valid=False, reason=DECISION)

    with refused("complaint_not_validated"):
        suspend_on(perf_agent, ana.seller_account, complaint)
    ana.seller_account.refresh_from_db()
    assert ana.seller_account.status == AccountStatus.ACTIVE


def test_complaint_against_another_seller_cannot_be_used(ana, ben, perf_agent, complain, refused):
    complaint = complain(ben.seller_account)
    services.decide_complaint(actor=perf_agent, complaint_id=complaint.pk, valid=True, reason=DECISION)

    with refused("validation_error", "complaint_id"):
        suspend_on(perf_agent, ana.seller_account, complaint)


def test_a_complaint_is_decided_once_with_a_reason_and_an_audit_event(ana, perf_agent, complain, refused):
    complaint = complain(ana.seller_account)
    with refused("validation_error", "reason"):
        services.decide_complaint(actor=perf_agent, complaint_id=complaint.pk, valid=True, reason="ok")

    services.decide_complaint(actor=perf_agent, complaint_id=complaint.pk, valid=True, reason=DECISION)
    with refused("complaint_already_decided"):
        services.decide_complaint(actor=perf_agent, complaint_id=complaint.pk, valid=False, reason=DECISION)

    complaint.refresh_from_db()
    assert (complaint.status, complaint.decided_by, complaint.decision_reason) == ("validated", perf_agent, DECISION)
    [event] = AccountEvent.objects.filter(seller_account=ana.seller_account, kind=AccountEventKind.COMPLAINT_DECIDED)
    assert not event.public  # complaints are staff business
    assert event.data == {"complaint_id": complaint.pk, "status": "validated", "reason": DECISION}


def test_tier1_agent_and_seller_cannot_decide_complaints(ana, agent, complain, refused):
    complaint = complain(ana.seller_account)
    for actor in (agent, ana):
        with refused("missing_capability"):
            services.decide_complaint(actor=actor, complaint_id=complaint.pk, valid=True, reason=DECISION)
    complaint.refresh_from_db()
    assert complaint.status == ComplaintStatus.RECEIVED


def test_only_operators_file_complaints(ana, perf_agent, refused):
    for actor in (perf_agent, ana):
        with refused("permission_denied"):
            services.file_complaint(
                actor=actor,
                seller=ana.seller_account.marketplace_seller_id,
                complainant_kind="buyer",
                complainant_id="BUYER-1",
                description="The charger I received as new had been used.",
            )
    assert not Complaint.objects.exists()


def test_filing_refuses_bad_fields(ana, operator, refused):
    with refused("validation_error", "seller", "complainant_kind", "complainant_id", "rule", "description"):
        services.file_complaint(
            actor=operator,
            seller="NO-SUCH-SELLER",
            complainant_kind="neighbour",
            complainant_id="  ",
            description="bad",
            rule="PR-999",
        )


def test_same_external_id_returns_the_first_complaint(ana, operator, complain):
    first = complain(ana.seller_account, external_id="MKT-77")
    again, created = services.file_complaint(
        actor=operator,
        seller=ana.seller_account.marketplace_seller_id,
        complainant_kind="buyer",
        complainant_id="BUYER-1",
        description="The charger I received as new had been used.",
        external_id="MKT-77",
    )
    assert (again.pk, created) == (first.pk, False)
    assert Complaint.objects.count() == 1


def test_filing_writes_a_staff_only_audit_event(ana, complain):
    complaint = complain(ana.seller_account)
    [event] = AccountEvent.objects.filter(seller_account=ana.seller_account, kind=AccountEventKind.COMPLAINT_RECEIVED)
    assert not event.public
    assert event.data["complaint_id"] == complaint.pk


# --- credibility signals on hand-built fixtures ------------------------------------------------------------


def test_verified_buyer_with_an_old_account_is_fully_credible(ana, complain):
    complaint = complain(ana.seller_account)
    assert complaint.signals == {
        "penalties": [],
        "verified_purchase": True,
        "account_age_days": 800,
        "competitors_complained_about": 0,
    }
    assert (complaint.credibility_score, complaint.credibility) == (100, Credibility.HIGH)


def test_a_complainant_account_days_old_is_a_new_account(ana, complain):
    complaint = complain(ana.seller_account, complainant_since=(clock.now() - dt.timedelta(days=3)).date())
    assert complaint.signals["account_age_days"] == 3
    assert complaint.signals["penalties"] == ["new_account"]
    assert (complaint.credibility_score, complaint.credibility) == (65, Credibility.MEDIUM)


def test_a_complainant_account_weeks_old_is_young(ana, complain):
    complaint = complain(ana.seller_account, complainant_since=(clock.now() - dt.timedelta(days=20)).date())
    assert complaint.signals["penalties"] == ["young_account"]
    assert complaint.credibility_score == 80


def test_unverified_buyer_loses_credibility(ana, complain):
    complaint = complain(ana.seller_account, verified_purchase=False)
    assert complaint.signals["verified_purchase"] is False
    assert "unverified_purchase" in complaint.signals["penalties"]
    assert complaint.credibility_score == 65


def test_serial_complaints_against_competitors_in_the_same_category(ana, complain):
    """A seller who complained about three other sellers in "toys" in 90 days, then about Ana."""
    for _n in range(3):
        complain(
            SellerAccountFactory(),
            complainant_kind="seller",
            complainant_id="RIVAL-9",
            product_category="toys",
            verified_purchase=None,
            listing_id="",
        )
    # Older than 90 days, and in another category: neither counts.
    old = complain(SellerAccountFactory(), complainant_id="RIVAL-9", complainant_kind="seller", product_category="toys")
    Complaint.objects.filter(pk=old.pk).update(created_at=clock.now() - dt.timedelta(days=120))
    complain(SellerAccountFactory(), complainant_id="RIVAL-9", complainant_kind="seller", product_category="garden")

    complaint = complain(
        ana.seller_account, complainant_kind="seller", complainant_id="RIVAL-9", product_category="toys"
    )

    assert complaint.signals["competitors_complained_about"] == 3
    assert set(complaint.signals["penalties"]) == {"serial_competitor_complaints", "complainant_is_seller"}
    assert (complaint.credibility_score, complaint.credibility) == (50, Credibility.MEDIUM)


def test_one_or_two_competitor_complaints_weigh_less(ana, complain):
    complain(SellerAccountFactory(), complainant_id="BUYER-1", product_category="electronics")
    complaint = complain(ana.seller_account)
    assert complaint.signals["competitors_complained_about"] == 1
    assert complaint.signals["penalties"] == ["competitor_complaints"]


def test_the_same_complaint_again_is_a_duplicate_of_the_first(ana, complain):
    first = complain(ana.seller_account)
    complain(ana.seller_account)
    third = complain(ana.seller_account)

    assert third.signals["duplicate_of"] == first.pk
    assert "duplicate" in third.signals["penalties"]
    assert third.credibility_score == 70


def test_everything_against_a_complaint_makes_it_low_credibility(ana, complain):
    for _n in range(3):
        complain(SellerAccountFactory(), complainant_id="SOCK-1", product_category="toys", listing_id="")
    complain(ana.seller_account, complainant_id="SOCK-1", product_category="toys", listing_id="L-1")
    complaint = complain(
        ana.seller_account,
        complainant_id="SOCK-1",
        product_category="toys",
        listing_id="L-1",
        verified_purchase=False,
        complainant_since=clock.now().date(),
    )
    assert set(complaint.signals["penalties"]) == {
        "unverified_purchase",
        "new_account",
        "serial_competitor_complaints",
        "duplicate",
    }
    assert (complaint.credibility_score, complaint.credibility) == (0, Credibility.LOW)


def test_complaint_queue_lists_those_awaiting_validation_oldest_first(ana, ben, perf_agent, complain):
    first = complain(ana.seller_account)
    second = complain(ben.seller_account)
    decided = complain(ben.seller_account, complainant_id="BUYER-2")
    services.decide_complaint(actor=perf_agent, complaint_id=decided.pk, valid=False, reason=DECISION)

    assert [c.pk for c in selectors.complaint_queue()] == [first.pk, second.pk]
    assert [c.pk for c in selectors.complaint_queue(status="rejected")] == [decided.pk]
    assert [c.pk for c in selectors.complaint_queue(status=None, seller_account=ben.seller_account)] == [
        decided.pk,
        second.pk,
    ]
