"""A service page on a phone: the way back to the search or results that brought you."""

import pytest

from tests.factories import make_service

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def kooth():
    make_service(
        slug="kooth",
        name="Kooth",
        need=("anxiety",),
        borough=("westminster",),
        phone="0800 023 4650",
    )


def test_back_goes_to_the_search_that_brought_you(new_page, kooth):
    page = new_page(**PHONE)
    page.goto("/services/?q=kooth")
    page.get_by_role("link", name="Kooth", exact=True).first.click()
    back = page.get_by_role("link", name="Back to search results")
    assert back.is_visible()
    back.click()
    page.wait_for_url("**/services/?sealed=*")  # the search, sealed once it had loaded
    assert page.get_by_role("heading", name="Search results for “kooth”").is_visible()


def test_back_goes_to_the_navigator_results(new_page, kooth):
    page = new_page(**PHONE)
    results = "/help/results/?urgent=no&who=young-person&age=15&borough=westminster"
    page.goto(results + "&need=anxiety&impact=a-little")
    page.get_by_role("link", name="Kooth", exact=True).first.click()
    page.get_by_role("link", name="Back to your results").click()
    page.wait_for_url("**/help/results/**")


def test_no_back_link_when_the_page_was_opened_directly(new_page, kooth):
    page = new_page(**PHONE)
    page.goto("/services/kooth/")
    assert page.locator("[data-back-to-results]").is_hidden()
