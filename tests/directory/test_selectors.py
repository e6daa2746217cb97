"""One filtering path (directory/selectors.py): /services/ and /api/v1/services turn the same
parameters into the same Selection, so they choose the same services."""

import pytest
from django.http import QueryDict

from directory.filters import ServiceFilter
from directory.models import Service
from directory.selectors import Selection, filter_services, select_services
from openreferral.params import ServiceOnlyListForm
from openreferral.queries import selection as api_selection
from tests.factories import make_service


@pytest.fixture
def services(db):
    make_service(name="Westminster Talk", borough=("westminster",), need=("anxiety",))
    make_service(name="Camden Mood", borough=("camden",), need=("low-mood",), cost="paid")
    make_service(
        name="National Line", is_national=True, need=("anxiety", "low-mood"), delivery=("phone",)
    )
    make_service(
        name="Parents Online",
        borough=("westminster",),
        audience=("parents-carers",),
        delivery=("online",),
        referral=("parent-carer",),
    )


def names(results):
    return {service.name for service in results}


QUERIES = [
    "",
    "borough=westminster",
    "need=anxiety",
    "need=anxiety&need=low-mood",
    "borough=camden&need=low-mood",
    "delivery=online",
    "referral=parent-carer",
    "audience=parents-carers",
    "free=1",
    "thrive=getting-help",
    "borough=westminster&q=talk",
]


@pytest.mark.parametrize("query", QUERIES)
def test_the_website_and_the_api_select_the_same_services(services, query):
    published = Service.objects.published()
    website = ServiceFilter(QueryDict(query), queryset=published)
    assert website.is_valid()
    form = ServiceOnlyListForm(QueryDict(query.replace("q=", "search=")))
    assert form.is_valid(), form.errors
    assert names(website.qs) == names(select_services(published, api_selection(form.cleaned_data)))


def test_each_field_of_a_selection_narrows(services):
    published = Service.objects.published()
    assert names(filter_services(published, Selection())) == {
        "Westminster Talk", "Camden Mood", "National Line", "Parents Online"
    }  # fmt: skip
    assert names(filter_services(published, Selection(place=()))) == {"National Line"}
    assert names(filter_services(published, Selection(place=("camden",)))) == {
        "Camden Mood", "National Line"
    }  # fmt: skip
    assert names(filter_services(published, Selection(free=True))) == {
        "Westminster Talk", "National Line", "Parents Online"
    }  # fmt: skip
    assert names(filter_services(published, Selection(nothing=True))) == set()
    assert names(filter_services(published, Selection(organisations=()))) == set()
    linked = Selection(linked=((("need", ["low-mood"]), ("audience", ["parents-carers"])),))
    assert names(filter_services(published, linked)) == {
        "Camden Mood", "National Line", "Parents Online"
    }  # fmt: skip
    both = Selection(linked=((("need", ["low-mood"]),), (("delivery", ["phone"]),)))
    assert names(filter_services(published, both)) == {"National Line"}
