"""What the assistant's answers stand on: the knowledge base's articles (search, one article by
slug, "did this help?" feedback) and the incident banners of the seller's account. Each is read
from its own package, imported when used, so the assistant still answers (with a hand-over) where
one of them is not installed."""

from __future__ import annotations

import logging
from dataclasses import asdict, dataclass

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


def _knowledge() -> bool:
    from django.apps import apps

    return apps.is_installed("sellerdesk.knowledge")


def _url(slug: str, language: str) -> str:
    try:
        from sellerdesk.knowledge.search import article_url
    except ImportError:
        return f"/portal/help/{slug}/?language={language}"
    return article_url(slug, language)


def search_articles(query: str, *, language: str, category: str | None = None, limit: int = 3) -> list[ArticleRef]:
    """Seller-facing articles for this text, best first: in the category first, then in any."""
    if not _knowledge():
        return []
    try:
        from sellerdesk.knowledge.search import search
    except ImportError:
        return []
    hits = list(search(query, language=language, audience="seller", category=category, limit=limit))
    if not hits and category:
        hits = list(search(query, language=language, audience="seller", category=None, limit=limit))
    return [
        ArticleRef(
            slug=hit.slug,
            language=hit.language,
            title=hit.title,
            summary=hit.summary,
            url=getattr(hit, "url", None) or _url(hit.slug, hit.language),
        )
        for hit in hits[:limit]
    ]


def article(user, slug: str, language: str) -> ArticleRef | None:
    """One article this seller may read, by its slug: in this language, else in English."""
    if not _knowledge():
        return None
    try:
        from sellerdesk.knowledge import selectors
    except ImportError:
        return None
    from sellerdesk.core.errors import SellerdeskError

    try:
        found, _fallback = selectors.article_for(user, slug, language)
    except SellerdeskError:
        return None
    return ArticleRef(
        slug=found.slug,
        language=found.language,
        title=found.title,
        summary=found.summary,
        url=_url(found.slug, found.language),
    )


def give_feedback(user, *, slug: str, language: str, helpful: bool) -> None:
    """Records the seller's "did this help?" on an article, as feedback from the assistant. The
    conversation goes on even if the knowledge base refuses it (say, the article was withdrawn)."""
    if not _knowledge():
        return
    try:
        from sellerdesk.knowledge.services import give_feedback as record
    except ImportError:
        return
    from sellerdesk.core.errors import SellerdeskError

    try:
        record(user, slug, language, helpful, "", "assistant")
    except SellerdeskError as error:
        logger.warning("Feedback on article %s (%s) was not recorded: %s", slug, language, error.message)


def incidents_for(account, language: str = "en") -> list[dict]:
    """The active incident banners that concern this seller account, in this language where the
    incident has it: [{title, message}]."""
    try:
        from sellerdesk.insights.incidents import active_for
    except ImportError:
        return []

    def said(item, name: str) -> str:
        localised = getattr(item, f"{name}_in", None)
        return str(localised(language) if callable(localised) else getattr(item, name))

    return [{"title": said(item, "title"), "message": said(item, "message")} for item in active_for(account)]
