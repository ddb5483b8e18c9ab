"""The virtual assistant in a real browser: a seller describes her problem in Spanish, gets a Spanish
article, walks the guide to the article step and says it did not help, then talks to a person — and
lands on the new case, whose first message holds the whole conversation."""

import re
from collections import deque

import pytest
from django.utils import translation
from django.utils.translation import gettext as _
from playwright.sync_api import expect

from sellerdesk.assistant import services as assistant
from sellerdesk.assistant.flows import text_in
from sellerdesk.assistant.models import Conversation, Flow
from sellerdesk.assistant.triage import get_artefact
from sellerdesk.cases.models import Case, Channel
from tests.assistant.conftest import ARTICLES, flow_definition
from tests.factories import SellerAccountFactory, SellerFactory, TeamFactory

pytestmark = pytest.mark.django_db(transaction=True)

PAGO = "Hola, mi pago lleva dos semanas retenido y no sé por qué"


@pytest.fixture
def content(seeded_configuration):
    """The shipped articles and flows; where the payments flow is not written yet, a small one."""
    from django.apps import apps

    from sellerdesk.knowledge.services import import_articles

    import_articles()
    assistant.import_flows()
    if not Flow.objects.filter(category="payments", active=True).exists():
        Article = apps.get_model("knowledge", "Article")
        for row in ARTICLES:
            Article.objects.get_or_create(
                slug=row["slug"], language=row["language"], defaults={**row, "body": row["summary"]}
            )
        assistant.save_flow(actor=None, definition=flow_definition())
    # Load the triage model now, not inside the first request of the test.
    get_artefact()


@pytest.fixture
def seller(content):
    TeamFactory(name="Pagos", tier="payments", languages=["en", "es"], categories=["payments"])
    TeamFactory(name="Nivel 1", tier="tier1", languages=["en", "es"], categories=[])
    account = SellerAccountFactory(name="Cerámica Triana", languages=["es"])
    return SellerFactory(username="lucia", first_name="Lucía", seller_account=account)


def path_to_an_article(flow: Flow) -> list[str]:
    """The option labels (in Spanish) that lead from the flow's start to its first article step."""
    nodes = flow.definition["nodes"]
    todo = deque([(flow.definition["start"], [])])
    seen = set()
    while todo:
        node_id, labels = todo.popleft()
        if node_id in seen:
            continue
        seen.add(node_id)
        node = nodes[node_id]
        if node["type"] == "article":
            return labels
        for option in node.get("options", []):
            todo.append((option["next"], [*labels, text_in(option["label"], "es")]))
    raise AssertionError(f"the flow {flow.slug} has no article step")


def test_a_seller_writing_spanish_gets_an_article_says_it_did_not_help_and_talks_to_a_person(person, seller):
    browser = person()
    page = browser.sign_in("lucia")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Assistant").click()
    expect(page.get_by_role("heading", name="Assistant")).to_be_visible()

    page.get_by_label("Your message").fill(PAGO)
    page.get_by_role("button", name="Send").click()

    conversation = page.locator("#conversation")
    expect(conversation).to_contain_text(PAGO)
    article = conversation.locator(".chat-articles a").first
    expect(article).to_have_attribute("lang", "es")
    expect(article).to_have_attribute("href", re.compile(r"^/portal/help/[\w-]+/\?language=es$"))
    article_title = article.inner_text()
    chat = Conversation.objects.get()
    assert chat.language == "es"
    flow = Flow.objects.get(slug=chat.state["flow"])
    assert flow.category == "payments"

    # Walk the guide to its article step, then say it did not help.
    for label in path_to_an_article(flow):
        page.locator(".chat-options").get_by_role("button", name=label, exact=True).click()
    with translation.override("es"):
        asked = _("Did this solve it?")
    expect(page.locator("#latest")).to_contain_text(asked)
    not_solved = page.locator('.chat-options button[value^="n"], .chat-options button[value="not-solved"]').first
    said_no = not_solved.inner_text()
    not_solved.click()
    expect(conversation).to_contain_text(said_no)

    page.locator("#talk-to-a-person").click()

    expect(page).to_have_url(re.compile(r"/portal/cases/\d+/$"))
    case = Case.objects.get()
    assert case.channel == Channel.CHAT and case.category == "payments" and case.language == "es"
    assert case.team.name == "Pagos"
    first_message = page.locator(".message-body").first
    expect(first_message).to_contain_text(PAGO)
    expect(first_message).to_contain_text(article_title)
    expect(first_message).to_contain_text(said_no)
    with translation.override("es"):
        expect(first_message).to_contain_text(_("Conversation with the Sellerdesk assistant:"))
        expect(first_message).to_contain_text(f"{_('Seller')}: {_('Talk to a person')}")
    chat.refresh_from_db()
    assert chat.status == Conversation.Status.HANDED_OVER and chat.case == case
    assert browser.errors == []
