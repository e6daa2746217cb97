"""PostgreSQL's derived columns (directory/models/derived_columns.py): filters read them, so they
must always say what the link tables say, however the links were written."""

import pytest
from django.db import connection, transaction

from directory.models import Borough, Need, Organisation, SearchWord, Service
from directory.models.derived_columns import PortableColumns, derived_columns
from directory.search.engine import search
from directory.vocabulary import VOCABULARIES
from tests.factories import make_service

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="only PostgreSQL derives these columns"
    ),
]


def via_columns(key, slugs):
    return set(Service.objects.filter(Service.objects.linked_to(key, slugs)).values_list("pk"))


def via_link_tables(vocabulary, slugs):
    condition = PortableColumns().linked_to(Service, vocabulary, slugs)
    return set(Service.objects.filter(condition).values_list("pk"))


def test_every_vocabulary_row_finds_the_same_services_as_its_link_table(real_directory):
    checked = 0
    for vocabulary in VOCABULARIES:
        for slug in vocabulary.model.objects.values_list("slug", flat=True):
            assert via_columns(vocabulary.key, [slug]) == via_link_tables(vocabulary, [slug])
            checked += 1
    assert checked > 60


def test_changing_links_changes_what_filters_find():
    service = make_service(need=["anxiety"], borough=["camden"])

    service.needs.add(Need.objects.get(slug="low-mood"))
    service.boroughs.remove(Borough.objects.get(slug="camden"))

    assert service.pk in {pk for (pk,) in via_columns("need", ["low-mood"])}
    assert not Service.objects.local_to("camden").exists()
    service.needs.clear()
    assert not Service.objects.with_needs("anxiety", "low-mood").exists()


def test_saving_a_stale_instance_does_not_undo_the_derived_columns():
    service = make_service(need=["anxiety"])
    stale = Service.objects.get(pk=service.pk)
    stale.need_slugs = []
    stale.search_vector = None

    stale.save()

    assert Service.objects.with_needs("anxiety").get() == service
    assert list(search(Service.objects.all(), service.name)) == [service]


def test_renaming_a_need_slug_or_an_organisation_reaches_its_services():
    organisation = Organisation.objects.create(name="Mind", slug="mind")
    service = make_service(need=["sleep"], organisation=organisation)

    Need.objects.filter(slug="sleep").update(slug="sleeping")
    Organisation.objects.filter(pk=organisation.pk).update(name="Harbourlight Trust")

    assert Service.objects.with_needs("sleeping").get() == service
    assert list(search(Service.objects.all(), "harbourlight")) == [service]
    assert SearchWord.objects.filter(word="harbourlight").exists()


def test_a_need_label_is_searchable_as_soon_as_it_changes():
    service = make_service(need=["sleep"])
    Need.objects.filter(slug="sleep").update(label="Cannot get to sleep, insomnia")

    assert list(search(Service.objects.all(), "insomnia")) == [service]


def test_a_bulk_load_with_deferred_links_is_rebuilt_once():
    with transaction.atomic():
        with derived_columns().deferred():
            service = make_service(need=["trauma"])
            assert not Service.objects.with_needs("trauma").exists()
        derived_columns().rebuild(Service.objects.filter(pk=service.pk))

    assert Service.objects.with_needs("trauma").get() == service
