"""A page's `service.need_list` and friends: on PostgreSQL made from the slugs the database
derives on each service and the vocabularies kept in memory (directory/vocabulary_rows.py),
elsewhere prefetched. Either way, what a page says a service is linked to must be what the
link tables say, and a change must show on the next page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import Need, Service
from directory.vocabulary import VOCABULARIES
from tests.factories import make_service

KEYS = [vocabulary.key for vocabulary in VOCABULARIES]


def by_link_tables(service, vocabulary):
    return [row.slug for row in getattr(service, vocabulary.relation).all()]


def test_every_real_services_lists_are_its_links_in_the_vocabularys_order(real_directory):
    services = list(Service.objects.published().with_vocabulary_lists(*KEYS))
    assert len(services) > 80
    linked = 0
    for service in services:
        for vocabulary in VOCABULARIES:
            listed = [row.slug for row in getattr(service, vocabulary.list_attribute)]
            assert listed == by_link_tables(service, vocabulary), (service.slug, vocabulary.key)
            linked += len(listed)
    assert linked > 1000


@pytest.mark.skipif(connection.vendor != "postgresql", reason="only PostgreSQL derives slugs")
def test_on_postgresql_a_page_of_services_reads_no_vocabulary_table(db):
    for n in range(3):
        make_service(slug=f"s{n}", need=["anxiety", "low-mood"], borough=["camden"])
    list(Service.objects.with_detail_data())  # the vocabularies, read once
    with CaptureQueriesContext(connection) as queries:
        services = list(Service.objects.with_detail_data())
    assert [s.slug for s in services[0].need_list] == ["anxiety", "low-mood"]
    assert [b.name for b in services[0].borough_list] == ["Camden"]
    # The services with their organisations, their places and their boroughs' pages.
    assert len(queries.captured_queries) == 3
    sql = " ".join(query["sql"] for query in queries.captured_queries)
    assert 'FROM "directory_need"' not in sql and "directory_service_needs" not in sql


def test_a_renamed_need_shows_on_the_next_page(client, db):
    make_service(name="Riverside Counselling", slug="riverside", need=["anxiety"])
    assert "Feeling anxious or worried" in client.get("/services/riverside/").content.decode()
    need = Need.objects.get(slug="anxiety")
    need.label = "Worry and anxiety"
    need.save()
    page = client.get("/services/riverside/").content.decode()
    assert "Worry and anxiety" in page and "Feeling anxious" not in page


def test_a_new_link_shows_on_the_next_page(client, db):
    service = make_service(name="Riverside Counselling", slug="riverside", need=["anxiety"])
    assert "Feeling low, sad or down" not in client.get("/services/riverside/").content.decode()
    service.needs.add(Need.objects.get(slug="low-mood"))
    assert "Feeling low, sad or down" in client.get("/services/riverside/").content.decode()
