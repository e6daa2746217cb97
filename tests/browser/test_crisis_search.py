"""A crisis search and a disclosure, as a young person types them on a phone (375 px): help
is on the first screen, above the results, and the pages pass axe-core (issue 21)."""

import os
from pathlib import Path

import pytest

from tests.factories import make_service

from .conftest import axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)

WIDTH, HEIGHT = 375, 667
SCREENSHOTS = os.environ.get("FINDHELP_SCREENSHOTS", "")


@pytest.fixture
def directory():
    make_service(
        slug="childline", name="Childline", is_national=True, min_age=0, max_age=18,
        phone="0800 1111", is_crisis=True, need=["suicidal-thoughts", "trauma"],
        thrive=["getting-risk-support"],
    )  # fmt: skip
    make_service(
        slug="the-havens", name="The Havens", is_national=True, phone="020 3299 6900",
        is_crisis=True, need=["trauma"], summary="Help after rape or sexual assault.",
    )  # fmt: skip
    make_service(name="Exam Help", need=["school-stress"])


def look(page, name):
    """FINDHELP_SCREENSHOTS=dir keeps a screenshot of each page; FINDHELP_FULL_PAGE=1, all."""
    if SCREENSHOTS:
        full = os.environ.get("FINDHELP_FULL_PAGE") == "1"
        page.screenshot(path=str(Path(SCREENSHOTS) / f"{name}.png"), full_page=full)


def test_a_crisis_search_on_a_phone_shows_urgent_help_first(new_page, directory):
    page = new_page(width=WIDTH, height=HEIGHT)
    page.goto("/services/?q=i+dont+want+to+wake+up+tomorrow")
    look(page, "crisis-search-375")
    heading = page.locator("h1")
    assert heading.inner_text() == "Search results for “i dont want to wake up tomorrow”"
    urgent = page.locator(".app-search-urgent-help")
    assert urgent.is_visible()
    assert urgent.bounding_box()["y"] < HEIGHT  # starts on the first screen
    assert page.get_by_role("link", name="Call 999").first.is_visible()
    assert "Did you mean" not in page.content()
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)


def test_a_disclosure_on_a_phone_shows_who_can_help_first(new_page, directory):
    page = new_page(width=WIDTH, height=HEIGHT)
    page.goto("/services/?q=a+man+at+the+park+made+me+do+stuff")
    look(page, "disclosure-search-375")
    card = page.locator(".app-harm-help")
    assert card.is_visible() and card.bounding_box()["y"] < HEIGHT
    text = card.inner_text()
    for words in [
        "If someone is hurting you",
        "999",
        "0800 1111",
        "020 3299 6900",
        "0808 800 5000",
    ]:
        assert words in text, words
    first_result = page.locator(".app-service-card h3").first.inner_text()
    assert "The Havens" in first_result
    assert axe_violations(page) == []
    assert not scrolls_sideways(page)
