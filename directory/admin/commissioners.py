from django.contrib import admin, messages

from ..admin_sign_in import reset_second_factor
from ..commissioning.roles import is_administrator
from ..models import Commissioner
from .vocabularies import AdministratorsChangeMixin


@admin.register(Commissioner)
class CommissionerAdmin(AdministratorsChangeMixin, admin.ModelAdmin):
    """Who manages which boroughs; `manage.py create_commissioner` makes them too."""

    list_display = ["user", "all_boroughs", "borough_names"]
    list_filter = ["all_boroughs", "boroughs"]
    search_fields = ["user__username", "user__email"]
    filter_horizontal = ["boroughs"]
    autocomplete_fields = ["user"]
    actions = ["reset_sign_in_code"]

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user").prefetch_related("boroughs")

    @admin.display(description="boroughs")
    def borough_names(self, obj):
        return ", ".join(borough.name for borough in obj.boroughs.all())

    @admin.action(description="Reset sign-in code (a new one is set up at next sign-in)",
                  permissions=["change"])  # fmt: skip
    def reset_sign_in_code(self, request, queryset):
        for commissioner in queryset.select_related("user"):
            reset_second_factor(commissioner.user)
        self.message_user(
            request,
            f"Reset the sign-in code of {queryset.count()}: each sets up a new one after their "
            "password when they next sign in.",
            messages.SUCCESS,
        )

    def has_view_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_view_permission(request, obj)
