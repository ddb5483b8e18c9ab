"""The knowledge base: articles per language and audience, their version history and the readers'
"did this help?" answers.

An article is one (slug, language) row; the same slug in several languages is one article and its
translations. Articles come from the files under `knowledge/content/` (`sellerdesk load-articles`)
and operators edit them in the admin; both go through `knowledge.services`, and every change is a
new `ArticleVersion` (the history is never edited)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from sellerdesk.cases.categories import Category
from sellerdesk.core import clock

# Languages articles are written in; a reader in any other language is answered in English.
LANGUAGES = ("en", "es", "zh")
FALLBACK_LANGUAGE = "en"

TITLE_MAX = 200
SUMMARY_MAX = 500
KEYWORDS_MAX = 2000
BODY_MAX = 20_000
COMMENT_MAX = 2000


class Language(models.TextChoices):
    EN = "en", "English"
    ES = "es", "Español"
    ZH = "zh", "中文"


class Audience(models.TextChoices):
    SELLER = "seller", _("Sellers")
    AGENT = "agent", _("Support agents")


class FeedbackSource(models.TextChoices):
    WEB = "web", _("Help centre")
    API = "api", _("API")
    ASSISTANT = "assistant", _("Virtual assistant")


class Article(models.Model):
    slug = models.SlugField(max_length=80)
    language = models.CharField(max_length=8, choices=Language.choices)
    audience = models.CharField(max_length=8, choices=Audience.choices, default=Audience.SELLER)
    category = models.CharField(max_length=32, choices=Category.choices)
    title = models.CharField(max_length=TITLE_MAX)
    summary = models.CharField(max_length=SUMMARY_MAX)
    body = models.TextField()
    keywords = models.TextField(blank=True, help_text=_("Comma-separated words readers type, in any language."))
    version = models.PositiveIntegerField(default=1)
    published = models.BooleanField(default=True)
    # The hash of the file this article was last imported from: an unchanged file leaves the article
    # (and any operator edit made since) alone; a changed file becomes a new version.
    source_hash = models.CharField(max_length=64, blank=True, editable=False)
    created_at = models.DateTimeField(default=clock.now, editable=False)
    updated_at = models.DateTimeField(default=clock.now, editable=False)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )

    class Meta:
        ordering = ["category", "slug", "language"]
        constraints = [models.UniqueConstraint(fields=["slug", "language"], name="article_slug_language")]
        indexes = [models.Index(fields=["language", "category"], name="article_language_category")]

    def __str__(self) -> str:
        return f"{self.slug} ({self.language})"


class ArticleVersion(models.Model):
    """One saved state of an article (append-only): who made it and when; `edited_by` is empty for
    versions imported from the content files."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="versions")
    version = models.PositiveIntegerField()
    category = models.CharField(max_length=32, choices=Category.choices)
    audience = models.CharField(max_length=8, choices=Audience.choices)
    title = models.CharField(max_length=TITLE_MAX)
    summary = models.CharField(max_length=SUMMARY_MAX)
    body = models.TextField()
    keywords = models.TextField(blank=True)
    published = models.BooleanField(default=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(default=clock.now)

    class Meta:
        ordering = ["article", "-version"]
        constraints = [models.UniqueConstraint(fields=["article", "version"], name="article_version_unique")]

    def __str__(self) -> str:
        return f"{self.article} v{self.version}"


class ArticleFeedback(models.Model):
    """A reader's "did this help?" on one article in one language: one answer per user and article;
    answering again replaces it."""

    article = models.ForeignKey(Article, on_delete=models.PROTECT, related_name="feedback")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    helpful = models.BooleanField()
    comment = models.TextField(blank=True)
    source = models.CharField(max_length=10, choices=FeedbackSource.choices, default=FeedbackSource.WEB)
    created_at = models.DateTimeField(default=clock.now)
    updated_at = models.DateTimeField(default=clock.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["article", "user"], condition=models.Q(user__isnull=False), name="article_feedback_one_per_user"
            )
        ]
        indexes = [models.Index(fields=["article", "helpful"], name="article_feedback_helpful")]

    def __str__(self) -> str:
        return f"{self.article}: {'yes' if self.helpful else 'no'}"
