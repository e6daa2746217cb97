"""/api/v1/openapi.json: what this API serves, as OpenAPI 3.0.

The profile's own paths (ORUK 3.0: /, /services, /services/{id}, /taxonomies…), the
parameters we take (the profile's and the directory's), and the shapes we answer with,
written here rather than copied from the profile, so that a deployment needs nothing beside
the code. tests/openreferral/test_openapi.py checks the document is valid OpenAPI 3 and
fuzzes the live API against it.
"""

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from directory.search.words import MAX_QUERY_LENGTH

from .params import (
    DEFAULT_PER_PAGE,
    FALSE_WORDS,
    MAX_AGE_ASKED,
    MAX_PER_PAGE,
    TRUE_WORDS,
)
from .records import EXTENSIONS

ORUK_SCHEMAS = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def _ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


STRING = {"type": "string"}
UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string", "minLength": 1}  # an optional field, when present, has a value


def _object(required, **properties):
    return {"type": "object", "required": list(required), "properties": properties}


def _array(items):
    """An array the record always has, empty where there is nothing."""
    return {"type": "array", "items": items}


def _extension(schema, what):
    """A field beyond the UK profile (records.EXTENSIONS)."""
    return {**schema, "description": f"Extension to the UK profile: {what}"}


EMPTY_ARRAY = {"type": "array", "items": {"type": "object"}, "maxItems": 0}


TERM = _object(
    ("id", "name", "description", "taxonomy", "taxonomy_id", "term"),
    id=UUID,
    name=STRING,
    description=STRING,
    taxonomy=STRING,
    taxonomy_id=UUID,
    term=STRING,
    term_uri={"type": "string", "format": "uri"},
)
ORGANIZATION = _object(
    ("id", "name", "description"),
    id=UUID,
    name=STRING,
    description=STRING,
    website={"type": "string", "format": "uri"},
    organization_identifiers=EMPTY_ARRAY,
    attributes=EMPTY_ARRAY,
)
PHONE = _object(("id", "number"), id=UUID, number=TEXT, description=TEXT)
SERVICE = _object(
    ("id", "organization_id", "name", "status"),
    id=UUID,
    organization_id=UUID,
    name=STRING,
    status={"type": "string", "enum": ["active"]},
    crisis=_extension({"type": "boolean"}, EXTENSIONS["crisis"]),
    summary=_extension(TEXT, EXTENSIONS["summary"]),
    description=TEXT,
    url={"type": "string", "format": "uri"},
    referral_url=_extension({"type": "string", "format": "uri"}, EXTENSIONS["referral_url"]),
    email={"type": "string", "format": "email"},
    minimum_age={"type": "integer", "minimum": 0},
    maximum_age={"type": "integer", "minimum": 0},
    eligibility_description=_extension(TEXT, EXTENSIONS["eligibility_description"]),
    application_process=_extension(TEXT, EXTENSIONS["application_process"]),
    fees=TEXT,
    fees_description=_extension(TEXT, EXTENSIONS["fees_description"]),
    assured_date={"type": "string", "format": "date"},
    last_modified={"type": "string", "format": "date-time"},
    organization=_ref("Organization"),
)
ADDRESS = _object(
    ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
    id=UUID,
    location_id=UUID,
    address_1=STRING,
    address_2=_extension(TEXT, EXTENSIONS["address_2"]),
    city=STRING,
    state_province=STRING,
    postal_code=STRING,
    country=STRING,
    address_type={"type": "string", "enum": ["physical", "postal", "virtual"]},
    attributes=EMPTY_ARRAY,
)
LOCATION = _object(
    ("id", "location_type", "addresses"),
    id=UUID,
    location_type={"type": "string", "enum": ["physical", "postal", "virtual"]},
    name=TEXT,
    addresses=_array(ADDRESS),
    physical_addresses=_extension(_array(ADDRESS), EXTENSIONS["physical_addresses"]),
    accessibility=EMPTY_ARRAY,
    attributes=EMPTY_ARRAY,
)
SERVICE_AT_LOCATION = _object(
    ("id", "service_id", "location_id", "location"),
    id=UUID,
    service_id=UUID,
    location_id=UUID,
    location=_ref("Location"),
)
RECORD_ARRAYS = (
    "phones", "contacts", "schedules", "service_areas", "service_at_locations", "languages",
    "funding", "cost_options", "attributes",
)  # fmt: skip
SERVICE_RECORD = {
    "allOf": [_ref("Service")],
    "type": "object",
    "required": list(RECORD_ARRAYS),
    "properties": {
        "phones": _extension(_array(PHONE), EXTENSIONS["phones"]),
        "funding": EMPTY_ARRAY,
        "contacts": _array(
            _object(
                ("id", "service_id", "phones", "attributes"),
                id=UUID,
                service_id=UUID,
                name=TEXT,
                email={"type": "string", "format": "email"},
                phones=_extension(_array(PHONE), EXTENSIONS["phones"]),
                attributes=EMPTY_ARRAY,
            )
        ),
        "schedules": _array(_object(("id", "description"), id=UUID, description=TEXT)),
        "service_areas": _array(
            _object(
                ("id", "name"),
                id=UUID,
                name=TEXT,
                service_area=TEXT,
                extent_type=TEXT,
                extent=TEXT,
                uri={"type": "string", "format": "uri"},
            )
        ),
        "service_at_locations": _array(_ref("ServiceAtLocation")),
        "languages": _array(
            _object(
                ("id", "name"),
                id=UUID,
                name=_extension(TEXT, EXTENSIONS["languages[].name"]),
            )
        ),
        "cost_options": _array(
            _object(
                ("id", "option"),
                id=UUID,
                option={"type": "string", "enum": ["Free", "Paid"]},
                amount={"type": "number"},
                amount_description=TEXT,
            )
        ),
        "attributes": _array(
            _object(
                ("id", "link_id", "link_type", "taxonomy_term_id", "taxonomy_term"),
                id=UUID,
                link_id=UUID,
                link_type={"type": "string", "enum": ["service"]},
                taxonomy_term_id=UUID,
                taxonomy_term=_ref("TaxonomyTerm"),
            )
        ),
    },
}
MINIMAL_SERVICE = _object(
    ("id", "last_modified"),
    id=UUID,
    last_modified={"type": "string", "format": "date-time"},
)
TAXONOMY = _object(
    ("id", "name", "description"),
    id=UUID,
    name=STRING,
    description=STRING,
    taxonomy_terms={"type": "array", "items": _ref("TaxonomyTerm")},
)
PAGE = _object(
    ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"),
    total_items={"type": "integer", "minimum": 0},
    total_pages={"type": "integer", "minimum": 0},
    page_number={"type": "integer", "minimum": 1},
    size={"type": "integer", "minimum": 0, "maximum": MAX_PER_PAGE},
    first_page={"type": "boolean"},
    last_page={"type": "boolean"},
    empty={"type": "boolean"},
    totalElements=_extension({"type": "integer", "minimum": 0}, "ORUK 1.0 name of total_items"),
    totalPages=_extension({"type": "integer", "minimum": 0}, "ORUK 1.0 name of total_pages"),
    number=_extension({"type": "integer", "minimum": 1}, "ORUK 1.0 name of page_number"),
    first=_extension({"type": "boolean"}, "ORUK 1.0 name of first_page"),
    last=_extension({"type": "boolean"}, "ORUK 1.0 name of last_page"),
)
ERROR = _object(
    ("status", "error"),
    status={"type": "integer"},
    error=STRING,
    errors={
        "type": "object",
        "description": "For a 400: each parameter that was wrong, and why",
        "additionalProperties": {"type": "array", "items": STRING},
    },
)
NAVIGATOR = _object(
    ("urgent_help_shown", "count", "matches"),
    urgent_help_shown={"type": "boolean"},
    urgent_help_url={"type": "string", "format": "uri"},
    lines={"type": "array", "items": {"type": "object"}},
    local_line={"type": "object"},
    count={"type": "integer", "minimum": 0},
    matches={"type": "array", "items": {"type": "object"}},
    next_steps={"type": "array", "items": {"type": "object"}},
)


def _query(name, schema, description, repeatable=False):
    parameter = {"name": name, "in": "query", "required": False, "description": description}
    if repeatable:
        parameter.update(schema={"type": "array", "items": schema}, style="form", explode=True)
    else:
        parameter["schema"] = schema
    return parameter


SLUG = {"type": "string", "pattern": "^[a-z0-9-]+$", "maxLength": 50}
ID = {"type": "string", "maxLength": 200}
BOOLEAN = {"type": "string", "enum": list(TRUE_WORDS + FALSE_WORDS)}
PAGING = [
    _query("page", {"type": "integer", "minimum": 1, "default": 1}, "Page number, from 1"),
    _query(
        "per_page",
        {"type": "integer", "minimum": 1, "default": DEFAULT_PER_PAGE},
        f"Results on a page; more than {MAX_PER_PAGE} is served as {MAX_PER_PAGE}",
    ),
    _query("format", {"type": "string", "enum": ["json"]}, "Only json is served"),
]
SEARCH = _query(
    "search",
    {"type": "string", "maxLength": MAX_QUERY_LENGTH},
    "Words to search for (ORUK 1.0 clients' `text` is read as this)",
)
VOCABULARY = _query(
    "vocabulary",
    ID,
    "A taxonomy's name (`findhelp-needs`…); one that is not ours matches nothing",
    True,
)
AGE = {"type": "number", "minimum": 0, "maximum": MAX_AGE_ASKED}
FILTERS = [
    SEARCH,
    _query(
        "taxonomy_term_id",
        ID,
        "Linked to any of these terms; an id that is not one of ours matches nothing",
        True,
    ),
    _query(
        "taxonomy_id",
        ID,
        "Linked to any term of any of these taxonomies; other ids match nothing",
        True,
    ),
    _query("organization_id", ID, "Run by any of these organizations", True),
    VOCABULARY,
    _query(
        "minimum_age",
        AGE,
        "With maximum_age: services whose age range overlaps this range (alone: from this age)",
    ),
    _query("maximum_age", AGE, "With minimum_age: the top of the age range (alone: up to it)"),
    _query(
        "postcode",
        {"type": "string", "maxLength": 10},
        "A UK postcode or district: services for its London borough(s), and national ones",
    ),
    _query(
        "modified_after",
        {"type": "string", "format": "date-time"},
        "Changed on or after this date or date-time",
    ),
    _query("full", BOOLEAN, "true: each service fully nested, as /services/{id}"),
    *PAGING,
    _query("borough", SLUG, "London borough slug: services there, or national", True),
    _query("need", SLUG, "Need slug (anxiety, low-mood…): services for any of them", True),
    _query("thrive", SLUG, "THRIVE category slug (getting-help…)", True),
    _query("referral", SLUG, "Way in (self, gp, school…)", True),
    _query("delivery", SLUG, "How support is given (online, phone, in-person…)", True),
    _query("audience", SLUG, "Who it is for (young-people, parents-and-carers…)", True),
    _query("free", BOOLEAN, "1 or true: free services only"),
]
SERVICE_FILTERS = [
    *FILTERS,
    _query("minimal", BOOLEAN, "true: each service's id and last_modified only"),
]
ORGANIZATION_PARAMETERS = [
    SEARCH,
    *PAGING,
    _query("full", BOOLEAN, "true: each organization with its services"),
    _query("full_service", BOOLEAN, "true: each organization with its services fully nested"),
    _query(
        "modified_after",
        {"type": "string", "format": "date-time"},
        "With a published service changed on or after this date or date-time",
    ),
]
TAXONOMY_PARAMETERS = [
    SEARCH,
    VOCABULARY,
    *PAGING,
    _query("parent_id", ID, "Children of this: ours have none, so none", True),
]
TERM_PARAMETERS = [
    *TAXONOMY_PARAMETERS,
    _query("taxonomy_id", ID, "Only these taxonomies' terms", True),
    _query("top_only", BOOLEAN, "true: top-level terms only (all of ours are)"),
]
NAVIGATOR_PARAMETERS = [
    _query("urgent", {"type": "string", "enum": ["yes", "no"]}, "Is anyone in danger now?"),
    _query("who", STRING, "young-person, parent-carer or professional"),
    _query("age", STRING, "Age in years"),
    _query("borough", STRING, "Borough slug"),
    _query("postcode", STRING, "Postcode or district, instead of a borough"),
    _query("need", STRING, "Need slug, or not-sure", True),
    _query("impact", STRING, "a-little, quite-a-lot or a-lot"),
    _query("delivery", STRING, "Preferred ways of getting support", True),
]


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": _json(_ref("Error"), "A parameter is wrong: `errors` names it"),
    "503": _json(_ref("Error"), "The database is not answering"),
}


def _page_of(item):
    items = {"type": "array", "items": item}
    legacy = _extension(items, "ORUK 1.0 name of contents (the same items)")
    return {"allOf": [_ref("Page")], "type": "object", "required": ["contents"],
            "properties": {"contents": items, "content": legacy}}  # fmt: skip


def _collection(operation_id, summary, item, parameters, oruk_schema=""):
    description = f"ORUK item schema: {ORUK_SCHEMAS}{oruk_schema}" if oruk_schema else summary
    return {
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "description": description,
            "parameters": parameters,
            "responses": {"200": _json(_page_of(item), summary), **ERRORS},
        }
    }


def _item(operation_id, summary, schema, oruk_schema, parameters=()):
    return {
        "parameters": [
            {"name": "id", "in": "path", "required": True, "schema": UUID, "description": "Id"}
        ],
        "get": {
            "operationId": operation_id,
            "summary": summary,
            "description": f"ORUK schema: {ORUK_SCHEMAS}{oruk_schema}",
            "parameters": list(parameters),
            "responses": {
                "200": _json(schema, summary),
                "404": _json(_ref("Error"), "No such record"),
                **ERRORS,
            },
        },
    }


TAGS = {
    "meta": "This API and its version",
    "services": "Published services",
    "organizations": "Organisations with published services",
    "service_at_locations": "Published services at their places",
    "taxonomies": "Our vocabularies as ORUK taxonomies",
    "taxonomy_terms": "The terms of our vocabularies",
    "navigator": "The navigator's results (not part of ORUK)",
}


def _tagged(document):
    """Each operation tagged by its path's first part (Spectral's operation-tags)."""
    for path, operations in document["paths"].items():
        tag = path.strip("/").split("/")[0] or "meta"
        operations["get"]["tags"] = [tag]
        operations["get"].setdefault("description", operations["get"]["summary"])
    document["tags"] = [{"name": name, "description": text} for name, text in TAGS.items()]
    return document


def document(server_url):
    return _tagged(_document(server_url))


def _document(server_url):
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "Find Help: Open Referral UK API",
            "version": "3.0",
            "description": (
                "Children's and young people's mental health services in London, in the Open "
                "Referral UK 3.0 profile. Read only; any origin may read it (CORS). Lists are "
                "pages; optional fields without a value are left out, arrays are always "
                "sent. Fields beyond the UK profile are marked as extensions. See docs/api.md."
            ),
            "contact": {"name": "Find Help", "url": server_url.rsplit("/api/", 1)[0] + "/"},
            "license": {
                "name": "Open Government Licence v3.0",
                "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/",
            },
        },
        "servers": [{"url": server_url}],
        "paths": {
            "/": {
                "get": {
                    "operationId": "getAPIMetaInformation",
                    "summary": "This API and its relationship with HSDS",
                    "responses": {
                        "200": _json(
                            _object(
                                ("version", "profile", "openapi_url"),
                                version=STRING,
                                profile={"type": "string", "format": "uri"},
                                openapi_url={"type": "string", "format": "uri"},
                            ),
                            "Version, profile and this document's address",
                        )
                    },
                }
            },
            "/services": _collection(
                "getPaginatedListOfServices",
                "Published services, one-to-one fields and organization",
                {"anyOf": [_ref("Service"), _ref("MinimalService")]},
                SERVICE_FILTERS,
                "compiled/service_list.json",
            ),
            "/services/{id}": _item(
                "getFullyNestedServiceById",
                "A fully nested service",
                _ref("ServiceRecord"),
                "compiled/service.json",
            ),
            "/organizations": _collection(
                "getPaginatedListOfOrganizations",
                "Organisations with published services",
                _ref("Organization"),
                ORGANIZATION_PARAMETERS,
                "compiled/organization_list.json",
            ),
            "/organizations/{id}": _item(
                "getOrganizationById",
                "An organisation and its published services",
                {
                    "allOf": [_ref("Organization")],
                    "type": "object",
                    "required": ["services"],
                    "properties": {"services": {"type": "array", "items": _ref("Service")}},
                },
                "compiled/organization.json",
                [_query("full_service", BOOLEAN, "true: each service fully nested")],
            ),
            "/service_at_locations": _collection(
                "getPaginatedListOfServiceAtLocation",
                "Published services at their places",
                {
                    "allOf": [_ref("ServiceAtLocation")],
                    "type": "object",
                    "required": ["service"],
                    "properties": {"service": _ref("Service")},
                },
                FILTERS,
                "compiled/service_at_location_list.json",
            ),
            "/service_at_locations/{id}": _item(
                "getServiceAtLocationWithNestedDataById",
                "The fully nested service given at this place, as the profile declares",
                _ref("ServiceRecord"),
                "compiled/service.json",
            ),
            "/taxonomies": _collection(
                "getPaginatedListOfTaxonomies",
                "Our vocabularies: THRIVE, needs, audiences, ways in, delivery, boroughs",
                _ref("Taxonomy"),
                TAXONOMY_PARAMETERS,
                "taxonomy.json",
            ),
            "/taxonomies/{id}": _item(
                "getTaxonomyById", "A taxonomy and its terms", _ref("Taxonomy"), "taxonomy.json"
            ),
            "/taxonomy_terms": _collection(
                "getPaginatedListOfTaxonomyTerms",
                "Every term of every taxonomy, or of one",
                _ref("TaxonomyTerm"),
                TERM_PARAMETERS,
                "taxonomy_term.json",
            ),
            "/taxonomy_terms/{id}": _item(
                "getTaxonomyTermById", "A taxonomy term", _ref("TaxonomyTerm"), "taxonomy_term.json"
            ),
            "/navigator": {
                "get": {
                    "operationId": "getNavigatorResults",
                    "summary": "The navigator's results for its answers (not part of ORUK)",
                    "description": (
                        "The same plain parameters as /help/results/ (docs/navigator.md); "
                        "urgent=yes answers with urgent help alone."
                    ),
                    "parameters": NAVIGATOR_PARAMETERS,
                    "responses": {
                        "200": _json(_ref("NavigatorResults"), "Matches, or urgent help"),
                        "400": _json(
                            _object(
                                ("errors",),
                                errors={
                                    "type": "object",
                                    "additionalProperties": {"type": "array", "items": STRING},
                                },
                            ),
                            "An answer is wrong: `errors` names it",
                        ),
                        "503": ERRORS["503"],
                    },
                }
            },
        },
        "components": {
            "schemas": {
                "Page": PAGE,
                "Service": SERVICE,
                "ServiceRecord": SERVICE_RECORD,
                "MinimalService": MINIMAL_SERVICE,
                "Organization": ORGANIZATION,
                "Location": LOCATION,
                "ServiceAtLocation": SERVICE_AT_LOCATION,
                "Taxonomy": TAXONOMY,
                "TaxonomyTerm": TERM,
                "Error": ERROR,
                "NavigatorResults": NAVIGATOR,
            }
        },
    }


@csrf_exempt
@require_safe
def openapi_document(request):
    server = request.build_absolute_uri(reverse("openreferral:root")).rstrip("/")
    return JsonResponse(document(server))
