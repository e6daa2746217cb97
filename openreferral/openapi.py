"""/api/v1/openapi.json: what this API serves, as OpenAPI 3.0.

The profile's own paths (ORUK 3.0: /, /services, /services/{id}, /taxonomies…), the
parameters we take (the profile's and the directory's: built from query_parameters.py, the
declarations the forms check with), and the shapes we answer with, written here rather than
copied from the profile, so that a deployment needs nothing beside the code.
tests/openreferral/test_openapi.py checks the document is valid OpenAPI 3 and fuzzes the live
API against it.
"""

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_safe

from navigator.answers import PARAMETERS as NAVIGATOR_ANSWERS

from . import query_parameters as declared
from .openapi_schemas import (
    ERROR,
    LOCATION,
    MINIMAL_SERVICE,
    NAVIGATOR,
    ORGANIZATION,
    ORUK_SCHEMAS,
    PAGE,
    SERVICE,
    SERVICE_AT_LOCATION,
    SERVICE_RECORD,
    STRING,
    TAXONOMY,
    TERM,
    UUID,
    extension,
    object_of,
    ref,
)
from .query_parameters import described


def _json(schema, description):
    return {"description": description, "content": {"application/json": {"schema": schema}}}


ERRORS = {
    "400": _json(ref("Error"), "A parameter is wrong: `errors` names it"),
    "503": _json(ref("Error"), "The database is not answering"),
}


def _page_of(item):
    items = {"type": "array", "items": item}
    legacy = extension(items, "ORUK 1.0 name of contents (the same items)")
    return {"allOf": [ref("Page")], "type": "object", "required": ["contents"],
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
                "404": _json(ref("Error"), "No such record"),
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
                            object_of(
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
                {"anyOf": [ref("Service"), ref("MinimalService")]},
                described(declared.SERVICES),
                "compiled/service_list.json",
            ),
            "/services/{id}": _item(
                "getFullyNestedServiceById",
                "A fully nested service",
                ref("ServiceRecord"),
                "compiled/service.json",
            ),
            "/organizations": _collection(
                "getPaginatedListOfOrganizations",
                "Organisations with published services",
                ref("Organization"),
                described(declared.ORGANIZATIONS),
                "compiled/organization_list.json",
            ),
            "/organizations/{id}": _item(
                "getOrganizationById",
                "An organisation and its published services",
                {
                    "allOf": [ref("Organization")],
                    "type": "object",
                    "required": ["services"],
                    "properties": {"services": {"type": "array", "items": ref("Service")}},
                },
                "compiled/organization.json",
                described(declared.ORGANIZATION),
            ),
            "/service_at_locations": _collection(
                "getPaginatedListOfServiceAtLocation",
                "Published services at their places",
                {
                    "allOf": [ref("ServiceAtLocation")],
                    "type": "object",
                    "required": ["service"],
                    "properties": {"service": ref("Service")},
                },
                described(declared.PLACES),
                "compiled/service_at_location_list.json",
            ),
            "/service_at_locations/{id}": _item(
                "getServiceAtLocationWithNestedDataById",
                "The fully nested service given at this place, as the profile declares",
                ref("ServiceRecord"),
                "compiled/service.json",
            ),
            "/taxonomies": _collection(
                "getPaginatedListOfTaxonomies",
                "Our vocabularies: THRIVE, needs, audiences, ways in, delivery, boroughs",
                ref("Taxonomy"),
                described(declared.TAXONOMIES),
                "taxonomy.json",
            ),
            "/taxonomies/{id}": _item(
                "getTaxonomyById", "A taxonomy and its terms", ref("Taxonomy"), "taxonomy.json"
            ),
            "/taxonomy_terms": _collection(
                "getPaginatedListOfTaxonomyTerms",
                "Every term of every taxonomy, or of one",
                ref("TaxonomyTerm"),
                described(declared.TERMS),
                "taxonomy_term.json",
            ),
            "/taxonomy_terms/{id}": _item(
                "getTaxonomyTermById", "A taxonomy term", ref("TaxonomyTerm"), "taxonomy_term.json"
            ),
            "/navigator": {
                "get": {
                    "operationId": "getNavigatorResults",
                    "summary": "The navigator's results for its answers (not part of ORUK)",
                    "description": (
                        "The same plain parameters as /help/results/ (docs/navigator.md); "
                        "urgent=yes answers with urgent help alone."
                    ),
                    # Each answer navigator/answers.py lets through, described.
                    "parameters": described(declared.NAVIGATOR, NAVIGATOR_ANSWERS),
                    "responses": {
                        "200": _json(ref("NavigatorResults"), "Matches, or urgent help"),
                        "400": _json(
                            object_of(
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
