"""Appeals through the services: filing with a plan of action, the seller_performance queue and its
decision target, decisions with specific reasons, reversal and the status restored, escalation."""

import datetime as dt

import pytest

from sellerdesk.accounts.models import AccountStatus
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Message
from sellerdesk.core import clock
from sellerdesk.performance import selectors, services
from sellerdesk.performance.models import AccountEvent, AccountEventKind, ActionStatus, AppealStatus
from sellerdesk.sla.models import CaseTarget, TargetKind
from tests.performance.conftest import PLAN

APPROVE = "We checked listing L-4471 again: the germ claims are gone, so PR-101 no longer applies."
DENY = "Listing L-4471 still shows 'kills 99.9% of germs' in its second image, which PR-101 forbids."
ESCALATION = "The second image was replaced on Monday; please look at the listing as it is today."


@pytest.fixture(autouse=True)
def _configured(seeded_configuration):
    """The capability matrix, SLA policies, policy rules and detectors as the migrations seed them."""


@pytest.fixture
def suspension(ana, take_action):
    action = take_action(ana.seller_account, kind="account_suspended")
    ana.seller_account.refresh_from_db()  # as a new request would load it
    return action


def _status(seller) -> str:
    seller.seller_account.refresh_from_db()
    return seller.seller_account.status


def test_approved_appeal_restores_the_previous_status_and_reverses_the_action(ana, perf_agent, suspension, file_appeal):
    assert _status(ana) == AccountStatus.SUSPENDED
    appeal = file_appeal(ana, suspension)

    decided = services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)

    assert decided.status == AppealStatus.APPROVED
    assert decided.decided_by == perf_agent and decided.decided_at is not None
    assert _status(ana) == AccountStatus.ACTIVE
    suspension.refresh_from_db()
    assert suspension.status == ActionStatus.REVERSED
    assert suspension.reversal_reason == APPROVE
    appeal.case.refresh_from_db()
    assert appeal.case.status == Status.RESOLVED
    # The seller reads the decision and its reason on the appeal's case, and the account's history.
    assert Message.objects.filter(case=appeal.case, body__contains=APPROVE, internal=False).exists()
    change = AccountEvent.objects.filter(seller_account=ana.seller_account, kind=AccountEventKind.STATUS_CHANGED)
    assert change.first().data["to"] == AccountStatus.ACTIVE
    assert selectors.account_overview(ana).reason.startswith("Account suspended under rule PR-101 was reversed")


def test_approval_keeps_the_stricter_status_while_another_account_action_is_in_force(
    ana, perf_agent, take_action, file_appeal
):
    restriction = take_action(ana.seller_account, kind="account_restricted")
    suspension = take_action(ana.seller_account, kind="account_suspended")
    assert _status(ana) == AccountStatus.SUSPENDED

    appeal = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)

    # The restriction is still in force: the account goes back to restricted, not to active.
    assert _status(ana) == AccountStatus.RESTRICTED
    restriction.refresh_from_db()
    assert restriction.status == ActionStatus.ACTIVE


def test_approving_the_milder_action_leaves_a_suspension_in_force(ana, perf_agent, take_action, file_appeal):
    restriction = take_action(ana.seller_account, kind="account_restricted")
    take_action(ana.seller_account, kind="account_suspended")

    appeal = file_appeal(ana, restriction)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)

    restriction.refresh_from_db()
    assert restriction.status == ActionStatus.REVERSED
    assert _status(ana) == AccountStatus.SUSPENDED


def test_appeal_case_lands_in_the_seller_performance_queue_with_a_decision_target(
    ana, perf_team, suspension, file_appeal
):
    appeal = file_appeal(ana, suspension)
    case = appeal.case

    assert case.category == "appeals"
    assert case.team == perf_team
    assert case.urgent  # a suspended seller cannot sell: the appeal is urgent
    target = CaseTarget.objects.get(case=case, kind=TargetKind.APPEAL_DECISION)
    assert target.phase == CaseTarget.Phase.RUNNING
    assert target.policy is not None
    assert target.target_seconds == target.policy.appeal_decision_minutes * 60
    assert target.due_at is not None and target.due_at > case.created_at
    # The case carries the decision target as its closing due time, which the queues sort by.
    assert case.resolution_due == target.due_at
    assert selectors.decision_target(appeal) == target
    assert not CaseTarget.objects.filter(case=case, kind=TargetKind.RESOLUTION).exists()


def test_filing_the_same_appeal_twice_returns_the_first(ana, suspension):
    first, created = services.file_appeal(actor=ana, action_id=suspension.pk, **PLAN)
    again, created_again = services.file_appeal(actor=ana, action_id=suspension.pk, **PLAN)

    assert created and not created_again
    assert again.pk == first.pk
    assert suspension.appeals.count() == 1


def test_a_second_different_appeal_while_one_is_open_is_refused(ana, suspension, file_appeal, refused):
    file_appeal(ana, suspension)
    with refused("appeal_already_open"):
        file_appeal(ana, suspension, root_cause="Another root cause entirely, written on another day.")


def test_a_short_plan_of_action_is_refused_per_field(ana, suspension, refused):
    with refused("validation_error", "root_cause", "preventive_measures"):
        services.file_appeal(
            actor=ana,
            action_id=suspension.pk,
            root_cause="Supplier text.",
            corrective_actions=PLAN["corrective_actions"],
            preventive_measures="",
        )


def test_an_action_no_longer_in_force_cannot_be_appealed(ana, perf_agent, suspension, file_appeal, refused):
    services.reverse_action(actor=perf_agent, action_id=suspension.pk, reason="Detector false positive, checked.")
    with refused("action_not_active"):
        file_appeal(ana, suspension)


def test_another_sellers_action_cannot_be_appealed(ben, suspension, file_appeal, refused):
    with refused("not_found"):
        file_appeal(ben, suspension)


def test_agents_cannot_file_appeals(perf_agent, suspension, file_appeal, refused):
    with refused("permission_denied"):
        file_appeal(perf_agent, suspension)


def test_decision_reason_without_the_rule_or_an_item_is_refused(ana, perf_agent, suspension, file_appeal, refused):
    appeal = file_appeal(ana, suspension)
    for decision in ("approve", "deny"):
        with refused("validation_error", "reason"):
            services.decide_appeal(
                actor=perf_agent,
                appeal_id=appeal.pk,
                decision=decision,
                reason="We have looked at your appeal carefully and decided on it today.",
            )
    appeal.refresh_from_db()
    assert appeal.status == AppealStatus.SUBMITTED


def test_a_reason_naming_an_item_is_specific_enough(ana, perf_agent, suspension, file_appeal):
    appeal = file_appeal(ana, suspension)
    decided = services.decide_appeal(
        actor=perf_agent,
        appeal_id=appeal.pk,
        decision="deny",
        reason="The second image of l-4471 still claims that the product kills germs.",
    )
    assert decided.status == AppealStatus.DENIED


def test_a_short_reason_and_an_unknown_decision_are_refused(ana, perf_agent, suspension, file_appeal, refused):
    appeal = file_appeal(ana, suspension)
    with refused("validation_error", "decision", "reason"):
        services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="maybe", reason="PR-101.")


def test_more_info_puts_the_case_waiting_on_the_seller(ana, perf_agent, suspension, file_appeal):
    appeal = file_appeal(ana, suspension)

    decided = services.decide_appeal(
        actor=perf_agent,
        appeal_id=appeal.pk,
        decision="more_info",
        reason="Please send the supplier's corrected product sheet and a photo of the new label.",
    )

    assert decided.status == AppealStatus.MORE_INFO
    assert decided.decided_at is None  # not decided yet: only a question
    appeal.case.refresh_from_db()
    assert appeal.case.status == Status.WAITING_ON_SELLER
    assert _status(ana) == AccountStatus.SUSPENDED
    # The appeal is still open: it can be decided once the seller answers.
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)
    assert _status(ana) == AccountStatus.ACTIVE


def test_a_decided_appeal_cannot_be_decided_again(ana, perf_agent, suspension, file_appeal, refused):
    appeal = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    with refused("appeal_not_open"):
        services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)


def test_denied_appeal_can_be_escalated_once_to_the_senior_tier(
    ana, perf_agent, senior_team, senior_agent, suspension, file_appeal, refused
):
    appeal = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    assert _status(ana) == AccountStatus.SUSPENDED

    escalated = services.escalate_appeal(actor=ana, appeal_id=appeal.pk, reason=ESCALATION)

    assert escalated.status == AppealStatus.ESCALATED
    assert escalated.escalated_at is not None
    appeal.case.refresh_from_db()
    assert appeal.case.team == senior_team
    assert appeal.case.status == Status.OPEN
    # The seller performance team no longer owns it; the senior tier decides it again.
    with refused("not_found"):
        services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)
    services.decide_appeal(actor=senior_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)

    with refused("appeal_already_escalated"):
        services.escalate_appeal(actor=ana, appeal_id=appeal.pk, reason=ESCALATION)


def test_a_senior_review_may_be_asked_after_the_reopen_window(
    ana, perf_agent, senior_team, suspension, file_appeal, settings
):
    appeal = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    later = clock.now() + dt.timedelta(days=settings.SELLERDESK["REOPEN_WINDOW_DAYS"] + 5)
    with clock.frozen_at(later):
        escalated = services.escalate_appeal(actor=ana, appeal_id=appeal.pk, reason=ESCALATION)
    assert escalated.status == AppealStatus.ESCALATED
    appeal.case.refresh_from_db()
    assert appeal.case.team == senior_team


def test_only_a_denied_appeal_can_be_escalated(ana, suspension, file_appeal, refused):
    appeal = file_appeal(ana, suspension)
    with refused("appeal_not_denied"):
        services.escalate_appeal(actor=ana, appeal_id=appeal.pk, reason=ESCALATION)


def test_senior_review_can_approve_an_escalated_appeal(
    ana, perf_agent, senior_team, senior_agent, suspension, file_appeal
):
    appeal = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    services.escalate_appeal(actor=ana, appeal_id=appeal.pk, reason=ESCALATION)

    services.decide_appeal(actor=senior_agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)

    assert _status(ana) == AccountStatus.ACTIVE


def test_another_seller_cannot_escalate(ana, ben, perf_agent, suspension, file_appeal, refused):
    appeal = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=appeal.pk, decision="deny", reason=DENY)
    with refused("not_found"):
        services.escalate_appeal(actor=ben, appeal_id=appeal.pk, reason=ESCALATION)


def test_who_may_decide(ana, agent, perf_agent, suspension, file_appeal, refused):
    appeal = file_appeal(ana, suspension)
    with refused("not_found"):  # tier 1 does not see the seller performance queue
        services.decide_appeal(actor=agent, appeal_id=appeal.pk, decision="approve", reason=APPROVE)
    with refused("permission_denied"):  # the seller sees the case but does not work it
        services.decide_appeal(actor=ana, appeal_id=appeal.pk, decision="approve", reason=APPROVE)


def test_an_appeal_can_be_filed_again_after_a_denial(ana, perf_agent, suspension, file_appeal):
    first = file_appeal(ana, suspension)
    services.decide_appeal(actor=perf_agent, appeal_id=first.pk, decision="deny", reason=DENY)

    second = file_appeal(ana, suspension, root_cause="We found a second copy of the supplier text in the images.")

    assert second.pk != first.pk
    assert selectors.earlier_appeals(second) == [first]
    assert selectors.earlier_appeals(first) == []


def test_appeals_are_seen_by_their_seller_and_the_owning_team_only(
    ana, ben, agent, perf_agent, support_admin, suspension, file_appeal, refused
):
    appeal = file_appeal(ana, suspension)

    assert list(selectors.appeals_for(ana)) == [appeal]
    assert list(selectors.appeals_for(perf_agent)) == [appeal]
    assert list(selectors.appeals_for(support_admin)) == [appeal]
    assert list(selectors.appeals_for(ben)) == []
    assert list(selectors.appeals_for(agent)) == []
    for outsider in (ben, agent):
        with refused("not_found"):
            selectors.appeal_for(outsider, appeal.pk)
