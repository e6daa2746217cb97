"""Every public page: zero axe-core WCAG 2.2 A/AA violations at 320 px and 1280 px, and no
sideways scrolling on a phone. A keyboard-only journey from home to a service page."""

import pytest

from tests.factories import make_service

from .conftest import DESKTOP, PHONE, axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = [
    "/",
    "/services/",
    "/services/?q=worried&age=15&borough=westminster",
    "/services/?q=kooht",  # says what it searched for instead
    "/services/?age=not-a-number",
    "/services/kooth-westminster/",
    "/services/kooth-westminster/report/",
    "/shortlist/?service=kooth-westminster&service=childline",
    "/urgent-help/?borough=westminster",
    "/browsing-safely/",
    "/privacy/",
    "/accessibility/",
    "/cookies/",
    "/services/no-such-service/",
]


@pytest.fixture
def directory():
    make_service(
        slug="kooth-westminster",
        name="Kooth",
        summary="Free, safe and anonymous online support for young people.",
        min_age=11,
        max_age=25,
        borough=["westminster"],
        need=["anxiety", "low-mood"],
        referral=["self", "gp"],
        delivery=["online"],
        phone="0800 023 4650",
        email="a-very-long-email-address-for-testing@an-example-organisation.org.uk",
        website="https://www.example.org/a/very/long/path/that/could/overflow/a/small/phone",
        eligibility_note="For young people who live in Westminster.",
    )
    make_service(
        slug="childline", name="Childline", is_national=True, min_age=0, max_age=18,
        phone="0800 1111", is_crisis=True, thrive=["getting-risk-support"],
    )  # fmt: skip


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]])
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_no_accessibility_violations(new_page, directory, url, width):
    page = new_page(width=width)
    page.goto(url)
    assert axe_violations(page) == []
    if width == PHONE["width"]:
        assert not scrolls_sideways(page)


def test_a_report_with_errors_is_accessible(new_page, directory):
    page = new_page(width=PHONE["width"])
    page.goto("/services/kooth-westminster/report/")
    page.get_by_role("button", name="Send report").click()
    assert page.get_by_text("Select what is wrong with the page").first.is_visible()
    assert axe_violations(page) == []


def test_keyboard_only_from_home_to_a_service_page(new_page, directory):
    page = new_page()
    page.goto("/")
    page.keyboard.press("Tab")
    focused = page.evaluate("() => document.activeElement.textContent.trim()")
    assert focused == "Skip to main content"
    # Tab to the header search box and search, using only the keyboard.
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.id") == "search-field":
            break
    else:
        pytest.fail("the search box could not be reached with Tab")
    page.keyboard.type("kooth")
    page.keyboard.press("Enter")
    page.wait_for_url("**/services/?q=kooth**")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("() => document.activeElement.textContent.trim()") == "Kooth":
            break
    else:
        pytest.fail("the Kooth result could not be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/services/kooth-westminster/")
    assert page.get_by_role("heading", level=1).inner_text() == "Kooth"


def test_quick_exit_replaces_the_page_so_back_does_not_return(new_page, directory):
    page = new_page()
    page.goto("/privacy/")
    page.goto("/services/kooth-westminster/")
    # Point the exit at a local page: the test browser reaches no other host.
    page.evaluate("() => document.querySelector('[data-quick-exit]').href = '/cookies/'")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_url("**/cookies/")
    page.go_back()
    assert page.url.endswith("/privacy/")


def test_the_quick_exit_button_leaves_at_once(new_page, directory):
    page = new_page(width=PHONE["width"])
    page.goto("/services/kooth-westminster/")
    page.evaluate("() => document.querySelector('[data-quick-exit]').href = '/cookies/'")
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("**/cookies/")
