"""The help centre pages: sellers at /portal/help/, agents at /workspace/knowledge/. Search,
browse, read (with the English fallback and the other languages), "did this help?" without
JavaScript, a way on to a case; who may open which page; articles render safely."""

import pytest
from django.urls import reverse

from sellerdesk.knowledge.models import Article, ArticleFeedback

pytestmark = pytest.mark.django_db

HELP = "/portal/help/"
KNOWLEDGE = "/workspace/knowledge/"


def test_the_help_centre_lists_articles_by_category_in_the_readers_language(kb, client_as, ana):
    page = client_as(ana).get(HELP, {"language": "es"}).content.decode()
    assert "¿Por qué mi pago está retenido y cuándo lo recibiré?" in page
    assert "I lost the phone for my two-step verification" in page  # no Spanish version: English
    assert "In English" in page
    assert "Issuing a manual reimbursement" not in page
    assert 'href="/portal/help/payout-on-hold/?language=es"' in page


def test_the_help_centre_searches_and_shows_summaries(kb, client_as, ana):
    page = client_as(ana).get(HELP, {"q": "payout on hold", "language": "en"}).content.decode()
    assert "Why is my payout on hold, and when will it be paid?" in page
    assert "A payout is held while a reserve covers open claims" in page


def test_a_search_without_results_offers_a_case(kb, client_as, ana):
    page = client_as(ana).get(HELP, {"q": "zeppelin", "category": "payments"}).content.decode()
    assert "No article matches" in page
    assert 'href="/portal/cases/new/?category=payments"' in page


def test_browsing_one_category_shows_its_articles_with_summaries(kb, client_as, ana):
    page = client_as(ana).get(HELP, {"category": "returns_refunds", "language": "en"}).content.decode()
    assert "How do I refund a buyer&#x27;s return?" in page
    assert "Refund within two business days" in page
    assert "Why is my payout on hold" not in page


def test_an_article_page_renders_the_body_links_and_the_other_languages(kb, client_as, ana):
    page = client_as(ana).get(reverse("portal:help_article", args=["payout-on-hold"]), {"language": "en"})
    html = page.content.decode()
    assert page.status_code == 200
    assert "<h2>Why payouts are held</h2>" in html
    assert '<a href="/portal/account/">your account</a>' in html
    assert 'href="/portal/help/payout-on-hold/?language=es"' in html
    assert 'href="/portal/help/payout-on-hold/?language=zh"' in html
    assert 'href="/portal/cases/new/?category=payments"' in html
    assert "Did this help?" in html


def test_an_untranslated_article_is_shown_in_english_with_a_note(kb, client_as, ana):
    html = client_as(ana).get(f"{HELP}lost-two-step-phone/", {"language": "es"}).content.decode()
    assert "is not written in Español yet" in html
    assert "I lost the phone for my two-step verification" in html


def test_feedback_works_without_javascript_and_a_second_answer_replaces_the_first(kb, client_as, ana):
    client = client_as(ana)
    url = f"{HELP}payout-on-hold/feedback/"
    response = client.post(url, {"helpful": "no", "comment": "Still <b>waiting</b>", "language": "es"}, follow=True)
    assert response.redirect_chain[-1][0] == "/portal/help/payout-on-hold/?language=es"
    html = response.content.decode()
    assert "open a case below" in html
    assert "You said this article did not help" in html
    client.post(url, {"helpful": "yes", "language": "es"})
    feedback = ArticleFeedback.objects.get(user=ana)
    assert (feedback.helpful, feedback.comment, feedback.source, feedback.article.language) == (True, "", "web", "es")


def test_feedback_without_an_answer_is_shown_in_place(kb, client_as, ana):
    response = client_as(ana).post(f"{HELP}payout-on-hold/feedback/", {"comment": "hm", "language": "en"})
    assert response.status_code == 400
    assert "Choose Yes or No." in response.content.decode()
    assert not ArticleFeedback.objects.exists()


def test_the_new_case_form_takes_its_category_from_the_link(client_as, ana):
    html = client_as(ana).get("/portal/cases/new/", {"category": "payments"}).content.decode()
    assert '<option value="payments" selected>' in html
    html = client_as(ana).get("/portal/cases/new/", {"category": "<nonsense>"}).content.decode()
    assert '<option value="" selected>' in html


def test_an_article_body_is_rendered_safely(kb, client_as, ana):
    Article.objects.filter(slug="payout-on-hold", language="en").update(
        body="Hi <script>alert(1)</script> [x](javascript:alert(2)) [y](/portal/)"
    )
    html = client_as(ana).get(f"{HELP}payout-on-hold/", {"language": "en"}).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<script>alert(1)" not in html
    assert 'href="javascript' not in html
    assert '<a href="/portal/">y</a>' in html


# --- who may open which page -----------------------------------------------------------------------


PAGES = [HELP, f"{HELP}payout-on-hold/", KNOWLEDGE, f"{KNOWLEDGE}payout-on-hold/"]
FEEDBACK = [f"{HELP}payout-on-hold/feedback/", f"{KNOWLEDGE}payout-on-hold/feedback/"]


@pytest.mark.parametrize("url", PAGES + FEEDBACK)
def test_anonymous_visitors_are_sent_to_sign_in(kb, client, url):
    response = client.post(url, {"helpful": "yes", "language": "en"}) if "feedback" in url else client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")
    assert not ArticleFeedback.objects.exists()


def test_sellers_never_see_agent_articles_or_the_workspace_pages(kb, client_as, ana):
    client = client_as(ana)
    assert client.get(f"{HELP}agent-manual-reimbursement/").status_code == 404
    post = client.post(f"{HELP}agent-manual-reimbursement/feedback/", {"helpful": "yes", "language": "en"})
    assert post.status_code == 404
    assert client.get(KNOWLEDGE).status_code == 404
    assert client.get(f"{KNOWLEDGE}payout-on-hold/").status_code == 404
    assert (
        "agent-manual-reimbursement" not in client.get(HELP, {"q": "manual reimbursement capability"}).content.decode()
    )
    assert not ArticleFeedback.objects.exists()


def test_agents_use_the_workspace_knowledge_base_with_both_audiences(kb, client_as, agent):
    client = client_as(agent)
    assert client.get(HELP).status_code == 404
    html = client.get(KNOWLEDGE, {"q": "manual reimbursement capability"}).content.decode()
    assert 'href="/workspace/knowledge/agent-manual-reimbursement/?language=en"' in html
    page = client.get(f"{KNOWLEDGE}agent-manual-reimbursement/")
    assert page.status_code == 200
    assert "Internal" in page.content.decode()
    assert "Open a case" not in page.content.decode().split("<main")[1]
    response = client.post(f"{KNOWLEDGE}agent-manual-reimbursement/feedback/", {"helpful": "yes", "language": "en"})
    assert response.status_code == 302
    assert ArticleFeedback.objects.get(user=agent).article.audience == "agent"


def test_the_navigation_links_to_the_help_centre(kb, client_as, ana, agent):
    assert 'href="/portal/help/"' in client_as(ana).get("/portal/").content.decode()
    assert 'href="/workspace/knowledge/"' in client_as(agent).get("/workspace/").content.decode()


def test_unpublished_articles_are_gone_from_the_pages(kb, client_as, ana):
    Article.objects.filter(slug="payout-on-hold").update(published=False)
    client = client_as(ana)
    assert client.get(f"{HELP}payout-on-hold/").status_code == 404
    assert "payout-on-hold" not in client.get(HELP, {"language": "en"}).content.decode()
    assert "payout-on-hold" not in client.get(HELP, {"q": "payout on hold"}).content.decode()
