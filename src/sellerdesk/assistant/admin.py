from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sellerdesk.accounts import permissions
from sellerdesk.core.admin import ReadOnlyAdmin

from . import services
from .flows import known_article_slugs, validate_flow
from .models import CaseTriage, Conversation, Flow, TriageCorrection, Turn


@admin.register(CaseTriage)
class CaseTriageAdmin(ReadOnlyAdmin):
    list_display = ["case", "category", "category_confidence", "urgency", "tier", "language", "needs_review"]
    list_filter = ["needs_review", "category_applied", "category", "urgency", "model_version"]
    list_select_related = ["case"]


@admin.register(TriageCorrection)
class TriageCorrectionAdmin(ReadOnlyAdmin):
    list_display = ["case", "field", "predicted", "corrected", "corrected_by", "created_at"]
    list_filter = ["field"]
    list_select_related = ["case", "corrected_by"]


class FlowAdminForm(forms.ModelForm):
    """Operators edit a flow as its JSON definition; it is checked by the same function as the
    shipped files (`flows.validate_flow`), each problem listed under the field."""

    class Meta:
        model = Flow
        fields = ["definition", "active"]
        help_texts = {
            "definition": _(
                "The whole flow as JSON: slug, category, title, start and nodes (question, article, case, end). "
                "See docs on writing flows. Every change is checked and bumps the version."
            ),
        }

    def clean_definition(self):
        definition = self.cleaned_data.get("definition")
        errors = validate_flow(definition, article_slugs=known_article_slugs())
        if errors:
            raise forms.ValidationError(errors)
        slug = definition["slug"]
        if self.instance.pk is None and Flow.objects.filter(slug=slug).exists():
            raise forms.ValidationError(
                _("A flow with the slug %(slug)s exists already: edit that one.") % {"slug": slug}
            )
        if self.instance.pk is not None and slug != self.instance.slug:
            raise forms.ValidationError(
                _("A flow's slug cannot change (it was %(slug)s).") % {"slug": self.instance.slug}
            )
        return definition


@admin.register(Flow)
class FlowAdmin(admin.ModelAdmin):
    form = FlowAdminForm
    list_display = ["slug", "category", "version", "active", "updated_at", "updated_by"]
    list_filter = ["active", "category"]
    readonly_fields = ["slug", "category", "title", "version", "updated_at", "updated_by"]
    fields = ["slug", "category", "title", "version", "updated_at", "updated_by", "active", "definition"]

    def save_model(self, request, obj, form, change) -> None:
        # Through the service: the check, the version bump and who changed it, as for the import.
        flow, _changed = services.save_flow(
            actor=request.user, definition=form.cleaned_data["definition"], active=form.cleaned_data["active"]
        )
        obj.pk = flow.pk
        obj.refresh_from_db()

    def has_add_permission(self, request) -> bool:
        return permissions.is_operator(request.user) and super().has_add_permission(request)

    def has_change_permission(self, request, obj=None) -> bool:
        return permissions.is_operator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None) -> bool:
        # Conversations point at flows by slug: switch a flow off instead of deleting it.
        return False


class TurnInline(admin.TabularInline):
    model = Turn
    fields = ["created_at", "role", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Conversation)
class ConversationAdmin(ReadOnlyAdmin):
    list_display = ["pk", "seller", "seller_account", "language", "status", "case", "created_at", "updated_at"]
    list_filter = ["status", "language"]
    list_select_related = ["seller", "seller_account", "case"]
    inlines = [TurnInline]
