"""The directory's filters (/services/): the URL contract's GET parameters, each applied with
the ServiceQuerySet method that defines it, with its label, its choices and what to tell
people when a value is wrong. The vocabulary filters come from directory/vocabulary.py."""

from dataclasses import dataclass

import django_filters
from django.http import QueryDict

from .field_options import Option
from .models import AgeBand, EligibilityCriterion, Service
from .models.service import MAX_AGE
from .search.results import Unsearched
from .search.words import MAX_QUERY_LENGTH
from .selectors import Selection, select_services
from .shortlist import PARAMETER as SHORTLIST_PARAMETER
from .vocabulary import BY_KEY, FILTERED
from .vocabulary_rows import AGE_BAND, vocabulary_rows
from .whole_numbers import WholeNumberField

FREE_LABEL = "Free services only"


@dataclass(frozen=True)
class Field:
    """One filter as the form shows it (templates/includes/fields/)."""

    name: str
    label: str
    kind: str  # "select", "checkboxes" or "text"
    options: tuple = ()
    empty_label: str = ""
    hint: str = ""
    value: str = ""
    error: str = ""

    @property
    def errors(self):
        return [self.error] if self.error else []


def _option(name, value, label, chosen):
    return Option(f"filter-{name}-{value}", value, label, value in chosen)


def _unknown(vocabulary):
    if vocabulary.repeatable:
        message = f"We do not recognise one of the {vocabulary.plural_label} chosen"
        return {
            "invalid_choice": f"{message}, so they are not used",
            "invalid_list": f"We do not recognise the {vocabulary.plural_label} chosen, so "
            "they are not used",
        }
    singular = {"boroughs": "borough", "languages": "language", "ways in": "way in",
                "groups of people": "group of people"}[vocabulary.plural_label]  # fmt: skip
    return {"invalid_choice": f"We do not recognise that {singular}, so it is not used"}


def vocabulary_filter(vocabulary):
    """The filter for a vocabulary: its slugs as choices (set by ServiceFilter from one
    query for all of them), applied by the selector with the vocabulary's queryset_method."""
    if vocabulary.repeatable:
        return django_filters.MultipleChoiceFilter(
            label=vocabulary.label,
            error_messages=_unknown(vocabulary),
        )
    return django_filters.ChoiceFilter(
        label=vocabulary.label,
        empty_label=vocabulary.empty_label,
        error_messages=_unknown(vocabulary),
    )


NONE_APPLY = EligibilityCriterion.NONE_APPLY
NONE_APPLY_LABEL = "None of these"


def choice_rows():
    """{filter name: ((slug, label), …)} for every vocabulary filter, the age bands and the
    eligibility criteria that restrict, in the order people see them: made from the one reader
    of the vocabularies (directory/vocabulary_rows.py), which the cache keeps."""
    rows = vocabulary_rows()
    choices = {
        vocabulary.key: tuple(
            (row.slug, getattr(row, vocabulary.shown_field)) for row in rows[vocabulary.key]
        )
        for vocabulary in FILTERED
    }
    choices["age_band"] = tuple((band.slug, band.name) for band in rows[AGE_BAND])
    choices["applies"] = tuple(
        (criterion.slug, criterion.question_label)
        for criterion in rows["eligibility"]
        if criterion.rule == EligibilityCriterion.Rule.RESTRICTS
    )
    return choices


class AgeFilter(django_filters.Filter):
    field_class = WholeNumberField  # digits 0 to 9 only: "١٢" is not read as 12


class ServiceFilterBase(django_filters.FilterSet):
    """The filters check the parameters and say what is wrong; the values they accept become
    one Selection, which directory/selectors.py applies (as for the navigator and the API).
    `qs` is always a SearchResults, which pages like a queryset."""

    q = django_filters.CharFilter(
        label="Search for support",
        max_length=MAX_QUERY_LENGTH,
        error_messages={
            "max_length": f"Search words must be {MAX_QUERY_LENGTH} characters or fewer",
            "null_characters_not_allowed": "Search words contain a character we cannot use",
        },
    )
    age = AgeFilter(
        label="Age",
        min_value=0,
        max_value=MAX_AGE,
        error_messages={
            "invalid": "Age must be a whole number, like 15",
            "other_digits": "Write the age with the digits 0 to 9, like 15",
            "min_value": f"Age must be between 0 and {MAX_AGE}",
            "max_value": f"Age must be between 0 and {MAX_AGE}",
        },
    )
    age_band = django_filters.ChoiceFilter(
        label="Age group",
        empty_label="Any age",
        error_messages={"invalid_choice": "We do not recognise that age group, so it is not used"},
    )
    applies = django_filters.MultipleChoiceFilter(
        label="Do any of these apply?",
        error_messages={
            "invalid_choice": "We do not recognise one of the situations chosen, so they are "
            "not used",
            "invalid_list": "We do not recognise the situations chosen, so they are not used",
        },
    )
    free = django_filters.ChoiceFilter(
        choices=[("1", FREE_LABEL)],
        label="Cost",
        empty_label=None,
        error_messages={"invalid_choice": "To show only free services, use free=1"},
    )

    hints = {
        "q": 'For example, a service name, "anxiety" or "counselling"',
        "age": f"The age of the person who needs support, from 0 to {MAX_AGE}",
        "applies": "Some services are only for young people in these situations. Choose what "
        "applies to hide the ones that are not open to them.",
    }

    class Meta:
        model = Service
        fields = []

    def __init__(self, data=None, *args, **kwargs):
        super().__init__(data, *args, **kwargs)
        # Not appended to the kept rows: this process shares them with every other request.
        self.choices = {**choice_rows()}
        self.choices["applies"] = (*self.choices["applies"], (NONE_APPLY, NONE_APPLY_LABEL))
        for name, choices in self.choices.items():
            self.filters[name].extra["choices"] = choices

    def selection(self):
        """The values accepted, as a Selection: a value refused is not used."""
        data = self.form.cleaned_data
        vocabularies = {}
        for vocabulary in FILTERED:
            value = data.get(vocabulary.key)
            if value:
                vocabularies[vocabulary.key] = tuple(value) if isinstance(value, list) else (value,)
        age_range = None
        if data.get("age_band"):
            band = AgeBand.objects.get(slug=data["age_band"])
            age_range = (band.min_age, band.max_age)
        # The navigator's rule: a service only for people in some situation is shown when
        # one of its situations is chosen; choosing none of them hides it.
        applies = data.get("applies")
        return Selection(
            words=(data.get("q") or "").strip(),
            # Services local to the borough chosen come first among equals.
            local_first=vocabularies.get("borough", ()),
            age=data.get("age"),
            age_range=age_range,
            vocabularies=vocabularies,
            applies=tuple(slug for slug in applies if slug != NONE_APPLY) if applies else None,
            free=bool(data.get("free")),
        )

    def filter_queryset(self, queryset):
        return select_services(queryset, self.selection())

    @property
    def qs(self):
        return super().qs if self.is_bound else Unsearched(self.queryset.all())

    # What the page shows -----------------------------------------------------------------

    def field_names(self):
        """In the order the form shows them: search, where, age, the other vocabularies, cost."""
        others = [vocabulary.key for vocabulary in FILTERED if vocabulary.key != "borough"]
        return ["q", "borough", "age", "age_band", *others, "applies", "free"]

    def fields(self):
        """The form's fields, in order, with their choices, values and errors."""
        errors = dict(self.problems())
        return [self._field(name, errors.get(name, "")) for name in self.field_names()]

    def _field(self, name, error):
        definition = self.filters[name]
        chosen = self.data.getlist(name) if self.is_bound else []
        label = str(definition.label)
        hint = self.hints.get(name, "")
        if name == "free":
            option = _option(name, "1", FREE_LABEL, chosen)
            return Field(name, label, "checkboxes", (option,), error=error)
        if name in self.choices:
            options = tuple(_option(name, slug, text, chosen) for slug, text in self.choices[name])
            if isinstance(definition, django_filters.MultipleChoiceFilter):
                return Field(name, label, "checkboxes", options, hint=hint, error=error)
            empty = definition.extra.get("empty_label") or ""
            return Field(name, label, "select", options, empty, hint=hint, error=error)
        value = (chosen[-1] if chosen else "")[: MAX_QUERY_LENGTH * 2].replace("\x00", "")
        return Field(name, label, "text", hint=hint, value=value, error=error)

    def problems(self):
        """(field name, message) for each parameter that could not be used."""
        if not self.is_bound or self.is_valid():
            return []
        errors = self.form.errors
        return [(name, errors[name][0]) for name in self.field_names() if name in errors]

    def active_filters(self):
        """The valid filters in use, each with a link to the same search without it."""
        if not self.is_bound:
            return []
        data = self.form.cleaned_data
        active = []
        for name in self.field_names():
            value = data.get(name)
            if value in (None, "", []):
                continue
            for chosen in value if isinstance(value, list) else [value]:
                one_of_several = isinstance(value, list)
                remove_url = url_without(self.data, name, chosen if one_of_several else None)
                active.append(ActiveFilter(self._chosen_text(name, chosen), remove_url))
        return active

    def _chosen_text(self, name, value):
        if name == "q":
            return f"Search: {value}"
        if name == "age":
            return f"Age {int(value)}"
        if name == "age_band":
            return f"Ages {dict(self.choices[name]).get(value, value)}"
        if name == "free":
            return FREE_LABEL
        if name == "applies":
            if value == NONE_APPLY:
                return "None of the situations apply"
            return f"Applies: {dict(self.choices[name]).get(value, value)}"
        label = dict(self.choices[name]).get(value, value)
        return BY_KEY[name].chosen_text(label) if name in BY_KEY else label


ServiceFilter = type(
    "ServiceFilter",
    (ServiceFilterBase,),
    {vocabulary.key: vocabulary_filter(vocabulary) for vocabulary in FILTERED},
)
PARAMETERS = [
    "q", "age", "age_band", "applies", "free", *(vocabulary.key for vocabulary in FILTERED)
]  # fmt: skip
CARRIED = [*PARAMETERS, SHORTLIST_PARAMETER]  # what links on the list keep: the shortlist too


@dataclass(frozen=True)
class ActiveFilter:
    label: str
    remove_url: str


def url_without(query, key, value=None):
    """The query string without one value of `key` (or all of them), back on page 1."""
    kept = QueryDict(mutable=True)
    for name, values in query.lists():
        if name == "page" or name not in CARRIED:
            continue
        for v in values:
            if not (name == key and (value is None or v == value)):
                kept.appendlist(name, v)
    encoded = kept.urlencode()
    return f"?{encoded}" if encoded else "?"
