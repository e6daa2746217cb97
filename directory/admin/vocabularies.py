"""The vocabularies, organisations, search phrases and postcodes: shared by every borough,
so only a directory administrator changes them (directory/commissioning/roles.py)."""

from django.contrib import admin
from django.db.models import Count

from ..commissioning.roles import is_administrator
from ..facts import declared_slugs
from ..models import (
    AgeBand,
    Audience,
    Borough,
    DeliveryMode,
    EligibilityCriterion,
    Language,
    Need,
    Organisation,
    Postcode,
    ReferralRoute,
    SearchPhrase,
    ThriveCategory,
)


class AdministratorsChangeMixin:
    """Everyone on the staff may look; only a directory administrator adds, changes or
    deletes, whatever Django permissions the user has been given."""

    def has_add_permission(self, request, *args):
        return is_administrator(request.user) and super().has_add_permission(request, *args)

    def has_change_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return is_administrator(request.user) and super().has_delete_permission(request, obj)


class DeclaredSlugsMixin:
    """The rows whose slug the code relies on (directory/facts.py): their names and
    descriptions can be changed, their slug cannot, and they cannot be deleted. New rows can
    be added, and changed or deleted freely."""

    def declares(self, obj):
        return obj is not None and obj.slug in declared_slugs(type(obj))

    def get_readonly_fields(self, request, obj=None):
        fields = tuple(super().get_readonly_fields(request, obj))
        return (*fields, "slug") if self.declares(obj) else fields

    def has_delete_permission(self, request, obj=None):
        return not self.declares(obj) and super().has_delete_permission(request, obj)


class ServiceCountMixin(DeclaredSlugsMixin, AdministratorsChangeMixin):
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
class AgeBandAdmin(AdministratorsChangeMixin, admin.ModelAdmin):
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

    def has_add_permission(self, request):
        """A commissioner may add the organisation that runs a new service in their borough;
        changing one changes it for every borough, so that stays with administrators."""
        return admin.ModelAdmin.has_add_permission(self, request)


@admin.register(Postcode)
class PostcodeAdmin(AdministratorsChangeMixin, admin.ModelAdmin):
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
class SearchPhraseAdmin(AdministratorsChangeMixin, admin.ModelAdmin):
    """Everyday phrases and the needs they mean, for search (docs/search.md)."""

    list_display = ["phrase", "need", "search_for"]
    list_filter = ["need"]
    search_fields = ["phrase", "search_for"]
    autocomplete_fields = ["need"]
