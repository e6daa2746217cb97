"""The query parameters of the list endpoints, checked before anything is looked up.

A bad value is a 400 that names the parameter (`errors`), never a 500 and never ignored.
"""

from django import forms

from directory.filters import choice_rows
from directory.numbers import WholeNumberField
from directory.search import MAX_QUERY_LENGTH
from directory.vocabulary import BY_KEY
from navigator.postcodes import PostcodeNotRecognised, find_district

from .taxonomy import BY_ID, TAXONOMIES, term_index

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 100
MAX_AGE_ASKED = 150  # any age a person can be; the directory's services stop at 25
TRUE_WORDS = ("1", "true")
FALSE_WORDS = ("0", "false")
# The directory's own parameters (the URL contract of /services/), and the ServiceQuerySet
# method each calls: the vocabulary's.
VOCABULARY_PARAMETERS = ("borough", "need", "thrive", "referral", "delivery", "audience")


class UUIDField(forms.UUIDField):
    """An id in ASCII hex digits only: Python's uuid.UUID() also reads other scripts' digits."""

    def to_python(self, value):
        if isinstance(value, str) and not value.isascii():
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class PagingForm(forms.Form):
    page = WholeNumberField(required=False, min_value=1)
    per_page = WholeNumberField(required=False, min_value=1, max_value=MAX_PER_PAGE)

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def clean_per_page(self):
        return self.cleaned_data["per_page"] or DEFAULT_PER_PAGE


class SearchFilterForm(PagingForm):
    """/services and /service_at_locations: ORUK's parameters plus the directory's."""

    search = forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True)
    taxonomy_term_id = UUIDField(required=False)
    taxonomy_id = UUIDField(required=False)
    minimum_age = WholeNumberField(required=False, min_value=0, max_value=MAX_AGE_ASKED)
    maximum_age = WholeNumberField(required=False, min_value=0, max_value=MAX_AGE_ASKED)
    postcode = forms.CharField(required=False, max_length=10, strip=True)
    free = forms.ChoiceField(
        required=False, choices=[(word, word) for word in TRUE_WORDS + FALSE_WORDS]
    )

    def __init__(self, data):
        super().__init__(data)
        self.rows = choice_rows()
        for key in VOCABULARY_PARAMETERS:
            vocabulary = BY_KEY[key]
            field_class = forms.MultipleChoiceField if vocabulary.repeatable else forms.ChoiceField
            self.fields[key] = field_class(required=False, choices=self.rows[key])
        # borough and referral are single on the website; the API takes several of each too.
        self.fields["borough"] = forms.MultipleChoiceField(
            required=False, choices=self.rows["borough"]
        )
        self.fields["referral"] = forms.MultipleChoiceField(
            required=False, choices=self.rows["referral"]
        )

    def clean_taxonomy_term_id(self):
        term_id = self.cleaned_data["taxonomy_term_id"]
        if term_id is None:
            return None
        terms = term_index(self.rows)
        if str(term_id) not in terms:
            raise forms.ValidationError("There is no taxonomy term with this id")
        return terms[str(term_id)]

    def clean_taxonomy_id(self):
        taxonomy_id = self.cleaned_data["taxonomy_id"]
        if taxonomy_id is None:
            return None
        if str(taxonomy_id) not in BY_ID:
            raise forms.ValidationError("There is no taxonomy with this id")
        taxonomy = BY_ID[str(taxonomy_id)]
        return taxonomy, [slug for slug, _ in self.rows[taxonomy.key]]

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

    def clean_free(self):
        return self.cleaned_data["free"] in TRUE_WORDS

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("minimum_age"), cleaned.get("maximum_age")
        if low is not None and high is not None and low > high:
            self.add_error("maximum_age", "maximum_age must not be below minimum_age")
        return cleaned


def parameter_errors(form):
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


class TermListForm(PagingForm):
    """/taxonomy_terms: all terms, or one taxonomy's."""

    taxonomy_id = forms.ChoiceField(
        required=False, choices=[(taxonomy.id, taxonomy.name) for taxonomy in TAXONOMIES]
    )
