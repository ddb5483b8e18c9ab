"""What the assistant's answers stand on: the knowledge base's articles (search, one article by
slug, "did this help?" feedback) and the incident banners of the seller's account."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

from sellerdesk.core.errors import SellerdeskError
from sellerdesk.insights.incidents import active_for
from sellerdesk.knowledge import selectors as knowledge_selectors
from sellerdesk.knowledge import services as knowledge_services
from sellerdesk.knowledge.search import article_url, search

logger = logging.getLogger("sellerdesk.assistant")


@dataclass(frozen=True)
class ArticleRef:
    """An article as the assistant shows it: its title, summary and link, in one language."""

    slug: str
    language: str
    title: str
    summary: str
    url: str

    def as_dict(self) -> dict:
        return asdict(self)


def search_articles(query: str, *, language: str, category: str | None = None, limit: int = 3) -> list[ArticleRef]:
    """Seller-facing articles for this text, best first: in the category first, then in any."""
    hits = search(query, language=language, audience="seller", category=category, limit=limit)
    if not hits and category:
        hits = search(query, language=language, audience="seller", category=None, limit=limit)
    return [
        ArticleRef(slug=hit.slug, language=hit.language, title=hit.title, summary=hit.summary, url=hit.url)
        for hit in hits[:limit]
    ]


def article(user, slug: str, language: str) -> ArticleRef | None:
    """One article this seller may read, by its slug: in this language, else in English."""
    try:
        found, _fallback = knowledge_selectors.article_for(user, slug, language)
    except SellerdeskError:
        return None
    return ArticleRef(
        slug=found.slug,
        language=found.language,
        title=found.title,
        summary=found.summary,
        url=article_url(found.slug, found.language),
    )


def give_feedback(user, *, slug: str, language: str, helpful: bool) -> None:
    """Records the seller's "did this help?" on an article, as feedback from the assistant. The
    conversation goes on even if the knowledge base refuses it (say, the article was withdrawn)."""
    try:
        knowledge_services.give_feedback(user, slug, language, helpful, "", "assistant")
    except SellerdeskError as error:
        logger.warning("Feedback on article %s (%s) was not recorded: %s", slug, language, error.message)


def incidents_for(account, language: str = "en") -> list[dict]:
    """The active incident banners that concern this seller account, in this language where the
    incident has it: [{title, message}]."""
    return [{"title": item.title_in(language), "message": item.message_in(language)} for item in active_for(account)]
