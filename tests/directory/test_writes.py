"""One way to write a service (directory/writes.py): one history record, with its links, and
the cache moved on."""

import pytest
from django.contrib.auth import get_user_model

from directory import caching
from directory.models import Borough, Need, Service
from directory.writes import save_service
from tests.factories import make_organisation, make_service

pytestmark = pytest.mark.django_db


def new_service(**fields):
    return Service(
        slug="new", name="New", min_age=11, max_age=18, organisation=make_organisation(), **fields
    )


def test_a_new_service_gets_one_record_of_its_creation_with_its_links():
    westminster = Borough.objects.get(slug="westminster")
    needs = Need.objects.filter(slug__in=["anxiety", "low-mood"])
    service = save_service(new_service(), {"boroughs": [westminster], "needs": needs})
    assert service.history.count() == 1
    record = service.history.get()
    assert record.history_type == "+"
    assert [row.borough for row in record.boroughs.all()] == [westminster]
    assert {row.need.slug for row in record.needs.all()} == {"anxiety", "low-mood"}


def test_a_change_gets_one_record_with_the_links_as_they_are_after_it():
    service = make_service(borough=("westminster",), need=("anxiety",))
    versions = service.history.count()
    service.phone = "020 7946 0999"
    rbkc = Borough.objects.get(slug="kensington-and-chelsea")
    save_service(service, {"boroughs": [rbkc], "needs": []})
    assert service.history.count() == versions + 1
    record = service.history.first()
    assert (record.history_type, record.phone) == ("~", "020 7946 0999")
    assert [row.borough for row in record.boroughs.all()] == [rbkc]
    assert not record.needs.exists()
    # A relation not given is left as it was.
    assert list(service.thrive_categories.values_list("slug", flat=True)) == ["getting-help"]


def test_the_record_says_who_and_why_when_told():
    person = get_user_model().objects.create_user("ada")
    service = save_service(new_service(), user=person, reason="Loaded from the council's list")
    record = service.history.get()
    assert (record.history_user, record.history_change_reason) == (
        person,
        "Loaded from the council's list",
    )
    assert not hasattr(service, "_history_user") and not hasattr(service, "_change_reason")
    save_service(service)
    assert service.history.first().history_user is None


def test_a_save_moves_the_cache_on(settings):
    settings.FINDHELP_PAGE_CACHE = True
    before = caching.generation()
    save_service(new_service())
    assert caching.generation() > before


def test_only_a_services_relations_are_links():
    with pytest.raises(ValueError, match="not a relation of a service: colour"):
        save_service(new_service(), {"colour": []})
    assert not Service.objects.filter(slug="new").exists()
