"""The directory's filters (/services/): the URL contract's GET parameters, each applied with
the ServiceQuerySet method that defines it, and what to tell people when a value is wrong."""

from dataclasses import dataclass

import django_filters
from django import forms
from django.db import connection
from django.http import QueryDict

from .models import (
    Audience,
    Borough,
    DeliveryMode,
    Language,
    Need,
    ReferralRoute,
    Service,
    ThriveCategory,
)
from .models.service import MAX_AGE
from .search import MAX_QUERY_LENGTH, search


class AgeFilter(django_filters.Filter):
    field_class = forms.IntegerField


def _unknown(what):
    return {
        "invalid_choice": f"We do not recognise that {what}, so it is not used",
        "invalid_pk_value": f"We do not recognise that {what}, so it is not used",
    }


def _unknown_some(what):
    return {
        "invalid_choice": f"We do not recognise one of the {what} chosen, so they are not used",
        "invalid_pk_value": f"We do not recognise one of the {what} chosen, so they are not used",
        "invalid_list": f"We do not recognise the {what} chosen, so they are not used",
    }


class ServiceFilter(django_filters.FilterSet):
    """Every filter calls a ServiceQuerySet method. Search (`q`) orders as well as narrows, so
    it runs after the others, in filter_queryset: `qs` is then a SearchResults, which pages
    like a queryset."""

    borough = django_filters.ModelChoiceFilter(
        queryset=Borough.objects.only("name", "slug"),
        to_field_name="slug",
        method="filter_borough",
        label="Borough",
        empty_label="Any borough",
        error_messages=_unknown("borough"),
    )
    age = AgeFilter(
        method="filter_age",
        label="Age",
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": "Age must be a whole number, like 15",
            "min_value": f"Age must be between 0 and {MAX_AGE}",
            "max_value": f"Age must be between 0 and {MAX_AGE}",
        },
    )
    need = django_filters.ModelMultipleChoiceFilter(
        queryset=Need.objects.all(),
        to_field_name="slug",
        method="filter_need",
        label="What it is about",
        error_messages=_unknown_some("topics"),
    )
    thrive = django_filters.ModelMultipleChoiceFilter(
        queryset=ThriveCategory.objects.all(),
        to_field_name="slug",
        method="filter_thrive",
        label="Kind of support",
        error_messages=_unknown_some("kinds of support"),
    )
    audience = django_filters.ModelChoiceFilter(
        queryset=Audience.objects.all(),
        to_field_name="slug",
        method="filter_audience",
        label="Who it is for",
        empty_label="Anyone",
        error_messages=_unknown("group of people"),
    )
    referral = django_filters.ModelChoiceFilter(
        queryset=ReferralRoute.objects.all(),
        to_field_name="slug",
        method="filter_referral",
        label="How to get in",
        empty_label="Any way in",
        error_messages=_unknown("way in"),
    )
    delivery = django_filters.ModelMultipleChoiceFilter(
        queryset=DeliveryMode.objects.all(),
        to_field_name="slug",
        method="filter_delivery",
        label="How you get support",
        error_messages=_unknown_some("ways of getting support"),
    )
    language = django_filters.ModelChoiceFilter(
        queryset=Language.objects.all(),
        to_field_name="slug",
        method="filter_language",
        label="Language",
        empty_label="Any language",
        error_messages=_unknown("language"),
    )
    free = django_filters.ChoiceFilter(
        choices=[("1", "Free services only")],
        method="filter_free",
        label="Cost",
        empty_label=None,
        error_messages={"invalid_choice": "To show only free services, use free=1"},
    )
    q = django_filters.CharFilter(
        method="search_runs_last",
        label="Search",
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"Search words must be {MAX_QUERY_LENGTH} characters or fewer",
            "null_characters_not_allowed": "Search words contain a character we cannot use",
        },
    )

    class Meta:
        model = Service
        fields = []

    def filter_borough(self, queryset, name, value):
        return queryset.in_borough(value)

    def filter_age(self, queryset, name, value):
        return queryset.for_age(value)

    # An empty multiple choice cleans to an empty queryset, which django-filter still passes.
    def filter_need(self, queryset, name, value):
        return queryset.with_needs(*value) if value else queryset

    def filter_thrive(self, queryset, name, value):
        return queryset.in_thrive(*value) if value else queryset

    def filter_audience(self, queryset, name, value):
        return queryset.for_audience(value)

    def filter_referral(self, queryset, name, value):
        return queryset.with_referral_route(value)

    def filter_delivery(self, queryset, name, value):
        return queryset.with_delivery(*value) if value else queryset

    def filter_language(self, queryset, name, value):
        return queryset.in_language(value)

    def filter_free(self, queryset, name, value):
        return queryset.free()

    def search_runs_last(self, queryset, name, value):
        return queryset

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        query = self.form.cleaned_data.get("q", "").strip()
        return search(queryset, query) if query else queryset


PARAMETERS = ["q", "borough", "age", "need", "thrive", "audience", "referral", "delivery",
              "language", "free"]  # fmt: skip


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


def url_without(query, key, value=None):
    """The query string without one value of `key` (or all of them), back on page 1."""
    kept = QueryDict(mutable=True)
    for name, values in query.lists():
        if name == "page" or name not in PARAMETERS:
            continue
        for v in values:
            if not (name == key and (value is None or v == value)):
                kept.appendlist(name, v)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else "?"


def active_filters(filterset):
    """The valid filters in use, each with a link to the same search without it."""
    if not filterset.is_bound:
        return []
    data = filterset.form.cleaned_data
    query = filterset.data
    active = []

    def add(label, key, value=None):
        active.append(ActiveFilter(label, url_without(query, key, value)))

    if data.get("q"):
        add(f"Search: {data['q']}", "q")
    if data.get("borough"):
        add(f"In {data['borough'].name}, or national", "borough")
    if data.get("age") is not None:
        add(f"Age {data['age']}", "age")
    for need in data.get("need") or []:
        add(need.label, "need", need.slug)
    for category in data.get("thrive") or []:
        add(category.name, "thrive", category.slug)
    if data.get("audience"):
        add(f"For {data['audience'].name.lower()}", "audience")
    if data.get("referral"):
        add(data["referral"].name, "referral")
    for mode in data.get("delivery") or []:
        add(mode.name, "delivery", mode.slug)
    if data.get("language"):
        add(f"In {data['language'].name}", "language")
    if data.get("free"):
        add("Free services only", "free")
    return active


def filter_errors(filterset):
    """(field name, message) for each parameter that could not be used."""
    if not filterset.is_bound or filterset.is_valid():
        return []
    return [(name, messages[0]) for name, messages in filterset.form.errors.items()]


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


# The filters that offer a choice of vocabulary rows: (model, the label people see, whether
# the rows are listed by position before name, as the model orders them).
CHOICE_FILTERS = {
    "borough": (Borough, "name", False),
    "need": (Need, "label", True),
    "referral": (ReferralRoute, "name", True),
    "delivery": (DeliveryMode, "name", True),
    "audience": (Audience, "name", True),
    "thrive": (ThriveCategory, "name", True),
    "language": (Language, "name", False),
}


def _choice_rows():
    """(filter name, slug, label) of every choice, in order, in one query.

    Plain SQL built from the table above: the ORM took longer to compile the union of seven
    querysets than the database took to run it.
    """
    selects = [
        f"SELECT {number} AS filter_number, %s AS filter_name, "
        f"{'position' if by_position else '0'} AS sort_position, name, slug, {label} AS text "
        f"FROM {model._meta.db_table}"
        for number, (model, label, by_position) in enumerate(CHOICE_FILTERS.values())
    ]
    sql = " UNION ALL ".join(selects) + " ORDER BY filter_number, sort_position, name"
    with connection.cursor() as cursor:
        cursor.execute(sql, list(CHOICE_FILTERS))
        return [(name, slug, text) for _, name, _, _, slug, text in cursor.fetchall()]


def filter_options(filterset):
    """The choices of each filter for the form, with what the URL has selected.

    One query for all of them, however many services there are.
    """
    chosen = {
        name: set(filterset.data.getlist(name)) if filterset.is_bound else set()
        for name in CHOICE_FILTERS
    }
    options = {name: [] for name in CHOICE_FILTERS}
    for name, slug, text in _choice_rows():
        options[name].append(Option(slug, text, slug in chosen[name]))
    options["free"] = [
        Option("1", "Free services only", filterset.is_bound and filterset.data.get("free") == "1")
    ]
    return options
