"""The directory's filters in a real browser: they work with JavaScript off, and / and
/services/ (with an error showing too) pass axe-core on a phone and a desktop."""

import pytest

from tests.factories import make_service

from .conftest import DESKTOP, PHONE, axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory():
    make_service(
        name="Westminster Counselling",
        borough=["westminster"],
        need=["anxiety"],
        delivery=["in-person"],
    )
    make_service(
        name="Camden Eating Support",
        borough=["camden"],
        need=["eating-difficulties"],
        delivery=["online"],
    )
    make_service(name="Childline", is_national=True, min_age=0, max_age=18, need=["anxiety"],
                 delivery=["phone"], is_crisis=True, thrive=["getting-risk-support"])  # fmt: skip


def card_names(page):
    return page.locator(".nhsuk-card__link").all_inner_texts()


def test_tick_filters_and_apply_them_without_javascript(new_page, directory):
    page = new_page(width=PHONE["width"], javascript=False)
    page.goto("/services/")
    assert card_names(page) == ["Camden Eating Support", "Childline", "Westminster Counselling"]
    page.get_by_text("Filter results").click()  # closed on a phone; opens without JavaScript
    page.get_by_label("Feeling anxious or worried").check()
    page.get_by_label("Where you live").select_option("westminster")
    page.get_by_role("button", name="Apply filters").click()
    page.wait_for_url("**/services/?**need=anxiety**")
    assert card_names(page) == ["Childline", "Westminster Counselling"]
    assert page.get_by_role("heading", name="2 services").is_visible()
    page.get_by_role("link", name="Remove filter: In Westminster, or national").click()
    assert card_names(page) == ["Childline", "Westminster Counselling"]
    assert "borough" not in page.url


def shown_height(page, selector):
    # Playwright counts anything in a closed <details> as hidden, even when CSS shows it.
    return page.evaluate(
        "(selector) => document.querySelector(selector).getBoundingClientRect().height", selector
    )


def test_filters_are_open_on_a_desktop(new_page, directory):
    page = new_page(width=DESKTOP["width"], javascript=False)
    page.goto("/services/")
    assert shown_height(page, ".app-filters__details") > 500
    phone = new_page(width=PHONE["width"], javascript=False)
    phone.goto("/services/")
    assert shown_height(phone, ".app-filters__details") < 100


@pytest.mark.parametrize("width", [PHONE["width"], DESKTOP["width"]])
@pytest.mark.parametrize(
    "url", ["/", "/services/", "/services/?age=abc&borough=narnia&need=anxiety&q=counselling"]
)
def test_no_accessibility_violations(new_page, directory, url, width):
    page = new_page(width=width)
    page.goto(url)
    assert axe_violations(page) == []
    if width == PHONE["width"]:
        assert not scrolls_sideways(page)
