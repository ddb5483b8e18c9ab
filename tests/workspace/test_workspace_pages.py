"""The agent workspace through its web pages: the queues and their filters, the case page with the
seller's context, and the agent's actions (reply, internal note, status, assignment)."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pytest_django.asserts import assertContains, assertNotContains, assertRedirects

from sellerdesk.accounts.models import AccountStatus, TeamMembership
from sellerdesk.cases import services
from sellerdesk.cases.events import EventType
from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Attachment, Case, CaseEvent, Message, Priority
from sellerdesk.core import clock
from tests.factories import AgentFactory, CaseFactory, LeadFactory, SellerAccountFactory, SellerFactory

pytestmark = pytest.mark.django_db

T0 = dt.datetime(2025, 3, 3, 9, 0, tzinfo=dt.UTC)
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 40
QUEUE = reverse("workspace:queue")


def case_url(case: Case, name: str = "case") -> str:
    return reverse(f"workspace:{name}", args=[case.pk])


def case_in(team, seller, **extra) -> Case:
    return CaseFactory(seller_account=seller.seller_account, opened_by=seller, team=team, **extra)


def listed(page, cases: dict[str, Case]) -> set[str]:
    """The names of the cases the page links to."""
    html = page.content.decode()
    return {name for name, case in cases.items() if f'href="{case_url(case)}"' in html}


def order_of(page, cases: dict[str, Case]) -> list[str]:
    """The names of the listed cases, in the order the page shows them."""
    html = page.content.decode()
    positions = {name: html.find(f'href="{case_url(case)}"') for name, case in cases.items()}
    return sorted((name for name, at in positions.items() if at >= 0), key=positions.get)


def state(case: Case) -> tuple:
    case.refresh_from_db()
    return (
        case.status,
        case.assignee_id,
        case.updated_at,
        Message.objects.filter(case=case).count(),
        CaseEvent.objects.filter(case=case).count(),
    )


@pytest.fixture
def desk(client_as, agent):
    """Agent1's browser (Tier 1)."""
    return client_as(agent)


@pytest.fixture
def ana_case(ana, tier1, open_case_as):
    """Ana's case as she opened it, with Tier 1."""
    return open_case_as(ana, subject="Payout missing", body="Where is my payout?", order_id="ORD-42")


# --- the queues --------------------------------------------------------------------------------------


def test_my_cases_shows_only_the_active_cases_assigned_to_the_agent(desk, agent, lead, ana, tier1):
    cases = {
        "mine_new": case_in(tier1, ana, assignee=agent),
        "mine_waiting": case_in(tier1, ana, assignee=agent, status=Status.WAITING_ON_SELLER),
        "mine_resolved": case_in(tier1, ana, assignee=agent, status=Status.RESOLVED),
        "leads": case_in(tier1, ana, assignee=lead),
        "nobodys": case_in(tier1, ana),
    }

    page = desk.get(QUEUE)
    ignoring_filters = desk.get(QUEUE, {"view": "mine", "assignee": "none"})

    assert listed(page, cases) == {"mine_new", "mine_waiting"}
    assert listed(ignoring_filters, cases) == {"mine_new", "mine_waiting"}
    assertContains(page, 'My cases <span class="count">2</span>')


def test_my_cases_when_nothing_is_assigned_points_to_the_team_queues(desk, tier1, ana):
    case_in(tier1, ana)

    page = desk.get(QUEUE)

    assertContains(page, "Nothing is assigned to you right now. Take a case from a team queue.")
    assertContains(page, f'href="?view=team&team={tier1.pk}"')


def test_team_view_lists_the_active_cases_of_the_agents_teams_only(desk, ana, ben, tier1, payments_team, lead):
    cases = {
        "ana_tier1": case_in(tier1, ana),
        "ben_tier1_assigned": case_in(tier1, ben, assignee=lead),
        "ana_tier1_closed": case_in(tier1, ana, status=Status.CLOSED),
        "ana_payments": case_in(payments_team, ana),
    }

    page = desk.get(QUEUE, {"view": "team", "team": tier1.pk})

    assert listed(page, cases) == {"ana_tier1", "ben_tier1_assigned"}
    assertContains(page, "Team queue")


def test_team_view_of_an_agent_in_two_teams_shows_both_or_the_chosen_one(client_as, ana, tier1, payments_team):
    both = AgentFactory(username="both", teams=[tier1, payments_team])
    other_team = AgentFactory(username="elsewhere")
    cases = {"tier1": case_in(tier1, ana), "payments": case_in(payments_team, ana)}
    client = client_as(both)

    assert listed(client.get(QUEUE, {"view": "team"}), cases) == {"tier1", "payments"}
    assert listed(client.get(QUEUE, {"view": "team", "team": payments_team.pk}), cases) == {"payments"}
    assert listed(client_as(other_team).get(QUEUE, {"view": "team", "team": tier1.pk}), cases) == set()


@pytest.mark.parametrize(
    ("params", "shown"),
    [
        ({}, {"new_other", "waiting_payments", "open_assigned"}),
        ({"status": "waiting_on_seller"}, {"waiting_payments"}),
        ({"status": "resolved"}, {"resolved_other"}),
        ({"status": "all"}, {"new_other", "waiting_payments", "open_assigned", "resolved_other"}),
        ({"status": "bogus"}, {"new_other", "waiting_payments", "open_assigned"}),
        ({"category": "payments"}, {"waiting_payments"}),
        ({"category": "payments", "status": "all"}, {"waiting_payments"}),
        ({"assignee": "none"}, {"new_other", "waiting_payments"}),
        ({"assignee": "me"}, {"open_assigned"}),
        ({"assignee": "none", "category": "other"}, {"new_other"}),
    ],
)
def test_team_view_filters_by_status_category_and_assignee(desk, agent, ana, tier1, params, shown):
    cases = {
        "new_other": case_in(tier1, ana),
        "waiting_payments": case_in(tier1, ana, category="payments", status=Status.WAITING_ON_SELLER),
        "open_assigned": case_in(tier1, ana, status=Status.OPEN, assignee=agent),
        "resolved_other": case_in(tier1, ana, status=Status.RESOLVED),
    }

    page = desk.get(QUEUE, {"view": "team", **params})

    assert page.status_code == 200
    assert listed(page, cases) == shown


def test_team_view_with_no_match_says_so(desk, ana, tier1):
    case_in(tier1, ana)

    assertContains(desk.get(QUEUE, {"view": "team", "category": "payments"}), "No case matches these filters.")


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("priority", ["critical_newest", "high_middle", "normal_oldest", "low_updated_last"]),
        ("oldest", ["normal_oldest", "low_updated_last", "high_middle", "critical_newest"]),
        ("newest", ["critical_newest", "high_middle", "low_updated_last", "normal_oldest"]),
        ("updated", ["low_updated_last", "critical_newest", "high_middle", "normal_oldest"]),
    ],
)
def test_team_view_sorts_by_priority_age_or_last_update(desk, ana, tier1, sort, expected):
    def at(hours: int) -> dt.datetime:
        return T0 + dt.timedelta(hours=hours)

    # Priority order is the SLA engine's priority instant (earliest first; none last).
    cases = {
        "normal_oldest": case_in(
            tier1, ana, priority=Priority.NORMAL, created_at=at(0), updated_at=at(1), priority_at=at(24)
        ),
        "low_updated_last": case_in(tier1, ana, priority=Priority.LOW, created_at=at(1), updated_at=at(9)),
        "high_middle": case_in(
            tier1, ana, priority=Priority.HIGH, created_at=at(2), updated_at=at(3), priority_at=at(8)
        ),
        "critical_newest": case_in(
            tier1, ana, priority=Priority.CRITICAL, created_at=at(3), updated_at=at(4), priority_at=at(-10)
        ),
    }

    page = desk.get(QUEUE, {"view": "team", "sort": sort})

    assert order_of(page, cases) == expected


def test_team_view_query_finds_a_case_by_number_or_order_id(desk, ana, tier1):
    cases = {
        "wanted": case_in(tier1, ana, subject="Parcel lost", order_id="ORD-7781"),
        "other": case_in(tier1, ana, subject="Listing blocked"),
    }

    by_number = desk.get(QUEUE, {"view": "team", "q": cases["wanted"].number})
    by_lowercase_number = desk.get(QUEUE, {"view": "team", "q": cases["wanted"].number.lower()})
    by_order = desk.get(QUEUE, {"view": "team", "q": "ORD-7781"})
    by_words = desk.get(QUEUE, {"view": "team", "q": "listing"})

    assert listed(by_number, cases) == {"wanted"}
    assert listed(by_lowercase_number, cases) == {"wanted"}
    assert listed(by_order, cases) == {"wanted"}
    assert listed(by_words, cases) == {"other"}


def test_queue_side_bar_counts_active_and_unassigned_cases_per_team(desk, agent, ana, tier1):
    case_in(tier1, ana)
    case_in(tier1, ana, assignee=agent)
    case_in(tier1, ana, status=Status.CLOSED)

    assertContains(desk.get(QUEUE), "2 · 1 new")


@pytest.mark.parametrize("view", ["mine", "team"])
def test_queue_query_count_does_not_grow_with_the_number_of_cases(desk, agent, lead, tier1, view):
    accounts = [SellerFactory(seller_account=SellerAccountFactory()) for _ in range(3)]

    def make(n: int):
        for i in range(n):
            assignee = agent if view == "mine" or i % 3 == 0 else (lead if i % 3 == 1 else None)
            case_in(tier1, accounts[i % 3], assignee=assignee, status=Status.OPEN if i % 2 else Status.NEW)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert desk.get(QUEUE, {"view": view}).status_code == 200
        return len(captured)

    make(5)
    desk.get(QUEUE)  # warm the session
    with_five = queries()
    make(25)
    with_thirty = queries()

    assert with_thirty == with_five


# --- the case page -----------------------------------------------------------------------------------


def test_case_page_shows_the_sellers_account_and_their_other_open_cases(desk, ana, ben, tier1, payments_team):
    ana.seller_account.status = AccountStatus.RESTRICTED
    ana.seller_account.save()
    case = case_in(tier1, ana, subject="Listing blocked")
    others = {
        "open_same_seller": case_in(tier1, ana, subject="Payout late", status=Status.OPEN),
        "resolved_same_seller": case_in(tier1, ana, subject="Old question", status=Status.RESOLVED),
        "other_team_same_seller": case_in(payments_team, ana, subject="Card declined"),
        "other_seller": case_in(tier1, ben, subject="Ben asks"),
    }

    page = desk.get(case_url(case))

    assertContains(page, '<span class="badge account-restricted">Restricted</span>', html=False)
    assertContains(page, ana.seller_account.marketplace_seller_id)
    assert listed(page, others) == {"open_same_seller"}


def test_case_page_without_other_open_cases_says_none(desk, ana_case):
    assertContains(desk.get(case_url(ana_case)), "None.")


def test_case_page_shows_internal_notes_to_agents(desk, agent, ana_case):
    services.post_message(actor=agent, case_id=ana_case.pk, body="Risk flagged this seller", internal=True)

    page = desk.get(case_url(ana_case))

    assertContains(page, "added an internal note (agents only)")
    assertContains(page, "Risk flagged this seller")


def test_reply_then_waiting_on_seller_sends_the_reply_and_changes_the_status(desk, agent, ana_case):
    response = desk.post(
        case_url(ana_case, "reply"),
        {"body": "Please send the <b>bank</b> statement.", "then_status": "waiting_on_seller"},
    )

    assertRedirects(response, case_url(ana_case) + "#latest", fetch_redirect_response=False)
    ana_case.refresh_from_db()
    assert ana_case.status == Status.WAITING_ON_SELLER
    assert ana_case.first_response_at is not None
    reply = Message.objects.filter(case=ana_case, author=agent).get()
    assert (reply.body, reply.internal, reply.author_role) == ("Please send the bank statement.", False, "agent")
    page = desk.get(case_url(ana_case))
    assertContains(page, "Reply sent to the seller.")
    assertContains(page, "changed the status to Waiting on seller")


def test_reply_without_a_status_keeps_the_case_open(desk, ana_case):
    desk.post(case_url(ana_case, "reply"), {"body": "Looking into it.", "then_status": ""})

    ana_case.refresh_from_db()
    assert ana_case.status == Status.OPEN


def test_agent_reply_with_a_png_is_downloadable_by_the_seller(desk, client_as, ana, ana_case):
    desk.post(
        case_url(ana_case, "reply"),
        {"body": "Here is the receipt.", "attachments": [SimpleUploadedFile("receipt.png", PNG, "image/png")]},
    )

    attachment = Attachment.objects.get(case=ana_case)
    download = client_as(ana).get(reverse("attachment", args=[attachment.pk]))
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == PNG


def test_empty_reply_shows_a_field_error_and_writes_nothing(desk, ana_case):
    before = state(ana_case)

    response = desk.post(case_url(ana_case, "reply"), {"body": "", "then_status": "resolved"})

    assertContains(response, 'class="field-error"', status_code=400)
    assert state(ana_case) == before


def test_agent_reply_on_a_resolved_case_is_refused_with_the_reason_shown(desk, agent, ana_case):
    services.change_status(actor=agent, case_id=ana_case.pk, status="resolved")
    before = state(ana_case)

    response = desk.post(case_url(ana_case, "reply"), {"body": "One more thing"})

    assertContains(response, "This case is resolved. Reopen it to continue the conversation.", status_code=400)
    assert state(ana_case) == before


def test_internal_note_is_stored_as_internal_and_never_public(desk, client_as, ana, agent, ana_case):
    response = desk.post(case_url(ana_case, "note"), {"note-body": "Seller has 3 chargebacks"})

    assertRedirects(response, case_url(ana_case) + "#latest", fetch_redirect_response=False)
    note = Message.objects.get(case=ana_case, author=agent)
    assert note.internal is True
    event = CaseEvent.objects.get(message=note)
    assert (event.kind, event.public) == (EventType.INTERNAL_NOTE_ADDED, False)
    ana_case.refresh_from_db()
    assert ana_case.first_response_at is None
    assert ana_case.status == Status.NEW
    assertContains(desk.get(case_url(ana_case)), "Internal note added.")
    assertNotContains(client_as(ana).get(reverse("portal:case", args=[ana_case.pk])), "chargebacks")


def test_internal_note_on_a_resolved_case_is_still_possible(desk, agent, ana_case):
    services.change_status(actor=agent, case_id=ana_case.pk, status="resolved")

    desk.post(case_url(ana_case, "note"), {"note-body": "Closing remark"})

    assert Message.objects.filter(case=ana_case, internal=True, body="Closing remark").exists()


def test_status_change_moves_the_case_and_records_the_reason(desk, agent, ana_case):
    response = desk.post(case_url(ana_case, "status"), {"status": "waiting_on_marketplace", "reason": "Asked payments"})

    assertRedirects(response, case_url(ana_case) + "#latest", fetch_redirect_response=False)
    ana_case.refresh_from_db()
    assert ana_case.status == Status.WAITING_ON_MARKETPLACE
    event = CaseEvent.objects.filter(case=ana_case, kind=EventType.STATUS_CHANGED).get()
    assert event.data == {"from": "new", "to": "waiting_on_marketplace", "reason": "Asked payments"}
    assertContains(desk.get(case_url(ana_case)), "Status updated.")


@pytest.mark.parametrize(
    ("current", "target", "message"),
    [
        (Status.RESOLVED, Status.OPEN, "A case cannot go from Resolved to Open. Use reopen to bring it back."),
        (Status.CLOSED, Status.RESOLVED, "A case cannot go from Closed to Resolved."),
    ],
)
def test_status_form_refuses_an_invalid_transition_with_the_message_and_changes_nothing(
    desk, agent, ana_case, current, target, message
):
    services.change_status(actor=agent, case_id=ana_case.pk, status=current)
    before = state(ana_case)

    response = desk.post(case_url(ana_case, "status"), {"status": target})

    assertContains(response, message, status_code=400)
    assert state(ana_case) == before


def test_status_form_offers_only_the_allowed_next_statuses(desk, agent, ana_case):
    services.change_status(actor=agent, case_id=ana_case.pk, status="resolved")

    page = desk.get(case_url(ana_case))

    assertContains(page, '<option value="closed">Closed</option>', html=False)
    assertNotContains(page, '<option value="open">Open</option>', html=False)


def test_assign_to_me_makes_the_agent_the_owner(desk, agent, ana_case):
    assertContains(desk.get(case_url(ana_case)), "Assign to me")

    response = desk.post(case_url(ana_case, "assign"), follow=True)

    ana_case.refresh_from_db()
    assert ana_case.assignee == agent
    assertContains(response, "Assignment updated.")
    assertNotContains(response, "Assign to me")


def test_lead_can_assign_a_case_to_another_member_of_the_team(client_as, lead, agent, ana_case):
    client = client_as(lead)
    assertContains(client.get(case_url(ana_case)), f'<option value="{agent.pk}">Agent1</option>', html=False)

    response = client.post(case_url(ana_case, "assign"), {"assignee": agent.pk}, follow=True)

    ana_case.refresh_from_db()
    assert ana_case.assignee == agent
    assertContains(response, "Assignment updated.")
    assertContains(response, "assigned the case to Agent1 (Tier 1)")


def test_lead_cannot_assign_a_case_to_an_agent_outside_its_team(client_as, lead, outsider_agent, ana_case):
    before = state(ana_case)

    response = client_as(lead).post(case_url(ana_case, "assign"), {"assignee": outsider_agent.pk}, follow=True)

    assertContains(response, "Agent-pay is not an agent of Tier 1.")
    assert state(ana_case) == before


def test_plain_agent_cannot_assign_a_case_to_someone_else(desk, agent, lead, ana_case):
    assertNotContains(desk.get(case_url(ana_case)), 'name="assignee"')
    before = state(ana_case)

    response = desk.post(case_url(ana_case, "assign"), {"assignee": lead.pk}, follow=True)

    assertContains(response, '<p class="flash error">')
    assertContains(response, "leads may assign cases to others.")
    assert state(ana_case) == before


def test_case_page_shows_times_in_the_viewers_time_zone(client_as, ana, tier1, open_case_as):
    tokyo = AgentFactory(username="kenji", timezone="Asia/Tokyo", teams=[tier1])
    with clock.frozen_at(T0):  # 09:00 UTC is 18:00 in Tokyo (JST, +09:00)
        case = open_case_as(ana)

    page = client_as(tokyo).get(case_url(case))
    queue = client_as(tokyo).get(QUEUE, {"view": "team"})

    assertContains(page, "3 Mar 2025, 18:00 JST")
    assertContains(page, 'datetime="2025-03-03T18:00:00+09:00"')
    assertNotContains(page, "3 Mar 2025, 09:00")
    assertContains(queue, "3 Mar, 18:00")


def test_the_same_case_shows_each_agent_their_own_local_time(client_as, ana, tier1, open_case_as):
    madrid = AgentFactory(username="lucia", timezone="Europe/Madrid", teams=[tier1])
    with clock.frozen_at(T0):
        case = open_case_as(ana)

    assertContains(client_as(madrid).get(case_url(case)), "3 Mar 2025, 10:00 CET")


# --- parameters that are not ids -------------------------------------------------------------------


@pytest.mark.parametrize("value", ["²", "٣", "9" * 25, "-1", "0", "abc"])
@pytest.mark.parametrize("name", ["team", "assignee"])
def test_queue_treats_a_team_or_assignee_that_is_no_id_as_no_filter(desk, ana, tier1, name, value):
    cases = {"new": case_in(tier1, ana)}

    page = desk.get(QUEUE, {"view": "team", name: value})

    assert page.status_code == 200
    assert listed(page, cases) == {"new"}


def test_queue_filters_by_an_assignee_id(desk, agent, lead, ana, tier1):
    cases = {"leads": case_in(tier1, ana, assignee=lead), "agents": case_in(tier1, ana, assignee=agent)}

    assert listed(desk.get(QUEUE, {"view": "team", "assignee": str(lead.pk)}), cases) == {"leads"}


@pytest.mark.parametrize("value", ["²", "abc", "9" * 25])
def test_lead_assigning_to_something_that_is_no_agent_id_is_refused(client_as, lead, ana_case, value):
    before = state(ana_case)

    response = client_as(lead).post(case_url(ana_case, "assign"), {"assignee": value}, follow=True)

    assertContains(response, "No such agent.")
    assert state(ana_case) == before


def test_plain_agent_sending_an_assignee_that_is_no_id_is_refused_not_given_the_case(desk, ana_case):
    before = state(ana_case)

    response = desk.post(case_url(ana_case, "assign"), {"assignee": "²"}, follow=True)

    assertContains(response, '<p class="flash error">')
    assertContains(response, "leads may assign cases to others.")
    assert state(ana_case) == before


def test_queue_search_for_a_superscript_digit_finds_nothing_instead_of_failing(desk, ana, tier1):
    case_in(tier1, ana)

    assert desk.get(QUEUE, {"view": "team", "q": "²"}).status_code == 200


def test_case_page_query_count_does_not_grow_with_the_conversation_or_the_sellers_other_cases(
    client_as, lead, agent, ana, tier1, ana_case
):
    client = client_as(lead)

    def grow(n: int):
        for i in range(n):
            services.post_message(
                actor=agent,
                case_id=ana_case.pk,
                body=f"Reply {i}",
                attachments=[SimpleUploadedFile(f"r{i}.png", PNG, "image/png")],
            )
            services.post_message(actor=lead, case_id=ana_case.pk, body=f"Note {i}", internal=True)
            case_in(tier1, ana, status=Status.OPEN, assignee=agent if i % 2 else None)
            AgentFactory(teams=[tier1])

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(case_url(ana_case)).status_code == 200
        return len(captured)

    grow(2)
    client.get(QUEUE)  # warm the session
    with_two = queries()
    grow(8)
    with_ten = queries()

    assert with_ten == with_two


def test_lead_of_another_team_who_is_a_plain_member_here_cannot_assign_others(
    client_as, agent, payments_team, ana_case
):
    elsewhere_lead = LeadFactory(username="pay-lead", teams=[payments_team])
    TeamMembership.objects.create(team=ana_case.team, user=elsewhere_lead, is_lead=False)
    client = client_as(elsewhere_lead)
    assertNotContains(client.get(case_url(ana_case)), 'name="assignee"')
    before = state(ana_case)

    response = client.post(case_url(ana_case, "assign"), {"assignee": agent.pk}, follow=True)

    assertContains(response, "leads may assign cases to others.")
    assert state(ana_case) == before
