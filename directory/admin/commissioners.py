from django.contrib import admin

from ..models import Commissioner
from ..roles import is_administrator
from .vocabularies import AdministratorsChangeMixin


@admin.register(Commissioner)
class CommissionerAdmin(AdministratorsChangeMixin, admin.ModelAdmin):
    """Who manages which boroughs; `manage.py create_commissioner` makes them too."""

    list_display = ["user", "all_boroughs", "borough_names"]
    list_filter = ["all_boroughs", "boroughs"]
    search_fields = ["user__username", "user__email"]
    filter_horizontal = ["boroughs"]
    autocomplete_fields = ["user"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related("boroughs")

    @admin.display(description="boroughs")
    def borough_names(self, obj):
        return ", ".join(borough.name for borough in obj.boroughs.all())

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_view_permission(request, obj)
