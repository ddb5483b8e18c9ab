"""The assistant over the API (POST /assistant/chat, GET /assistant/conversations/{id}, GET
/assistant/metrics) and on its pages (the portal chat, without JavaScript, and the leads' metrics):
who may use and see what, and that the answers and the hand-over come through."""

import pytest
from django.urls import reverse

from sellerdesk.assistant.models import Conversation
from sellerdesk.cases.models import Case

pytestmark = pytest.mark.django_db

CHAT = "/api/v1/assistant/chat"
PAYOUT = "My payout has been on hold for two weeks and I don't know why."


def ids(body):
    return [o["id"] for o in body["options"]]


def test_a_seller_chats_and_gets_the_article_and_the_flows_options(api_as, ana, payments_flow):
    response = api_as(ana).post(CHAT, {"message": PAYOUT})

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "open" and body["language"] == "en"
    assert body["case"] is None and body["form"] is None and body["incident"] == []
    answer, question = body["messages"]
    assert answer["role"] == "assistant"
    assert answer["articles"][0]["slug"] == "payout-on-hold"
    assert answer["articles"][0]["title"] == "Why is my payout on hold?"
    assert set(answer["articles"][0]) == {"slug", "title", "summary", "url"}
    assert question["text"] == "What is happening with your payout?"
    assert ids(body) == ["o0", "o1", "o2", "solved", "topics", "handover"]


def test_walking_to_the_form_and_sending_it_hands_over_with_a_case(api_as, ana, payments_flow, payments_team):
    seller = api_as(ana)
    first = seller.post(CHAT, {"message": PAYOUT}).json()
    conversation = first["conversation_id"]
    form = seller.post(CHAT, {"conversation_id": conversation, "choice": "o1"}).json()
    assert form["form"][0] == {"name": "order_id", "label": "Order id", "required": True}

    missing = seller.post(CHAT, {"conversation_id": conversation, "form": {"amount": "12"}})
    assert missing.status_code == 422
    assert set(missing.json()["fields"]) == {"order_id"}

    done = seller.post(CHAT, {"conversation_id": conversation, "form": {"order_id": "112-1234567-1234567"}}).json()

    case = Case.objects.get()
    assert done["status"] == "handed_over"
    assert done["case"] == {"id": case.pk, "number": case.number, "url": reverse("portal:case", args=[case.pk])}
    assert case.order_id == "112-1234567-1234567" and case.team == payments_team
    assert seller.post(CHAT, {"conversation_id": conversation, "handover": True}).json()["case"]["id"] == case.pk
    later = seller.post(CHAT, {"conversation_id": conversation, "message": "hello?"})
    assert (later.status_code, later.json()["code"]) == (409, "conversation_handed_over")


def test_talk_to_a_person_at_the_first_turn_over_the_api(api_as, ana, tier1):
    body = api_as(ana).post(CHAT, {"handover": True}).json()

    assert body["status"] == "handed_over"
    assert body["case"]["number"].startswith("SD-")
    assert Conversation.objects.get().case_id == body["case"]["id"]


def test_bad_input_is_a_422_with_the_fields(api_as, ana, payments_flow):
    seller = api_as(ana)
    assert seller.post(CHAT, {}).status_code == 422
    unknown = seller.post(CHAT, {"message": "hi", "mood": "angry"})
    assert (unknown.status_code, list(unknown.json()["fields"])) == (422, ["mood"])
    first = seller.post(CHAT, {"message": PAYOUT}).json()
    stale = seller.post(CHAT, {"conversation_id": first["conversation_id"], "choice": "n9"})
    assert (stale.status_code, list(stale.json()["fields"])) == (422, ["choice"])
    too_long = seller.post(CHAT, {"message": "x" * 5001})
    assert too_long.status_code == 422
    assert seller.post(CHAT, {"conversation_id": 10**30, "message": "hi"}).status_code == 422


def test_only_sellers_use_the_chat(api_as, agent, lead, support_admin):
    for user in (agent, lead, support_admin):
        response = api_as(user).post(CHAT, {"message": PAYOUT})
        assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert api_as().post(CHAT, {"message": PAYOUT}).status_code == 401


def test_a_seller_reads_only_their_own_conversation(api_as, ana, ben, agent, payments_flow):
    first = api_as(ana).post(CHAT, {"message": PAYOUT}).json()
    path = f"/api/v1/assistant/conversations/{first['conversation_id']}"

    own = api_as(ana).get(path)
    assert own.status_code == 200
    body = own.json()
    assert [t["role"] for t in body["turns"]] == ["seller", "assistant", "assistant"]
    assert body["turns"][0]["text"] == PAYOUT
    assert ids(body)[-1] == "handover"

    for other in (ben, agent):
        assert api_as(other).get(path).status_code == 404
    # Nor can another seller write in it.
    assert api_as(ben).post(CHAT, {"conversation_id": first["conversation_id"], "choice": "o0"}).status_code == 404


def test_metrics_are_for_team_leads_and_admins(api_as, ana, lead, support_admin, agent, payments_flow):
    seller = api_as(ana)
    first = seller.post(CHAT, {"message": PAYOUT}).json()
    seller.post(CHAT, {"conversation_id": first["conversation_id"], "choice": "solved"})

    for user in (lead, support_admin):
        body = api_as(user).get("/api/v1/assistant/metrics", days=7).json()
        assert body["conversations"] == 1 and body["solved"] == 1 and body["deflection_rate"] == 100.0
        assert body["feedback_helpful"] == 1
    for user in (agent, ana):
        response = api_as(user).get("/api/v1/assistant/metrics")
        assert (response.status_code, response.json()["code"]) == (403, "permission_denied")
    assert api_as(lead).get("/api/v1/assistant/metrics", days=0).status_code == 422


# --- the pages -------------------------------------------------------------------------------------


def test_the_portal_chat_works_without_javascript(client_as, ana, payments_flow, payments_team):
    client = client_as(ana)
    start = client.get(reverse("portal:assistant"))
    assert start.status_code == 200
    assert "Talk to a person" in start.content.decode()

    answered = client.post(reverse("portal:assistant"), {"message": PAYOUT, "send": "1"})
    conversation = Conversation.objects.get()
    page_url = reverse("portal:assistant_conversation", args=[conversation.pk])
    assert answered.status_code == 302 and answered["Location"] == page_url + "#latest"
    page = client.get(page_url).content.decode()
    assert "Why is my payout on hold?" in page
    assert 'value="o0"' in page and "It is on hold" in page
    assert 'name="handover"' in page

    client.post(page_url, {"choice": "o1"})
    form_page = client.get(page_url).content.decode()
    assert 'name="f-order_id"' in form_page
    refused = client.post(page_url, {"send_form": "1", "f-amount": "12"})
    assert refused.status_code == 400
    assert "This field is required." in refused.content.decode()

    sent = client.post(page_url, {"send_form": "1", "f-order_id": "112-1234567-1234567"})
    case = Case.objects.get()
    assert sent.status_code == 302 and sent["Location"] == reverse("portal:case", args=[case.pk])
    case_page = client.get(sent["Location"]).content.decode()
    assert "Conversation with the Sellerdesk assistant:" in case_page


def test_talk_to_a_person_button_on_the_empty_page_opens_a_case(client_as, ana, tier1):
    response = client_as(ana).post(reverse("portal:assistant"), {"handover": "1"})
    case = Case.objects.get()
    assert response["Location"] == reverse("portal:case", args=[case.pk])


def test_an_empty_message_is_refused_in_place(client_as, ana):
    response = client_as(ana).post(reverse("portal:assistant"), {"message": "  ", "send": "1"})
    assert response.status_code == 400
    assert "field-error" in response.content.decode()
    assert not Conversation.objects.exists()


def test_chat_pages_are_for_sellers_and_their_own_conversations(client_as, ana, ben, agent, payments_flow, api_as):
    first = api_as(ana).post(CHAT, {"message": PAYOUT}).json()
    page = reverse("portal:assistant_conversation", args=[first["conversation_id"]])

    assert client_as(ana).get(page).status_code == 200
    assert client_as(ben).get(page).status_code == 404
    assert client_as(ben).post(page, {"choice": "o0"}).status_code == 404
    assert client_as(agent).get(reverse("portal:assistant")).status_code == 404
    assert client_as(agent).get(page).status_code == 404


def test_the_metrics_page_and_its_link_are_for_leads_and_admins(client_as, ana, agent, lead, support_admin):
    url = reverse("workspace:assistant_metrics")
    for user in (lead, support_admin):
        response = client_as(user).get(url)
        assert response.status_code == 200
        assert "Assistant metrics" in response.content.decode()
        assert f'href="{url}"' in client_as(user).get(reverse("workspace:queue")).content.decode()
    for user in (agent, ana):
        assert client_as(user).get(url).status_code == 404
    assert f'href="{url}"' not in client_as(agent).get(reverse("workspace:queue")).content.decode()
    seller_home = client_as(ana).get(reverse("portal:cases")).content.decode()
    assert f'href="{reverse("portal:assistant")}"' in seller_home


def test_the_metrics_page_shows_the_rates(client_as, lead, api_as, ana, payments_flow, tier1):
    seller = api_as(ana)
    seller.post(CHAT, {"message": PAYOUT, "handover": True})
    page = client_as(lead).get(reverse("workspace:assistant_metrics"), {"days": "7"}).content.decode()
    assert "100.0%" in page  # hand-over rate
    assert "1 handed over to a person with a case." in page
