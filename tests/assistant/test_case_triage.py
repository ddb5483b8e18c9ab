"""Triage of new cases by the shipped model: opening a case reads it (category filled in only when
the seller left it open and the model is sure, re-routed then; urgency feeds the priority; unsure
readings marked for review), and agents of the owning team confirm or correct it."""

import datetime as dt

import pytest

from sellerdesk.assistant import services as assistant
from sellerdesk.assistant.models import CaseTriage, TriageCorrection
from sellerdesk.cases.events import EventType
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.core import clock
from sellerdesk.sla import selectors as sla

pytestmark = pytest.mark.django_db

PAYMENTS = {
    "subject": "Payout missing",
    "body": (
        "My disbursement has been on hold for 3 weeks and I need the money to pay my supplier. Payment shows "
        "'on hold' with no explanation. Total is $12,400."
    ),
}
SUSPENDED = {
    "subject": "Account suspended",
    "body": "Our account was suspended this morning and all listings are down. We cannot sell anything. Please help.",
}
QUESTION = {
    "subject": "Question about reports",
    "body": "Where can I find the monthly sales report? Just curious.",
}
VAGUE = {"subject": "Help", "body": "Please look at this."}


@pytest.fixture(autouse=True)
def _auto_triage(settings):
    settings.SELLERDESK = {**settings.SELLERDESK, "AUTO_TRIAGE": True}


@pytest.fixture
def opened(open_case_as, django_capture_on_commit_callbacks):
    """Opens a case through `cases.services.open_case` and runs what it enqueues after the commit
    (the triage task runs at once in tests); `category=None` leaves the category to the seller."""

    def _open(seller, message, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            case = open_case_as(seller, **message, **fields)
        return Case.objects.select_related("seller_account", "team").get(pk=case.pk)

    return _open


def test_an_open_category_is_filled_in_and_the_case_rerouted(ana, tier1, payments_team, opened):
    case = opened(ana, PAYMENTS, category=None)

    reading = case.triage
    assert reading.category == "payments"
    assert reading.category_confidence >= 0.6
    assert reading.category_applied is True
    assert reading.needs_review is False
    assert case.category == "payments"
    assert case.team == payments_team  # opened for "other" with Tier 1, moved to the payments team
    assert case.assessed_urgency == reading.urgency == "high"
    assert reading.references["amounts"][0]["text"] == "$12,400"
    event = CaseEvent.objects.get(case=case, kind=EventType.TRIAGED)
    assert event.public is False and event.actor is None
    assert event.data["applied"]["category"] == "payments"
    assert event.data["applied"]["team"] == payments_team.name


def test_a_chosen_category_is_kept_even_if_the_model_disagrees(ana, tier1, payments_team, opened):
    case = opened(ana, PAYMENTS, category="listing")

    reading = case.triage
    assert reading.category == "payments"
    assert reading.category_applied is False
    assert case.category == "listing"
    assert case.team == tier1
    assert "category" not in CaseEvent.objects.get(case=case, kind=EventType.TRIAGED).data["applied"]


def test_how_urgent_the_text_reads_moves_the_priority(ana, tier1, opened):
    with clock.frozen_at(dt.datetime(2030, 5, 1, 9, 0, tzinfo=dt.UTC)):
        suspended = opened(ana, SUSPENDED, category="account_health")
        question = opened(ana, QUESTION, category="account_health")
    assert suspended.assessed_urgency == "critical"
    assert question.assessed_urgency == "low"

    now = dt.datetime(2030, 5, 1, 10, 0, tzinfo=dt.UTC)
    suspended_score, suspended_reason = sla.priority_of(suspended, now)
    question_score, question_reason = sla.priority_of(question, now)
    assert suspended_score > question_score
    assert "reads critical" in suspended_reason
    assert "reads" not in question_reason


def test_an_unsure_reading_is_marked_for_review_and_not_acted_on(ana, tier1, payments_team, opened):
    case = opened(ana, VAGUE, category=None)

    reading = case.triage
    assert reading.category_confidence < 0.6
    assert reading.category_applied is False
    assert reading.needs_review is True
    assert case.category == "other"
    assert case.team == tier1


def test_triaging_a_case_twice_keeps_the_first_reading(ana, tier1, opened):
    case = opened(ana, PAYMENTS, category=None)
    first = case.triage

    again = assistant.triage_case(case.pk, category_chosen=False)

    assert again.pk == first.pk
    assert CaseTriage.objects.filter(case=case).count() == 1
    assert CaseEvent.objects.filter(case=case, kind=EventType.TRIAGED).count() == 1


def test_no_triage_when_auto_triage_is_off(settings, ana, tier1, opened):
    settings.SELLERDESK = {**settings.SELLERDESK, "AUTO_TRIAGE": False}
    case = opened(ana, PAYMENTS, category=None)
    assert not CaseTriage.objects.filter(case=case).exists()
    assert case.assessed_urgency == ""


def test_a_review_keeps_only_the_corrected_fields_and_applies_them(ana, tier1, agent, opened):
    case = opened(ana, VAGUE, category=None)
    reading = case.triage
    assert reading.needs_review and case.team == tier1
    assert reading.category != "payments" and reading.urgency != "critical"

    reviewed = assistant.review_triage(
        actor=agent,
        case_id=case.pk,
        category="payments",
        urgency="critical",
        tier=reading.tier,  # confirmed: no correction
        language=reading.language,  # confirmed: no correction
    )

    corrections = list(TriageCorrection.objects.filter(case=case))
    assert {c.field: (c.predicted, c.corrected) for c in corrections} == {
        "category": (reading.category, "payments"),
        "urgency": (reading.urgency, "critical"),
    }
    assert all(c.text == VAGUE["body"] and c.subject == VAGUE["subject"] for c in corrections)
    assert all(c.corrected_by == agent and c.model_version == reading.model_version for c in corrections)
    case.refresh_from_db()
    assert case.category == "payments"
    assert case.assessed_urgency == "critical"
    assert case.team == tier1  # a corrected category does not move the case: that stays a transfer
    assert reviewed.needs_review is False
    assert reviewed.reviewed_by == agent and reviewed.reviewed_at is not None
    event = CaseEvent.objects.get(case=case, kind=EventType.TRIAGE_REVIEWED)
    assert event.public is False and event.actor == agent
    assert event.data["corrected"] == {
        "category": {"from": reading.category, "to": "payments"},
        "urgency": {"from": reading.urgency, "to": "critical"},
    }


def test_confirming_records_no_correction(ana, tier1, agent, opened):
    case = opened(ana, PAYMENTS, category="payments")
    reading = case.triage

    assistant.review_triage(actor=agent, case_id=case.pk)

    assert not TriageCorrection.objects.filter(case=case).exists()
    reading.refresh_from_db()
    assert reading.reviewed_by == agent
    assert CaseEvent.objects.get(case=case, kind=EventType.TRIAGE_REVIEWED).data == {"corrected": {}}


def test_training_examples_carry_the_agents_labels(ana, tier1, agent, opened):
    case = opened(ana, VAGUE, category="other")
    reading = case.triage
    other_tier = "tier1" if reading.tier != "tier1" else "tier2"

    assistant.review_triage(actor=agent, case_id=case.pk, category="account_access", tier=other_tier)

    examples = list(assistant.training_examples())
    assert examples == [
        {
            "id": f"case-{case.pk}",
            "subject": VAGUE["subject"],
            "text": VAGUE["body"],
            "language": reading.language,
            "category": "account_access",
            "urgency": reading.urgency,
            "tier": other_tier,
            "style": "agent_correction",
        }
    ]


def test_an_agent_of_another_team_does_not_find_the_reading(ana, tier1, outsider_agent, opened, refused):
    case = opened(ana, VAGUE, category="other")
    assert case.team == tier1

    with refused("not_found"):
        assistant.review_triage(actor=outsider_agent, case_id=case.pk, category="payments")
    assert not TriageCorrection.objects.exists()


def test_a_seller_may_not_review_the_triage(ana, tier1, opened, refused):
    case = opened(ana, VAGUE, category="other")

    with refused("permission_denied"):
        assistant.review_triage(actor=ana, case_id=case.pk, category="payments")


def test_wrong_values_are_refused_field_by_field(ana, tier1, agent, opened, refused):
    case = opened(ana, VAGUE, category="other")

    with refused("validation_error", "urgency", "language"):
        assistant.review_triage(actor=agent, case_id=case.pk, urgency="extreme", language="xx")
    case.triage.refresh_from_db()
    assert case.triage.reviewed_at is None


def test_a_case_not_triaged_yet_cannot_be_reviewed(settings, ana, tier1, agent, opened, refused):
    settings.SELLERDESK = {**settings.SELLERDESK, "AUTO_TRIAGE": False}
    case = opened(ana, VAGUE, category="other")

    with refused("not_found"):
        assistant.review_triage(actor=agent, case_id=case.pk)
