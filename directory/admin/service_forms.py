"""The admin's service form and its inlines: what a commissioner may choose (their boroughs),
what publishing needs, and each borough's own page for a service covering several."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.forms.models import model_to_dict
from simple_history.utils import get_m2m_reverse_field_name

from ..commissioning.roles import (
    borough_change_problems,
    is_administrator,
    managed_boroughs,
    page_change_problems,
)
from ..commissioning.validation import CONTACT_FIELDS, SOURCE_FIELDS, publishing_problems
from ..models import Borough, Location, Service, ServiceLink
from ..vocabulary import VOCABULARIES


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
