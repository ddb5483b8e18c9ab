"""Reading the knowledge base: which articles a user may read, one article with its fallback to
English, browsing by category, the other languages of an article and a reader's own answer.

The rule: sellers (and anyone not an agent) read published seller articles only; an agent article
does not exist for them (404). Agents, leads and admins read both audiences."""

from __future__ import annotations

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.core.errors import not_found

from .models import FALLBACK_LANGUAGE, Article, ArticleFeedback, Audience


def audiences_for(user) -> tuple[str, ...]:
    """The audiences whose articles this user may read."""
    if user is not None and permissions.can_see_internal(user):
        return (Audience.SELLER, Audience.AGENT)
    return (Audience.SELLER,)


def readable(user, audience: str | None = None):
    """Published articles this user may read; `audience` narrows to one of them (None: all)."""
    allowed = audiences_for(user)
    if audience is not None:
        allowed = tuple(a for a in allowed if a == audience)
    return Article.objects.filter(published=True, audience__in=allowed)


def article_for(user, slug: str, language: str) -> tuple[Article, bool]:
    """The article in this language, or else in English; and whether it is that fallback. An
    article the user may not read, or that does not exist, is `not_found`."""
    found = {a.language: a for a in readable(user).filter(slug=slug, language__in={language, FALLBACK_LANGUAGE})}
    if language in found:
        return found[language], False
    if FALLBACK_LANGUAGE in found:
        return found[FALLBACK_LANGUAGE], True
    raise not_found(_("There is no such article."))


def browse(user, *, language: str, category: str | None = None, audience: str | None = None) -> list[Article]:
    """The articles to list in this language, by category and title: each slug once, in this
    language where it exists, else in English with `fallback` set on it."""
    qs = readable(user, audience).filter(language__in={language, FALLBACK_LANGUAGE})
    if category:
        qs = qs.filter(category=category)
    chosen: dict[str, Article] = {}
    for article in qs.only("slug", "language", "audience", "category", "title", "summary"):
        if article.slug not in chosen or article.language == language:
            chosen[article.slug] = article
    for article in chosen.values():
        article.fallback = article.language != language
    return sorted(chosen.values(), key=lambda a: (a.category, a.title.casefold()))


def category_counts(user, *, language: str, audience: str | None = None) -> dict[str, int]:
    """How many articles each category has for this reader (counting each slug once)."""
    rows = (
        readable(user, audience)
        .filter(language__in={language, FALLBACK_LANGUAGE})
        .values("category")
        .annotate(count=Count("slug", distinct=True))
    )
    return {row["category"]: row["count"] for row in rows}


def languages_of(user, article: Article) -> list[str]:
    """The languages this user may read the article in (its own included)."""
    return list(readable(user).filter(slug=article.slug).order_by("language").values_list("language", flat=True))


def feedback_of(user, article: Article) -> ArticleFeedback | None:
    """The reader's own answer on this article, if any."""
    if user is None or not user.is_authenticated:
        return None
    return ArticleFeedback.objects.filter(article=article, user=user).first()


def with_feedback_counts(qs):
    """Articles annotated with how many readers found them helpful and not helpful (for the admin)."""
    return qs.annotate(
        helpful_count=Count("feedback", filter=Q(feedback__helpful=True)),
        not_helpful_count=Count("feedback", filter=Q(feedback__helpful=False)),
    )
