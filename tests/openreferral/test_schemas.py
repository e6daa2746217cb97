"""Every endpoint's answers for the real dataset are valid against the official ORUK 3.0
schemas (requirement 2 of issue 13)."""

import pytest

from .validation import PAGE_ITEM_SCHEMAS

pytestmark = pytest.mark.usefixtures("real_directory_read")


def every_page(api, path):
    """Each page of a list endpoint, following page numbers to the end."""
    number = 1
    while True:
        page = api(f"{path}{'&' if '?' in path else '?'}per_page=50&page={number}").json()
        yield page
        if page["last_page"] or page["empty"]:
            return
        number += 1


def test_the_official_examples_pass_our_validator(oruk_schemas, oruk_profile):
    """The check itself is right: the profile's own examples pass it."""
    from .conftest import load_json

    examples = oruk_profile / "examples"
    assert (
        oruk_schemas.errors("compiled/service.json", load_json(examples / "service_full.json"))
        == []
    )
    assert oruk_schemas.page_errors("/services", load_json(examples / "service_list.json")) == []
    assert oruk_schemas.errors("compiled/service.json", {"id": "not-a-uuid"})


@pytest.mark.parametrize("endpoint", sorted(PAGE_ITEM_SCHEMAS))
def test_every_list_page_is_valid(api, oruk_schemas, endpoint, service_with_a_place):
    pages = list(every_page(api, f"/api/v1{endpoint}"))
    assert pages[0]["total_items"] > 0
    for page in pages:
        assert oruk_schemas.page_errors(endpoint, page) == []


def test_every_service_record_is_valid(api, oruk_schemas, service_with_a_place):
    ids = [s["id"] for page in every_page(api, "/api/v1/services") for s in page["contents"]]
    assert len(ids) > 70
    for service_id in ids:
        record = api(f"/api/v1/services/{service_id}").json()
        assert oruk_schemas.errors("compiled/service.json", record) == [], record["name"]


def test_every_organization_record_is_valid(api, oruk_schemas):
    ids = [o["id"] for page in every_page(api, "/api/v1/organizations") for o in page["contents"]]
    for organisation_id in ids:
        record = api(f"/api/v1/organizations/{organisation_id}").json()
        assert record["services"]
        assert oruk_schemas.errors("compiled/organization.json", record) == []


def test_every_service_at_location_record_is_valid(api, oruk_schemas, service_with_a_place):
    pages = list(every_page(api, "/api/v1/service_at_locations"))
    ids = [item["id"] for page in pages for item in page["contents"]]
    assert ids
    for item_id in ids:
        # The profile's openapi.json declares a fully nested service for this path.
        record = api(f"/api/v1/service_at_locations/{item_id}").json()
        assert oruk_schemas.errors("compiled/service.json", record) == []
        assert item_id in {place["id"] for place in record["service_at_locations"]}


def test_every_taxonomy_and_term_is_valid(api, oruk_schemas):
    for taxonomy in next(every_page(api, "/api/v1/taxonomies"))["contents"]:
        record = api(f"/api/v1/taxonomies/{taxonomy['id']}").json()
        assert record["taxonomy_terms"]
        assert oruk_schemas.errors("taxonomy.json", record) == []
    terms = [t for page in every_page(api, "/api/v1/taxonomy_terms") for t in page["contents"]]
    for term in terms[:: max(1, len(terms) // 20)]:
        record = api(f"/api/v1/taxonomy_terms/{term['id']}").json()
        assert oruk_schemas.errors("taxonomy_term.json", record) == []


def test_the_root_is_as_the_profile_describes(api, oruk_schemas):
    from jsonschema import Draft202012Validator

    schema = oruk_schemas.openapi["paths"]["/"]["get"]["responses"]["200"]["content"][
        "application/json"
    ]["schema"]
    root = api("/api/v1/").json()
    assert list(Draft202012Validator(schema).iter_errors(root)) == []
    assert set(root) == {"version", "profile", "openapi_url"}
    assert root["openapi_url"] == "http://testserver/api/v1/openapi.json"
