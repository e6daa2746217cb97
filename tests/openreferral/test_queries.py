"""A fixed number of queries per page, however many results (5 or 50)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Location, Service
from tests.conftest import for_module
from tests.factories import make_organisation, make_service

ALL_LINKS = {
    "need": ("anxiety", "low-mood", "self-harm"),
    "borough": ("westminster", "camden"),
    "delivery": ("online", "phone"),
    "language": ("english",),
    "eligibility": ("lives-in-borough",),
    "thrive": ("getting-advice", "getting-help"),
}


def make_services(count):
    organisation = make_organisation()
    services = []
    for number in range(count):
        service = make_service(
            name=f"Counselling {number}", organisation=organisation, phone="020 7946 0000",
            opening_hours="Weekdays", **ALL_LINKS,
        )  # fmt: skip
        Location.objects.create(service=service, address=f"{number} High Street", postcode="W2")
        services.append(service)
    return services


# Made once for the module (its tests only read them, each in a savepoint of its own).
fifty_services_for_module = for_module("fifty_services_for_module", lambda: make_services(50))


def queries_for(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, response.content[:300]
    return len(queries)


# (path, queries on SQLite): the vocabularies (1), count (1), page (1); a record: the service
# with its organisation (1), each vocabulary's rows (8), its places (1).
PAGES = [
    ("/api/v1/services?per_page=100", 3),
    ("/api/v1/services?per_page=100&need=anxiety&borough=westminster&free=1", 3),
    ("/api/v1/services?per_page=100&search=counselling", None),  # the backend's, but fixed
    ("/api/v1/service_at_locations?per_page=100", 3),
    ("/api/v1/organizations?per_page=100", 2),
    ("/api/v1/taxonomy_terms?per_page=100", 1),  # every vocabulary, in one query
    # Fully nested lists: the record's prefetches, once a page.
    ("/api/v1/services?per_page=100&full=true", None),
    ("/api/v1/service_at_locations?per_page=100&full=true", None),
    ("/api/v1/organizations?per_page=100&full_service=true", None),
    ("/api/v1/services?per_page=100&minimal=true&organization_id=x,y", None),
]


@pytest.mark.parametrize(("path", "expected"), PAGES)
def test_a_list_costs_the_same_for_5_or_50_results(
    client, fifty_services_for_module, db, path, expected
):
    many = queries_for(client, path)
    Service.objects.filter(
        pk__in=[service.pk for service in fifty_services_for_module[5:]]
    ).delete()
    assert Service.objects.count() == 5
    few = queries_for(client, path)
    assert few == many
    if expected is not None and connection.vendor == "sqlite":
        assert many == expected


def test_a_record_costs_a_fixed_number_of_queries(
    client, fifty_services_for_module, db, django_assert_num_queries
):
    service = fifty_services_for_module[-1]
    with django_assert_num_queries(10):
        assert client.get(f"/api/v1/services/{service.uuid}").status_code == 200
    location = Location.objects.get(service=service)
    with django_assert_num_queries(11):
        assert client.get(f"/api/v1/service_at_locations/{location.uuid}").status_code == 200
    with django_assert_num_queries(2):
        assert client.get(f"/api/v1/organizations/{service.organisation.uuid}").status_code == 200
