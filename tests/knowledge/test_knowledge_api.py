"""/api/v1/knowledge: search and list, read one article (with its English fallback), "did this
help?" once per user; sellers never see agent articles; signed-in users only; triage suggests
articles."""

import pytest

from sellerdesk.knowledge.models import ArticleFeedback
from tests.api.test_tiered_api import assert_error

pytestmark = pytest.mark.django_db

ARTICLES = "/api/v1/knowledge/articles"


def test_anonymous_callers_are_refused_everywhere(kb, api_as):
    anonymous = api_as()
    assert_error(anonymous.get(ARTICLES), 401, "not_authenticated")
    assert_error(anonymous.get(f"{ARTICLES}/payout-on-hold"), 401, "not_authenticated")
    assert_error(
        anonymous.post(f"{ARTICLES}/payout-on-hold/feedback", {"helpful": True, "language": "en"}),
        401,
        "not_authenticated",
    )


def test_search_returns_the_best_articles_in_the_language_asked(kb, api_as, ana):
    body = api_as(ana).get(ARTICLES, q="devolución reembolso", language="es").json()
    first = body["results"][0]
    assert (first["slug"], first["language"], first["fallback"]) == ("return-refund-window", "es", False)
    assert first["url"] == "/portal/help/return-refund-window/?language=es"
    assert first["score"] > 0


def test_the_list_by_category_falls_back_to_english_per_article(kb, api_as, ana):
    body = api_as(ana).get(ARTICLES, language="es", category="account_access").json()
    assert [(r["slug"], r["language"], r["fallback"], r["score"]) for r in body["results"]] == [
        ("lost-two-step-phone", "en", True, None)
    ]
    everything = api_as(ana).get(ARTICLES, language="es").json()
    assert everything["count"] == 5  # every seller article once
    assert {r["slug"]: r["language"] for r in everything["results"]}["payout-on-hold"] == "es"


def test_sellers_never_get_agent_articles(kb, api_as, ana):
    as_ana = api_as(ana)
    slugs = {r["slug"] for r in as_ana.get(ARTICLES, language="en").json()["results"]}
    assert "agent-manual-reimbursement" not in slugs
    assert as_ana.get(ARTICLES, q="manual reimbursement capability", audience="agent").json()["results"] == []
    assert_error(as_ana.get(f"{ARTICLES}/agent-manual-reimbursement"), 404, "not_found")
    assert_error(
        as_ana.post(f"{ARTICLES}/agent-manual-reimbursement/feedback", {"helpful": True, "language": "en"}),
        404,
        "not_found",
    )


def test_agents_read_both_audiences(kb, api_as, agent):
    as_agent = api_as(agent)
    hits = as_agent.get(ARTICLES, q="manual reimbursement capability").json()["results"]
    assert hits[0]["slug"] == "agent-manual-reimbursement"
    assert hits[0]["url"] == "/workspace/knowledge/agent-manual-reimbursement/?language=en"
    only_agents = as_agent.get(ARTICLES, audience="agent").json()["results"]
    assert [r["slug"] for r in only_agents] == ["agent-manual-reimbursement"]
    assert as_agent.get(f"{ARTICLES}/agent-manual-reimbursement").json()["audience"] == "agent"


def test_one_article_in_the_language_asked_or_else_english(kb, api_as, ana):
    as_ana = api_as(ana)
    body = as_ana.get(f"{ARTICLES}/payout-on-hold", language="zh").json()
    assert (body["language"], body["fallback"]) == ("zh", False)
    assert body["languages"] == ["en", "es", "zh"]
    assert body["my_feedback"] is None
    english = as_ana.get(f"{ARTICLES}/payout-on-hold", language="en").json()
    assert '<a href="/portal/account/">your account</a>' in english["body_html"]
    assert '<a href="/portal/help/return-refund-window/?language=en">refunds</a>' in english["body_html"]
    fallback = as_ana.get(f"{ARTICLES}/lost-two-step-phone", language="es").json()
    assert (fallback["language"], fallback["fallback"]) == ("en", True)
    assert_error(as_ana.get(f"{ARTICLES}/no-such-article"), 404, "not_found")


def test_feedback_is_one_answer_per_user_that_a_second_answer_replaces(kb, api_as, ana, ben):
    as_ana = api_as(ana)
    url = f"{ARTICLES}/payout-on-hold/feedback"
    first = as_ana.post(url, {"helpful": False, "comment": "<b>Still</b> no money", "language": "es"})
    assert first.status_code == 200, first.content
    assert first.json()["comment"] == "Still no money"
    again = as_ana.post(url, {"helpful": True, "language": "es"}).json()
    assert (again["helpful"], again["comment"], again["language"], again["source"]) == (True, "", "es", "api")
    api_as(ben).post(url, {"helpful": False, "language": "es"})
    assert ArticleFeedback.objects.filter(article__slug="payout-on-hold", article__language="es").count() == 2
    assert as_ana.get(f"{ARTICLES}/payout-on-hold", language="es").json()["my_feedback"]["helpful"] is True


def test_feedback_on_an_untranslated_article_counts_for_the_english_one(kb, api_as, ana):
    body = api_as(ana).post(f"{ARTICLES}/lost-two-step-phone/feedback", {"helpful": True, "language": "es"}).json()
    assert body["language"] == "en"


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"language": "en"}, "helpful"),
        ({"helpful": "yes", "language": "en"}, "helpful"),
        ({"helpful": True, "language": "<script>"}, "language"),
        ({"helpful": True, "language": "en", "comment": "x" * 2001}, "comment"),
        ({"helpful": True, "language": "en", "extra": 1}, "extra"),
    ],
)
def test_bad_feedback_is_a_422_with_the_field(kb, api_as, ana, payload, field):
    response = api_as(ana).post(f"{ARTICLES}/payout-on-hold/feedback", payload)
    assert response.status_code == 422, response.content
    assert response.json()["code"] == "validation_error"


def test_bad_list_parameters_are_a_422(kb, api_as, ana):
    assert_error(api_as(ana).get(ARTICLES, category="money"), 422, "validation_error")
    assert_error(api_as(ana).get(ARTICLES, audience="everyone"), 422, "validation_error")
    assert_error(api_as(ana).get(ARTICLES, limit=0), 422, "validation_error")


def test_triage_answers_with_the_top_articles_for_the_text(kb, api_as, ana):
    text = "Hola, mi pago está retenido desde hace una semana por una reserva. ¿Cuándo recibiré el dinero?"
    body = api_as(ana).post("/api/v1/assistant/triage", {"text": text}).json()
    assert body["language"]["value"] == "es"
    first = body["articles"][0]
    assert (first["slug"], first["language"], first["fallback"]) == ("payout-on-hold", "es", False)
    assert set(first) == {"slug", "title", "summary", "url", "language", "fallback"}
    assert all(a["slug"] != "agent-manual-reimbursement" for a in body["articles"])


@pytest.mark.parametrize("slug", ["Bad_Slug", "a%00b", "x" * 81])
def test_a_malformed_slug_is_a_422_not_a_server_error(kb, api_as, ana, slug):
    assert_error(api_as(ana).get(f"{ARTICLES}/{slug}"), 422, "validation_error")
    response = api_as(ana).post(f"{ARTICLES}/{slug}/feedback", {"helpful": True, "language": "en"})
    assert response.status_code == 422
