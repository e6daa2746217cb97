"""Services in the admin, scoped by borough: directory/commissioning/roles.py decides who sees
and changes what; here the queryset, the object permissions and the form all ask it (the form
and its inlines: service_forms.py)."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin

from ..commissioning.roles import (
    ADMINISTRATOR_FIELDS,
    can_change_service,
    can_view_service,
    editable_services,
    is_administrator,
    visible_services,
)
from ..models import Service
from ..vocabulary import VOCABULARIES
from .filters import BoroughFilter, DueForReviewFilter
from .service_forms import LocationInline, ServiceForm, ServiceLinkInline
from .spreadsheets import ServiceSpreadsheets


@admin.register(Service)
class ServiceAdmin(ServiceSpreadsheets, SimpleHistoryAdmin):
    form = ServiceForm
    list_display = [
        "name",
        "organisation",
        "status",
        "may_have_changed",
        "age_range",
        "is_national",
        "is_crisis",
        "confirmed_on",
        "review_due_on",
    ]
    list_filter = [
        "status",
        "may_have_changed",
        DueForReviewFilter,
        BoroughFilter,
        "is_national",
        "is_crisis",
        "cost",
        "thrive_categories",
        "needs",
    ]
    search_fields = ["name", "slug", "summary", "organisation__name"]
    list_select_related = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    filter_horizontal = [vocabulary.relation for vocabulary in VOCABULARIES]
    inlines = [LocationInline, ServiceLinkInline]
    # Confirmed only with the action below, which records who did it: never typed in.
    readonly_fields = ["confirmed_on", "confirmed_by", "created_at", "updated_at"]
    actions = ["mark_reviewed", "archive"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "organisation", "status", "summary", "description"]}),
        (
            "Who it is for",
            {
                "fields": [
                    ("min_age", "max_age"),
                    "boroughs",
                    "is_national",
                    "audiences",
                    "needs",
                    "thrive_categories",
                    "eligibility_criteria",
                    "eligibility_note",
                ]
            },
        ),
        (
            "How to get in",
            {
                "fields": [
                    "referral_routes",
                    "referral_note",
                    "delivery_modes",
                    ("cost", "cost_note"),
                    "languages",
                    "is_crisis",
                ]
            },
        ),
        (
            "Contact",
            {
                "fields": [
                    "phone",
                    ("sms_number", "sms_keyword"),
                    "email",
                    "website",
                    "referral_url",
                    "opening_hours",
                    ("contact_source_url", "contact_source_read_on"),
                    "no_direct_contact_note",
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    ("may_have_changed", "change_note"),
                    ("source_note", "source_date"),
                    "essential",
                    ("confirmed_on", "confirmed_by"),
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description="ages", ordering="min_age")
    def age_range(self, obj):
        return f"{obj.min_age}–{obj.max_age}"

    # Scoping: the list shows only the user's services; a page for any other is refused.

    def get_queryset(self, request):
        return visible_services(request.user, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        """Found among all services, so that another borough's service is refused (403)
        by the permission checks below rather than reported as missing."""
        options = self.model._meta
        field = options.pk if from_field is None else options.get_field(from_field)
        try:
            return self.model.objects.get(**{field.name: field.to_python(object_id)})
        except (self.model.DoesNotExist, ValidationError, ValueError):
            return None

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or can_view_service(request.user, obj))

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_change_service(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        """Commissioners archive; only a directory administrator deletes."""
        return is_administrator(request.user) and super().has_delete_permission(request, obj)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if is_administrator(request.user):
            return fields
        return [*fields, *ADMINISTRATOR_FIELDS]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        form.reverting_to = getattr(request, "reverting_to", None)
        return form

    # History (django-simple-history): viewable by whoever may view the service; a revert is
    # a change, so it needs change permission and passes the same form's checks.

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        service = self.get_object(request, object_id)
        if service is None:
            raise Http404
        if request.method == "POST" and not self.has_change_permission(request, service):
            raise PermissionDenied
        request.reverting_to = service.history.filter(history_id=version_id).first()
        return super().history_form_view(request, object_id, version_id, extra_context)

    # Actions, applied only to the chosen services this user may change.

    def _update(self, request, queryset, done, **fields):
        chosen = queryset.count()  # before the update: the list's filter may be on its field
        # Saved one by one, not with update(): each change is recorded in the history, and
        # the public pages cached before it are replaced (directory/caching.py).
        count = 0
        for service in editable_services(request.user, queryset):
            for name, value in fields.items():
                setattr(service, name, value)
            service.save(update_fields=[*fields, "updated_at"])
            count += 1
        skipped = chosen - count
        self.message_user(request, f"{count} {done}.", messages.SUCCESS)
        if skipped:
            self.message_user(
                request,
                f"{skipped} not changed: national services are changed by a directory "
                "administrator.",
                messages.WARNING,
            )

    @admin.action(description="Mark as confirmed with the service today", permissions=["change"])
    def mark_reviewed(self, request, queryset):
        """The only way a service becomes confirmed: a signed-in person says they checked it
        with the provider today, and their name is kept with the date."""
        user = request.user
        self._update(
            request,
            queryset,
            "marked as confirmed with the service today",
            confirmed_on=timezone.localdate(),
            confirmed_by=(user.get_full_name() or user.get_username())[:150],
        )

    @admin.action(description="Archive (take off the public site)", permissions=["change"])
    def archive(self, request, queryset):
        self._update(request, queryset, "archived", status=Service.Status.ARCHIVED)
