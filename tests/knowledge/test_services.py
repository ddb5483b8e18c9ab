"""Operators' edits (each a version with its editor; operators only; the file rules apply),
feedback at the service level (one per user; sanitised), and what the assistant reads."""

import pytest

from sellerdesk.knowledge import selectors
from sellerdesk.knowledge.models import Article, ArticleFeedback, ArticleVersion
from sellerdesk.knowledge.services import give_feedback, save_article

pytestmark = pytest.mark.django_db

NEW = {
    "slug": "holiday-cutoffs",
    "language": "en",
    "category": "order_fulfillment",
    "audience": "seller",
    "title": "Holiday shipping cut-offs",
    "summary": "Ship by the cut-off on the order page.",
    "body": "Check the order page for the **ship-by** date.",
    "keywords": "holiday,  cut-off ,christmas",
}


def test_an_operator_creates_and_edits_an_article_each_save_a_version(kb, support_admin):
    article = save_article(support_admin, **NEW)
    assert (article.version, article.keywords, article.updated_by) == (1, "holiday, cut-off, christmas", support_admin)
    save_article(support_admin, **{**NEW, "summary": "Ship before the cut-off."})
    save_article(support_admin, **{**NEW, "summary": "Ship before the cut-off."})  # no change: no version
    article.refresh_from_db()
    assert article.version == 2
    history = list(ArticleVersion.objects.filter(article=article).values_list("version", "summary", "edited_by"))
    assert sorted(history) == [
        (1, "Ship by the cut-off on the order page.", support_admin.pk),
        (2, "Ship before the cut-off.", support_admin.pk),
    ]


def test_only_operators_edit_articles(kb, agent, ana, refused):
    for user in (agent, ana):
        with refused("permission_denied"):
            save_article(user, **NEW)
    assert not Article.objects.filter(slug="holiday-cutoffs").exists()


def test_an_edit_keeps_the_rules_of_the_files(kb, support_admin, refused):
    with refused("validation_error", "body", "category", "slug"):
        save_article(
            support_admin, **{**NEW, "slug": "Bad Slug", "category": "money", "body": "[x](javascript:alert(1))"}
        )


def test_feedback_is_one_per_user_and_its_comment_is_cleaned(kb, ana, refused):
    give_feedback(ana, "payout-on-hold", "en", False, "<script>x</script>Not <b>clear</b>", "assistant")
    give_feedback(ana, "payout-on-hold", "en", True, "", "web")
    feedback = ArticleFeedback.objects.get()
    assert (feedback.helpful, feedback.comment, feedback.source) == (True, "", "web")
    with refused("validation_error", "source"):
        give_feedback(ana, "payout-on-hold", "en", True, "", "carrier-pigeon")
    with refused("not_found"):
        give_feedback(ana, "agent-manual-reimbursement", "en", True)


def test_the_comment_is_stored_without_markup(kb, ben):
    feedback = give_feedback(ben, "payout-on-hold", "es", False, "No <b>clear</b>")
    assert feedback.comment == "No clear"


def test_the_assistant_reads_seller_articles_with_the_english_fallback(kb, ana):
    article, fallback = selectors.article_for(ana, "lost-two-step-phone", "es")
    assert (article.language, fallback) == ("en", True)
    give_feedback(ana, "payout-on-hold", "es", False, "", "assistant")
    assert ArticleFeedback.objects.get(user=ana).source == "assistant"
