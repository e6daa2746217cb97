"""Every query parameter the API takes, declared once: its name, the form field that checks it,
its OpenAPI schema, what it means and which endpoints take it.

openreferral/params.py builds each endpoint's form from this table, and openreferral/openapi.py
builds each operation's `parameters` from it, so a parameter cannot be taken without being
described. The navigator's answers (/api/v1/navigator) are checked by its own forms
(navigator/forms.py ResultsForm, from the names navigator/answers.py PARAMETERS lets through);
they are described here too, and the document is built from those names, so one added there
without a description here stops the document being built.
tests/openreferral/test_openapi.py also sends every field name of every form to every
endpoint and checks that each one the answer depends on is in the document.
"""

from dataclasses import dataclass

from django import forms

from directory.facts import Who
from directory.search.words import MAX_QUERY_LENGTH
from directory.whole_numbers import WholeNumberField

from .parameter_fields import (
    FALSE_WORDS,
    MAX_AGE_ASKED,
    TRUE_WORDS,
    AgeField,
    BooleanWordField,
    DateTimeField,
    IdsField,
    VocabularyField,
)

DEFAULT_PER_PAGE = 20
MAX_PER_PAGE = 1000  # a larger per_page is served as this many, not refused

# The operations that take query parameters, by their path under /api/v1.
SERVICES = "/services"
PLACES = "/service_at_locations"
ORGANIZATIONS = "/organizations"
ORGANIZATION = "/organizations/{id}"
TAXONOMIES = "/taxonomies"
TERMS = "/taxonomy_terms"
NAVIGATOR = "/navigator"
LISTS = (SERVICES, PLACES, ORGANIZATIONS, TAXONOMIES, TERMS)
SERVICE_LISTS = (SERVICES, PLACES)

STRING = {"type": "string"}
SLUG = {"type": "string", "pattern": "^[a-z0-9-]+$", "maxLength": 50}
ID = {"type": "string", "maxLength": 200}
BOOLEAN = {"type": "string", "enum": list(TRUE_WORDS + FALSE_WORDS)}
AGE = {"type": "number", "minimum": 0, "maximum": MAX_AGE_ASKED}
DATE_TIME = {"type": "string", "format": "date-time"}


@dataclass(frozen=True)
class Parameter:
    name: str
    endpoints: tuple  # the paths that take it, with this meaning
    schema: dict
    description: str
    field: object = None  # (vocabulary rows) -> the form field that checks it; None: navigator
    repeatable: bool = False

    def openapi(self):
        """As an OpenAPI 3.0 query parameter."""
        described = {"name": self.name, "in": "query", "required": False}
        described["description"] = self.description
        if self.repeatable:
            schema = {"type": "array", "items": self.schema}
            return {**described, "schema": schema, "style": "form", "explode": True}
        return {**described, "schema": self.schema}


def _ids(rows):
    return IdsField(required=False)


def _boolean(rows):
    return BooleanWordField(required=False)


# The directory's own parameters (the URL contract of /services/): each applied with its
# vocabulary's ServiceQuerySet method (directory/selectors.py).
VOCABULARIES = {
    "borough": "London borough slug: services there, or national",
    "need": "Need slug (anxiety, low-mood…): services for any of them",
    "thrive": "THRIVE category slug (getting-help…)",
    "referral": "Way in (self, gp, school…)",
    "delivery": "How support is given (online, phone, in-person…)",
    "audience": "Who it is for (young-people, parents-and-carers…)",
}
VOCABULARY_PARAMETERS = tuple(VOCABULARIES)


def _vocabulary(key, description):
    """One of the directory's vocabularies, repeatable: the same name and values as on
    /services/ (directory/vocabulary.py)."""
    return Parameter(
        key, SERVICE_LISTS, SLUG, description, lambda rows: VocabularyField(rows[key]), True
    )


# In the order each endpoint's form checks them (and its 400 names them).
PARAMETERS = (
    Parameter(
        "page",
        LISTS,
        {"type": "integer", "minimum": 1, "default": 1},
        "Page number, from 1",
        lambda rows: WholeNumberField(required=False, min_value=1),
    ),
    Parameter(
        "per_page",
        LISTS,
        {"type": "integer", "minimum": 1, "default": DEFAULT_PER_PAGE},
        f"Results on a page; more than {MAX_PER_PAGE} is served as {MAX_PER_PAGE}",
        lambda rows: WholeNumberField(required=False, min_value=1),
    ),
    Parameter(
        "format",
        LISTS,
        {"type": "string", "enum": ["json"]},
        "Only json is served",
        lambda rows: forms.ChoiceField(
            required=False,
            choices=[("json", "json")],
            error_messages={"invalid_choice": "Not supported: only json (ndjson is not served)"},
        ),
    ),
    Parameter(
        "search",
        LISTS,
        {"type": "string", "maxLength": MAX_QUERY_LENGTH},
        "Words to search for (ORUK 1.0 clients' `text` is read as this)",
        lambda rows: forms.CharField(required=False, max_length=MAX_QUERY_LENGTH, strip=True),
    ),
    Parameter(
        "taxonomy_term_id",
        SERVICE_LISTS,
        ID,
        "Linked to any of these terms; an id that is not one of ours matches nothing",
        _ids,
        True,
    ),
    Parameter(
        "taxonomy_id",
        SERVICE_LISTS,
        ID,
        "Linked to any term of any of these taxonomies; other ids match nothing",
        _ids,
        True,
    ),
    Parameter(
        "organization_id", SERVICE_LISTS, ID, "Run by any of these organizations", _ids, True
    ),
    Parameter(
        "vocabulary",
        (*SERVICE_LISTS, TAXONOMIES, TERMS),
        ID,
        "A taxonomy's name (`findhelp-needs`…); one that is not ours matches nothing",
        _ids,
        True,
    ),
    Parameter(
        "minimum_age",
        SERVICE_LISTS,
        AGE,
        "With maximum_age: services whose age range overlaps this range (alone: from this age)",
        lambda rows: AgeField(),
    ),
    Parameter(
        "maximum_age",
        SERVICE_LISTS,
        AGE,
        "With minimum_age: the top of the age range (alone: up to it)",
        lambda rows: AgeField(),
    ),
    Parameter(
        "postcode",
        SERVICE_LISTS,
        {"type": "string", "maxLength": 10},
        "A UK postcode or district: services for its London borough(s), and national ones",
        lambda rows: forms.CharField(required=False, max_length=10, strip=True),
    ),
    Parameter(
        "modified_after",
        SERVICE_LISTS,
        DATE_TIME,
        "Changed on or after this date or date-time",
        lambda rows: DateTimeField(required=False),
    ),
    Parameter(
        "full",
        SERVICE_LISTS,
        BOOLEAN,
        "true: each service fully nested, as /services/{id}",
        _boolean,
    ),
    Parameter("free", SERVICE_LISTS, BOOLEAN, "1 or true: free services only", _boolean),
    Parameter(
        "minimal", (SERVICES,), BOOLEAN, "true: each service's id and last_modified only", _boolean
    ),
    Parameter(
        "full", (ORGANIZATIONS,), BOOLEAN, "true: each organization with its services", _boolean
    ),
    Parameter(
        "full_service",
        (ORGANIZATIONS,),
        BOOLEAN,
        "true: each organization with its services fully nested",
        _boolean,
    ),
    Parameter(
        "modified_after",
        (ORGANIZATIONS,),
        DATE_TIME,
        "With a published service changed on or after this date or date-time",
        lambda rows: DateTimeField(required=False),
    ),
    Parameter(
        "parent_id",
        (TAXONOMIES, TERMS),
        ID,
        "Children of this: ours have none, so none",
        _ids,
        True,
    ),
    Parameter("taxonomy_id", (TERMS,), ID, "Only these taxonomies' terms", _ids, True),
    Parameter(
        "top_only", (TERMS,), BOOLEAN, "true: top-level terms only (all of ours are)", _boolean
    ),
    Parameter(
        "full_service", (ORGANIZATION,), BOOLEAN, "true: each service fully nested", _boolean
    ),
    *(_vocabulary(key, description) for key, description in VOCABULARIES.items()),
    # The navigator's answers, checked by navigator/forms.py (docs/navigator.md).
    Parameter(
        "urgent",
        (NAVIGATOR,),
        {"type": "string", "enum": ["yes", "no"]},
        "Is anyone in danger now?",
    ),
    Parameter("who", (NAVIGATOR,), STRING, f"{', '.join(Who.values[:-1])} or {Who.values[-1]}"),
    Parameter("age", (NAVIGATOR,), STRING, "Age in years"),
    Parameter("borough", (NAVIGATOR,), STRING, "Borough slug"),
    Parameter("postcode", (NAVIGATOR,), STRING, "Postcode or district, instead of a borough"),
    Parameter("need", (NAVIGATOR,), STRING, "Need slug, or not-sure", repeatable=True),
    Parameter("impact", (NAVIGATOR,), STRING, "a-little, quite-a-lot or a-lot"),
    Parameter(
        "applies",
        (NAVIGATOR,),
        STRING,
        "Situations that apply, from the findhelp-eligibility taxonomy's terms that restrict "
        "a service (looked-after-or-care-leaver, young-carer…), or none; absent means none",
        repeatable=True,
    ),
    Parameter(
        "delivery", (NAVIGATOR,), STRING, "Preferred ways of getting support", repeatable=True
    ),
    Parameter("free", (NAVIGATOR,), {"type": "string", "enum": ["1"]}, "1: free services only"),
)


def taken_by(endpoint):
    """The parameters this endpoint takes, in order."""
    return [parameter for parameter in PARAMETERS if endpoint in parameter.endpoints]


def described(endpoint, names=None):
    """The endpoint's parameters as OpenAPI; with `names`, those, in that order (a name that
    is not declared for the endpoint is a KeyError: describe it here first)."""
    taken = {parameter.name: parameter for parameter in taken_by(endpoint)}
    chosen = taken.values() if names is None else [taken[name] for name in names]
    return [parameter.openapi() for parameter in chosen]


def form_fields(endpoint, rows=None):
    """{name: form field} for each parameter the endpoint takes, in order."""
    return {parameter.name: parameter.field(rows) for parameter in taken_by(endpoint)}
