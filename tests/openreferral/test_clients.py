"""The API as the published ORUK tools read it (issue 25, requirements 3 and 4).

Each test replays the requests a published tool makes, as read in its source on 2026-12-01,
and reads the bodies the way that tool does. Nothing here is copied from those tools; they
are named so the sequence can be checked against them:

- the ORUK validator: tpximpact/OpenReferralApi, OpenReferralApi.Core/Services/
  OpenApiDiscoveryService.cs (discovery from `/`) and OpenApiValidationService.cs (each
  collection's first, middle and last page, then the detail paths with ids from the
  collections, each body against the schema the standard's openapi.json declares);
- the DfE Family Hubs tester: AaronJY/fh-or-tester, bin/fetch.js (`?page=N&per_page=500`
  until `last`, reading `content`) and validators.js (what a usable service has);
- ORUK ServiceFinder: OpenReferralUK/ServiceFinder, src/settings/settings.js (its taxonomy
  loads and its search address) and src/components/shared/Components/ResultModal.jsx (what
  it reads from a service).
"""

import re
import urllib.parse

import pytest
from jsonschema import Draft202012Validator

from directory.models import Location, Service
from tests.openreferral.validation import BASE

pytestmark = pytest.mark.usefixtures("real_directory_read")
UUID_PATTERN = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
IDS_PER_DETAIL_PATH = 10


@pytest.fixture
def places(db, real_directory_read):
    """Places published: the first 25 services (by name) each at an address."""
    services = list(Service.objects.published().order_by("name")[:25])
    Location.objects.bulk_create(
        Location(service=service, name=f"{service.name} hub", address="1 High Street\nLondon",
                 postcode="W2 1AA")
        for service in services
    )  # fmt: skip
    return services


def declared_schema(oruk_schemas, path):
    """The schema the standard's openapi.json declares for a path's 200 answer, and whether
    it is a page (its items' schema, under `contents`)."""
    response = oruk_schemas.openapi["paths"][path]["get"]["responses"]["200"]
    schema = response["content"]["application/json"]["schema"]
    if "$ref" in schema:
        return schema["$ref"].removeprefix(BASE), False
    return schema["properties"]["contents"]["items"]["$ref"].removeprefix(BASE), True


def path_of(url):
    return urllib.parse.urlsplit(url).path.removeprefix("/api/v1")


def test_the_oruk_validator_finds_the_feed_valid(api, oruk_schemas, places):
    root = api("/api/v1/").json()
    # Discovery: the version on `/` chooses the standard's own openapi.json (3.0).
    assert root["version"].startswith("3.0")
    assert path_of(root["openapi_url"]) == "/openapi.json"
    collections = [p for p in oruk_schemas.openapi["paths"] if p != "/" and "{" not in p]
    details = [p for p in oruk_schemas.openapi["paths"] if "{id}" in p]
    ids, problems, requests = {}, [], 0
    for path in collections:
        schema, is_page = declared_schema(oruk_schemas, path)
        assert is_page, path
        first = api(f"/api/v1{path}?page=1").json()
        assert first["total_items"] > 0, f"{path}: an empty feed is reported invalid"
        total_pages = first["total_pages"]
        numbers = [1]
        if total_pages > 2:
            numbers.append(total_pages // 2)
        if total_pages > 1:
            numbers.append(total_pages)
        for number in numbers:
            page = first if number == 1 else api(f"/api/v1{path}?page={number}").json()
            requests += 1
            assert page["page_number"] == number and page["contents"], (path, number)
            problems += [f"{path}?page={number}: {e}" for e in oruk_schemas.page_errors(path, page)]
            ids.setdefault(path, []).extend(item["id"] for item in page["contents"])
    for path in details:
        schema, _ = declared_schema(oruk_schemas, path)
        collection = path.removesuffix("/{id}")
        assert ids.get(collection), f"no ids for {path}"
        for item_id in ids[collection][:IDS_PER_DETAIL_PATH]:
            body = api(f"/api/v1{path.replace('{id}', item_id)}").json()
            requests += 1
            problems += [f"{path} {item_id}: {e}" for e in oruk_schemas.errors(schema, body)]
    assert problems == []
    # The real directory pages: /services and /organizations have a middle page.
    assert api("/api/v1/services").json()["total_pages"] > 2
    assert requests >= len(collections) + 10 * len(details)


def test_the_dfe_family_hubs_tester_reads_every_service(api, places):
    """bin/fetch.js: `${ep}?page=${page}&per_page=${perPage}` (500) until `json.last`,
    collecting `json.content`; validators.js then checks each service."""
    services, page = [], 1
    while True:
        response = api(f"/api/v1/services?page={page}&per_page=500")
        body = response.json()
        services += body["content"]
        if body["last"] is True:
            break
        page += 1
        assert page < 5
    assert len(services) == body["totalElements"] == Service.objects.published().count()
    usable = 0
    for service in services:
        checks = [
            bool(UUID_PATTERN.match(service["id"].strip())),
            service["status"] == "active",
            isinstance(service["name"], str) and len(service["name"]) > 0,
            isinstance(service["description"], str) and len(service["description"]) > 0,
            bool(urllib.parse.urlsplit(service.get("url", "")).scheme),
            bool(service["organization"]["id"]) and bool(service["organization"]["name"]),
        ]
        usable += all(checks)
        assert all(checks[:4] + checks[5:]), service["name"]  # url may be absent
    # Usable by its count: every service with a website (the rest have no `url` to send).
    assert usable == Service.objects.published().exclude(website="").count() > 0
    # Its "valid contact" is the service-level email, filled wherever the data has one.
    with_email = Service.objects.published().exclude(email="").count()
    assert sum(bool(service.get("email")) for service in services) == with_email


SERVICE_FINDER_TAXONOMIES = [
    "/taxonomies/?per_page=500&vocabulary=esdNeeds",
    "/taxonomies/?per_page=500&vocabulary=esdCircumstances",
    "/taxonomies/?per_page=500&vocabulary=esdServiceTypes",
    # encodeURI of the address as written, with its trailing space.
    "/taxonomies/?vocabulary=esdCircumstances&per_page=500&parent_id=circumstance:191%20",
]


def test_service_finder_loads_its_vocabularies_and_searches(api, places):
    for address in SERVICE_FINDER_TAXONOMIES:
        data = api(f"/api/v1{address}").json()
        # Needs-component.jsx: data.content.filter(item => item.parent === null)
        assert [item for item in data["content"] if item.get("parent") is None] == []
    # Query_direction: each non-empty answer as `name=value&`, then encodeURI.
    search = "/services/?minimum_age=12&page=1&per_page=10&text=anxiety&"
    results = api(f"/api/v1{search}").json()
    assert results["totalElements"] > 0 and len(results["content"]) > 0
    assert results["content"] == results["contents"]
    by_age = api("/api/v1/services/?maximum_age=16&minimum_age=12&page=2&per_page=10&").json()
    assert by_age["number"] == 2
    for item in results["content"] + [places[0]]:
        item_id = item["id"] if isinstance(item, dict) else str(item.uuid)
        data = api(f"/api/v1/services/{item_id}").json()
        # ResultModal.jsx reads these lengths without checking they exist.
        assert len(data["description"]) > 0
        assert isinstance(data["contacts"], list)
        assert isinstance(data["service_at_locations"], list)
        for place in data["service_at_locations"]:
            assert len(place["location"]["physical_addresses"]) > 0
    with_place = api(f"/api/v1/services/{places[0].uuid}").json()
    assert (
        with_place["service_at_locations"][0]["location"]["physical_addresses"][0]["postal_code"]
        == "W2 1AA"
    )


def test_a_page_body_is_valid_against_the_standard_page_schema(api, oruk_schemas, places):
    page = api("/api/v1/service_at_locations?per_page=500").json()
    assert page["total_items"] >= len(places) == 25  # the fixture's places, and the data's own
    assert list(Draft202012Validator(oruk_schemas.page).iter_errors(page)) == []
