from django import forms
from django.contrib import admin

from .models import EscalationRequest, Playbook, Transfer, TransferReason
from .playbooks import definition_errors


class PlaybookForm(forms.ModelForm):
    class Meta:
        model = Playbook
        fields = ["category", "subtype", "name", "summary", "resolution_capability", "steps", "fields", "active"]

    def clean(self):
        cleaned = super().clean()
        for name, messages in definition_errors(cleaned.get("steps"), cleaned.get("fields")).items():
            for message in messages:
                self.add_error(name, message)
        return cleaned


@admin.register(Playbook)
class PlaybookAdmin(admin.ModelAdmin):
    """Playbooks: steps as [{"key", "title", "help"}] and fields as [{"name", "label", "type",
    "required", "help", "choices", "max_length"}] (see the operator guide for the field types)."""

    form = PlaybookForm
    list_display = ["name", "category", "subtype", "resolution_capability", "active"]
    list_filter = ["category", "active"]
    search_fields = ["name", "subtype"]


@admin.register(TransferReason)
class TransferReasonAdmin(admin.ModelAdmin):
    list_display = ["code", "label", "note_required", "active"]
    list_editable = ["label", "note_required", "active"]


@admin.register(Transfer)
class TransferAdmin(admin.ModelAdmin):
    """Read-only: transfers are made and bounced in the workspace, where they are audited."""

    list_display = ["case", "kind", "from_team", "to_team", "reason", "avoidable", "created_at", "bounced_at"]
    list_filter = ["kind", "avoidable", "to_team", "from_team"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(EscalationRequest)
class EscalationRequestAdmin(TransferAdmin):
    list_display = ["case", "kind", "team", "state", "created_at", "target_at", "judged_not_urgent"]
    list_filter = ["kind", "state", "team"]
