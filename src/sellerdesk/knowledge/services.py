"""Every change to the knowledge base: importing the content files, operators' edits and readers'
feedback. Each change to an article is a new ArticleVersion, written in the same transaction."""

from __future__ import annotations

from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from sellerdesk.accounts import permissions
from sellerdesk.accounts.models import User
from sellerdesk.core import clock
from sellerdesk.core.errors import validation_error
from sellerdesk.core.text import clean_text

from . import selectors
from .content import ArticleFile, field_errors, parse_directory
from .models import COMMENT_MAX, Article, ArticleFeedback, ArticleVersion, FeedbackSource

# The fields that make an article's content: a change to any of them is a new version.
CONTENT_FIELDS = ("category", "audience", "title", "summary", "body", "keywords", "published")


def _record_version(article: Article, actor: User | None) -> ArticleVersion:
    return ArticleVersion.objects.create(
        article=article,
        version=article.version,
        category=article.category,
        audience=article.audience,
        title=article.title,
        summary=article.summary,
        body=article.body,
        keywords=article.keywords,
        published=article.published,
        edited_by=actor,
        created_at=article.updated_at,
    )


@transaction.atomic
def import_articles(path: Path | str | None = None) -> dict[str, int]:
    """Loads the article files (default: the shipped `knowledge/content`). Idempotent: a new file
    creates its article, a changed file adds a version (the file wins over an operator's edit made
    since the last import, which stays in the history), an unchanged file leaves its article alone —
    operators' edits included. Nothing is ever deleted. Any bad file stops the whole import
    (ContentError, with every file and reason) before anything is written."""
    files = parse_directory(path)
    existing = {(a.slug, a.language): a for a in Article.objects.all()}
    counts = {"created": 0, "updated": 0, "unchanged": 0}
    now = clock.now()
    for file in files:
        article = existing.get((file.slug, file.language))
        if article is None:
            article = Article.objects.create(**_file_fields(file), created_at=now, updated_at=now)
            _record_version(article, None)
            counts["created"] += 1
        elif article.source_hash == file.source_hash:
            counts["unchanged"] += 1
        else:
            for field, value in _file_fields(file).items():
                setattr(article, field, value)
            article.version += 1
            article.updated_at = now
            article.updated_by = None
            article.save()
            _record_version(article, None)
            counts["updated"] += 1
    return counts


def _file_fields(file: ArticleFile) -> dict:
    return {
        "slug": file.slug,
        "language": file.language,
        "category": file.category,
        "audience": file.audience,
        "title": file.title,
        "summary": file.summary,
        "body": file.body,
        "keywords": file.keywords,
        "source_hash": file.source_hash,
    }


@transaction.atomic
def save_article(
    actor: User,
    *,
    slug: str,
    language: str,
    category: str,
    audience: str,
    title: str,
    summary: str,
    body: str,
    keywords: str = "",
    published: bool = True,
) -> Article:
    """An operator creates or edits the article (slug, language). Operators only; the fields keep
    the rules of the content files. Every save that changes something is a new version with its
    editor; a save that changes nothing writes nothing."""
    permissions.require_operator(actor, "edit articles")
    values = {
        "slug": (slug or "").strip(),
        "language": language,
        "category": category,
        "audience": audience,
        "title": (title or "").strip(),
        "summary": (summary or "").strip(),
        "body": (body or "").replace("\r\n", "\n").strip("\n"),
        "keywords": ", ".join(word.strip() for word in (keywords or "").split(",") if word.strip()),
        "published": bool(published),
    }
    errors = field_errors(values)
    if errors:
        raise validation_error(errors)
    now = clock.now()
    article = Article.objects.select_for_update().filter(slug=values["slug"], language=language).first()
    if article is None:
        article = Article.objects.create(**values, created_at=now, updated_at=now, updated_by=actor)
    elif all(getattr(article, field) == values[field] for field in CONTENT_FIELDS):
        return article
    else:
        for field in CONTENT_FIELDS:
            setattr(article, field, values[field])
        article.version += 1
        article.updated_at = now
        article.updated_by = actor
        article.save()
    _record_version(article, actor)
    return article


@transaction.atomic
def give_feedback(
    user: User | None,
    slug: str,
    language: str,
    helpful: bool,
    comment: str = "",
    source: str = FeedbackSource.WEB,
) -> ArticleFeedback:
    """A reader's "did this help?" on an article they may read (the version in this language, or the
    English one they were shown instead). One answer per user and article: answering again replaces
    the answer and its comment. The comment is untrusted text, stored cleaned."""
    if source not in FeedbackSource.values:
        choices = ", ".join(FeedbackSource.values)
        raise validation_error({"source": [_("Use one of: %(values)s.") % {"values": choices}]})
    if not isinstance(helpful, bool):
        raise validation_error({"helpful": [_("Answer true or false.")]})
    comment = clean_text(comment or "")
    if len(comment) > COMMENT_MAX:
        raise validation_error({"comment": [_("At most %(max)d characters.") % {"max": COMMENT_MAX}]})
    article, _fallback = selectors.article_for(user, slug, language)
    now = clock.now()
    values = {"helpful": helpful, "comment": comment, "source": source, "updated_at": now}
    if user is None:
        return ArticleFeedback.objects.create(article=article, user=None, created_at=now, **values)
    feedback, _created = ArticleFeedback.objects.update_or_create(
        article=article, user=user, defaults=values, create_defaults={**values, "created_at": now}
    )
    return feedback
