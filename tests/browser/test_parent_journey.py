"""A parent's walk through the navigator at 375 px over the real directory (issue 21): a
parent of a 4-year-old in Westminster asking about autism and behaviour. Every page passes
axe, none scrolls sideways, and a screenshot of each is saved to look at
($NAVIGATOR_SCREENSHOTS, else <temp>/findhelp-navigator-screenshots/)."""

import pytest

from tests.real_directory import load_real_directory

from .conftest import axe_violations, scrolls_sideways
from .test_touch_targets import screenshots_folder

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def real_data(transactional_db):
    load_real_directory()


def test_a_parent_of_a_4_year_old_asking_about_autism(new_page, real_data):
    page = new_page(width=375, height=667)
    folder = screenshots_folder()

    def shoot(name):
        page.screenshot(path=str(folder / f"parent-{name}.png"), full_page=True)
        assert axe_violations(page) == [], page.url
        assert not scrolls_sideways(page), page.url

    page.goto("/help/")
    shoot("1-danger")
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    shoot("2-who")
    page.get_by_label("My child, or a young person I care for").check()
    page.get_by_role("button", name="Continue").click()
    shoot("3-age")
    page.get_by_role("textbox").fill("4")
    page.get_by_role("button", name="Continue").click()
    shoot("4-where")
    page.get_by_label("Borough").select_option("westminster")
    page.get_by_role("button", name="Continue").click()
    shoot("5-need")
    # Worded for a parent, about the child: nothing written to a teenager.
    assert page.get_by_label("Hurting themselves").count() == 1
    assert page.get_by_label("Hurting yourself").count() == 0
    assert page.get_by_text("gets you into trouble").count() == 0
    page.get_by_label("Autism, ADHD or learning differences").check()
    page.get_by_label("Anger or behaviour that is hard to manage").check()
    page.get_by_role("button", name="Continue").click()
    shoot("6-impact")
    page.get_by_label("Quite a lot").check()
    page.get_by_role("button", name="Continue").click()
    shoot("7-applies")
    page.get_by_role("button", name="Continue").click()
    shoot("8-preferences")
    page.get_by_role("button", name="Continue").click()

    assert "/help/results/" in page.url
    shoot("9-results")
    first = page.locator(".app-match").first.bounding_box()
    assert first["y"] <= 1.5 * 667
    best = page.locator(".app-match:visible").evaluate_all("cards => cards.map(c => c.id)")
    assert "service-autism-assessment-and-support-while-waiting" in best
    main = page.locator("main").inner_text()
    for words in ["gets you into trouble", "Hurting yourself", "Childline"]:
        assert words not in main, words
    assert "Talk to your health visitor" in main
