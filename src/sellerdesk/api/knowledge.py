"""The knowledge base: searching and browsing articles, reading one (with its fallback to English)
and "did this help?" feedback. Sellers read seller articles only; agents read both audiences."""

from dataclasses import asdict
from datetime import datetime
from typing import Literal

from django.http import HttpRequest
from django.utils import translation
from ninja import Path, Query, Router
from pydantic import Field, StrictBool

from sellerdesk.accounts import permissions
from sellerdesk.knowledge import selectors, services
from sellerdesk.knowledge.markdown import render
from sellerdesk.knowledge.models import COMMENT_MAX, FeedbackSource
from sellerdesk.knowledge.search import article_url, normalise_language, search

from .cases import CategoryName
from .schemas import ERRORS, Out, StrictSchema

router = Router(tags=["knowledge"])

LANGUAGE = r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})?$"
AudienceName = Literal["seller", "agent"]
SLUG_PATH = Path(..., max_length=80, pattern=r"^[a-z0-9]+(?:-[a-z0-9]+)*$", description="The article's slug.")


class ArticlesQuery(StrictSchema):
    q: str | None = Field(None, max_length=500, description="Words to search for; without it, a list by category.")
    language: str | None = Field(
        None, pattern=LANGUAGE, description="Articles in this language, else English; default: Accept-Language."
    )
    category: CategoryName | None = Field(None, description="Only articles of this category.")
    audience: AudienceName | None = Field(None, description="Agents may ask for one audience; sellers read 'seller'.")
    limit: int = Field(10, ge=1, le=50, description="The most search results to give (a list is not limited).")


class ArticleQuery(StrictSchema):
    language: str | None = Field(None, pattern=LANGUAGE)


class ArticleItemOut(Out):
    slug: str
    language: str
    title: str
    summary: str
    category: str
    audience: str
    url: str
    fallback: bool = Field(description="In English because the article is not written in the language asked.")
    score: float | None = Field(description="The search score (higher is better); null in a list.")


class ArticleListOut(Out):
    count: int
    results: list[ArticleItemOut]


class FeedbackOut(Out):
    slug: str
    language: str
    helpful: bool
    comment: str
    source: str
    updated_at: datetime


class ArticleOut(Out):
    slug: str
    language: str
    title: str
    summary: str
    category: str
    audience: str
    body: str = Field(description="The article in its Markdown subset.")
    body_html: str = Field(description="The body as safe HTML, links resolved.")
    keywords: list[str]
    version: int
    updated_at: datetime
    url: str
    fallback: bool
    languages: list[str] = Field(description="The languages this article is written in.")
    my_feedback: FeedbackOut | None


class FeedbackIn(StrictSchema):
    helpful: StrictBool
    comment: str = Field("", max_length=COMMENT_MAX)
    language: str = Field("en", pattern=LANGUAGE, description="The language of the article the reader was shown.")


def _language(value: str | None) -> str:
    return normalise_language(value or translation.get_language())


def _feedback_out(feedback) -> dict | None:
    if feedback is None:
        return None
    return {
        "slug": feedback.article.slug,
        "language": feedback.article.language,
        "helpful": feedback.helpful,
        "comment": feedback.comment,
        "source": feedback.source,
        "updated_at": feedback.updated_at,
    }


@router.get("/knowledge/articles", response={200: ArticleListOut, **ERRORS})
def list_articles(request: HttpRequest, filters: Query[ArticlesQuery]):
    """Signed-in users: search the articles with `q` (best first), or list them by category. Each
    article once, in the language asked where it is written, else in English (`fallback`)."""
    user = request.auth
    language = _language(filters.language)
    allowed = selectors.audiences_for(user)
    if filters.audience and filters.audience not in allowed:
        return {"count": 0, "results": []}
    audience = filters.audience or (None if len(allowed) > 1 else allowed[0])
    workspace = permissions.can_see_internal(user)
    if filters.q and filters.q.strip():
        hits = search(filters.q, language=language, audience=audience, category=filters.category, limit=filters.limit)
        results = [{**asdict(hit), "url": article_url(hit.slug, hit.language, workspace=workspace)} for hit in hits]
    else:
        results = [
            {
                "slug": a.slug,
                "language": a.language,
                "title": a.title,
                "summary": a.summary,
                "category": a.category,
                "audience": a.audience,
                "url": article_url(a.slug, a.language, workspace=workspace),
                "fallback": a.fallback,
                "score": None,
            }
            for a in selectors.browse(user, language=language, category=filters.category, audience=audience)
        ]
    return {"count": len(results), "results": results}


@router.get("/knowledge/articles/{slug}", response={200: ArticleOut, **ERRORS})
def read_article(request: HttpRequest, filters: Query[ArticleQuery], slug: str = SLUG_PATH):
    """One article in the language asked, else in English (`fallback`). An article the reader may
    not read (an agent article, for a seller) does not exist for them: 404."""
    user = request.auth
    article, fallback = selectors.article_for(user, slug, _language(filters.language))
    workspace = permissions.can_see_internal(user)
    return {
        "slug": article.slug,
        "language": article.language,
        "title": article.title,
        "summary": article.summary,
        "category": article.category,
        "audience": article.audience,
        "body": article.body,
        "body_html": str(
            render(article.body, article_url=lambda s: article_url(s, article.language, workspace=workspace))
        ),
        "keywords": [k.strip() for k in article.keywords.split(",") if k.strip()],
        "version": article.version,
        "updated_at": article.updated_at,
        "url": article_url(article.slug, article.language, workspace=workspace),
        "fallback": fallback,
        "languages": selectors.languages_of(user, article),
        "my_feedback": _feedback_out(selectors.feedback_of(user, article)),
    }


@router.post("/knowledge/articles/{slug}/feedback", response={200: FeedbackOut, **ERRORS})
def article_feedback(request: HttpRequest, payload: FeedbackIn, slug: str = SLUG_PATH):
    """Did this article help? One answer per user and article: sending again replaces it."""
    feedback = services.give_feedback(
        request.auth, slug, _language(payload.language), payload.helpful, payload.comment, FeedbackSource.API
    )
    return _feedback_out(feedback)
