"""Reports from the public: an inbox per borough, resolved (never deleted) by commissioners."""

from django.contrib import admin, messages
from django.template.defaultfilters import truncatechars
from django.utils import timezone

from ..commissioning.roles import can_view_service, is_administrator, visible_reports
from ..models import ProblemReport
from ..whole_numbers import whole_number
from .filters import ReportBoroughFilter


def resolve(reports, user):
    """Marks the open ones of these reports resolved by this user, now; returns how many."""
    return ProblemReport.objects.filter(
        pk__in=reports.filter(status=ProblemReport.Status.NEW).values("pk")
    ).update(status=ProblemReport.Status.RESOLVED, resolved_by=user, resolved_at=timezone.now())


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = [
        "service",
        "problem",
        "report_text",
        "times_reported",
        "status",
        "created_at",
        "resolved_by",
        "resolved_at",
    ]
    list_filter = ["status", ReportBoroughFilter, "problem"]
    search_fields = ["service__name", "details"]
    list_select_related = ["service", "resolved_by"]
    fields = [
        "service",
        "problem",
        "details",
        "times_reported",
        "created_at",
        "last_reported_at",
        "status",
        "resolved_by",
        "resolved_at",
    ]
    readonly_fields = [
        "service",
        "problem",
        "details",
        "times_reported",
        "created_at",
        "last_reported_at",
        "resolved_by",
        "resolved_at",
    ]
    actions = ["mark_resolved"]

    @admin.display(description="what they said")
    def report_text(self, obj):
        return truncatechars(obj.details, 120) or "—"

    def get_queryset(self, request):
        return visible_reports(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        """Found among all reports, so that another borough's is refused (403)."""
        try:
            return self.model.objects.get(pk=whole_number(object_id) or 0)
        except self.model.DoesNotExist:
            return None

    def _mine(self, request, obj):
        return obj is None or can_view_service(request.user, obj.service)

    def has_add_permission(self, request):
        return False  # reports come from the public form

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._mine(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._mine(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_delete_permission(request, obj)

    def save_model(self, request, obj, form, change):
        if "status" in form.changed_data:
            resolved = obj.status == ProblemReport.Status.RESOLVED
            obj.resolved_by = request.user if resolved else None
            obj.resolved_at = timezone.now() if resolved else None
        super().save_model(request, obj, form, change)

    @admin.action(description="Mark resolved", permissions=["change"])
    def mark_resolved(self, request, queryset):
        count = resolve(visible_reports(request.user, queryset), request.user)
        self.message_user(request, f"{count} marked resolved.", messages.SUCCESS)
