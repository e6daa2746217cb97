"""Issue 23, requirement 3: pages and the navigator's borough question say honestly how many
services we list in a borough, and a borough with only regional services is not called local."""

import pytest

from directory.local_coverage import (
    borough_listing,
    borough_listings,
    boroughs_with_local_services,
    local_borough_slugs,
)
from tests.factories import make_service

pytestmark = pytest.mark.django_db

NEL = ("tower-hamlets", "hackney", "newham", "redbridge")
LOCAL_OFFER = "https://example.org/tower-hamlets/local-offer"


def the_essentials(borough="tower-hamlets"):
    make_service(name="CAMHS", borough=(borough,), essential="camhs")
    make_service(
        name="Local Offer", borough=(borough,), essential="local-offer", website=LOCAL_OFFER
    )
    make_service(name="FIS", borough=(borough,), essential="family-information")


def test_a_borough_with_only_its_essentials_says_so_and_links_its_local_offer(client):
    the_essentials()
    page = client.get("/services/?borough=tower-hamlets").content.decode()
    assert (
        "We list 3 services in Tower Hamlets: the essentials. Your council\u2019s "
        f'<a href="{LOCAL_OFFER}">Local Offer</a> lists more.' in page
    )


def test_a_borough_with_more_than_its_essentials_says_it_includes_them(client):
    the_essentials()
    make_service(name="Youth club", borough=("tower-hamlets",))
    page = client.get("/services/?borough=tower-hamlets").content.decode()
    assert "We list 4 services in Tower Hamlets, including its essentials." in page


def test_a_borough_with_nothing_local_says_so(client):
    page = client.get("/services/?borough=bromley").content.decode()
    assert "We do not list any local services in Bromley yet" in page
    assert "Local Offer" not in page


def test_regional_services_do_not_make_a_borough_local():
    make_service(name="Kooth NEL", borough=NEL, essential="online")
    make_service(name="Ealing only", borough=("ealing",))
    assert set(boroughs_with_local_services().values_list("slug", flat=True)) == {"ealing"}
    assert local_borough_slugs() == {"ealing"}
    listings = borough_listings()
    assert listings["tower-hamlets"].count == 1
    assert (
        listings["tower-hamlets"].sentence == "We list 1 service in Tower Hamlets: the essentials."
    )


def test_a_draft_or_national_service_is_not_counted():
    make_service(name="Draft", borough=("ealing",), status="draft")
    make_service(name="National", borough=("ealing",), is_national=True)
    assert borough_listings()["ealing"].count == 0


def test_the_borough_question_counts_each_boroughs_services_and_calls_regional_ones_so(client):
    the_essentials("westminster")
    make_service(name="Kooth NEL", borough=NEL, essential="online")
    html = client.get("/help/where/?urgent=no&who=young-person&age=15").content.decode()
    local = html.index('<optgroup label="Local services listed">')
    regional = html.index('<optgroup label="National and regional services only">')
    assert local < html.index('<option value="westminster">Westminster (3 services)') < regional
    assert regional < html.index('<option value="tower-hamlets">Tower Hamlets</option>')


def test_the_home_page_does_not_call_a_borough_with_only_regional_services_local(client):
    make_service(name="Kooth NEL", borough=NEL, essential="online")
    make_service(name="Ealing only", borough=("ealing",))
    page = client.get("/").content.decode()
    where = page[page.index('id="where-we-list"') :].split("</p>")[0]
    assert "Ealing" in where
    assert "Tower Hamlets" not in where


def test_one_boroughs_listing_agrees_with_every_boroughs_and_takes_one_query(
    real_directory, django_assert_num_queries
):
    """The list page asks for the chosen borough's listing alone (one query); the navigator's
    borough question asks for all of them. Both must say the same of every borough."""
    everyone = borough_listings()
    assert any(listing.local_offer_url for listing in everyone.values())
    for slug, expected in everyone.items():
        with django_assert_num_queries(1):
            assert borough_listing(slug) == expected, slug
    assert borough_listing("narnia") is None


def test_the_boroughs_with_local_services_are_read_again_after_a_change(django_assert_num_queries):
    make_service(name="Ealing only", borough=("ealing",))
    assert local_borough_slugs() == {"ealing"}
    with django_assert_num_queries(0):
        assert local_borough_slugs() == {"ealing"}
    make_service(name="Camden only", borough=("camden",))
    assert local_borough_slugs() == {"ealing", "camden"}
