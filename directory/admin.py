from django.contrib import admin
from django.db.models import Count

from .models import (
    AgeBand,
    Audience,
    Borough,
    DeliveryMode,
    EligibilityCriterion,
    Language,
    Location,
    Need,
    Organisation,
    Postcode,
    ProblemReport,
    ReferralRoute,
    SearchPhrase,
    Service,
    ServiceLink,
    ThriveCategory,
)
from .vocabulary import VOCABULARIES


class ServiceCountMixin:
    """Shows how many services use each vocabulary row, in one query."""

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(service_count=Count("services"))

    @admin.display(description="services", ordering="service_count")
    def service_count(self, obj):
        return obj.service_count


@admin.register(ThriveCategory)
class ThriveCategoryAdmin(ServiceCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "position", "description", "service_count"]
    search_fields = ["name", "slug"]


@admin.register(Borough)
class BoroughAdmin(ServiceCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "gss_code", "integrated_care_board", "service_count"]
    list_filter = ["integrated_care_board"]
    search_fields = ["name", "slug", "gss_code"]


@admin.register(AgeBand)
class AgeBandAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "min_age", "max_age", "position"]


@admin.register(Need)
class NeedAdmin(ServiceCountMixin, admin.ModelAdmin):
    list_display = ["name", "label", "slug", "service_count"]
    search_fields = ["name", "label", "slug"]


@admin.register(Audience, ReferralRoute, DeliveryMode, Language)
class LookupAdmin(ServiceCountMixin, admin.ModelAdmin):
    list_display = ["name", "slug", "service_count"]
    search_fields = ["name", "slug"]


@admin.register(EligibilityCriterion)
class EligibilityCriterionAdmin(LookupAdmin):
    list_display = ["name", "slug", "rule", "question_label", "service_count"]
    list_filter = ["rule"]


@admin.register(Organisation)
class OrganisationAdmin(ServiceCountMixin, admin.ModelAdmin):
    list_display = ["name", "website", "service_count"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


class ServiceLinkInline(admin.TabularInline):
    model = ServiceLink
    extra = 0
    verbose_name = "page for one borough's families"
    verbose_name_plural = "pages for each borough's families (services covering several)"


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


@admin.register(Service)
class ServiceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "organisation",
        "status",
        "may_have_changed",
        "age_range",
        "is_national",
        "is_crisis",
        "last_reviewed_on",
        "review_due_on",
    ]
    list_filter = [
        "status",
        "may_have_changed",
        DueForReviewFilter,
        "is_national",
        "is_crisis",
        "cost",
        "thrive_categories",
        "boroughs",
        "needs",
    ]
    search_fields = ["name", "slug", "summary", "organisation__name"]
    list_select_related = ["organisation"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["organisation"]
    filter_horizontal = [vocabulary.relation for vocabulary in VOCABULARIES]
    inlines = [LocationInline, ServiceLinkInline]
    readonly_fields = ["created_at", "updated_at"]
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
                ]
            },
        ),
        (
            "Review",
            {
                "fields": [
                    ("may_have_changed", "change_note"),
                    "last_reviewed_on",
                    "source_note",
                    "created_at",
                    "updated_at",
                ]
            },
        ),
    ]

    @admin.display(description="ages", ordering="min_age")
    def age_range(self, obj):
        return f"{obj.min_age}–{obj.max_age}"


@admin.register(ProblemReport)
class ProblemReportAdmin(admin.ModelAdmin):
    list_display = ["service", "problem", "status", "created_at"]
    list_filter = ["status", "problem"]
    search_fields = ["service__name", "details"]
    list_select_related = ["service"]
    readonly_fields = ["service", "problem", "details", "created_at"]


@admin.register(Postcode)
class PostcodeAdmin(admin.ModelAdmin):
    """Loaded from the ONS Postcode Directory by `manage.py load_postcodes`; read only here."""

    list_display = ["postcode", "borough"]
    list_filter = ["borough"]
    search_fields = ["postcode"]
    list_select_related = ["borough"]
    show_full_result_count = False

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(SearchPhrase)
class SearchPhraseAdmin(admin.ModelAdmin):
    """Everyday phrases and the needs they mean, for search (docs/search.md)."""

    list_display = ["phrase", "need", "search_for"]
    list_filter = ["need"]
    search_fields = ["phrase", "search_for"]
    autocomplete_fields = ["need"]
