"""The navigator in a real browser: the whole journey with JavaScript on and off, and every
page accessible at 320 px."""

import os
import tempfile
from pathlib import Path

import pytest

from tests.factories import make_service
from tests.navigator.conftest import plain

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
    assert "borough=westminster" in plain(page.url)
    assert "postcode" not in plain(page.url)
    check(page, accessible)


def test_the_journey_with_javascript_at_320px_is_accessible(new_page, directory):
    page = new_page(width=PHONE["width"], height=PHONE["height"])
    answer_every_question(page, accessible=True)
    assert page.title().startswith("Your results")
    assert page.get_by_role("heading", name="Your results").is_visible()
    # Self-harm: urgent help comes before the services.
    assert page.get_by_text("Get help now if you have hurt yourself badly").is_visible()
    assert page.get_by_role("link", name="Kooth", exact=True).is_visible()
    page.get_by_text("Share or print these results").click()  # folded, to keep the page short
    assert page.get_by_role("button", name="Copy link").is_visible()
    assert page.get_by_role("button", name="Print these results").is_visible()


def test_the_journey_without_javascript(new_page, directory):
    page = new_page(javascript=False)
    answer_every_question(page)
    assert page.get_by_role("link", name="Childline", exact=True).is_visible()
    assert page.get_by_role("link", name="Kooth", exact=True).is_visible()
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


PHONE_375 = {"width": 375, "height": 812}


def screenshots_folder():
    """Where the 375 px walk keeps its screenshots, to look at: a temporary folder, or
    $NAVIGATOR_SCREENSHOTS."""
    folder = Path(
        os.environ.get("NAVIGATOR_SCREENSHOTS")
        or Path(tempfile.gettempdir()) / "findhelp-navigator-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def progress_caption(page):
    return page.locator(".app-question-progress").inner_text()


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_a_phone_walk_to_results_that_a_phone_can_hold(new_page, directory, javascript):
    """At 375 px: the progress on each question, the need list for a teenager, the answers at
    the top of the results with links to change them, and the best five with the rest behind
    "show more". Screenshots of every page are saved to look at."""
    for number in range(6):
        make_service(
            name=f"Westminster anxiety service {number}",
            borough=["westminster"],
            need=["anxiety"],
            thrive=["getting-help"],
        )
    folder = screenshots_folder()
    page = new_page(**PHONE_375, javascript=javascript)
    suffix = "js" if javascript else "no-js"

    def shoot(name):
        page.screenshot(path=str(folder / f"{name}-{suffix}.png"), full_page=True)
        if javascript:
            assert axe_violations(page) == [], page.url
        assert not scrolls_sideways(page), page.url

    steps = [
        ("Question 1 of 8", lambda: page.get_by_label("No", exact=True).check()),
        ("Question 2 of 8", lambda: page.get_by_label("Myself").check()),
        ("Question 3 of 8", lambda: page.get_by_label("How old are you?").fill("15")),
        ("Question 4 of 8", lambda: page.get_by_label("Borough").select_option("westminster")),
        ("Question 5 of 8", lambda: page.get_by_label("Feeling anxious or worried").check()),
        ("Question 6 of 8", lambda: page.get_by_label("Quite a lot").check()),
        ("Question 7 of 8", lambda: page.get_by_label("None of these").check()),
        ("Question 8 of 8", lambda: None),
    ]
    page.goto("/help/")
    for number, (expected, answer) in enumerate(steps, start=1):
        assert progress_caption(page) == expected, page.url
        if number == 5:
            # A young person answering for themselves is not offered parenting needs.
            assert page.get_by_label("Feeling anxious or worried").is_visible()
            assert page.get_by_label("Support for parents and carers").count() == 0
            assert page.get_by_label("Babies and young children (under 5)").count() == 0
        shoot(f"{number}-question")
        answer()
        page.get_by_role("button", name="Continue").click()

    assert "/help/results/?" in page.url
    shoot("9-results")
    summary = page.locator(".app-answer-summary")
    # The answers are folded away, so the first result starts within the first screen.
    assert not summary.is_visible()
    page.locator("details.app-answers > summary").click()
    assert summary.is_visible()
    for text in ("You", "15", "Westminster", "Feeling anxious or worried", "Quite a lot"):
        assert summary.get_by_text(text, exact=True).is_visible()
    cards = page.locator(".app-match")
    assert cards.count() == 8  # Kooth, Childline and six more: five shown, three behind
    visible = [card for card in cards.all() if card.is_visible()]
    assert len(visible) == 5
    show_more = page.get_by_text("Show 3 more services that may help")
    show_more.click()
    assert all(card.is_visible() for card in cards.all())
    shoot("9-results-more")

    page.get_by_role("link", name="Change what it is about").click()
    assert "/help/need/?" in page.url
    assert page.get_by_label("Feeling anxious or worried").is_checked()
    assert progress_caption(page) == "Question 5 of 8"


def test_after_leaving_the_history_does_not_spell_out_what_was_looked_at(new_page, directory):
    page = new_page(**PHONE_375)
    page.goto("/help/")
    for label in ["No", "Myself"]:
        page.get_by_label(label, exact=True).check()
        page.get_by_role("button", name="Continue").click()
    page.get_by_label("How old are you?").fill("15")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Borough").select_option("westminster")
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("Hurting yourself").check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_label("A lot", exact=True).check()
    page.get_by_role("button", name="Continue").click()
    page.get_by_role("button", name="Continue").click()  # situations: optional
    page.get_by_role("button", name="Continue").click()  # preferences: optional
    assert "/help/results/" in page.url
    page.goto("/services/?q=self+harm")  # a search too
    page.evaluate("() => document.querySelector('[data-quick-exit]').href = '/cookies/'")
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("**/cookies/")

    seen = []
    while page.evaluate("() => window.history.length") > 1 and len(seen) < 20:
        before = page.url
        page.go_back()
        if page.url in (before, "about:blank"):
            break
        seen.append((page.url, page.title()))
    assert len(seen) >= 8, seen  # every question page is in history: none of them may tell
    for url, title in seen:
        assert "harm" not in url.lower() and "westminster" not in url.lower(), url
        assert "harm" not in title.lower(), title
    # The exit replaced the page left from, so the search itself is not one Back away.
    assert "/services/?q=" not in seen[0][0]
