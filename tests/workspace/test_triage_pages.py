"""The model's triage in the agent workspace: the triage card of the case page (predictions with
confidences, references, the review form), the "Check triage" badge of the queue, and the triage
events on the agents' timeline. Sellers see none of it."""

import html
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from sellerdesk.assistant.models import CaseTriage, TriageCorrection
from sellerdesk.cases.models import Case
from sellerdesk.core.templatetags.sellerdesk import triage_value

pytestmark = pytest.mark.django_db

QUEUE = reverse("workspace:queue")
PAYOUT = {
    "subject": "Payout missing",
    "body": (
        "My payout of $1,250.00 did not arrive on 3 May 2026. The disbursement for order 112-1234567-1234567 "
        "is missing."
    ),
}
VAGUE = {"subject": "Help", "body": "Please look at this."}


def case_url(case: Case) -> str:
    return reverse("workspace:case", args=[case.pk])


def review_url(case: Case) -> str:
    return reverse("workspace:triage_review", args=[case.pk])


def text(page) -> str:
    """The page's visible text, tags removed and entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", page.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def card(page) -> str:
    content = page.content.decode()
    start = content.index('id="triage"')
    return content[start : content.index("</section>", start)]


def row_of(page, case: Case) -> str:
    content = page.content.decode()
    start = content.rfind("<tr", 0, content.find(f'href="{case_url(case)}"'))
    return content[start : content.find("</tr>", start)]


def percent(confidence: float) -> str:
    return f"{round(confidence * 100)}%"


@pytest.fixture
def opened(settings, open_case_as, django_capture_on_commit_callbacks):
    """A case opened through the service with auto-triage on (the task runs after the commit)."""
    settings.SELLERDESK = {**settings.SELLERDESK, "AUTO_TRIAGE": True}

    def _open(seller, message, **fields):
        with django_capture_on_commit_callbacks(execute=True):
            case = open_case_as(seller, **message, **fields)
        return Case.objects.get(pk=case.pk)

    return _open


def form_data(reading: CaseTriage, **changes) -> dict:
    """The model's reading as the card's form would post it, with changes."""
    values = {name: getattr(reading, name) for name in ("category", "urgency", "tier", "language")}
    return {f"tri-{name}": value for name, value in {**values, **changes}.items()}


def test_the_card_shows_the_reading_with_confidences_and_references(client_as, ana, tier1, agent, opened):
    case = opened(ana, PAYOUT, category="payments")
    reading = case.triage

    page = client_as(agent).get(case_url(case))

    assert page.status_code == 200
    shown = card(page)
    visible = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", shown)))
    assert "Triage" in visible
    assert f"Payments {percent(reading.category_confidence)}" in visible
    assert percent(reading.urgency_confidence) in visible
    assert f"English {percent(reading.language_confidence)}" in visible
    assert "112-1234567-1234567" in visible
    assert "$1,250.00" in visible
    assert "3 May 2026" in visible
    assert "Not reviewed by an agent yet." in visible
    assert "Category filled in by the model" not in visible  # the seller chose it
    assert reading.model_version in visible
    # The review form, prefilled with the model's reading.
    assert f'action="{review_url(case)}"' in shown
    assert '<option value="payments" selected>' in shown
    assert f'<option value="{reading.urgency}" selected>' in shown
    assert "Confirm" in visible and "Save corrections" in visible


def test_a_filled_in_category_and_an_unsure_reading_are_flagged(client_as, ana, tier1, agent, opened):
    case = opened(ana, PAYOUT, category=None)
    vague = opened(ana, VAGUE, category=None)
    assert case.triage.category_applied and vague.triage.needs_review

    assertContains(client_as(agent).get(case_url(case)), "Category filled in by the model")
    page = client_as(agent).get(case_url(vague))
    shown = card(page)
    assert "Needs review" in shown
    assert 'class="confidence unsure"' in shown
    assert "No order ids, ASINs, SKUs, amounts or dates found in the text." in text(page)


def test_a_case_without_a_reading_says_so(client_as, ana, tier1, agent, open_case_as):
    case = open_case_as(ana, **VAGUE)

    page = client_as(agent).get(case_url(case))

    assert "Not triaged yet." in card(page)
    assertNotContains(page, review_url(case))


def test_confirming_the_triage(client_as, ana, tier1, agent, opened):
    vague = opened(ana, VAGUE, category=None)
    reading = vague.triage

    client = client_as(agent)
    # The card's form holds what the case is now; confirming it keeps the case as it is.
    current = {
        "category": vague.category,
        "urgency": vague.assessed_urgency or reading.urgency,
        "language": vague.language,
    }
    response = client.post(review_url(vague), {**form_data(reading, **current), "confirm": ""})

    assertRedirects(response, case_url(vague) + "#triage", fetch_redirect_response=False)
    reading.refresh_from_db()
    assert reading.needs_review is False
    assert reading.reviewed_by == agent
    vague.refresh_from_db()
    assert vague.category == current["category"]
    # Where the case differs from what the model said, the confirmation is training data.
    taught = {(c.field, c.predicted, c.corrected) for c in TriageCorrection.objects.all()}
    expected = {(f, getattr(reading, f), v) for f, v in current.items() if v != getattr(reading, f)}
    assert taught == expected
    page = client.get(case_url(vague))
    assertContains(page, "Triage confirmed.")
    visible = text(page)
    assert "Reviewed by Agent1" in visible
    assert "confirmed the triage" in visible or "corrected the triage" in visible


def test_correcting_the_triage(client_as, ana, tier1, agent, opened):
    vague = opened(ana, VAGUE, category=None)
    reading = vague.triage
    urgency = "critical" if reading.urgency != "critical" else "low"

    client = client_as(agent)
    response = client.post(
        review_url(vague), {**form_data(reading, category="payments", urgency=urgency), "correct": ""}
    )

    assertRedirects(response, case_url(vague) + "#triage", fetch_redirect_response=False)
    assert {c.field: c.corrected for c in TriageCorrection.objects.all()} == {
        "category": "payments",
        "urgency": urgency,
    }
    page = client.get(case_url(vague))
    assertContains(page, "Triage corrected: category, urgency.")
    shown = card(page)
    assert "→ Payments" in shown  # what the agent set, beside the model's crossed-out value
    assert '<option value="payments" selected>' in shown  # the form now starts from the corrections
    visible = text(page)
    assert "corrected the triage" in visible
    was = triage_value("category", reading.category)
    assert f"category {was} → Payments, urgency {reading.urgency} → {urgency}" in visible

    # Saving the card again as it stands records nothing twice.
    again = client.post(review_url(vague), form_data(reading, category="payments", urgency=urgency))
    assert again.status_code == 302
    assert TriageCorrection.objects.count() == 2
    assertContains(client.get(case_url(vague)), "Triage confirmed.")


def test_a_refused_review_is_shown_beside_the_field(client_as, ana, tier1, agent, opened):
    vague = opened(ana, VAGUE, category=None)

    page = client_as(agent).post(review_url(vague), form_data(vague.triage, urgency="extreme"))

    assert page.status_code == 400
    shown = card(page)
    assert "field-error" in shown and "Choose one of: low, normal, high, critical." in html.unescape(shown)
    vague.triage.refresh_from_db()
    assert vague.triage.reviewed_at is None


def test_another_team_and_sellers_cannot_review(client_as, ana, tier1, outsider_agent, opened):
    vague = opened(ana, VAGUE, category=None)

    assert client_as(outsider_agent).post(review_url(vague), form_data(vague.triage)).status_code == 404
    assert client_as(ana).post(review_url(vague), form_data(vague.triage)).status_code == 404
    vague.triage.refresh_from_db()
    assert vague.triage.reviewed_at is None


def test_the_queue_flags_readings_to_check(client_as, ana, tier1, agent, opened):
    sure = opened(ana, PAYOUT, category="payments")
    unsure = opened(ana, VAGUE, category=None)
    assert not sure.triage.needs_review and unsure.triage.needs_review

    page = client_as(agent).get(QUEUE, {"view": "team"})

    assert "Check triage" in row_of(page, unsure)
    assert "Check triage" not in row_of(page, sure)

    # One query for the page's readings, however many rows: no query per case.
    client = client_as(agent)
    client.get(QUEUE, {"view": "team"})
    with CaptureQueriesContext(connection) as two_rows:
        client.get(QUEUE, {"view": "team"})
    for _ in range(3):
        opened(ana, VAGUE, category=None)
    with CaptureQueriesContext(connection) as five_rows:
        client.get(QUEUE, {"view": "team"})
    triage_queries = [q for q in five_rows.captured_queries if "assistant_casetriage" in q["sql"]]
    assert len(triage_queries) == 1
    assert len(five_rows.captured_queries) == len(two_rows.captured_queries)


def test_the_timeline_tells_agents_what_the_model_read(client_as, ana, tier1, outsider_agent, opened):
    case = opened(ana, PAYOUT, category=None)  # filled in as payments: now with the payments team
    reading = case.triage

    visible = text(client_as(outsider_agent).get(case_url(case)))

    assert (
        f"Triaged by the model: Payments ({percent(reading.category_confidence)}), "
        f"urgency {reading.urgency} ({percent(reading.urgency_confidence)})"
    ) in visible
    assert "Applied to the case: category Payments, now with Payments specialists" in visible


def test_sellers_see_nothing_of_the_triage(client_as, ana, tier1, outsider_agent, opened):
    case = opened(ana, PAYOUT, category=None)
    client_as(outsider_agent).post(review_url(case), form_data(case.triage, urgency="critical"))

    assert client_as(ana).get(case_url(case)).status_code == 404
    assert client_as(ana).post(review_url(case), form_data(case.triage)).status_code == 404
    portal = client_as(ana).get(reverse("portal:case", args=[case.pk]))
    assert portal.status_code == 200
    visible = text(portal).lower()
    assert "triage" not in visible and "model" not in visible
