"""The SLA engine in the agent workspace: the priority score and the reply owed in the queue, the
"Next case" button, the SLA card of the case page and the SLA steps on the agents' timeline."""

import datetime as dt
import html
import re
from decimal import Decimal

import pytest
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from sellerdesk.cases import services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Case, CaseEvent
from sellerdesk.core import clock
from sellerdesk.sla import services as sla
from tests.factories import AgentFactory

pytestmark = pytest.mark.django_db

# A Monday, 09:00 UTC (10:00 in Madrid, the agents' zone). Tier 1 works around the clock, so the
# standard policy's first response is due 24 hours after opening.
T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
QUEUE = reverse("workspace:queue")
NEXT = reverse("workspace:next_case")


def at(hours: float) -> dt.datetime:
    return T0 + dt.timedelta(hours=hours)


def case_url(case: Case) -> str:
    return reverse("workspace:case", args=[case.pk])


def text(page) -> str:
    """The page's visible text, tags removed and entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", page.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def row_of(page, case: Case) -> str:
    """The HTML of the case's row in a queue."""
    content = page.content.decode()
    start = content.rfind("<tr", 0, content.find(f'href="{case_url(case)}"'))
    return content[start : content.find("</tr>", start)]


@pytest.fixture
def opened(ana, tier1, open_case_as):
    """Ana's case, opened at T0 through the service (so with its SLA targets)."""

    def _open(when=T0, **fields):
        with clock.frozen_at(when):
            case = open_case_as(ana, **fields)
        case.refresh_from_db()
        return case

    return _open


def get(client, url, when, **params):
    with clock.frozen_at(when):
        return client.get(url, params)


# --- the queue -------------------------------------------------------------------------------------


def test_queue_shows_the_priority_score_its_reason_and_the_reply_due(client_as, agent, opened):
    case = opened()

    page = get(client_as(agent), QUEUE, at(1), view="team")

    row = row_of(page, case)
    # 23 hours left until the reply is due: score 100 / (1 + 23/8) = 26, a normal priority.
    assert '<span class="badge score priority-normal"' in row
    assert ">26</span>" in row
    assert "normal: reply due in 23h" in row
    assert 'datetime="2025-03-04T10:00:00+01:00"' in row  # the reply is due 24 hours after opening
    assert "in 23h" in row
    assert "sla-breached" not in row
    assertContains(page, "<th>Reply due</th>", html=True)


def test_queue_marks_a_breached_case_and_shows_an_at_risk_one(client_as, agent, opened):
    late = opened(at(-26), subject="Old payout question")
    at_risk = opened(at(-20), subject="Listing question")
    with clock.frozen_at(at(0)):
        sla.sweep()  # fires the warning at 75% (and the breach of the older case)
    fresh = opened(at(0), subject="New question")

    page = get(client_as(agent), QUEUE, at(0.5), view="team")

    late_row = row_of(page, late)
    assert "sla-breached-row" in late_row
    assert '<span class="badge sla-breached">Breached</span>' in late_row
    assert "2h30m overdue" in late_row
    assert '<span class="badge score priority-critical"' in late_row
    risk_row = row_of(page, at_risk)
    assert '<span class="badge sla-warning">At risk</span>' in risk_row
    assert "sla-breached-row" not in risk_row
    assert "in 3h30m" in risk_row
    assert "badge sla-" not in row_of(page, fresh)
    # Priority first: the breached case leads.
    content = page.content.decode()
    assert content.find(case_url(late)) < content.find(case_url(at_risk)) < content.find(case_url(fresh))


def test_queue_counts_a_reply_overdue_since_the_last_sweep_as_breached(client_as, agent, opened):
    case = opened()

    page = get(client_as(agent), QUEUE, at(25), view="team")  # no sweep has run since T0

    assert case.sla_state == "ok"
    row = row_of(page, case)
    assert "sla-breached-row" in row
    assert "1h overdue" in row


def test_queue_says_the_reply_clock_is_paused_while_waiting_on_the_seller(client_as, agent, opened):
    case = opened()
    with clock.frozen_at(at(1)):
        services.assign_case(actor=agent, case_id=case.pk)
        services.change_status(actor=agent, case_id=case.pk, status=Status.WAITING_ON_SELLER)

    page = get(client_as(agent), QUEUE, at(2))

    row = row_of(page, case)
    assert "Paused — waiting on seller" in html.unescape(row)
    assert "overdue" not in row


def test_queue_shows_a_dash_when_no_reply_is_owed(client_as, agent, opened):
    case = opened()
    with clock.frozen_at(at(1)):
        services.assign_case(actor=agent, case_id=case.pk)
        services.post_message(actor=agent, case_id=case.pk, body="We are looking into it.")

    page = get(client_as(agent), QUEUE, at(2))

    row = row_of(page, case)
    assert '<td class="reply-cell"><span class="muted">—</span></td>' in row


def test_queue_sorts_by_priority_by_default(client_as, agent, opened):
    calm = opened(at(-1), subject="Calm")
    pressing = opened(at(-1), subject="Pressing", urgent=True)

    page = get(client_as(agent), QUEUE, at(0), view="team")

    assert page.context["sort"] == "priority"
    content = page.content.decode()
    assert content.find(case_url(pressing)) < content.find(case_url(calm))


# --- next case -------------------------------------------------------------------------------------


def test_next_case_assigns_the_most_pressing_case_and_opens_it_with_why(client_as, agent, opened):
    opened(at(-1), subject="Calm")
    pressing = opened(at(-1), subject="Pressing", urgent=True)
    desk = client_as(agent)

    with clock.frozen_at(at(0)):
        response = desk.post(NEXT)

    assertRedirects(response, case_url(pressing), fetch_redirect_response=False)
    pressing.refresh_from_db()
    assert pressing.assignee == agent
    page = get(desk, case_url(pressing), at(0))
    # Urgent: reply due in 3 hours, 8 hours ahead for urgency: due 5 hours ago, so critical.
    assertContains(
        page, f'<p class="flash success">{pressing.number} is yours: critical: reply due in 3h · marked urgent</p>'
    )
    assertContains(page, "Taken with “Next case”.")  # the assignment on the agents' timeline


def test_next_case_says_so_when_nothing_is_waiting(client_as, agent, opened):
    taken = opened()
    with clock.frozen_at(at(0)):
        services.assign_case(actor=agent, case_id=taken.pk)
    desk = client_as(agent)

    response = desk.post(NEXT)

    assertRedirects(response, QUEUE, fetch_redirect_response=False)
    page = desk.get(QUEUE)
    assertContains(
        page,
        '<p class="flash info">No case is waiting for you right now: every case you can work is taken or needs '
        "another language or team.</p>",
    )


def test_next_case_never_gives_a_case_of_another_team(client_as, outsider_agent, opened):
    case = opened()

    response = client_as(outsider_agent).post(NEXT)

    assertRedirects(response, QUEUE, fetch_redirect_response=False)
    case.refresh_from_db()
    assert case.assignee is None


def test_next_case_is_refused_to_sellers_and_to_get_requests(client, client_as, ana, agent, opened):
    case = opened()

    assert client_as(ana).post(NEXT).status_code == 404
    assert client_as(agent).get(NEXT).status_code == 405
    assert client.post(NEXT).status_code == 302  # to sign in
    case.refresh_from_db()
    assert case.assignee is None
    assert not CaseEvent.objects.filter(kind=EventType.ASSIGNED).exists()


def test_queue_has_the_next_case_button_with_csrf(client_as, agent):
    page = client_as(agent).get(QUEUE)

    content = page.content.decode()
    form = content[content.find(f'action="{NEXT}"') - 40 :]
    form = form[: form.find("</form>")]
    assert 'method="post"' in form
    assert 'name="csrfmiddlewaretoken"' in form
    assert "Next case" in form


# --- the case page ---------------------------------------------------------------------------------


def test_case_page_shows_the_sla_card_with_every_target(client_as, agent, opened):
    case = opened()

    page = get(client_as(agent), case_url(case), at(1))

    card = text(page)
    card = card[card.find(" SLA ") : card.find(" Playbook ")]
    assert "Priority score — Normal" in card
    assert "normal: reply due in 23h" in card
    assert "First response On time Due 4 Mar 2025, 10:00 CET · in 23h Policy: Standard" in card
    assert "Resolution On time Due 6 Mar 2025, 10:00 CET · in 2d 23h Policy: Standard" in card


def test_sla_card_shows_at_risk_breached_paused_and_met_targets(client_as, agent, opened):
    case = opened()
    with clock.frozen_at(at(19)):
        sla.sweep()
    desk = client_as(agent)

    card = text(get(desk, case_url(case), at(19)))
    assert "First response At risk Due 4 Mar 2025, 10:00 CET · in 5h" in card

    card = text(get(desk, case_url(case), at(24.5)))
    assert "First response Breached Due 4 Mar 2025, 10:00 CET · 30m overdue" in card

    with clock.frozen_at(at(25)):
        services.assign_case(actor=agent, case_id=case.pk)
        services.post_message(actor=agent, case_id=case.pk, body="Sorry for the wait: looking into it.")
    with clock.frozen_at(at(26)):
        services.change_status(actor=agent, case_id=case.pk, status=Status.WAITING_ON_SELLER)

    card = text(get(desk, case_url(case), at(30)))
    assert "Resolution Paused Paused while waiting on the seller — 1d 2h used of 3d 0h Policy: Standard" in card
    assert "1 earlier target" in card
    assert "First response Met late Met 4 Mar 2025, 11:00 CET · 1d 1h used of 1d 0h" in card


def test_case_facts_show_the_business_impact(client_as, agent, opened):
    case = opened(revenue_at_stake=Decimal("1200"), revenue_currency="EUR", orders_affected=3)

    page = get(client_as(agent), case_url(case), at(1))

    facts = text(page)
    assert "Revenue at stake 1,200.00 EUR Orders affected 3" in facts
    # The impact moves the case ahead, and says so.
    assert "3 orders affected · $1,296 at stake" in facts


def test_case_facts_leave_out_an_impact_nobody_gave(client_as, agent, opened):
    case = opened()

    page = get(client_as(agent), case_url(case), at(1))

    assertNotContains(page, "Revenue at stake")
    assertNotContains(page, "Orders affected")


# --- SLA steps on the timeline ---------------------------------------------------------------------


def test_agents_read_sla_steps_and_automatic_reassignments_on_the_timeline(client_as, agent, lead, tier1, opened):
    other = AgentFactory(username="other", teams=[tier1])
    case = opened()
    with clock.frozen_at(at(0)):
        services.assign_case(actor=other, case_id=case.pk)
    with clock.frozen_at(at(19)):
        sla.sweep()
    with clock.frozen_at(at(25)):
        sla.sweep()

    page = get(client_as(agent), case_url(case), at(25))

    timeline = text(page)
    assert "SLA: first response at risk (75%) — owner warned" in timeline
    assert "SLA: first response breached — lead notified, reassigned" in timeline
    assert "Reassigned by the SLA ladder: the target was breached." in timeline
    assertNotContains(page, "SLA step")  # never the raw kind
    assertContains(page, 'class="event kind-sla_step internal"', count=2)


def test_the_hard_ceiling_reads_as_such(client_as, agent, opened):
    case = opened()
    CaseEvent.objects.create(
        case=case,
        kind=EventType.SLA_STEP,
        public=False,
        data={"target": "resolution", "percent": None, "actions": ["ceiling"], "breached": False, "ceiling": True},
        created_at=at(2),
    )

    page = get(client_as(agent), case_url(case), at(3))

    assert "SLA: hard ceiling reached (resolution) — leads and administrators notified" in text(page)


def test_a_resolved_case_has_no_priority_and_owes_nothing(client_as, agent, opened):
    case = opened()
    with clock.frozen_at(at(1)):
        services.assign_case(actor=agent, case_id=case.pk)
        services.post_message(actor=agent, case_id=case.pk, body="Paid out today.")
        services.change_status(actor=agent, case_id=case.pk, status=Status.RESOLVED)
    desk = client_as(agent)

    row = row_of(get(desk, QUEUE, at(2), view="team", status="all"), case)
    assert "badge score" not in row
    assert '<td class="priority-cell"><span class="muted">—</span></td>' in row
    card = text(get(desk, case_url(case), at(2)))
    assert "No priority: the case is resolved or closed." in card
    assert "2 earlier targets" in card
    assert "First response Met Met 3 Mar 2025, 11:00 CET" in card
    assert "Resolution Met Met 3 Mar 2025, 11:00 CET" in card
