"""Services in the admin, scoped by borough: directory/commissioning/roles.py decides who sees and
changes
what; here the queryset, the object permissions and the form all ask it."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.forms.models import model_to_dict
from django.http import Http404
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

from ..commissioning.roles import (
    ADMINISTRATOR_FIELDS,
    borough_change_problems,
    can_change_service,
    can_view_service,
    editable_services,
    is_administrator,
    managed_boroughs,
    page_change_problems,
    visible_services,
)
from ..commissioning.validation import CONTACT_FIELDS, SOURCE_FIELDS, publishing_problems
from ..models import Borough, Location, Service, ServiceLink
from ..vocabulary import VOCABULARIES
from .filters import BoroughFilter, DueForReviewFilter
from .spreadsheets import ServiceSpreadsheets


def linked_then(record):
    """A service's links to each vocabulary as a historical record holds them, by field name,
    as the form's initial values (django-simple-history restores the fields, not links)."""
    linked = {}
    for field in Service._meta.many_to_many:
        if field.name in {vocabulary.relation for vocabulary in VOCABULARIES}:
            target = get_m2m_reverse_field_name(field)
            rows = getattr(record, field.name).all()
            linked[field.name] = [getattr(row, f"{target}_id") for row in rows]
    return linked


class ServiceForm(forms.ModelForm):
    """The admin's service form (its model and fields come from ServiceAdmin); `user` is
    set by ServiceAdmin.get_form."""

    user = None
    reverting_to = None  # a historical record, when the form offers to revert to it

    def __init__(self, *args, **kwargs):
        if self.reverting_to is not None:
            # A revert is an edit of the service as it is now, offering the old version's
            # values: what the form does not let this user change (is_crisis, is_national
            # for a commissioner) keeps its current value, and every check below compares
            # with the service as it is, not as it was.
            then = kwargs["instance"]
            kwargs["instance"] = Service.objects.get(pk=then.pk)
            kwargs["initial"] = {
                **model_to_dict(then, fields=self._meta.fields, exclude=self._meta.exclude),
                **linked_then(self.reverting_to),
                **kwargs.get("initial", {}),
            }
        super().__init__(*args, **kwargs)
        if "boroughs" in self.fields and not is_administrator(self.user):
            current = self.instance.boroughs.all() if self.instance.pk else Borough.objects.none()
            # A revert also offers the old version's boroughs, so that one no longer on the
            # service is refused in words (clean) rather than as an unknown choice.
            then = self.initial.get("boroughs", []) if self.reverting_to is not None else []
            self.fields["boroughs"].queryset = Borough.objects.filter(
                Q(pk__in=managed_boroughs(self.user).values("pk"))
                | Q(pk__in=current.values("pk"))
                | Q(pk__in=then)
            )

    def clean(self):
        data = super().clean()
        if "boroughs" in self.fields and not is_administrator(self.user):
            self._check_boroughs(data.get("boroughs") or [])
        if data.get("status", self.instance.status) == Service.Status.PUBLISHED:
            self._check_ready_to_publish(data)
        return data

    def _check_boroughs(self, chosen):
        before = set(self.instance.boroughs.all()) if self.instance.pk else set()
        for problem in borough_change_problems(self.user, before, set(chosen)):
            self.add_error("boroughs", problem)

    def _check_ready_to_publish(self, data):
        """What a young person needs before a service is shown to them (one definition:
        directory/commissioning/validation.py)."""
        names = (
            "status",
            "summary",
            "min_age",
            "max_age",
            "is_national",
            *CONTACT_FIELDS,
            *SOURCE_FIELDS,
        )
        values = {**{name: getattr(self.instance, name) for name in names}, **data}
        relations = ("thrive_categories", "boroughs", "delivery_modes")
        links = {name: data.get(name) for name in relations}
        links = {name: rows for name, rows in links.items() if name in self.fields}
        problems = publishing_problems(
            values, links, self._has_borough_pages(), has_address=self._has_address()
        )
        for field, problem in problems:
            if field in self.errors:
                continue  # said already (a borough the user may not choose, say)
            self.add_error(field if field in self.fields else None, problem)

    def _has_address(self):
        """Whether the service will have a place to walk in, as the inline posts them."""
        prefix = "locations"
        if f"{prefix}-TOTAL_FORMS" not in self.data:
            return bool(self.instance.pk) and self.instance.locations.exists()
        try:
            total = int(self.data[f"{prefix}-TOTAL_FORMS"])
        except ValueError:
            return False
        return any(
            self.data.get(f"{prefix}-{i}-address") and not self.data.get(f"{prefix}-{i}-DELETE")
            for i in range(min(total, 1000))
        )

    def _has_borough_pages(self):
        """Whether the service will have a page for a borough, as the inline posts them."""
        prefix = "links"
        if f"{prefix}-TOTAL_FORMS" not in self.data:
            return bool(self.instance.pk) and self.instance.links.exists()
        try:
            total = int(self.data[f"{prefix}-TOTAL_FORMS"])
        except ValueError:
            return False
        return any(
            self.data.get(f"{prefix}-{i}-url") and not self.data.get(f"{prefix}-{i}-DELETE")
            for i in range(min(total, 1000))
        )


class LocationInline(admin.TabularInline):
    model = Location
    extra = 0


class BoroughPagesFormSet(forms.BaseInlineFormSet):
    """The pages for each borough's families, each row checked by the same rule as the
    spreadsheet import's `borough_pages` (roles.page_change_problems): a commissioner adds,
    changes and removes only their own boroughs' pages. `user` is set by the inline."""

    user = None

    def clean(self):
        super().clean()
        removed = []
        for form in self.forms:
            deleting = self.can_delete and self._should_delete_form(form)
            if not (deleting or form.has_changed()):
                continue
            before = {}
            if form.instance.pk is not None:
                saved = ServiceLink.objects.filter(pk=form.instance.pk)
                before = dict(saved.values_list("borough__slug", "url"))
            after = {}
            data = getattr(form, "cleaned_data", {})
            if not deleting and data.get("borough") is not None:
                after = {data["borough"].slug: data.get("url", "")}
            for problem in page_change_problems(self.user, before, after):
                if deleting:  # the formset does not validate a row being deleted
                    removed.append(problem)  # so it is said above the rows
                else:
                    form.add_error(None, problem)
        if removed:
            raise ValidationError(removed)


class ServiceLinkInline(admin.TabularInline):
    model = ServiceLink
    formset = BoroughPagesFormSet
    extra = 0
    verbose_name = "page for one borough's families"
    verbose_name_plural = "pages for each borough's families (services covering several)"

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.user = request.user  # a class made for this request
        field = formset.form.base_fields.get("borough")
        if field is not None and not is_administrator(request.user):
            current = obj.boroughs.all() if obj else Borough.objects.none()
            field.queryset = Borough.objects.filter(
                Q(pk__in=managed_boroughs(request.user).values("pk"))
                | Q(pk__in=current.values("pk"))
            )
        return formset


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
