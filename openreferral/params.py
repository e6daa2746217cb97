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

from django import forms

from directory.filters import choice_rows
from directory.postcodes.lookup import PostcodeNotRecognised, find_district

from .query_parameters import (
    DEFAULT_PER_PAGE,
    MAX_PER_PAGE,
    ORGANIZATION,
    ORGANIZATIONS,
    PLACES,
    SERVICES,
    TAXONOMIES,
    TERMS,
    form_fields,
    taken_by,
)
from .taxonomy import BY_ID, BY_NAME, term_index, term_slugs

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


class DeclaredForm(forms.Form):
    """A form whose fields are the parameters its endpoint takes, as query_parameters.py
    declares them (the same declarations the OpenAPI document is built from)."""

    endpoint = ""

    def __init__(self, data):
        super().__init__(data)
        self.rows = self.vocabulary_rows()
        self.fields.update(form_fields(self.endpoint, self.rows))

    def vocabulary_rows(self):
        """The vocabularies' (slug, label) rows, for forms whose fields need them."""
        return None


class ListForm(DeclaredForm):
    """Paging for every list, and the rule that an ORUK parameter the endpoint does not
    implement is a 400 naming it."""

    def __init__(self, data):
        data = data.copy()
        taken = {parameter.name for parameter in taken_by(self.endpoint)}
        for alias, name in ALIASES.items():
            if alias in data and name in taken and name not in data:
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


class ServiceListForm(ListForm):
    """/service_at_locations (and, with `minimal`, /services): ORUK's parameters plus the
    directory's, each of which may be given several times (the website takes one borough)."""

    endpoint = PLACES

    def vocabulary_rows(self):
        return choice_rows()

    def clean_taxonomy_term_id(self):
        """(taxonomy, slug) of each id that is one of our terms; `None` when ids were given
        but none is ours, so the list is empty rather than unfiltered."""
        ids = self.cleaned_data["taxonomy_term_id"]
        return _known(ids, term_index()) if ids else []

    def clean_taxonomy_id(self):
        return self._with_slugs(_known(self.cleaned_data["taxonomy_id"], BY_ID))

    def clean_vocabulary(self):
        return self._with_slugs(_known(self.cleaned_data["vocabulary"], BY_NAME))

    def _with_slugs(self, taxonomies):
        """Each taxonomy with its terms' slugs: a service linked to any of them matches."""
        if not taxonomies:
            return taxonomies
        return [(taxonomy, term_slugs(taxonomy)) for taxonomy in taxonomies]

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

    endpoint = SERVICES


def _known(ids, index):
    """The entries of `index` these ids name: [] when none were asked, None when some were
    but none is ours (so the list is empty, not unfiltered)."""
    if not ids:
        return []
    found = [index[item] for item in ids if item in index]
    return found or None


class OrganizationListForm(ListForm):
    endpoint = ORGANIZATIONS


class TaxonomyListForm(ListForm):
    """/taxonomies: `vocabulary` is a taxonomy's name (ServiceFinder sends it); nothing of ours
    has a parent (`parent_id`: an empty page)."""

    endpoint = TAXONOMIES

    def clean_vocabulary(self):
        return _known(self.cleaned_data["vocabulary"], BY_NAME)


class TermListForm(TaxonomyListForm):
    """/taxonomy_terms: all terms, or one taxonomy's. Our terms have no parents: every term
    is top level, and none has children (`parent_id`)."""

    endpoint = TERMS

    def clean_taxonomy_id(self):
        return _known(self.cleaned_data["taxonomy_id"], BY_ID)


class DetailForm(DeclaredForm):
    """/organizations/{id}: ORUK's `full_service` nests each service whole."""

    endpoint = ORGANIZATION


def parameter_errors(form):
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}
