"""The shortlist a GP builds: it keeps every service until they remove it, through going back,
searching and filtering, with JavaScript (the tab's storage) and without (the page address);
and "Leave this site" wipes it."""

import re

import pytest

from tests.factories import make_service

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 375, "height": 667}


@pytest.fixture
def services():
    make_service(slug="insight", name="Insight", need=("drugs-and-alcohol",))
    make_service(slug="frank", name="FRANK", need=("drugs-and-alcohol",), is_national=True)
    make_service(slug="kooth", name="Kooth", need=("anxiety",))


def shortlisted(page):
    page.goto("/shortlist/")
    page.wait_for_load_state()
    return set(page.locator(".app-shortlist-item h2").all_inner_texts())


def add_from_card(page, name):
    card = page.locator(".app-service-card", has=page.get_by_role("link", name=name, exact=True))
    card.get_by_role("link", name=add_name(name)).click()


def add_name(name):
    return re.compile(rf"^Add to shortlist\W+{re.escape(name)}$")


def test_the_list_keeps_what_was_added_through_back_search_and_service_pages(new_page, services):
    page = new_page(**PHONE)
    page.goto("/services/?q=insight")
    add_from_card(page, "Insight")
    assert page.get_by_role("link", name="View your shortlist (1)").is_visible()
    page.go_back()
    page.goto("/services/?need=drugs-and-alcohol")
    page.get_by_role("link", name="FRANK", exact=True).click()
    page.get_by_role("link", name=add_name("FRANK")).click()
    page.go_back()
    page.goto("/services/?q=kooth")  # searching again
    assert page.get_by_role("link", name="Your shortlist (2)").is_visible()
    assert shortlisted(page) == {"Insight", "FRANK"}


def test_removing_is_the_only_way_a_service_leaves(new_page, services):
    page = new_page(**PHONE)
    page.goto("/services/?need=drugs-and-alcohol")
    add_from_card(page, "Insight")
    add_from_card(page, "FRANK")
    page.goto("/shortlist/")
    with page.expect_navigation(url="**/shortlist/?service=frank"):
        page.get_by_role("link", name=re.compile(r"^Remove\W+Insight\W+from shortlist$")).click()
    assert shortlisted(page) == {"FRANK"}
    # Once loaded, the address no longer names what is on the list (directory/views/sealed.py).
    assert "/shortlist/?sealed=" in page.url and "frank" not in page.url


def test_without_javascript_the_address_carries_the_list(new_page, services):
    page = new_page(**PHONE, javascript=False)
    page.goto("/services/?q=insight")
    add_from_card(page, "Insight")
    assert "service=insight" in page.url
    page.get_by_label("Search for support").first.fill("frank")  # the header's search
    page.get_by_role("button", name="Search").first.click()
    add_from_card(page, "FRANK")
    page.get_by_role("link", name="View your shortlist (2)").first.click()
    assert set(page.locator(".app-shortlist-item h2").all_inner_texts()) == {"Insight", "FRANK"}


def test_leave_this_site_wipes_the_list(new_page, services):
    page = new_page(**PHONE)
    page.goto("/services/?q=insight")
    add_from_card(page, "Insight")
    page.evaluate("() => document.querySelector('[data-quick-exit]').href = '/cookies/'")
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("**/cookies/")
    assert page.evaluate("() => window.sessionStorage.length") == 0
    assert page.locator("[data-shortlist-nav]").is_hidden()


def test_a_result_from_the_navigator_can_be_shortlisted_too(new_page, services):
    make_service(slug="westminster-youth", name="Westminster Youth", need=("anxiety",),
                 borough=("westminster",))  # fmt: skip
    page = new_page(**PHONE)
    page.goto(
        "/help/results/?urgent=no&who=young-person&age=15&borough=westminster&need=anxiety"
        "&impact=quite-a-lot&applies=none"
    )
    card = page.locator(".app-match", has=page.get_by_role("link", name="Westminster Youth"))
    card.get_by_role("link", name=add_name("Westminster Youth")).click()
    page.goto("/services/?q=frank")
    add_from_card(page, "FRANK")
    assert shortlisted(page) == {"Westminster Youth", "FRANK"}
