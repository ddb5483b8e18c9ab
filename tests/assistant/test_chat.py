"""The virtual assistant (assistant.services.chat): it answers from articles and walks the flow of
the problem's category; "talk to a person" is offered at every turn and opens a case pre-filled
with the conversation, the form and the triage reading, routed like any case; a seller's "yes, it
solved it" is a deflection; answers are grounded, and a language model may only rephrase them."""

import datetime as dt
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from sellerdesk.assistant import llm, selectors
from sellerdesk.assistant import services as assistant
from sellerdesk.assistant.models import Conversation, Turn
from sellerdesk.cases.models import Channel, Message
from sellerdesk.core import clock
from tests.assistant.conftest import flow_definition

pytestmark = pytest.mark.django_db

PAYOUT = "My payout has been on hold for two weeks and I don't know why."
PAGO = "Hola, mi pago lleva dos semanas retenido y no sé por qué"


def spanish(text):
    with translation.override("es"):
        return _(text)


def option_ids(result):
    return [o["id"] for o in result.options]


def option(result, label):
    return next(o["id"] for o in result.options if o["label"] == label)


def test_the_first_message_is_answered_with_the_article_and_the_flows_first_question(ana, payments_flow):
    result = assistant.chat(ana, message=PAYOUT)

    conversation = result.conversation
    assert conversation.status == Conversation.Status.OPEN
    assert conversation.language == "en"
    answer, question = result.messages
    assert answer.text == (
        "This article may help: “Why is my payout on hold?”\nPayouts are held for 14 days after you change the "
        "bank account, and while a payment review is open."
    )
    assert answer.data["articles"][0]["slug"] == "payout-on-hold"
    assert answer.data["articles"][0]["url"] == "/portal/help/payout-on-hold/?language=en"
    assert question.text == "What is happening with your payout?"
    assert [o["label"] for o in result.options] == [
        "It is on hold",
        "It never arrived",
        "Just a question",
        "That article answered my question",
        "It's about something else",
        "Talk to a person",
    ]
    assert option_ids(result)[-1] == "handover"
    assert result.form is None and result.case is None
    # The turns are kept in order: the seller's message, then the assistant's two.
    assert [t.role for t in selectors.turns_of(conversation)] == ["seller", "assistant", "assistant"]


def test_a_seller_writing_spanish_gets_the_spanish_article_and_flow(ana, payments_flow):
    result = assistant.chat(ana, message=PAGO)

    assert result.conversation.language == "es"
    answer, question = result.messages
    assert "¿Por qué mi pago está retenido?" in answer.text
    assert question.text == "¿Qué pasa con tu pago?"
    assert [o["label"] for o in result.options][0] == "Está retenido"
    assert result.options[-1] == {"id": "handover", "label": spanish("Talk to a person")}


def test_yes_at_an_article_solves_the_conversation_and_counts_as_deflection(ana, kb, payments_flow):
    first = assistant.chat(ana, message=PAYOUT)
    conversation_id = first.conversation.pk
    at_article = assistant.chat(ana, conversation_id, choice=option(first, "It is on hold"))
    assert [m.text for m in at_article.messages][-1] == "Did this solve it?"
    assert at_article.messages[1].data["articles"][0]["slug"] == "payout-on-hold"

    solved = assistant.chat(ana, conversation_id, choice="solved")

    assert solved.conversation.status == Conversation.Status.SOLVED
    assert solved.case is None
    assert option_ids(solved) == ["handover"]  # a person is still one click away
    assert kb.feedback() == [("payout-on-hold", True, "assistant")]
    metrics = selectors.assistant_metrics(clock.now() - dt.timedelta(days=1))
    assert metrics["conversations"] == 1
    assert metrics["solved"] == 1
    assert metrics["deflection_rate"] == 100.0
    assert metrics["handover_rate"] == 0.0
    assert metrics["feedback_helpful"] == 1 and metrics["feedback_not_helpful"] == 0


def test_an_article_steps_own_solved_option_closes_the_conversation_with_the_flows_words(ana, kb):
    definition = flow_definition()
    definition["nodes"]["hold"]["next_options"] = [
        {"label": {"en": "That solved it"}, "next": "done"},
        {"label": {"en": "Not solved"}, "next": "case"},
    ]
    assistant.save_flow(actor=None, definition=definition)
    first = assistant.chat(ana, message=PAYOUT)
    at_article = assistant.chat(ana, first.conversation.pk, choice=option(first, "It is on hold"))
    assert [(o["id"], o["label"]) for o in at_article.options] == [
        ("s0", "That solved it"),
        ("n1", "Not solved"),
        ("handover", "Talk to a person"),
    ]

    solved = assistant.chat(ana, first.conversation.pk, choice="s0")

    assert solved.conversation.status == Conversation.Status.SOLVED
    assert [m.text for m in solved.messages] == ["Payouts are sent every 14 days."]
    assert kb.feedback() == [("payout-on-hold", True, "assistant")]


def test_an_article_that_did_not_help_leads_to_the_case_form_and_a_prefilled_routed_case(
    ana, kb, payments_flow, payments_team, tier1
):
    first = assistant.chat(ana, message=PAYOUT)
    conversation_id = first.conversation.pk
    at_article = assistant.chat(ana, conversation_id, choice=option(first, "It is on hold"))
    at_form = assistant.chat(ana, conversation_id, choice=option(at_article, "No, it is still on hold"))

    assert kb.feedback() == [("payout-on-hold", False, "assistant")]
    assert at_form.form == [
        {"name": "order_id", "label": "Order id", "required": True},
        {"name": "amount", "label": "Amount held", "required": False},
    ]
    assert option_ids(at_form) == ["handover"]

    result = assistant.chat(ana, conversation_id, form={"order_id": "112-1234567-1234567", "amount": "$1,200"})

    case = result.case
    assert result.conversation.status == Conversation.Status.HANDED_OVER
    assert result.conversation.case == case
    assert case.subject == "Payout on hold"
    assert case.category == "payments"
    assert case.order_id == "112-1234567-1234567"
    assert case.channel == Channel.CHAT
    assert case.team == payments_team  # routed like any payments case
    assert case.seller_account == ana.seller_account
    body = case.messages.get(author_role=Message.AuthorRole.SELLER).body
    # The whole conversation, in order, then the form and the reading.
    lines = body.splitlines()
    assert lines[0] == "Conversation with the Sellerdesk assistant:"
    order = [
        f"Seller: {PAYOUT}",
        "Assistant: This article may help: “Why is my payout on hold?”",
        "Assistant: What is happening with your payout?",
        "Seller: It is on hold",
        "Assistant: Did this solve it?",
        "Seller: No, it is still on hold",
        "Assistant: A payments specialist will look at it.",
        "Seller: Order id: 112-1234567-1234567",
        "Details given:",
        "- Order id: 112-1234567-1234567",
        "- Amount held: $1,200",
        "The assistant's reading: language en, category payments",
    ]
    positions = [body.index(piece) for piece in order]
    assert positions == sorted(positions)
    assert "/help/payout-on-hold/" in body
    assert result.messages[-1].text.startswith(f"I opened case {case.number} with this conversation.")


def test_a_required_field_left_empty_is_refused_next_to_it(ana, payments_flow, refused):
    first = assistant.chat(ana, message=PAYOUT)
    assistant.chat(ana, first.conversation.pk, choice=option(first, "It never arrived"))

    with refused("validation_error", "order_id"):
        assistant.chat(ana, first.conversation.pk, form={"amount": "40 EUR"})
    with refused("validation_error", "order_id"):
        assistant.chat(ana, first.conversation.pk, form={"order_id": "112 1234"})
    with refused("validation_error", "colour"):
        assistant.chat(ana, first.conversation.pk, form={"order_id": "A-1", "colour": "red"})
    assert Conversation.objects.get().status == Conversation.Status.OPEN


def test_talk_to_a_person_at_the_first_turn_opens_a_case_at_once(ana, tier1, payments_flow):
    result = assistant.chat(ana, handover=True, language="en")

    case = result.case
    assert case is not None
    assert result.conversation.status == Conversation.Status.HANDED_OVER
    assert case.subject == "Conversation with the assistant"
    assert case.team == tier1
    body = case.messages.get().body
    assert "Seller: Talk to a person" in body
    assert "The seller asked to talk to a person straight away." in body


def test_talk_to_a_person_with_the_first_message_keeps_it_and_its_references(ana, payments_team, tier1):
    text = "Order 112-7654321-7654321 was refunded twice and the second refund of $35 was taken from my payout."
    result = assistant.chat(ana, message=text, handover=True)

    case = result.case
    assert case.order_id == "112-7654321-7654321"
    assert case.subject == text
    body = case.messages.get().body
    assert f"Seller: {text}" in body
    assert "References found: orders: 112-7654321-7654321" in body
    # Asked for a person with the message: it is read for the case, not answered.
    assert [t.role for t in selectors.turns_of(result.conversation)] == ["seller", "seller", "assistant"]
    assert body.index(f"Seller: {text}") < body.index("Seller: Talk to a person")


def test_talk_to_a_person_is_offered_at_every_turn_and_a_repeat_returns_the_same_case(
    ana, tier1, payments_flow, refused
):
    first = assistant.chat(ana, message=PAYOUT)
    walked = assistant.chat(ana, first.conversation.pk, choice=option(first, "It is on hold"))
    assert "handover" in option_ids(first) and "handover" in option_ids(walked)

    handed = assistant.chat(ana, first.conversation.pk, choice="handover")
    again = assistant.chat(ana, first.conversation.pk, handover=True)

    assert again.case == handed.case
    assert again.messages == []
    assert Conversation.objects.get().case == handed.case
    from sellerdesk.cases.models import Case

    assert Case.objects.count() == 1
    with refused("conversation_handed_over"):
        assistant.chat(ana, first.conversation.pk, message="And another thing")


def test_business_stopped_now_makes_the_hand_over_case_urgent(ana, tier1):
    result = assistant.chat(
        ana, message="Our account was suspended this morning and all listings are down, we cannot sell anything."
    )
    assert result.conversation.state["triage"]["urgency"] == "critical"

    case = assistant.chat(ana, result.conversation.pk, handover=True).case
    assert case.urgent is True


def test_free_text_later_is_a_new_question_in_the_conversations_language(ana, payments_flow):
    first = assistant.chat(ana, message=PAGO)
    assert first.conversation.language == "es"

    later = assistant.chat(ana, first.conversation.pk, message="I also cannot reset my password, the login fails")

    assert later.conversation.language == "es"  # kept, though this message is English
    assert later.conversation.state["triage"]["category"] == "account_access"
    assert later.conversation.state["first_message"] == PAGO
    assert later.options[-1]["label"] == spanish("Talk to a person")


def test_only_offered_options_and_one_input_at_a_time_are_accepted(ana, payments_flow, refused):
    first = assistant.chat(ana, message=PAYOUT)
    with refused("validation_error", "choice"):
        assistant.chat(ana, first.conversation.pk, choice="n0")
    with refused("validation_error", "form"):
        assistant.chat(ana, first.conversation.pk, form={"order_id": "1"})
    with refused("validation_error", "message", "choice"):
        assistant.chat(ana, first.conversation.pk, message="hi", choice="o0")
    with refused("validation_error", "message"):
        assistant.chat(ana, first.conversation.pk, message="   ")
    with refused("validation_error", "message"):
        assistant.chat(ana, first.conversation.pk)
    with refused("validation_error", "message"):
        assistant.chat(ana, message="<b></b>")


def test_another_sellers_conversation_does_not_exist_and_agents_cannot_chat(ana, ben, agent, payments_flow, refused):
    first = assistant.chat(ana, message=PAYOUT)
    with refused("not_found"):
        assistant.chat(ben, first.conversation.pk, choice="o0")
    with refused("not_found"):
        selectors.conversation_for(ben, first.conversation.pk)
    with refused("permission_denied"):
        assistant.chat(agent, message=PAYOUT)


def test_the_sellers_incidents_are_shown_first(ana, payments_flow, support_admin):
    from sellerdesk.insights.services import create_incident

    create_incident(actor=support_admin, title="Payout delays", message="Payouts of 1 December are one day late.")

    result = assistant.chat(ana, message=PAYOUT)

    assert result.messages[0].text == "Known issue: Payout delays. Payouts of 1 December are one day late."
    assert result.incident == [{"title": "Payout delays", "message": "Payouts of 1 December are one day late."}]


def test_topics_are_offered_when_the_seller_says_it_is_something_else(ana, payments_flow):
    first = assistant.chat(ana, message=PAYOUT)
    topics = assistant.chat(ana, first.conversation.pk, choice="topics")
    assert topics.messages[-1].text == "Which of these is your question about?"
    assert option_ids(topics) == ["f-payments-test", "handover"]

    again = assistant.chat(ana, first.conversation.pk, choice="f-payments-test")
    assert again.messages[-1].text == "What is happening with your payout?"


def test_metrics_count_hand_overs_and_idle_conversations_as_abandoned(ana, tier1, payments_flow):
    start = clock.now()
    with clock.frozen_at(start - dt.timedelta(hours=30)):
        assistant.chat(ana, message=PAYOUT)  # left without an answer
    handed = assistant.chat(ana, message=PAYOUT)
    assistant.chat(ana, handed.conversation.pk, handover=True)
    assistant.chat(ana, message=PAYOUT)  # still going

    metrics = selectors.assistant_metrics(start - dt.timedelta(days=2))

    assert metrics["conversations"] == 3
    assert metrics["handed_over"] == 1 and metrics["solved"] == 0
    assert metrics["abandoned"] == 1 and metrics["open"] == 1
    assert metrics["handover_rate"] == 33.3 and metrics["deflection_rate"] == 0.0
    assert assistant.abandon_idle_conversations() == 1
    assert Conversation.objects.filter(status=Conversation.Status.ABANDONED).count() == 1
    assert selectors.assistant_metrics(start - dt.timedelta(days=2))["abandoned"] == 1
    idle = Conversation.objects.get(status=Conversation.Status.ABANDONED)
    assert assistant.chat(ana, idle.pk, message=PAYOUT).conversation.status == Conversation.Status.OPEN


def test_turns_are_append_only_records_of_both_sides(ana, payments_flow):
    first = assistant.chat(ana, message=PAYOUT)
    assistant.chat(ana, first.conversation.pk, choice=option(first, "Just a question"))
    roles = list(Turn.objects.filter(conversation=first.conversation).values_list("role", flat=True))
    assert roles == ["seller", "assistant", "assistant", "seller", "assistant"]
    assert Turn.objects.last().data["options"][0]["label"] == "Thanks, that answers it"


# --- the optional language model ---------------------------------------------------------------------


class FakeModel(BaseHTTPRequestHandler):
    """A tiny OpenAI-compatible endpoint: answers `reply`, fails with `status`, or is slow."""

    reply = "Your payout is held for 14 days after a bank account change."
    status = 200
    delay = 0.0
    seen: list = []

    def do_POST(self):  # noqa: N802 - the http.server API
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append({"path": self.path, "body": body, "auth": self.headers.get("Authorization")})
        time.sleep(self.delay)
        payload = json.dumps({"choices": [{"message": {"role": "assistant", "content": self.reply}}]}).encode()
        self.send_response(self.status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args):
        pass


@pytest.fixture
def model_server(settings):
    FakeModel.seen = []
    FakeModel.status, FakeModel.delay = 200, 0.0
    server = HTTPServer(("127.0.0.1", 0), FakeModel)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.SELLERDESK = {
        **settings.SELLERDESK,
        "ASSISTANT": {
            "LLM_URL": f"http://127.0.0.1:{server.server_port}/v1",
            "LLM_MODEL": "tiny",
            "LLM_API_KEY": "k",
            "LLM_TIMEOUT": 0.5,
        },
    }
    yield FakeModel
    server.shutdown()
    server.server_close()


def test_the_language_model_is_off_by_default_and_answers_stay_grounded(ana, payments_flow, settings):
    assert settings.SELLERDESK["ASSISTANT"]["LLM_URL"] is None
    assert llm.enabled() is False
    assert llm.rephrase("Grounded.", language="en", source="x") == "Grounded."
    answer = assistant.chat(ana, message=PAYOUT).messages[0]
    assert "grounded_text" not in answer.data


def test_a_configured_language_model_rephrases_the_grounded_answer_from_the_article_only(
    ana, payments_flow, model_server
):
    answer = assistant.chat(ana, message=PAYOUT).messages[0]

    assert answer.text == model_server.reply
    assert answer.data["grounded_text"].startswith("This article may help: “Why is my payout on hold?”\n")
    assert answer.data["articles"][0]["slug"] == "payout-on-hold"  # the link is still the article's
    call = model_server.seen[0]
    assert call["path"] == "/v1/chat/completions"
    assert call["auth"] == "Bearer k"
    assert call["body"]["model"] == "tiny"
    system, user = call["body"]["messages"]
    assert "add no fact" in system["content"] and "Why is my payout on hold?" in system["content"]
    assert "English" in system["content"]
    assert user["content"] == answer.data["grounded_text"]


@pytest.mark.parametrize("failure", ["error", "timeout", "rambling"])
def test_a_failing_language_model_leaves_the_grounded_answer(ana, payments_flow, model_server, failure):
    if failure == "error":
        model_server.status = 500
    elif failure == "timeout":
        model_server.delay = 1.0
    else:
        model_server.reply = "Payouts are held. " * 100

    answer = assistant.chat(ana, message=PAYOUT).messages[0]

    assert answer.text.startswith("This article may help: “Why is my payout on hold?”\n")
    assert "grounded_text" not in answer.data


def test_a_seller_writing_chinese_gets_a_chinese_article_from_the_knowledge_base(ana, tier1):
    from sellerdesk.knowledge.services import import_articles

    import_articles()
    result = assistant.chat(ana, message="你好，我的货款被冻结了两个星期，付款一直暂停，为什么？")

    assert result.conversation.language == "zh"
    articles = result.messages[0].data["articles"]
    assert articles[0]["language"] == "zh", articles
    assert "talk to a person" in result.options[-1]["label"].lower()
