from django.contrib import admin

from ..commissioning.roles import managed_boroughs
from ..models import Service


class DueForReviewFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("due", "Due for review"), ("current", "Reviewed in the last 12 months")]

    def queryset(self, request, queryset):
        due = Service.objects.due_for_review()
        if self.value() == "due":
            return queryset.filter(pk__in=due.values("pk"))
        if self.value() == "current":
            return queryset.exclude(pk__in=due.values("pk"))
        return queryset


class BoroughFilter(admin.SimpleListFilter):
    """Services covering one borough, offered from the boroughs the user manages
    (`?borough=westminster`, the links of the admin home)."""

    title = "borough"
    parameter_name = "borough"
    service_field = "pk"  # how the listed model reaches its service

    def lookups(self, request, model_admin):
        return [(borough.slug, borough.name) for borough in managed_boroughs(request.user)]

    def queryset(self, request, queryset):
        if not self.value():
            return queryset
        local = Service.objects.local_to(self.value()).values("pk")
        return queryset.filter(**{f"{self.service_field}__in": local})


class ReportBoroughFilter(BoroughFilter):
    service_field = "service"
