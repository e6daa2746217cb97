"""The query parameters of the list endpoints, checked before anything is looked up.

Lenient where the published clients are, strict where it matters:

- `per_page` above MAX_PER_PAGE is served as MAX_PER_PAGE (the DfE tester asks for 500);
- ages are numbers, as ORUK declares them (`minimum_age=5.0`);
- a term, taxonomy or organisation id we do not hold (another directory's, or a CURIE such as
  `esdServiceType:242`) matches nothing: an empty page, not an error;
- a filter given several times matches any of its values; different filters all apply;
- every parameter the ORUK 3.0 openapi.json names is either implemented on an endpoint or
  answered with a 400 that names it as unsupported there (UNSUPPORTED, `not_here`), never
  silently ignored.

A bad value is a 400 that names the parameter (`errors`), never a 500.
"""

import datetime

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from directory.filters import choice_rows
from directory.postcodes.lookup import PostcodeNotRecognised, find_district
from directory.search.words import MAX_QUERY_LENGTH
from directory.whole_numbers import WholeNumberField

from .taxonomy import BY_ID, BY_NAME, term_index, term_slugs

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 1000  # a larger per_page is served as this many, not refused
MAX_AGE_ASKED = 150  # any age a person can be; the directory's services stop at 25
MAX_IDS = 50  # values of one id filter that are looked up
TRUE_WORDS = ("1", "true", "yes")
FALSE_WORDS = ("0", "false", "no")
# The directory's own parameters (the URL contract of /services/), and the ServiceQuerySet
# method each calls: the vocabulary's.
VOCABULARY_PARAMETERS = ("borough", "need", "thrive", "referral", "delivery", "audience")

# The parameters the ORUK 3.0 openapi.json declares (components.parameters), and the older
# ORUK 1.0 names published clients still send, that this API does not implement: why not.
UNSUPPORTED = {
    "start_time": "we hold opening hours as text, not as times",
    "end_time": "we hold opening hours as text, not as times",
    "day": "we hold opening hours as text, not as days",
    "startTime": "we hold opening hours as text, not as times",
    "endTime": "we hold opening hours as text, not as times",
    "proximity": "we hold no coordinates: postcode alone finds the services for its borough",
    "coverage": "use postcode: the services for its borough, and national ones",
    "circumstance": "we have no circumstances vocabulary: see /taxonomies for ours",
}
# Every name in the ORUK 3.0 openapi.json's components.parameters: on a list endpoint each is
# either a field of its form or refused as not supported there.
ORUK_PARAMETERS = (
    "search", "page", "per_page", "minimal", "full", "modified_after", "taxonomy_term_id",
    "taxonomy_id", "organization_id", "full_service", "postcode", "proximity", "format",
    "minimum_age", "maximum_age", "start_time", "end_time", "day",
)  # fmt: skip
# Parameters some clients use that mean one of ours (ORUK 1.0 called search `text`).
ALIASES = {"text": "search"}


class UUIDField(forms.UUIDField):
    """An id in ASCII hex digits only: Python's uuid.UUID() also reads other scripts' digits."""

    def to_python(self, value):
        if isinstance(value, str) and not value.isascii():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class IdsField(forms.Field):
    """Ids, repeated or comma-separated: each kept as text (stripped), at most MAX_IDS. Ids we
    do not hold are not an error: they match nothing."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list) else [value] if value else []
        ids = [part.strip() for item in values for part in str(item).split(",") if part.strip()]
        if len(ids) > MAX_IDS:
            raise forms.ValidationError(f"At most {MAX_IDS} ids")
        if any(len(item) > 200 or "\x00" in item for item in ids):
            raise forms.ValidationError("An id is at most 200 characters")
        return ids


class BooleanWordField(forms.Field):
    """true/false, 1/0, yes/no; absent is False."""

    def to_python(self, value):
        if value in (None, ""):
            return False
        word = str(value).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise forms.ValidationError("Write true or false")


class AgeField(forms.FloatField):
    """An age as ORUK declares it, a number: "5", "5.0" and "5.5" are all read (a person of
    5.5 is 5 in whole years). ASCII digits only, as everywhere on the site."""

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_value=MAX_AGE_ASKED, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and not value.isascii():
            raise forms.ValidationError("Write the number with the digits 0 to 9")
        number = super().to_python(value)
        if number is not None and number != number:  # NaN
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def clean(self, value):
        number = super().clean(value)
        return None if number is None else int(number)


class DateTimeField(forms.Field):
    """An ISO 8601 date or date-time (ORUK's `modified_after`); a date means its midnight, a
    time without an offset is London's."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().replace(" ", "+")  # an unencoded + arrives as a space
        try:
            moment = parse_datetime(text)
            if moment is None and (day := parse_date(text)) is not None:
                moment = datetime.datetime.combine(day, datetime.time())
        except ValueError:
            moment = None
        if moment is None:
            raise forms.ValidationError("Write a date or date-time like 2026-11-30T09:00:00Z")
        try:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            # In UTC: PostgreSQL refuses offsets beyond ±15:59 ("-16:18" is valid ISO 8601).
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("This date is out of range") from None


class ListForm(forms.Form):
    """Paging for every list, and the rule that an ORUK parameter the endpoint does not
    implement is a 400 naming it."""

    page = WholeNumberField(required=False, min_value=1)
    per_page = WholeNumberField(required=False, min_value=1)
    format = forms.ChoiceField(
        required=False,
        choices=[("json", "json")],
        error_messages={"invalid_choice": "Not supported: only json (ndjson is not served)"},
    )

    def __init__(self, data):
        data = data.copy()
        for alias, name in ALIASES.items():
            if alias in data and name in self.base_fields and name not in data:
                data.setlist(name, data.getlist(alias))
        super().__init__(data)
        self.asked_names = set(data)

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean_per_page(self):
        return min(self.cleaned_data["per_page"] or DEFAULT_PER_PAGE, MAX_PER_PAGE)

    def clean(self):
        cleaned = super().clean()
        for name in sorted(self.asked_names):
            if name in UNSUPPORTED:
                self._errors[name] = self.error_class([f"Not supported: {UNSUPPORTED[name]}"])
            elif name in ORUK_PARAMETERS and name not in self.fields:
                self._errors[name] = self.error_class(["Not supported on this list"])
        return cleaned


class TextSearchForm(ListForm):
    search = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True)


class ServiceListForm(TextSearchForm):
    """/services and /service_at_locations: ORUK's parameters plus the directory's."""

    taxonomy_term_id = IdsField(required=False)
    taxonomy_id = IdsField(required=False)
    organization_id = IdsField(required=False)
    vocabulary = IdsField(required=False)
    minimum_age = AgeField()
    maximum_age = AgeField()
    postcode = forms.CharField(required=False, max_length=10, strip=True)
    modified_after = DateTimeField(required=False)
    full = BooleanWordField(required=False)
    free = BooleanWordField(required=False)

    def __init__(self, data):
        super().__init__(data)
        self.rows = choice_rows()
        for key in VOCABULARY_PARAMETERS:
            # Each may be given several times on the API (the website takes one borough).
            self.fields[key] = VocabularyField(self.rows[key])

    def clean_taxonomy_term_id(self):
        """(taxonomy, slug) of each id that is one of our terms; `None` when ids were given
        but none is ours, so the list is empty rather than unfiltered."""
        ids = self.cleaned_data["taxonomy_term_id"]
        return _known(ids, term_index(self.rows)) if ids else []

    def clean_taxonomy_id(self):
        return self._with_slugs(_known(self.cleaned_data["taxonomy_id"], BY_ID))

    def clean_vocabulary(self):
        return self._with_slugs(_known(self.cleaned_data["vocabulary"], BY_NAME))

    def _with_slugs(self, taxonomies):
        """Each taxonomy with its terms' slugs: a service linked to any of them matches."""
        if not taxonomies:
            return taxonomies
        return [(taxonomy, term_slugs(taxonomy, self.rows)) for taxonomy in taxonomies]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"]
        if not postcode:
            return None
        try:
            return find_district(postcode)
        except PostcodeNotRecognised:
            raise forms.ValidationError(
                "Not a UK postcode or postcode district, like W10 or SW6 1AA"
            ) from None

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", "maximum_age must not be below minimum_age")
        return cleaned


class ServiceOnlyListForm(ServiceListForm):
    """/services also answers ORUK's `minimal`: each service's id and last change only."""

    minimal = BooleanWordField(required=False)


class VocabularyField(forms.MultipleChoiceField):
    """One of the directory's vocabularies, repeatable. A value written as another
    directory's term (a CURIE, `esdNeeds:123`, or a number) matches nothing; an unknown slug
    of ours is a mistake worth a 400."""

    def __init__(self, rows):
        super().__init__(required=False, choices=rows)

    def validate(self, value):
        super().validate([item for item in value if not _is_foreign(item)])

    def clean(self, value):
        values = super().clean(value)
        return [item for item in values if not _is_foreign(item)] or (None if values else [])


def _is_foreign(value):
    return ":" in value or value.isdigit()


def _known(ids, index):
    """The entries of `index` these ids name: [] when none were asked, None when some were
    but none is ours (so the list is empty, not unfiltered)."""
    if not ids:
        return []
    found = [index[item] for item in ids if item in index]
    return found or None


class OrganizationListForm(TextSearchForm):
    full = BooleanWordField(required=False)
    full_service = BooleanWordField(required=False)
    modified_after = DateTimeField(required=False)


class TaxonomyListForm(TextSearchForm):
    """/taxonomies: `vocabulary` is a taxonomy's name (ServiceFinder sends it)."""

    vocabulary = IdsField(required=False)
    parent_id = IdsField(required=False)  # nothing of ours has a parent: an empty page

    def clean_vocabulary(self):
        return _known(self.cleaned_data["vocabulary"], BY_NAME)


class TermListForm(TaxonomyListForm):
    """/taxonomy_terms: all terms, or one taxonomy's. Our terms have no parents: every term
    is top level, and none has children (`parent_id`)."""

    taxonomy_id = IdsField(required=False)
    top_only = BooleanWordField(required=False)

    def clean_taxonomy_id(self):
        return _known(self.cleaned_data["taxonomy_id"], BY_ID)


class DetailForm(forms.Form):
    """/organizations/{id}: ORUK's `full_service` nests each service whole."""

    full_service = BooleanWordField(required=False)


def parameter_errors(form):
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}
