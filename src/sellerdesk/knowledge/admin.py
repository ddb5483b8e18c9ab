"""The knowledge base in the Django admin. Operators write and edit articles here; every save goes
through `knowledge.services.save_article`, which checks the article's rules and keeps the old text
as a version (shown read-only below the article). Articles are unpublished, never deleted. Feedback
is the readers' record and read-only."""

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts import permissions
from sellerdesk.core.admin import ReadOnlyAdmin

from . import selectors, services
from .content import field_errors
from .models import Article, ArticleFeedback, ArticleVersion

EDITABLE = ["slug", "language", "audience", "category", "title", "summary", "keywords", "body", "published"]


class ArticleForm(forms.ModelForm):
    class Meta:
        model = Article
        fields = EDITABLE
        widgets = {"summary": forms.Textarea(attrs={"rows": 3}), "keywords": forms.Textarea(attrs={"rows": 2})}

    def clean(self):
        data = super().clean()
        values = {name: data.get(name, getattr(self.instance, name, "")) for name in EDITABLE}
        for name, messages in field_errors(values).items():
            for message in messages:
                self.add_error(name if name in self.fields and name not in self.errors else None, message)
        return data


class ArticleVersionInline(admin.TabularInline):
    model = ArticleVersion
    fields = ["version", "title", "published", "edited_by", "created_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ["-version"]
    verbose_name_plural = _("History (every saved version)")

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    form = ArticleForm
    inlines = [ArticleVersionInline]
    list_display = [
        "slug",
        "language",
        "title",
        "category",
        "audience",
        "version",
        "published",
        "helpful",
        "not_helpful",
    ]
    list_filter = ["language", "audience", "category", "published"]
    search_fields = ["slug", "title", "summary", "keywords"]
    readonly_fields = ["version", "updated_at", "updated_by"]

    def get_queryset(self, request):
        return selectors.with_feedback_counts(super().get_queryset(request))

    def get_readonly_fields(self, request, obj=None):
        # An article's slug and language name it: a new one is a new article.
        return [*self.readonly_fields, "slug", "language"] if obj else self.readonly_fields

    @admin.display(description=_("Helped"), ordering="helpful_count")
    def helpful(self, obj) -> int:
        return obj.helpful_count

    @admin.display(description=_("Did not help"), ordering="not_helpful_count")
    def not_helpful(self, obj) -> int:
        return obj.not_helpful_count

    def has_add_permission(self, request) -> bool:
        return permissions.is_operator(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return permissions.is_operator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        saved = services.save_article(request.user, **{name: getattr(obj, name) for name in EDITABLE})
        obj.pk = saved.pk
        obj.refresh_from_db()
        obj._state.adding = False


@admin.register(ArticleFeedback)
class ArticleFeedbackAdmin(ReadOnlyAdmin):
    list_display = ["article", "helpful", "source", "user", "updated_at"]
    list_filter = ["helpful", "source", "article__language"]
    search_fields = ["article__slug", "comment"]
    list_select_related = ["article", "user"]
