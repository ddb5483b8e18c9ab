"""The commitments ledger: every promise to a seller is a record with an owner, a due time and an
end — kept with evidence, cancelled with a reason, or broken."""

import datetime as dt
from decimal import Decimal

import pytest

from sellerdesk.cases import services as case_services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import CaseEvent, Message
from sellerdesk.commitments import selectors, services
from sellerdesk.commitments.models import Commitment
from sellerdesk.core import clock

pytestmark = pytest.mark.django_db

NOW = dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)
TOMORROW = NOW + dt.timedelta(days=1)
PHONE = "+1 312 555 0147"


@pytest.fixture
def promise(agent, pickup_case):
    """Makes a commitment on the pickup case at NOW, as the tier-1 agent unless told."""

    def _promise(
        kind="follow_up", description="We will write back with the carrier's answer.", *, actor=None, **kwargs
    ):
        kwargs.setdefault("due_at", TOMORROW)
        with clock.frozen_at(NOW):
            return services.make_commitment(
                actor=actor or agent, case_id=pickup_case.pk, kind=kind, description=description, **kwargs
            )

    return _promise


def events(case, kind):
    return list(CaseEvent.objects.filter(case=case, kind=kind).order_by("pk"))


# --- making a promise ---------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["follow_up", "fix", "other"])
def test_a_promise_is_recorded_with_its_owner_team_and_due_time(promise, agent, pickup_case, tier1, kind):
    commitment = promise(kind)
    assert (commitment.kind, commitment.state, commitment.owner, commitment.created_by) == (kind, "open", agent, agent)
    assert (commitment.team, commitment.due_at, commitment.created_at) == (tier1, TOMORROW, NOW)
    assert (commitment.amount, commitment.currency, commitment.phone) == (None, "", "")
    [made] = events(pickup_case, EventType.COMMITMENT_MADE)
    assert made.public is True
    assert made.data == {
        "commitment_id": commitment.pk,
        "kind": kind,
        "description": "We will write back with the carrier's answer.",
        "amount": None,
        "currency": None,
        "due_at": TOMORROW.isoformat(),
        "owner": "Agent1",
    }


def test_an_unknown_kind_is_refused(promise, refused):
    with refused("validation_error", "kind"):
        promise("miracle")


def test_a_promise_says_what_exactly(promise, refused):
    with refused("validation_error", "description"):
        promise(description="  ")
    with refused("validation_error", "description"):
        promise(description="x" * (services.TEXT_MAX + 1))


@pytest.mark.parametrize("due_at", [NOW, NOW - dt.timedelta(minutes=1), None])
def test_a_due_time_that_is_not_in_the_future_is_refused(promise, refused, pickup_case, due_at):
    with refused("validation_error", "due_at"):
        promise(due_at=due_at)
    assert not Commitment.objects.filter(case=pickup_case).exists()


def test_a_reimbursement_promise_needs_an_amount_and_a_currency(promise, refused):
    with refused("validation_error", "amount"):
        promise("reimbursement")
    with refused("validation_error", "amount"):
        promise("reimbursement", amount=Decimal("20"))
    with refused("validation_error", "amount"):
        promise("reimbursement", amount=Decimal("0"), currency="USD")


def test_a_reimbursement_within_the_tiers_limit_is_recorded(promise):
    commitment = promise("reimbursement", amount=Decimal("90.00"), currency="usd", description="Refund the label.")
    assert (commitment.amount, commitment.currency) == (Decimal("90.00"), "USD")


def test_a_reimbursement_over_the_tiers_limit_is_refused_naming_who_can(promise, refused, pickup_case):
    with refused("over_limit") as info:
        promise("reimbursement", amount=Decimal("150"), currency="USD")
    assert "Tier 2" in info.value.message
    assert not Commitment.objects.filter(case=pickup_case).exists()


def test_the_reimbursement_limit_applies_in_usd_after_conversion(promise, refused):
    promise("reimbursement", amount=Decimal("90"), currency="EUR")  # 97.20 USD
    with refused("over_limit"):
        promise("reimbursement", amount=Decimal("95"), currency="EUR")  # 102.60 USD


def test_a_promise_in_an_unknown_currency_is_refused(promise, refused):
    with refused("unsupported_currency", "currency"):
        promise("reimbursement", amount=Decimal("10"), currency="XYZ")
    with refused("unsupported_currency", "currency"):
        promise("other", amount=Decimal("10"), currency="XYZ")


def test_a_higher_tier_may_promise_more(tier2_agent, tier2_team, pickup_case, agent, complete_playbook):
    from sellerdesk.routing import services as routing

    routing.transfer_case(
        actor=agent,
        case_id=pickup_case.pk,
        team_id=tier2_team.pk,
        reason_code="needs_capability",
        capability="reinstate_listing",
    )
    commitment = services.make_commitment(
        actor=tier2_agent,
        case_id=pickup_case.pk,
        kind="reimbursement",
        description="Refund the lost parcel.",
        amount=Decimal("900"),
        currency="USD",
        due_at=clock.now() + dt.timedelta(days=2),
    )
    assert commitment.team == tier2_team


def test_a_call_back_needs_a_phone_and_a_window_and_is_due_at_the_windows_end(promise):
    start, end = NOW + dt.timedelta(hours=2), NOW + dt.timedelta(hours=4)
    commitment = promise(
        "call_back",
        description="Call about the re-pickup.",
        phone=PHONE,
        window_start=start,
        window_end=end,
        due_at=None,
    )
    assert (commitment.phone, commitment.window_start, commitment.window_end, commitment.due_at) == (
        PHONE,
        start,
        end,
        end,
    )
    # The window's end wins over a due time given as well.
    other = promise("call_back", phone=PHONE, window_start=start, window_end=end, due_at=NOW + dt.timedelta(days=9))
    assert other.due_at == end


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"window_start": NOW + dt.timedelta(hours=1), "window_end": NOW + dt.timedelta(hours=2)}, "phone"),
        (
            {
                "phone": "call me",
                "window_start": NOW + dt.timedelta(hours=1),
                "window_end": NOW + dt.timedelta(hours=2),
            },
            "phone",
        ),
        ({"phone": PHONE}, "window_end"),
        (
            {"phone": PHONE, "window_start": NOW + dt.timedelta(hours=2), "window_end": NOW + dt.timedelta(hours=1)},
            "window_end",
        ),
        (
            {"phone": PHONE, "window_start": NOW - dt.timedelta(hours=2), "window_end": NOW - dt.timedelta(hours=1)},
            "window_end",
        ),
    ],
)
def test_an_incomplete_call_back_is_refused_naming_the_field(promise, refused, kwargs, field):
    with refused("validation_error", field):
        promise("call_back", **kwargs)


def test_only_the_phone_and_window_of_a_call_back_are_kept(promise):
    commitment = promise(
        "follow_up", phone=PHONE, window_start=NOW + dt.timedelta(hours=1), window_end=NOW + dt.timedelta(hours=2)
    )
    assert (commitment.phone, commitment.window_start, commitment.window_end) == ("", None, None)


def test_only_agents_of_the_owning_team_make_promises(promise, ana, outsider_agent, refused, pickup_case):
    with refused("permission_denied"):
        promise(actor=ana)
    with refused("not_found"):
        promise(actor=outsider_agent)
    assert not Commitment.objects.filter(case=pickup_case).exists()


# --- keeping a promise --------------------------------------------------------------------------------


def test_a_retry_with_the_same_key_returns_the_promise_already_made(promise, pickup_case):
    first = promise(idempotency_key="promise-1")
    retry = promise(idempotency_key="promise-1")

    assert retry.pk == first.pk
    assert Commitment.objects.count() == 1
    assert len(events(pickup_case, EventType.COMMITMENT_MADE)) == 1


def test_a_key_used_for_another_kind_or_case_is_refused(promise, refused, agent, ana, open_case_as):
    promise(idempotency_key="promise-2")
    other_case = open_case_as(ana, subject="Another question")
    with refused("idempotency_key_reused"):
        promise("fix", "We will fix the listing's price.", idempotency_key="promise-2")
    with refused("idempotency_key_reused"), clock.frozen_at(NOW):
        services.make_commitment(
            actor=agent, case_id=other_case.pk, kind="follow_up", description="Write back.", due_at=TOMORROW,
            idempotency_key="promise-2",
        )  # fmt: skip
    assert Commitment.objects.count() == 1


def test_a_promise_is_fulfilled_with_evidence_once(promise, agent, pickup_case):
    commitment = promise("reimbursement", amount=Decimal("40"), currency="USD", description="Refund the label.")
    kept_at = NOW + dt.timedelta(hours=3)
    with clock.frozen_at(kept_at):
        kept = services.fulfil_commitment(actor=agent, commitment_id=commitment.pk, evidence="Reimbursement REF-123")
    assert (kept.state, kept.fulfilled_at, kept.evidence, kept.kept_on_time) == (
        "fulfilled",
        kept_at,
        "Reimbursement REF-123",
        True,
    )
    [event] = events(pickup_case, EventType.COMMITMENT_FULFILLED)
    assert event.public is True
    assert (event.data["evidence"], event.data["on_time"]) == ("Reimbursement REF-123", True)

    with clock.frozen_at(kept_at + dt.timedelta(days=1)):
        again = services.fulfil_commitment(actor=agent, commitment_id=commitment.pk, evidence="Another reference")
    assert (again.fulfilled_at, again.evidence) == (kept_at, "Reimbursement REF-123")
    assert len(events(pickup_case, EventType.COMMITMENT_FULFILLED)) == 1


def test_fulfilling_needs_evidence(promise, agent, refused):
    commitment = promise()
    with refused("validation_error", "evidence"):
        services.fulfil_commitment(actor=agent, commitment_id=commitment.pk, evidence="")
    commitment.refresh_from_db()
    assert commitment.state == "open"


def test_a_broken_promise_kept_late_is_not_on_time(promise, tier2_agent, pickup_case):
    commitment = promise()
    services.mark_overdue_commitments_broken(now=TOMORROW + dt.timedelta(minutes=1))
    # The sweep escalated the case: the team that has it now keeps the promise.
    with clock.frozen_at(TOMORROW + dt.timedelta(hours=5)):
        late = services.fulfil_commitment(
            actor=tier2_agent, commitment_id=commitment.pk, evidence="Wrote back at last."
        )
    assert (late.state, late.kept_on_time) == ("fulfilled", False)
    assert events(pickup_case, EventType.COMMITMENT_FULFILLED)[0].data["on_time"] is False


def test_a_cancelled_promise_cannot_be_fulfilled(promise, agent, refused):
    commitment = promise()
    services.cancel_commitment(actor=agent, commitment_id=commitment.pk, reason="The seller solved it.")
    with refused("commitment_not_open"):
        services.fulfil_commitment(actor=agent, commitment_id=commitment.pk, evidence="Done")


def test_only_agents_of_the_owning_team_update_promises(promise, ana, outsider_agent, refused):
    commitment = promise()
    with refused("permission_denied"):
        services.fulfil_commitment(actor=ana, commitment_id=commitment.pk, evidence="I say it's done")
    with refused("not_found"):
        services.fulfil_commitment(actor=outsider_agent, commitment_id=commitment.pk, evidence="Done")
    with refused("not_found"):
        services.fulfil_commitment(actor=outsider_agent, commitment_id=10_000_000, evidence="Done")


# --- cancelling ---------------------------------------------------------------------------------------


def test_a_promise_is_cancelled_with_a_reason_the_seller_reads(promise, agent, pickup_case):
    commitment = promise()
    with clock.frozen_at(NOW + dt.timedelta(hours=1)):
        cancelled = services.cancel_commitment(
            actor=agent, commitment_id=commitment.pk, reason="The carrier came after all."
        )
    assert (cancelled.state, cancelled.cancel_reason, cancelled.cancelled_at) == (
        "cancelled",
        "The carrier came after all.",
        NOW + dt.timedelta(hours=1),
    )
    [event] = events(pickup_case, EventType.COMMITMENT_CANCELLED)
    assert event.public is True
    assert event.data["reason"] == "The carrier came after all."
    # Again: nothing more.
    services.cancel_commitment(actor=agent, commitment_id=commitment.pk, reason="Twice")
    assert len(events(pickup_case, EventType.COMMITMENT_CANCELLED)) == 1


def test_cancelling_needs_a_reason(promise, agent, refused):
    commitment = promise()
    with refused("validation_error", "reason"):
        services.cancel_commitment(actor=agent, commitment_id=commitment.pk, reason=" ")


@pytest.mark.parametrize("end", ["fulfilled", "broken"])
def test_only_an_open_promise_can_be_cancelled(promise, support_admin, refused, end):
    commitment = promise()
    if end == "fulfilled":
        services.fulfil_commitment(actor=support_admin, commitment_id=commitment.pk, evidence="Done")
    else:
        services.mark_overdue_commitments_broken(now=TOMORROW + dt.timedelta(seconds=1))
    with refused("commitment_not_open"):
        services.cancel_commitment(actor=support_admin, commitment_id=commitment.pk, reason="Never mind.")


# --- call-backs ---------------------------------------------------------------------------------------


@pytest.fixture
def call_back(promise):
    return promise(
        "call_back",
        description="Call the seller about the re-pickup.",
        phone=PHONE,
        window_start=NOW + dt.timedelta(hours=1),
        window_end=NOW + dt.timedelta(hours=3),
    )


def test_a_call_outcome_is_sent_to_the_seller_in_writing_and_keeps_the_call_back(call_back, agent, ana, pickup_case):
    summary = "The carrier comes tomorrow between 9 and 12; keep the parcel at the door."
    with clock.frozen_at(NOW + dt.timedelta(hours=2)):
        kept = services.log_call_outcome(actor=agent, commitment_id=call_back.pk, summary=summary)

    message = Message.objects.filter(case=pickup_case, author=agent).get()
    assert message.internal is False
    assert message.author_role == "agent"
    assert message.body.startswith("Summary of our call:")
    assert message.body == f"Summary of our call: {summary}"
    assert (kept.state, kept.kept_on_time) == ("fulfilled", True)
    assert str(message.pk) in kept.evidence

    from sellerdesk.cases.selectors import timeline

    seller_view = list(timeline(ana, pickup_case))
    assert any(e.message_id == message.pk for e in seller_view)
    assert EventType.COMMITMENT_FULFILLED in [e.kind for e in seller_view]


def test_logging_a_call_twice_sends_one_summary(call_back, agent, pickup_case):
    services.log_call_outcome(actor=agent, commitment_id=call_back.pk, summary="We spoke.")
    services.log_call_outcome(actor=agent, commitment_id=call_back.pk, summary="We spoke again.")
    assert Message.objects.filter(case=pickup_case, author=agent).count() == 1


def test_only_call_backs_have_a_call_outcome(promise, agent, refused):
    commitment = promise()
    with refused("not_a_call_back"):
        services.log_call_outcome(actor=agent, commitment_id=commitment.pk, summary="We spoke.")


def test_a_call_outcome_needs_a_summary(call_back, agent, refused):
    with refused("validation_error", "summary"):
        services.log_call_outcome(actor=agent, commitment_id=call_back.pk, summary="")


def test_a_call_summary_on_a_resolved_case_asks_to_reopen_first(call_back, agent, pickup_case, refused):
    case_services.change_status(actor=agent, case_id=pickup_case.pk, status="resolved")
    with refused("case_closed"):
        services.log_call_outcome(actor=agent, commitment_id=call_back.pk, summary="We spoke.")
    call_back.refresh_from_db()
    assert call_back.state == "open"


# --- what the seller sees -----------------------------------------------------------------------------


def test_the_seller_sees_every_promise_on_their_cases_and_nobody_elses(
    promise, call_back, ana, ben, agent, pickup_case
):
    first = promise()
    mine = selectors.commitments_for(ana)
    assert set(mine) == {first, call_back}
    assert list(selectors.commitments_for(ben)) == []
    assert set(selectors.commitments_for(agent, case=pickup_case)) == {first, call_back}


def test_the_sellers_commitments_api_lists_promises_without_the_phone_number(
    api_as, call_back, promise, ana, ben, agent, pickup_case
):
    promise("reimbursement", amount=Decimal("25.50"), currency="USD", description="Refund the label.")
    response = api_as(ana).get(f"/api/v1/cases/{pickup_case.pk}/commitments")
    assert response.status_code == 200, response.content
    listed = response.json()
    assert {c["kind"] for c in listed} == {"call_back", "reimbursement"}
    assert all(c["phone"] == "" for c in listed)
    assert PHONE not in response.content.decode()
    money = next(c for c in listed if c["kind"] == "reimbursement")
    assert (Decimal(str(money["amount"])), money["currency"], money["state"]) == (Decimal("25.50"), "USD", "open")

    assert PHONE in api_as(agent).get(f"/api/v1/cases/{pickup_case.pk}/commitments").content.decode()
    assert api_as(ben).get(f"/api/v1/cases/{pickup_case.pk}/commitments").status_code == 404
    assert api_as(ana).get("/api/v1/commitments").json()[0]["case_id"] == pickup_case.pk
    assert api_as(ben).get("/api/v1/commitments").json() == []


def test_a_cancelled_call_back_cannot_be_logged_as_kept(agent, pickup_case, refused):
    start = clock.now()
    call = services.make_commitment(
        actor=agent,
        case_id=pickup_case.pk,
        kind="call_back",
        description="Call about the pickup.",
        due_at=None,
        phone="+1 312 555 0147",
        window_start=start + dt.timedelta(hours=1),
        window_end=start + dt.timedelta(hours=2),
    )
    services.cancel_commitment(actor=agent, commitment_id=call.pk, reason="Seller asked for e-mail instead.")
    with refused("commitment_not_open"):
        services.log_call_outcome(actor=agent, commitment_id=call.pk, summary="We talked.")
    call.refresh_from_db()
    assert call.state == "cancelled"
