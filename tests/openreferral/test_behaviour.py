"""How the Open Referral API behaves for a client: filters agree with the directory, only
published entries appear, ids stay put, bad parameters are 400s naming them, every error is
JSON, CORS and conditional GET."""

import uuid

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import Client

from directory.models import Service
from directory.models.fields import stable_uuid
from openreferral.taxonomy import BY_ID, TAXONOMIES
from tests.factories import make_service
from tests.openreferral.validation import BASE

TAXONOMY = {taxonomy.key: taxonomy for taxonomy in TAXONOMIES}


def names(api, query):
    page = api(f"/api/v1/services?per_page=100&{query}").json()
    return {service["name"] for service in page["contents"]}


@pytest.fixture
def services(db):
    return {
        "anxiety-westminster": make_service(
            name="Westminster anxiety", need=("anxiety",), borough=("westminster",)
        ),
        "national-helpline": make_service(
            name="National line", need=("low-mood",), is_national=True, min_age=0, max_age=25
        ),
        "camden-paid": make_service(
            name="Camden paid",
            borough=("camden",),
            cost="paid",
            thrive=("getting-more-help",),
            referral=("gp",),
            min_age=18,
            max_age=25,
        ),
        "draft": make_service(name="Draft one", status=Service.Status.DRAFT),
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Westminster anxiety", "National line", "Camden paid"}),
        ("need=anxiety", {"Westminster anxiety"}),
        ("borough=westminster", {"Westminster anxiety", "National line"}),
        ("postcode=W2 1AA", {"Westminster anxiety", "National line"}),
        ("postcode=NW3", {"Camden paid", "National line"}),
        ("postcode=NW1", {"Camden paid", "Westminster anxiety", "National line"}),
        ("postcode=M1 1AA", {"National line"}),
        ("thrive=getting-more-help", {"Camden paid"}),
        ("referral=gp", {"Camden paid"}),
        ("free=1", {"Westminster anxiety", "National line"}),
        ("free=0", {"Westminster anxiety", "National line", "Camden paid"}),
        ("minimum_age=19", {"National line", "Camden paid"}),
        ("maximum_age=10", {"National line"}),
        ("minimum_age=12&maximum_age=12", {"Westminster anxiety", "National line"}),
        ("search=camden", {"Camden paid"}),
        ("search=anxiety&borough=westminster", {"Westminster anxiety"}),
    ],
)
def test_filters_choose_what_the_directory_chooses(api, services, query, expected):
    assert names(api, query) == expected


def test_a_taxonomy_term_or_taxonomy_chooses_services_linked_to_it(api, services):
    need = TAXONOMY["need"]
    assert names(api, f"taxonomy_term_id={need.term_id('anxiety')}") == {"Westminster anxiety"}
    borough = TAXONOMY["borough"]
    # A borough term means services that name it, not national ones.
    assert names(api, f"taxonomy_term_id={borough.term_id('camden')}") == {"Camden paid"}
    assert names(api, f"taxonomy_id={need.id}") == {"Westminster anxiety", "National line"}


def test_only_published_services_appear(api, services):
    draft = services["draft"]
    assert "Draft one" not in names(api, "")
    api(f"/api/v1/services/{draft.uuid}", status=404)
    organisations = api("/api/v1/organizations?per_page=100").json()["contents"]
    assert str(draft.organisation.uuid) not in {o["id"] for o in organisations}
    api(f"/api/v1/organizations/{draft.organisation.uuid}", status=404)


def test_ids_are_stable_uuids_that_survive_reloading(api, real_directory):
    first = api("/api/v1/services?search=kooth").json()["contents"][0]
    assert first["id"] == str(stable_uuid(f"service:{Service.objects.get(name='Kooth').slug}"))
    Service.objects.all().delete()
    call_command("load_directory", verbosity=0)
    again = api("/api/v1/services?search=kooth").json()["contents"][0]
    assert (again["id"], again["organization_id"]) == (first["id"], first["organization_id"])
    api(f"/api/v1/services/{first['id']}")


def _has_empty_value(value):
    """A null or an empty string anywhere: optional fields without a value are left out.
    (An address's postal_code is required by the profile, so it is empty where the page a
    place was read from gives none.)"""
    if isinstance(value, dict):
        return any(v is None or v == "" or _has_empty_value(v) for k, v in value.items()
                   if k not in ("description", "postal_code"))  # fmt: skip
    if isinstance(value, list):
        return any(_has_empty_value(v) for v in value)
    return False


def missing_arrays(schema, value, path=""):
    """Where `value` lacks an array the schema has at that place (clients read `.length`
    on them): the paths, e.g. "contacts" or "service_at_locations/0/location/accessibility"."""
    missing = []
    if isinstance(value, dict):
        for name, prop in (schema.get("properties") or {}).items():
            here = f"{path}{name}"
            if prop.get("type") == "array":
                if name not in value:
                    missing.append(here)
                else:
                    for number, item in enumerate(value[name]):
                        missing += missing_arrays(prop.get("items", {}), item, f"{here}/{number}/")
            elif prop.get("type") == "object" and name in value:
                missing += missing_arrays(prop, value[name], f"{here}/")
    return missing


def test_every_array_is_present_and_no_value_is_empty(api, real_directory, oruk_schemas):
    """Every array the profile's compiled schema has, at every level, is in every record
    (empty where there is nothing); optional text is left out rather than null or ""."""
    schema = oruk_schemas.registry.contents(f"{BASE}compiled/service.json")
    organisation_schema = oruk_schemas.registry.contents(f"{BASE}compiled/organization.json")
    for service in api("/api/v1/services?per_page=1000").json()["contents"]:
        record = api(f"/api/v1/services/{service['id']}").json()
        assert missing_arrays(schema, record) == [], record["name"]
        assert not _has_empty_value(record), record["name"]
        assert isinstance(record["phones"], list)
    organisation = api("/api/v1/organizations?per_page=1").json()["contents"][0]
    record = api(f"/api/v1/organizations/{organisation['id']}?full_service=true").json()
    assert missing_arrays(organisation_schema, record) == []


def test_the_page_shape(api, services):
    page = api("/api/v1/services?per_page=2&page=2").json()
    assert {k: v for k, v in page.items() if k not in ("contents", "content")} == {
        "total_items": 3,
        "total_pages": 2,
        "page_number": 2,
        "size": 1,
        "first_page": False,
        "last_page": True,
        "empty": False,
        # The same facts by their ORUK 1.0 names, for the clients that still read them.
        "totalElements": 3,
        "totalPages": 2,
        "number": 2,
        "first": False,
        "last": True,
    }
    assert page["content"] == page["contents"]
    beyond = api("/api/v1/services?page=9").json()
    assert beyond["contents"] == [] and beyond["size"] == 0 and beyond["last_page"]


@pytest.mark.parametrize(
    ("query", "parameter"),
    [
        ("page=0", "page"),
        ("page=two", "page"),
        ("per_page=0", "per_page"),
        ("minimum_age=5.0.1", "minimum_age"),
        ("modified_after=yesterday", "modified_after"),
        ("full=perhaps", "full"),
        ("minimum_age=old", "minimum_age"),
        ("minimum_age=-1", "minimum_age"),
        ("minimum_age=15&maximum_age=11", "maximum_age"),
        ("postcode=ZZ99 9ZZ", "postcode"),
        ("postcode=hello", "postcode"),
        ("need=nope", "need"),
        ("borough=atlantis", "borough"),
        ("free=maybe", "free"),
        ("search=" + "x" * 101, "search"),
        ("search=a%00b", "search"),
    ],
)
def test_a_bad_parameter_is_a_400_naming_it(api, services, query, parameter):
    for path in ("/api/v1/services", "/api/v1/service_at_locations"):
        body = api(f"{path}?{query}", status=400).json()
        assert body["status"] == 400
        assert parameter in body["errors"], body
        assert parameter in body["error"]


def test_every_error_is_json(api, db):
    for path, status in [
        ("/api/v1/services/00000000-0000-0000-0000-000000000000", 404),
        ("/api/v1/services/not-a-uuid", 404),
        ("/api/v1/nowhere", 404),
        (f"/api/v1/taxonomies/{uuid.uuid4()}", 404),
    ]:
        response = api(path, status=status)
        assert response["Content-Type"] == "application/json"
        assert response.json()["status"] == status
    # As a real client: CSRF checks on (Django's test client turns them off by default).
    strict = Client(enforce_csrf_checks=True)
    for method in ("post", "put", "patch", "delete"):
        for path in ("/api/v1/services", "/api/v1/", "/api/v1/openapi.json", "/api/v1/navigator"):
            answer = getattr(strict, method)(path)
            assert answer.status_code == 405, (method, path)
            assert answer.json() == {"status": 405, "error": "Method Not Allowed"}
            assert set(answer["Allow"].replace(" ", "").split(",")) == {"GET", "HEAD"}


def test_a_database_failure_is_a_503_with_json(api, db, monkeypatch):
    def fail(*args, **kwargs):
        raise OperationalError("could not connect to server")

    monkeypatch.setattr("django.db.backends.utils.CursorWrapper.execute", fail)
    for path in ("/api/v1/services", f"/api/v1/services/{uuid.uuid4()}", "/api/v1/navigator"):
        response = api(path, status=503)
        assert response.json()["status"] == 503
        assert response["Retry-After"]
    monkeypatch.undo()  # before the test database is cleaned


def test_any_origin_may_read_it(api, services):
    response = api("/api/v1/services", HTTP_ORIGIN="https://school.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    preflight = api.client.options("/api/v1/services", headers={"Origin": "https://x.example"})
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Origin"] == "*"
    assert api("/api/v1/nowhere", status=404)["Access-Control-Allow-Origin"] == "*"


def test_a_client_polls_cheaply_with_an_etag(api, services):
    first = api("/api/v1/services")
    etag = first["ETag"]
    again = api.client.get("/api/v1/services", headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again.content == b""
    Service.objects.filter(pk=services["camden-paid"].pk).update(name="Camden renamed")
    changed = api.client.get("/api/v1/services", headers={"If-None-Match": etag})
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_taxonomies_are_our_vocabularies(api, db):
    taxonomies = api("/api/v1/taxonomies").json()["contents"]
    assert [t["name"] for t in taxonomies] == [t.name for t in TAXONOMIES]
    thrive = BY_ID[taxonomies[0]["id"]]
    terms = api(f"/api/v1/taxonomy_terms?taxonomy_id={thrive.id}").json()["contents"]
    assert [t["term"] for t in terms] == [
        "thriving",
        "getting-advice",
        "getting-help",
        "getting-more-help",
        "getting-risk-support",
    ]
    assert api("/api/v1/taxonomy_terms?taxonomy_id=nope").json()["contents"] == []
    westminster = api(f"/api/v1/taxonomy_terms/{TAXONOMY['borough'].term_id('westminster')}")
    assert westminster.json()["term_uri"].endswith("E09000033")


def test_a_trailing_slash_is_accepted(api, services):
    assert api("/api/v1/services/").json()["total_items"] == 3
