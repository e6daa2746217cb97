"""The navigator in a real browser: the whole journey with JavaScript on and off, and every
page accessible at 320 px."""

import pytest

from tests.factories import make_service

from .conftest import PHONE, axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def directory():
    make_service(
        slug="kooth",
        name="Kooth",
        min_age=11,
        max_age=25,
        borough=["westminster", "kensington-and-chelsea"],
        need=["anxiety", "low-mood", "self-harm"],
        thrive=["getting-advice", "getting-help"],
        delivery=["online"],
    )
    make_service(
        slug="childline",
        name="Childline",
        is_national=True,
        is_crisis=True,
        min_age=0,
        max_age=18,
        phone="0800 1111",
        need=["self-harm", "anxiety"],
        thrive=["getting-risk-support"],
        delivery=["phone"],
    )


def check(page, accessible):
    if accessible:
        assert axe_violations(page) == [], page.url
        assert not scrolls_sideways(page), page.url


def answer_every_question(page, accessible=False):
    page.goto("/help/")
    check(page, accessible)
    # Continuing without an answer gives a clear error, itself accessible.
    page.get_by_role("button", name="Continue").click()
    assert page.get_by_text("Select yes if anyone is in danger now").first.is_visible()
    check(page, accessible)
    page.get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("Myself").check()
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("How old are you?").fill("15")
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("Postcode").fill("W10 5XY")
    page.get_by_role("button", name="Continue").click()

    assert "/help/which-borough/" in page.url
    check(page, accessible)
    page.get_by_label("Westminster").check()
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("Feeling anxious or worried").check()
    page.get_by_label("Hurting yourself").check()
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("Quite a lot").check()
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("None of these").check()
    page.get_by_role("button", name="Continue").click()

    check(page, accessible)
    page.get_by_label("Phone").check()
    page.get_by_role("button", name="Continue").click()

    assert "/help/results/?" in page.url
    assert "borough=westminster" in page.url
    assert "postcode" not in page.url
    check(page, accessible)


def test_the_journey_with_javascript_at_320px_is_accessible(new_page, directory):
    page = new_page(width=PHONE["width"], height=PHONE["height"])
    answer_every_question(page, accessible=True)
    assert page.title().startswith("Your results")
    assert page.get_by_role("heading", name="Your results").is_visible()
    # Self-harm: urgent help comes before the services.
    assert page.get_by_text("Get help now if you have hurt yourself badly").is_visible()
    assert page.get_by_role("link", name="Kooth").is_visible()
    assert page.get_by_role("button", name="Copy link").is_visible()
    assert page.get_by_role("button", name="Print these results").is_visible()


def test_the_journey_without_javascript(new_page, directory):
    page = new_page(javascript=False)
    answer_every_question(page)
    assert page.get_by_role("link", name="Childline", exact=True).is_visible()
    assert page.get_by_role("link", name="Kooth").is_visible()
    # The link to share is there to copy by hand; the buttons need JavaScript, so are hidden.
    assert "/help/results/?" in page.get_by_label("Link to these results").input_value()
    assert not page.get_by_role("button", name="Copy link").is_visible()
    page.get_by_role("link", name="Change your answers").click()
    assert page.get_by_label("No", exact=True).is_checked()


def test_yes_to_danger_goes_to_urgent_help(new_page, directory):
    page = new_page(javascript=False)
    page.goto("/help/")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    assert page.url.endswith("/urgent-help/")
