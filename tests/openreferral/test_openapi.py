"""/api/v1/openapi.json describes what we serve, is valid OpenAPI 3, and the live API keeps to
it when schemathesis throws generated requests at it: no 5xx, no answer outside its schema."""

import copy
import re

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from openapi_spec_validator import validate

from openreferral.openapi import document
from tests.factories import make_service
from tests.openreferral.conftest import make_service_with_a_place
from tests.real_directory import load_real_directory

# Built without a request, so schemathesis can generate its tests when they are collected;
# each test sends its request to the live server instead.
SCHEMA = schemathesis.openapi.from_dict(document("http://localhost/api/v1"))
# What the issue asks of a fuzzed API: no server errors, and nothing that breaks the schema.
CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


def test_the_document_is_valid_openapi_3(client, db):
    served = client.get("/api/v1/openapi.json")
    assert served.status_code == 200
    assert served["Access-Control-Allow-Origin"] == "*"
    validate(served.json())
    assert served.json()["servers"] == [{"url": "http://testserver/api/v1"}]


def test_it_has_every_path_of_the_profile(oruk_schemas):
    ours = set(document("http://localhost/api/v1")["paths"])
    assert set(oruk_schemas.openapi["paths"]) <= ours
    assert {"/organizations", "/organizations/{id}", "/navigator"} <= ours


@pytest.fixture
def live_directory(transactional_db):
    """The real dataset, where the live server reads it."""
    load_real_directory()


@pytest.fixture
def live_sample(transactional_db):
    """A few services, one with every field and a place, where the live server reads them:
    enough for generated requests to find records, without loading the real dataset for each
    operation (test_real_records_keep_to_the_document checks every real record)."""
    make_service_with_a_place()
    make_service(name="Counselling Online", need=("anxiety",), delivery=("online",))
    make_service(name="Parents Line", audience=("parents-carers",), referral=("parent-carer",))


@SCHEMA.parametrize()
@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
def test_the_live_api_keeps_to_its_document(case, live_server, live_sample):
    case.call_and_validate(base_url=f"{live_server.url}/api/v1", checks=CHECKS)


@pytest.mark.parametrize(
    ("item_path", "list_path"),
    [
        ("/services/{id}", "/services"),
        ("/organizations/{id}", "/organizations"),
        ("/taxonomies/{id}", "/taxonomies"),
        ("/taxonomy_terms/{id}", "/taxonomy_terms"),
    ],
)
def test_real_records_keep_to_the_document(live_server, live_directory, item_path, list_path):
    """Generated ids find nothing (404): these are the real ones, checked the same way."""
    base_url = f"{live_server.url}/api/v1"
    listing = SCHEMA[list_path]["GET"].Case(query={"per_page": 100})
    ids = [
        item["id"]
        for item in listing.call_and_validate(base_url=base_url, checks=CHECKS).json()["contents"]
    ]
    assert ids
    for record_id in ids:
        case = SCHEMA[item_path]["GET"].Case(path_parameters={"id": record_id})
        response = case.call_and_validate(base_url=base_url, checks=CHECKS)
        assert response.status_code == 200


def _walk(node, where=""):
    """Every dict in the document, with where it is."""
    if isinstance(node, dict):
        yield where, node
        for key, value in node.items():
            yield from _walk(value, f"{where}/{key}")
    elif isinstance(node, list):
        for number, value in enumerate(node):
            yield from _walk(value, f"{where}/{number}")


def spectral_problems(doc):
    """The rules of Spectral's `spectral:oas` ruleset this document could break, written as
    plain checks (Spectral itself is a Node tool; the rule names are Spectral's)."""
    problems = []
    info = doc["info"]
    problems += ["info-contact"] if not info.get("contact") else []
    problems += ["info-description"] if not info.get("description") else []
    problems += ["info-license"] if not info.get("license") else []
    tags = {tag["name"] for tag in doc.get("tags", [])}
    problems += [
        f"tag-description {t['name']}" for t in doc.get("tags", []) if not t.get("description")
    ]
    operation_ids = []
    refs = set()
    for path, operations in doc["paths"].items():
        declared = {p["name"] for p in operations.get("parameters", []) if p["in"] == "path"}
        for method, operation in operations.items():
            if method == "parameters":
                continue
            declared |= {p["name"] for p in operation.get("parameters", []) if p["in"] == "path"}
            for rule, ok in [
                ("operation-operationId", operation.get("operationId")),
                ("operation-description", operation.get("description")),
                ("operation-tags", operation.get("tags")),
                (
                    "operation-success-response",
                    any(c.startswith("2") for c in operation["responses"]),
                ),
                ("operation-tag-defined", set(operation.get("tags", [])) <= tags),
            ]:
                problems += [f"{rule} {method} {path}"] if not ok else []
            operation_ids.append(operation.get("operationId"))
            names = [(p["name"], p["in"]) for p in operation.get("parameters", [])]
            problems += [f"operation-parameters {path}"] if len(names) != len(set(names)) else []
        wanted = set(re.findall(r"{(\w+)}", path))
        problems += [f"path-params {path}"] if wanted != declared else []
    problems += (
        ["operation-operationId-unique"] if len(operation_ids) != len(set(operation_ids)) else []
    )
    for where, node in _walk(doc):
        if "$ref" in node:
            refs.add(node["$ref"].rsplit("/", 1)[-1])
            problems += [f"no-$ref-siblings {where}"] if set(node) != {"$ref"} else []
        if node.get("type") == "array" and "items" not in node:
            problems.append(f"array-items {where}")
        if "enum" in node and node.get("type") == "string":
            bad = [value for value in node["enum"] if not isinstance(value, str)]
            problems += [f"typed-enum {where}"] if bad else []
            problems += (
                [f"duplicated-entry-in-enum {where}"]
                if len(set(node["enum"])) != len(node["enum"])
                else []
            )
    unused = set(doc["components"]["schemas"]) - refs
    problems += [f"oas3-unused-component {name}" for name in sorted(unused)]
    return problems


def test_the_document_is_lint_clean():
    """openapi-spec-validator and Spectral's oas rules both find nothing to report."""
    doc = document("http://localhost/api/v1")
    validate(doc)
    assert spectral_problems(doc) == []


def test_the_lint_rules_catch_what_they_name():
    # A copy: the document is built once and shared, and the other tests read it after this.
    doc = copy.deepcopy(document("http://localhost/api/v1"))
    doc["components"]["schemas"]["NavigatorResults"]["properties"]["next_steps"] = {"type": "array"}
    doc["paths"]["/services"]["get"].pop("operationId")
    doc["components"]["schemas"]["Unused"] = {"type": "object"}
    problems = spectral_problems(doc)
    assert any(p.startswith("array-items") and "next_steps" in p for p in problems)
    assert "operation-operationId get /services" in problems
    assert "oas3-unused-component Unused" in problems
