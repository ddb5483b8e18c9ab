"""Similar cases: the done cases most like a case, among those the agent may see, with how each was
resolved. Sellers never see them; an agent never sees another team's cases through them."""

import datetime as dt

import pytest
from django.urls import reverse

from sellerdesk.cases.lifecycle import Status
from sellerdesk.cases.models import Message
from sellerdesk.insights import selectors
from tests.factories import MessageFactory

pytestmark = pytest.mark.django_db

PAYOUT_REPLY = "The payout was held by the bank's compliance check. We released it; it arrives in 2 business days."


@pytest.fixture
def payout_question(ana, agent, tier1):
    """Ana's open case about a missing payout, with Tier 1."""
    from tests.factories import CaseFactory

    case = CaseFactory(
        seller_account=ana.seller_account,
        opened_by=ana,
        team=tier1,
        subject="Payout not received",
        category="payments",
        status=Status.OPEN,
    )
    MessageFactory(case=case, author=ana, body="My payout of 1,240 EUR for last week never arrived in my bank account.")
    return case


@pytest.fixture
def history(tier1, done_case):
    return {
        "payout": done_case(
            tier1,
            "Payout missing",
            "The weekly payout did not arrive in my bank account, 980 EUR are missing.",
            reply=PAYOUT_REPLY,
            category="payments",
        ),
        "listing": done_case(
            tier1,
            "Listing suppressed",
            "My listing for the garden hose was suppressed because of a missing image.",
            reply="Add a main image on a white background and the listing comes back within an hour.",
            category="listing",
        ),
    }


def test_payout_case_finds_the_resolved_payout_case_first_not_the_listing_one(agent, payout_question, history):
    case, rows = selectors.similar_cases(agent, payout_question.pk)

    assert case == payout_question
    assert rows[0]["case"] == history["payout"]
    assert history["listing"] not in [row["case"] for row in rows[:1]]
    assert rows[0]["same_category"] is True
    assert rows[0]["resolution"] == PAYOUT_REPLY
    assert rows[0]["resolved_in"] == dt.timedelta(hours=5)
    assert rows[0]["case"].team.name == "Tier 1"
    assert 0 < rows[0]["score"] <= 1


def test_a_listing_question_finds_the_listing_case_first(agent, ana, tier1, history):
    from tests.factories import CaseFactory

    question = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="Listing suppressed")
    MessageFactory(case=question, author=ana, body="Why was my listing suppressed? It says an image is missing.")

    _case, rows = selectors.similar_cases(agent, question.pk)

    assert rows[0]["case"] == history["listing"]


def test_misspelt_and_accented_words_still_match(agent, ana, tier1, done_case):
    from tests.factories import CaseFactory

    refund = done_case(tier1, "Reembolso no recibido", "El reembolso del pedido devuelto no llegó.", reply="Hecho.")
    done_case(tier1, "Cuenta bloqueada", "No puedo entrar en mi cuenta de vendedor desde ayer.", reply="Hecho.")
    question = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="rembolso no recivido")
    MessageFactory(case=question, author=ana, body="el rembolso del pedido devuelto no llego")

    _case, rows = selectors.similar_cases(agent, question.pk)

    assert rows[0]["case"] == refund


def test_resolution_is_the_last_public_agent_reply_before_the_case_was_resolved(
    agent, payout_question, tier1, done_case
):
    case = done_case(tier1, "Payout not received", "My payout never arrived in my bank account.", category="payments")
    done = case.resolved_at
    MessageFactory(
        case=case, author=None, author_role="agent", body="First answer.", created_at=done - dt.timedelta(hours=3)
    )
    MessageFactory(case=case, author=None, author_role="agent", body="x" * 400, created_at=done - dt.timedelta(hours=2))
    MessageFactory(
        case=case, author=None, author_role="agent", body="Internal: bank ref 42", internal=True, created_at=done
    )
    MessageFactory(
        case=case, author=None, author_role="agent", body="After resolution.", created_at=done + dt.timedelta(hours=1)
    )

    _case, rows = selectors.similar_cases(agent, payout_question.pk)

    resolution = next(row["resolution"] for row in rows if row["case"] == case)
    assert resolution.startswith("xxx") and len(resolution) <= 300 and resolution.endswith("…")


def test_open_cases_and_the_case_itself_are_never_similar_cases(agent, ana, tier1, payout_question):
    from tests.factories import CaseFactory

    twin = CaseFactory(seller_account=ana.seller_account, opened_by=ana, team=tier1, subject="Payout not received")
    MessageFactory(case=twin, author=ana, body="My payout of 1,240 EUR for last week never arrived in my bank account.")

    _case, rows = selectors.similar_cases(agent, payout_question.pk)

    assert rows == []


def test_a_closed_case_counts_and_a_case_without_a_reply_says_so(agent, payout_question, tier1, done_case):
    closed = done_case(tier1, "Payout missing", "My payout never arrived in my bank account.", status=Status.CLOSED)

    _case, rows = selectors.similar_cases(agent, payout_question.pk)

    assert [row["case"] for row in rows] == [closed]
    assert rows[0]["resolution"] == ""
    assert rows[0]["done_at"] == closed.closed_at


def test_agent_of_team_x_never_gets_team_y_cases(agent, outsider_agent, payments_team, payout_question, done_case):
    other_team = done_case(
        payments_team, "Payout missing", "My payout of 1,240 EUR never arrived in my bank account.", reply=PAYOUT_REPLY
    )

    _case, rows = selectors.similar_cases(agent, payout_question.pk)

    assert other_team not in [row["case"] for row in rows]


def test_agent_of_another_team_cannot_ask_about_a_case_they_cannot_see(outsider_agent, payout_question, refused):
    with refused("not_found"):
        selectors.similar_cases(outsider_agent, payout_question.pk)


def test_admin_sees_similar_cases_of_every_team(support_admin, payments_team, payout_question, done_case):
    other_team = done_case(payments_team, "Payout missing", "My payout never arrived in my bank account.")

    _case, rows = selectors.similar_cases(support_admin, payout_question.pk)

    assert other_team in [row["case"] for row in rows]


def test_a_seller_never_gets_similar_cases_even_of_their_own_case(ana, payout_question, history, refused):
    with refused("not_found"):
        selectors.similar_cases(ana, payout_question.pk)


# --- the API -----------------------------------------------------------------------------------------


def test_api_lists_similar_cases_with_their_resolution(api_as, agent, payout_question, history):
    response = api_as(agent).get(f"/api/v1/cases/{payout_question.pk}/similar")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["number"] == payout_question.number
    first = body["items"][0]
    assert first["id"] == history["payout"].pk
    assert first["resolution"] == PAYOUT_REPLY
    assert first["resolution_seconds"] == 5 * 3600
    assert first["team"]["name"] == "Tier 1"
    assert first["same_category"] is True


@pytest.mark.parametrize("who", ["ana", "ben", "outsider_agent"])
def test_api_answers_404_to_sellers_and_to_agents_outside_the_scope(api_as, request, who, payout_question, history):
    response = api_as(request.getfixturevalue(who)).get(f"/api/v1/cases/{payout_question.pk}/similar")

    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_api_needs_a_token(payout_question):
    from django.test import Client

    assert Client().get(f"/api/v1/cases/{payout_question.pk}/similar").status_code == 401


# --- the workspace ------------------------------------------------------------------------------------


def test_case_page_loads_similar_cases_after_the_page(client_as, agent, payout_question):
    page = client_as(agent).get(reverse("workspace:case", args=[payout_question.pk]))

    assert page.status_code == 200
    assert f'hx-get="{reverse("workspace:similar", args=[payout_question.pk])}"' in page.content.decode()


def test_similar_card_lists_the_cases_with_how_they_were_resolved(client_as, agent, payout_question, history):
    url = reverse("workspace:similar", args=[payout_question.pk])

    card = client_as(agent).get(url, headers={"HX-Request": "true"})
    page = client_as(agent).get(url)

    assert card.status_code == 200 and "<html" not in card.content.decode()
    assert history["payout"].number in card.content.decode()
    assert "compliance check" in card.content.decode()
    assert "5h" in card.content.decode()
    assert page.status_code == 200 and "<html" in page.content.decode()
    assert history["payout"].number in page.content.decode()


def test_similar_card_explains_when_nothing_is_similar(client_as, agent, payout_question):
    card = client_as(agent).get(reverse("workspace:similar", args=[payout_question.pk]), headers={"HX-Request": "true"})

    assert "No resolved case of your teams reads like this one yet." in card.content.decode()


@pytest.mark.parametrize("who", ["ana", "outsider_agent"])
def test_similar_page_is_404_for_sellers_and_other_teams(client_as, request, who, payout_question):
    response = client_as(request.getfixturevalue(who)).get(reverse("workspace:similar", args=[payout_question.pk]))

    assert response.status_code == 404


def test_similar_page_needs_signing_in(client, payout_question):
    response = client.get(reverse("workspace:similar", args=[payout_question.pk]))

    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_resolution_messages_come_from_agents_only(agent, payout_question, tier1, done_case):
    case = done_case(tier1, "Payout missing", "My payout never arrived in my bank account.")
    MessageFactory(case=case, author_role=Message.AuthorRole.SELLER, body="Thanks!", created_at=case.resolved_at)

    _case, rows = selectors.similar_cases(agent, payout_question.pk)

    assert rows[0]["resolution"] == ""


def test_api_answers_404_for_an_id_beyond_any_case(api_as, agent):
    assert api_as(agent).get("/api/v1/cases/99999999999999999999/similar").status_code == 404
