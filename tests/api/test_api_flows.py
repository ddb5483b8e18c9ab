"""What the API must show: whole conversations through /api/v1 as sellers, agents and leads."""

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from sellerdesk.cases import services
from sellerdesk.cases.models import Case, Message
from sellerdesk.core import clock
from tests.factories import AgentFactory, CaseFactory, SellerAccountFactory, SellerFactory, TeamFactory

pytestmark = pytest.mark.django_db

NEW_CASE = {
    "subject": "Carrier never picked up",
    "body": "The carrier never came for order 112-1.",
    "category": "order_fulfillment",
    "order_id": "112-1234567-1234567",
}


def create(api, **overrides):
    return api.post("/api/v1/cases", {**NEW_CASE, **overrides})


def timeline(api, case_id):
    response = api.get(f"/api/v1/cases/{case_id}/events")
    assert response.status_code == 200, response.content
    return response.json()


def download(api, url):
    response = api.get(url)
    # Reading a streamed file to the end closes it (the test client does that as a server would).
    content = b"".join(response.streaming_content) if response.status_code == 200 else None
    return response, content


# --- the main conversation -------------------------------------------------------------------------


def test_a_case_travels_from_seller_to_agent_and_back(api_as, ana, ben, agent, outsider_agent):
    as_ana, as_ben, as_agent = api_as(ana), api_as(ben), api_as(agent)

    created = create(as_ana)
    assert created.status_code == 201, created.content
    case = created.json()
    case_id = case["id"]
    assert (case["status"], case["channel"], case["team"]["name"]) == ("new", "api", "Tier 1")
    assert as_ana.get(f"/api/v1/cases/{case_id}").json()["subject"] == NEW_CASE["subject"]

    # Another seller cannot tell it exists.
    assert as_ben.get(f"/api/v1/cases/{case_id}").status_code == 404
    assert as_ben.get(f"/api/v1/cases/{case_id}/events").status_code == 404
    # Nor can an agent outside the owning team.
    assert api_as(outsider_agent).get(f"/api/v1/cases/{case_id}").status_code == 404
    assert api_as(outsider_agent).get("/api/v1/cases").json()["count"] == 0

    # The owning team's agent finds it in their list.
    listed = as_agent.get("/api/v1/cases").json()
    assert [c["id"] for c in listed["items"]] == [case_id]

    note = as_agent.post(f"/api/v1/cases/{case_id}/messages", {"body": "Carrier scan missing.", "internal": True})
    assert note.status_code == 201, note.content
    assert (note.json()["kind"], note.json()["public"]) == ("internal_note_added", False)

    reply = as_agent.post(f"/api/v1/cases/{case_id}/messages", {"body": "We asked the carrier."})
    assert reply.status_code == 201
    assert reply.json()["message"]["author_role"] == "agent"
    after_reply = as_ana.get(f"/api/v1/cases/{case_id}").json()
    assert after_reply["status"] == "open"
    assert after_reply["first_response_at"] is not None

    seller_reply = as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "Thank you!"})
    assert seller_reply.status_code == 201

    seller_view = timeline(as_ana, case_id)
    agent_view = timeline(as_agent, case_id)

    seller_bodies = [e["message"]["body"] for e in seller_view if e["message"]]
    assert seller_bodies == [NEW_CASE["body"], "We asked the carrier.", "Thank you!"]
    assert [e["kind"] for e in seller_view] == ["case_opened", "message_posted", "status_changed", "message_posted"]
    assert all(e["public"] for e in seller_view)
    assert "Carrier scan missing." not in str(seller_view)

    agent_kinds = [e["kind"] for e in agent_view]
    assert agent_kinds == ["case_opened", "internal_note_added", "message_posted", "status_changed", "message_posted"]
    internal = next(e for e in agent_view if e["kind"] == "internal_note_added")
    assert internal["message"] == {
        "id": internal["message"]["id"],
        "body": "Carrier scan missing.",
        "internal": True,
        "author_role": "agent",
        "attachments": [],
    }


def test_seller_cannot_see_internal_note_in_events(api_as, ana, agent):
    as_ana, as_agent = api_as(ana), api_as(agent)
    case_id = create(as_ana).json()["id"]
    as_agent.post(f"/api/v1/cases/{case_id}/messages", {"body": "Looks like fraud.", "internal": True})

    seller_view = timeline(as_ana, case_id)
    assert [e["kind"] for e in seller_view] == ["case_opened"]
    assert "fraud" not in str(seller_view)
    assert any(e["kind"] == "internal_note_added" for e in timeline(as_agent, case_id))


def test_posting_a_message_returns_its_event(api_as, ana):
    as_ana = api_as(ana)
    case_id = create(as_ana).json()["id"]
    response = as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "<b>More</b> details"})
    assert response.status_code == 201
    event = response.json()
    assert event["kind"] == "message_posted"
    assert event["actor"]["id"] == ana.pk
    assert event["message"]["body"] == "More details"


def test_retried_case_creation_with_the_same_idempotency_key_creates_one_case(api_as, ana, tier1):
    as_ana = api_as(ana)
    key = {"Idempotency-Key": "retry-7f3c"}
    first = as_ana.post("/api/v1/cases", NEW_CASE, headers=key)
    second = as_ana.post("/api/v1/cases", NEW_CASE, headers=key)
    third = as_ana.post("/api/v1/cases", NEW_CASE, headers=key)
    assert (first.status_code, second.status_code, third.status_code) == (201, 200, 200)
    assert first.json()["id"] == second.json()["id"] == third.json()["id"]
    assert Case.objects.count() == 1
    assert Message.objects.count() == 1


def test_retried_message_with_the_same_idempotency_key_is_posted_once(api_as, ana):
    as_ana = api_as(ana)
    case_id = create(as_ana).json()["id"]
    key = {"Idempotency-Key": "msg-retry"}
    first = as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "Tracking: 1Z999"}, headers=key)
    again = as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "Tracking: 1Z999"}, headers=key)
    assert first.status_code == again.status_code == 201
    assert first.json()["id"] == again.json()["id"]
    assert Message.objects.filter(case_id=case_id).count() == 2  # the opening message and this one


# --- who am I --------------------------------------------------------------------------------------


def test_me_for_a_seller_shows_their_account(api_as, ana):
    me = api_as(ana).get("/api/v1/me")
    assert me.status_code == 200
    assert me.json() == {
        "id": ana.pk,
        "username": "ana",
        "name": "Ana",
        "email": "ana@example.com",
        "role": "seller",
        "timezone": "America/New_York",
        "seller_account": {
            "id": ana.seller_account.pk,
            "marketplace_seller_id": ana.seller_account.marketplace_seller_id,
            "name": "Ana's Crafts",
            "status": "active",
        },
        "teams": [],
    }


def test_me_for_an_agent_shows_their_teams(api_as, agent, tier1, payments_team):
    agent.memberships.create(team=payments_team)
    body = api_as(agent).get("/api/v1/me").json()
    assert body["role"] == "agent"
    assert body["seller_account"] is None
    assert body["timezone"] == "Europe/Madrid"
    assert [t["name"] for t in body["teams"]] == ["Payments specialists", "Tier 1"]


# --- lists: filters and pages -----------------------------------------------------------------------


@pytest.fixture
def ana_cases(ana, tier1, payments_team):
    """Seven cases of ana's account with known status, category and team (ben has one of his own)."""
    layout = [
        ("open", "payments", payments_team),
        ("open", "listing", tier1),
        ("new", "listing", tier1),
        ("resolved", "payments", payments_team),
        ("closed", "other", tier1),
        ("waiting_on_seller", "listing", tier1),
        ("new", "payments", payments_team),
    ]
    cases = [
        CaseFactory(seller_account=ana.seller_account, opened_by=ana, status=s, category=c, team=t)
        for s, c, t in layout
    ]
    other = SellerFactory(seller_account=SellerAccountFactory())
    CaseFactory(seller_account=other.seller_account, opened_by=other, status="open", category="payments", team=tier1)
    return cases


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(c["id"] for c in response.json()["items"])


def test_list_filters_by_status_category_and_team(api_as, ana, ana_cases, payments_team):
    as_ana = api_as(ana)
    by = {c.pk: c for c in ana_cases}
    assert ids(as_ana.get("/api/v1/cases", status="open")) == sorted(p for p, c in by.items() if c.status == "open")
    assert ids(as_ana.get("/api/v1/cases", status="active")) == sorted(
        p for p, c in by.items() if c.status in ("new", "open", "waiting_on_seller")
    )
    assert ids(as_ana.get("/api/v1/cases", category="listing")) == sorted(
        p for p, c in by.items() if c.category == "listing"
    )
    assert ids(as_ana.get("/api/v1/cases", team=payments_team.pk)) == sorted(
        p for p, c in by.items() if c.team_id == payments_team.pk
    )
    assert ids(as_ana.get("/api/v1/cases", status="new", category="payments")) == sorted(
        p for p, c in by.items() if c.status == "new" and c.category == "payments"
    )
    assert ids(as_ana.get("/api/v1/cases", status="new", category="other")) == []


def test_agent_filters_by_team_within_their_own_teams(api_as, tier1, payments_team, ana_cases):
    both = AgentFactory(teams=[tier1, payments_team])
    as_both = api_as(both)
    assert as_both.get("/api/v1/cases").json()["count"] == 8  # ana's seven and the other seller's one
    assert as_both.get("/api/v1/cases", team=payments_team.pk).json()["count"] == 3
    # A team they are not in filters down to nothing, never to another team's cases.
    elsewhere = TeamFactory()
    CaseFactory(team=elsewhere)
    assert as_both.get("/api/v1/cases", team=elsewhere.pk).json()["count"] == 0


def test_list_filters_by_assignee(api_as, agent, tier1, ana_cases):
    mine = ana_cases[1]
    mine.assignee = agent
    mine.save()
    as_agent = api_as(agent)
    assert ids(as_agent.get("/api/v1/cases", assignee="me")) == [mine.pk]
    assert mine.pk not in ids(as_agent.get("/api/v1/cases", assignee="none"))


def test_list_finds_a_case_by_its_number(api_as, ana, ana_cases):
    target = ana_cases[2]
    assert ids(api_as(ana).get("/api/v1/cases", q=target.number)) == [target.pk]


def test_list_pages_report_count_and_pages_and_run_out(api_as, ana, ana_cases):
    as_ana = api_as(ana)
    pages = [as_ana.get("/api/v1/cases", page_size=3, page=n, sort="oldest").json() for n in (1, 2, 3, 4)]
    assert [(p["count"], p["pages"], p["page"], p["page_size"]) for p in pages] == [(7, 3, n, 3) for n in (1, 2, 3, 4)]
    assert all(p["count_exact"] for p in pages)
    assert [len(p["items"]) for p in pages] == [3, 3, 1, 0]
    seen = [c["id"] for p in pages for c in p["items"]]
    assert seen == [c.pk for c in ana_cases]  # oldest first, every case exactly once


def test_a_count_past_the_list_count_limit_stops_there_and_says_so(api_as, ana, ana_cases, settings):
    as_ana = api_as(ana)
    settings.SELLERDESK = {**settings.SELLERDESK, "LIST_COUNT_LIMIT": 7}
    exact = as_ana.get("/api/v1/cases", page_size=3).json()
    settings.SELLERDESK = {**settings.SELLERDESK, "LIST_COUNT_LIMIT": 5}
    capped = [as_ana.get("/api/v1/cases", page_size=3, page=n, sort="oldest").json() for n in (1, 2, 3)]

    assert (exact["count"], exact["count_exact"], exact["pages"]) == (7, True, 3)
    assert [(p["count"], p["count_exact"], p["pages"]) for p in capped] == [(5, False, 2)] * 3
    # The pages past the counted ones still answer, to the end of the matches.
    assert [c["id"] for p in capped for c in p["items"]] == [c.pk for c in ana_cases]


def test_empty_list_has_zero_pages(api_as, ben, tier1):
    body = api_as(ben).get("/api/v1/cases").json()
    assert (body["count"], body["pages"], body["items"]) == (0, 0, [])


def test_priority_sort_puts_the_most_pressing_cases_first(api_as, ana, tier1):
    now = clock.now()
    for priority, hours in (("low", 30), ("critical", -2), ("normal", 12), ("high", 3)):
        CaseFactory(
            seller_account=ana.seller_account,
            opened_by=ana,
            team=tier1,
            priority=priority,
            priority_at=now + dt.timedelta(hours=hours),
        )
    items = api_as(ana).get("/api/v1/cases", sort="priority").json()["items"]
    assert [c["priority"] for c in items] == ["critical", "high", "normal", "low"]
    assert [c["priority_score"] for c in items] == sorted((c["priority_score"] for c in items), reverse=True)


def test_listing_cases_takes_the_same_queries_for_5_or_50_rows(api_as, db):
    teams = [TeamFactory(name=f"Queue {n}") for n in range(4)]
    agents = [AgentFactory(teams=[team]) for team in teams for _ in range(2)]
    sellers = [SellerFactory() for _ in range(6)]
    for n in range(60):
        team = teams[n % 4]
        seller = sellers[n % 6]
        assignee = None if n % 3 == 0 else agents[(n % 4) * 2 + n % 2]
        CaseFactory(seller_account=seller.seller_account, opened_by=seller, team=team, assignee=assignee)
    lead = AgentFactory(teams=teams)
    as_lead = api_as(lead)
    as_lead.get("/api/v1/cases", page_size=1)  # the first use of a token notes when it was used

    counts = {}
    for size in (5, 50):
        with CaptureQueriesContext(connection) as queries:
            response = as_lead.get("/api/v1/cases", page_size=size)
        assert response.status_code == 200
        body = response.json()
        assert (body["count"], len(body["items"])) == (60, size)
        assert {c["assignee"]["id"] for c in body["items"] if c["assignee"]}  # relations really loaded
        counts[size] = len(queries)
    assert counts[5] == counts[50], counts


# --- status, reopen, assign -------------------------------------------------------------------------


def test_status_changes_follow_the_lifecycle(api_as, ana, agent):
    as_ana, as_agent = api_as(ana), api_as(agent)
    case_id = create(as_ana).json()["id"]

    waiting = as_agent.post(f"/api/v1/cases/{case_id}/status", {"status": "waiting_on_seller", "reason": "need id"})
    assert waiting.status_code == 200
    assert waiting.json()["status"] == "waiting_on_seller"

    as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "Here is my id."})
    assert as_ana.get(f"/api/v1/cases/{case_id}").json()["status"] == "open"

    closed = as_agent.post(f"/api/v1/cases/{case_id}/status", {"status": "closed"})
    assert closed.json()["status"] == "closed"
    assert closed.json()["closed_at"] is not None

    refused = as_agent.post(f"/api/v1/cases/{case_id}/status", {"status": "waiting_on_seller"})
    assert refused.status_code == 409
    assert refused.json()["code"] == "invalid_transition"
    assert as_ana.get(f"/api/v1/cases/{case_id}").json()["status"] == "closed"


def test_status_back_to_new_is_409_invalid_transition(api_as, ana, agent):
    case_id = create(api_as(ana)).json()["id"]
    as_agent = api_as(agent)
    as_agent.post(f"/api/v1/cases/{case_id}/status", {"status": "open"})
    response = as_agent.post(f"/api/v1/cases/{case_id}/status", {"status": "new"})
    assert (response.status_code, response.json()["code"]) == (409, "invalid_transition")


def test_seller_resolves_and_reopens_their_case(api_as, ana, agent):
    as_ana = api_as(ana)
    case_id = create(as_ana).json()["id"]
    resolved = as_ana.post(f"/api/v1/cases/{case_id}/status", {"status": "resolved"})
    assert resolved.json()["status"] == "resolved"

    # A public reply on a resolved case is refused until it is reopened.
    blocked = as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "Wait, not fixed."})
    assert (blocked.status_code, blocked.json()["code"]) == (409, "case_closed")

    reopened = as_ana.post(f"/api/v1/cases/{case_id}/reopen", {"reason": "Not fixed after all"})
    assert reopened.status_code == 200
    assert (reopened.json()["status"], reopened.json()["resolved_at"]) == ("open", None)
    assert timeline(as_ana, case_id)[-1]["kind"] == "reopened"
    assert as_ana.post(f"/api/v1/cases/{case_id}/messages", {"body": "Wait, not fixed."}).status_code == 201


def test_reopen_without_a_body_works(api_as, ana, agent):
    as_ana = api_as(ana)
    case_id = create(as_ana).json()["id"]
    api_as(agent).post(f"/api/v1/cases/{case_id}/status", {"status": "resolved"})
    response = as_ana.client.post(
        f"/api/v1/cases/{case_id}/reopen", "", content_type="application/json", headers=as_ana.headers
    )
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "open"


def test_reopen_after_the_window_is_409(api_as, ana, agent, tier1):
    import datetime as dt

    case = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, status="open")
    resolved_at = dt.datetime(2025, 1, 1, tzinfo=dt.UTC)
    with clock.frozen_at(resolved_at):
        services.change_status(actor=agent, case_id=case.pk, status="resolved")
    response = api_as(ana).post(f"/api/v1/cases/{case.pk}/reopen", {})
    assert (response.status_code, response.json()["code"]) == (409, "reopen_window_expired")


def test_agent_takes_a_case_and_the_seller_sees_who_has_it(api_as, ana, agent):
    as_ana = api_as(ana)
    case_id = create(as_ana).json()["id"]
    taken = api_as(agent).post(f"/api/v1/cases/{case_id}/assign", {})
    assert taken.status_code == 200
    assert taken.json()["assignee"] == {"id": agent.pk, "name": "Agent1", "role": "agent"}
    assert as_ana.get(f"/api/v1/cases/{case_id}").json()["assignee"]["id"] == agent.pk
    assert timeline(as_ana, case_id)[-1]["kind"] == "assigned"


def test_lead_assigns_to_a_team_member_but_not_outside_the_team(api_as, ana, lead, agent, outsider_agent):
    case_id = create(api_as(ana)).json()["id"]
    as_lead = api_as(lead)
    assigned = as_lead.post(f"/api/v1/cases/{case_id}/assign", {"assignee": agent.pk})
    assert assigned.json()["assignee"]["id"] == agent.pk

    refused = as_lead.post(f"/api/v1/cases/{case_id}/assign", {"assignee": outsider_agent.pk})
    assert (refused.status_code, refused.json()["code"]) == (400, "assignee_not_eligible")

    colleague = AgentFactory(teams=[lead.teams.get()])
    by_agent = api_as(agent).post(f"/api/v1/cases/{case_id}/assign", {"assignee": colleague.pk})
    assert (by_agent.status_code, by_agent.json()["code"]) == (403, "permission_denied")
    assert api_as(ana).get(f"/api/v1/cases/{case_id}").json()["assignee"]["id"] == agent.pk


# --- attachments -----------------------------------------------------------------------------------


@pytest.fixture
def case_with_files(ana, agent, tier1, open_case_as):
    case = open_case_as(ana)
    public = services.post_message(
        actor=ana,
        case_id=case.pk,
        body="The invoice.",
        attachments=[SimpleUploadedFile("invoice.pdf", b"%PDF-1.4 invoice", content_type="application/pdf")],
    )
    internal = services.post_message(
        actor=agent,
        case_id=case.pk,
        body="Carrier report.",
        internal=True,
        attachments=[SimpleUploadedFile("carrier.txt", b"scan missing", content_type="text/plain")],
    )
    return case, public.attachments.get(), internal.attachments.get()


def test_owner_downloads_an_attachment_from_the_timeline(api_as, ana, case_with_files):
    case, public, _internal = case_with_files
    as_ana = api_as(ana)
    listed = [a for e in timeline(as_ana, case.pk) if e["message"] for a in e["message"]["attachments"]]
    assert listed == [
        {
            "id": public.pk,
            "filename": "invoice.pdf",
            "content_type": "application/pdf",
            "size": len(b"%PDF-1.4 invoice"),
            "url": f"/api/v1/attachments/{public.pk}",
        }
    ]
    response, content = download(as_ana, listed[0]["url"])
    assert response.status_code == 200
    assert content == b"%PDF-1.4 invoice"
    assert response["Content-Type"] == "application/pdf"
    assert 'attachment; filename="invoice.pdf"' in response["Content-Disposition"]


def test_another_seller_gets_404_for_an_attachment(api_as, ben, case_with_files, outsider_agent):
    _case, public, internal = case_with_files
    for user in (ben, outsider_agent):
        for attachment in (public, internal):
            response, _ = download(api_as(user), f"/api/v1/attachments/{attachment.pk}")
            assert (response.status_code, response.json()["code"]) == (404, "not_found")


def test_seller_gets_404_for_an_attachment_on_an_internal_note(api_as, ana, agent, case_with_files):
    _case, _public, internal = case_with_files
    response, _ = download(api_as(ana), f"/api/v1/attachments/{internal.pk}")
    assert (response.status_code, response.json()["code"]) == (404, "not_found")
    response, content = download(api_as(agent), f"/api/v1/attachments/{internal.pk}")
    assert (response.status_code, content) == (200, b"scan missing")


def test_attachment_download_needs_a_token(client, case_with_files):
    _case, public, _internal = case_with_files
    response = client.get(f"/api/v1/attachments/{public.pk}")
    assert (response.status_code, response.json()["code"]) == (401, "not_authenticated")


# --- the schema ------------------------------------------------------------------------------------


def test_openapi_schema_is_served_and_lists_the_case_endpoints(client, db):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    schema = response.json()
    assert schema["info"]["title"] == "Sellerdesk API"
    paths = schema["paths"]
    assert {"get", "post"} <= set(paths["/api/v1/cases"])
    for path in (
        "/api/v1/cases/{case_id}/events",
        "/api/v1/auth/token",
        "/api/v1/me",
        "/api/v1/attachments/{attachment_id}",
    ):
        assert path in paths


def test_openapi_schema_is_built_once_per_language(client, db, monkeypatch):
    from ninja import NinjaAPI

    built = []
    original = NinjaAPI.get_openapi_schema

    def counting(self, **kwargs):
        built.append(kwargs)
        return original(self, **kwargs)

    monkeypatch.setattr(NinjaAPI, "get_openapi_schema", counting)
    from sellerdesk.api.api import api

    monkeypatch.setattr(api, "_openapi_schemas", {}, raising=False)
    first = client.get("/api/v1/openapi.json").json()
    assert client.get("/api/v1/openapi.json").json() == first
    assert len(built) == 1
    client.get("/api/v1/openapi.json", headers={"accept-language": "es"})
    assert len(built) == 2


def test_seller_reads_only_the_seller_safe_part_of_event_data(api_as, ana, agent):
    from sellerdesk.cases import services as case_services

    case_id = api_as(ana).post("/api/v1/cases", {"subject": "Payout", "body": "Where is it?"}).json()["id"]
    case_services.change_status(
        actor=agent, case_id=case_id, status="waiting_on_marketplace", reason="Waiting on finance, they are slow"
    )
    seller_events = api_as(ana).get(f"/api/v1/cases/{case_id}/events").json()
    agent_events = api_as(agent).get(f"/api/v1/cases/{case_id}/events").json()
    seller_change = next(e for e in seller_events if e["kind"] == "status_changed")
    agent_change = next(e for e in agent_events if e["kind"] == "status_changed")
    assert seller_change["data"] == {"from": "new", "to": "waiting_on_marketplace"}
    assert agent_change["data"]["reason"] == "Waiting on finance, they are slow"
