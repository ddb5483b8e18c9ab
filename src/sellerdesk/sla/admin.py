from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from sellerdesk.core.admin import ReadOnlyAdmin

from .models import BusinessCalendar, CalendarClosure, CaseTarget, LadderStep, SlaPolicy


class ClosureInline(admin.TabularInline):
    model = CalendarClosure
    extra = 1


@admin.register(BusinessCalendar)
class BusinessCalendarAdmin(admin.ModelAdmin):
    list_display = ["name", "timezone", "always_open", "holiday_country", "holiday_subdivision"]
    inlines = [ClosureInline]


class LadderStepInline(admin.TabularInline):
    model = LadderStep
    extra = 1


def _hours(minutes: int | None) -> str:
    return "—" if minutes is None else f"{minutes / 60:g} h"


@admin.register(SlaPolicy)
class SlaPolicyAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "active", "conditions", "first_response", "resolution", "ceiling_hours"]
    list_editable = ["position", "active"]
    ordering = ["position", "pk"]
    inlines = [LadderStepInline]
    fieldsets = (
        (None, {"fields": ("name", "position", "active")}),
        (
            _("Matches cases (empty matches everything)"),
            {"fields": ("categories", "priorities", "urgent", "segments", "channels", "team_tiers")},
        ),
        (
            _("Targets, in minutes of the owning team's open time"),
            {
                "fields": (
                    "first_response_minutes",
                    "next_response_minutes",
                    "resolution_minutes",
                    "call_back_minutes",
                    "appeal_decision_minutes",
                    "warning_percent",
                    "ceiling_hours",
                )
            },
        ),
    )

    @admin.display(description=_("conditions"))
    def conditions(self, policy: SlaPolicy) -> str:
        parts = [
            f"{name}: {', '.join(values)}"
            for name, values in (
                ("category", policy.categories),
                ("priority", policy.priorities),
                ("segment", policy.segments),
                ("channel", policy.channels),
                ("tier", policy.team_tiers),
            )
            if values
        ]
        if policy.urgent is not None:
            parts.append("urgent" if policy.urgent else "not urgent")
        return "; ".join(parts) or _("every case")

    @admin.display(description=_("first response"))
    def first_response(self, policy: SlaPolicy) -> str:
        return _hours(policy.first_response_minutes)

    @admin.display(description=_("resolution"))
    def resolution(self, policy: SlaPolicy) -> str:
        return _hours(policy.resolution_minutes)


@admin.register(CaseTarget)
class CaseTargetAdmin(ReadOnlyAdmin):
    """Read-only: targets change only through the case services and the sweep."""

    list_display = ["case", "kind", "phase", "due_at", "fired_percent", "warned_at", "breached_at", "met_at", "policy"]
    list_filter = ["kind", "phase", "policy"]
    search_fields = ["case__id"]
    list_select_related = ["case", "policy"]
