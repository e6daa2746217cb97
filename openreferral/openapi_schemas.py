"""The response schemas of /api/v1/openapi.json (openreferral/openapi.py): the shapes of the
records openreferral/records.py writes, by hand, as data. The parameters are not here: they
are built from openreferral/query_parameters.py."""

from .query_parameters import MAX_PER_PAGE, STRING
from .records import EXTENSIONS

ORUK_SCHEMAS = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"


def ref(name):
    return {"$ref": f"#/components/schemas/{name}"}


UUID = {"type": "string", "format": "uuid"}
TEXT = {"type": "string", "minLength": 1}  # an optional field, when present, has a value


def object_of(required, **properties):
    return {"type": "object", "required": list(required), "properties": properties}


def _array(items):
    """An array the record always has, empty where there is nothing."""
    return {"type": "array", "items": items}


def extension(schema, what):
    """A field beyond the UK profile (records.EXTENSIONS)."""
    return {**schema, "description": f"Extension to the UK profile: {what}"}


EMPTY_ARRAY = {"type": "array", "items": {"type": "object"}, "maxItems": 0}


TERM = object_of(
    ("id", "name", "description", "taxonomy", "taxonomy_id", "term"),
    id=UUID,
    name=STRING,
    description=STRING,
    taxonomy=STRING,
    taxonomy_id=UUID,
    term=STRING,
    term_uri={"type": "string", "format": "uri"},
)
ORGANIZATION = object_of(
    ("id", "name", "description"),
    id=UUID,
    name=STRING,
    description=STRING,
    website={"type": "string", "format": "uri"},
    organization_identifiers=EMPTY_ARRAY,
    attributes=EMPTY_ARRAY,
)
PHONE = object_of(("id", "number"), id=UUID, number=TEXT, description=TEXT)
SERVICE = object_of(
    ("id", "organization_id", "name", "status"),
    id=UUID,
    organization_id=UUID,
    name=STRING,
    status={"type": "string", "enum": ["active"]},
    crisis=extension({"type": "boolean"}, EXTENSIONS["crisis"]),
    summary=extension(TEXT, EXTENSIONS["summary"]),
    description=TEXT,
    url={"type": "string", "format": "uri"},
    referral_url=extension({"type": "string", "format": "uri"}, EXTENSIONS["referral_url"]),
    email={"type": "string", "format": "email"},
    minimum_age={"type": "integer", "minimum": 0},
    maximum_age={"type": "integer", "minimum": 0},
    eligibility_description=extension(TEXT, EXTENSIONS["eligibility_description"]),
    application_process=extension(TEXT, EXTENSIONS["application_process"]),
    fees=TEXT,
    fees_description=extension(TEXT, EXTENSIONS["fees_description"]),
    assured_date={"type": "string", "format": "date"},
    last_modified={"type": "string", "format": "date-time"},
    organization=ref("Organization"),
)
ADDRESS = object_of(
    ("id", "address_1", "city", "state_province", "postal_code", "country", "address_type"),
    id=UUID,
    location_id=UUID,
    address_1=STRING,
    address_2=extension(TEXT, EXTENSIONS["address_2"]),
    city=STRING,
    state_province=STRING,
    postal_code=STRING,
    country=STRING,
    address_type={"type": "string", "enum": ["physical", "postal", "virtual"]},
    attributes=EMPTY_ARRAY,
)
LOCATION = object_of(
    ("id", "location_type", "addresses"),
    id=UUID,
    location_type={"type": "string", "enum": ["physical", "postal", "virtual"]},
    name=TEXT,
    addresses=_array(ADDRESS),
    physical_addresses=extension(_array(ADDRESS), EXTENSIONS["physical_addresses"]),
    accessibility=EMPTY_ARRAY,
    attributes=EMPTY_ARRAY,
)
SERVICE_AT_LOCATION = object_of(
    ("id", "service_id", "location_id", "location"),
    id=UUID,
    service_id=UUID,
    location_id=UUID,
    location=ref("Location"),
)
RECORD_ARRAYS = (
    "phones", "contacts", "schedules", "service_areas", "service_at_locations", "languages",
    "funding", "cost_options", "attributes",
)  # fmt: skip
SERVICE_RECORD = {
    "allOf": [ref("Service")],
    "type": "object",
    "required": list(RECORD_ARRAYS),
    "properties": {
        "phones": extension(_array(PHONE), EXTENSIONS["phones"]),
        "funding": EMPTY_ARRAY,
        "contacts": _array(
            object_of(
                ("id", "service_id", "phones", "attributes"),
                id=UUID,
                service_id=UUID,
                name=TEXT,
                email={"type": "string", "format": "email"},
                phones=extension(_array(PHONE), EXTENSIONS["phones"]),
                attributes=EMPTY_ARRAY,
            )
        ),
        "schedules": _array(object_of(("id", "description"), id=UUID, description=TEXT)),
        "service_areas": _array(
            object_of(
                ("id", "name"),
                id=UUID,
                name=TEXT,
                service_area=TEXT,
                extent_type=TEXT,
                extent=TEXT,
                uri={"type": "string", "format": "uri"},
            )
        ),
        "service_at_locations": _array(ref("ServiceAtLocation")),
        "languages": _array(
            object_of(
                ("id", "name"),
                id=UUID,
                name=extension(TEXT, EXTENSIONS["languages[].name"]),
            )
        ),
        "cost_options": _array(
            object_of(
                ("id", "option"),
                id=UUID,
                option={"type": "string", "enum": ["Free", "Paid"]},
                amount={"type": "number"},
                amount_description=TEXT,
            )
        ),
        "attributes": _array(
            object_of(
                ("id", "link_id", "link_type", "taxonomy_term_id", "taxonomy_term"),
                id=UUID,
                link_id=UUID,
                link_type={"type": "string", "enum": ["service"]},
                taxonomy_term_id=UUID,
                taxonomy_term=ref("TaxonomyTerm"),
            )
        ),
    },
}
MINIMAL_SERVICE = object_of(
    ("id", "last_modified"),
    id=UUID,
    last_modified={"type": "string", "format": "date-time"},
)
TAXONOMY = object_of(
    ("id", "name", "description"),
    id=UUID,
    name=STRING,
    description=STRING,
    taxonomy_terms={"type": "array", "items": ref("TaxonomyTerm")},
)
PAGE = object_of(
    ("total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty"),
    total_items={"type": "integer", "minimum": 0},
    total_pages={"type": "integer", "minimum": 0},
    page_number={"type": "integer", "minimum": 1},
    size={"type": "integer", "minimum": 0, "maximum": MAX_PER_PAGE},
    first_page={"type": "boolean"},
    last_page={"type": "boolean"},
    empty={"type": "boolean"},
    totalElements=extension({"type": "integer", "minimum": 0}, "ORUK 1.0 name of total_items"),
    totalPages=extension({"type": "integer", "minimum": 0}, "ORUK 1.0 name of total_pages"),
    number=extension({"type": "integer", "minimum": 1}, "ORUK 1.0 name of page_number"),
    first=extension({"type": "boolean"}, "ORUK 1.0 name of first_page"),
    last=extension({"type": "boolean"}, "ORUK 1.0 name of last_page"),
)
ERROR = object_of(
    ("status", "error"),
    status={"type": "integer"},
    error=STRING,
    errors={
        "type": "object",
        "description": "For a 400: each parameter that was wrong, and why",
        "additionalProperties": {"type": "array", "items": STRING},
    },
)
NAVIGATOR = object_of(
    ("urgent_help_shown", "count", "matches"),
    urgent_help_shown={"type": "boolean"},
    urgent_help_url={"type": "string", "format": "uri"},
    lines={"type": "array", "items": {"type": "object"}},
    local_line={"type": "object"},
    count={"type": "integer", "minimum": 0},
    matches={"type": "array", "items": {"type": "object"}},
    next_steps={"type": "array", "items": {"type": "object"}},
)
