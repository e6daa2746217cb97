"""Issue 22, requirement 11: after "Leave this site", the browser's history for the tab (every
entry Back can reach, read through Chromium's own list, `Page.getNavigationHistory`) holds
neither a search's words, nor a service's name, nor a need or a borough, in any address or
title. The sealed tokens themselves are opaque; everything else in an address is read."""

import re
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.factories import make_service

pytestmark = pytest.mark.django_db(transaction=True)

TELLING = ("want", "die", "papyrus", "hopeline", "self-harm", "harm", "suicid", "westminster")


@pytest.fixture
def directory():
    make_service(
        slug="papyrus-hopeline247",
        name="Papyrus HOPELINE247",
        summary="Support for young people who want to die or have thoughts of suicide.",
        is_national=True,
        is_crisis=True,
        min_age=0,
        max_age=25,
        phone="0800 068 4141",
        need=["suicidal-thoughts", "self-harm"],
        thrive=["getting-risk-support"],
        delivery=["phone"],
    )
    make_service(
        slug="kooth",
        name="Kooth",
        min_age=11,
        max_age=25,
        borough=["westminster"],
        need=["self-harm", "anxiety"],
        thrive=["getting-help"],
        delivery=["online"],
    )


def readable_part(url):
    """The address without the sealed tokens (random base64, which may hold any 3 letters)."""
    parts = urlsplit(url)
    path = re.sub(r"^/services/sealed/[^/]+/", "/services/sealed/TOKEN/", parts.path)
    query = [
        (name, "TOKEN" if name in ("sealed", "answers") else value)
        for name, value in parse_qsl(parts.query, keep_blank_values=True)
    ]
    return f"{path}?{query}"


def history(page):
    session = page.context.new_cdp_session(page)
    entries = session.send("Page.getNavigationHistory")["entries"]
    session.detach()
    return [(entry["url"], entry["title"]) for entry in entries]


def run_the_navigator(page):
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
    page.wait_for_url("**/help/results/**")


def test_after_leaving_no_history_entry_tells_what_was_searched_opened_or_answered(
    new_page, directory
):
    page = new_page(width=375, height=740)
    page.goto("/")
    page.locator("#search-field").fill("i want to die")
    page.locator("#search-field").press("Enter")
    page.wait_for_url("**/services/?sealed=*")
    assert page.get_by_role("heading", name="Search results for “i want to die”").is_visible()
    assert page.title() == "Search results – Find Help"

    page.get_by_role("link", name="Papyrus HOPELINE247").first.click()
    page.wait_for_url("**/services/sealed/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Papyrus HOPELINE247"
    assert page.title() == "Service details – Find Help"
    page.reload()  # the sealed address still opens the page
    assert page.get_by_role("heading", level=1).inner_text() == "Papyrus HOPELINE247"

    # A plain link, as a GP would write one by hand, is sealed too once it has loaded.
    page.goto("/services/?need=self-harm&borough=westminster")
    page.wait_for_url("**/services/?sealed=*")
    assert page.get_by_role("link", name="Kooth", exact=True).is_visible()

    run_the_navigator(page)
    page.evaluate("() => document.querySelector('[data-quick-exit]').href = '/cookies/'")
    page.get_by_role("link", name="Leave this site quickly").click()
    page.wait_for_url("**/cookies/")

    entries = history(page)
    assert len(entries) >= 12, entries  # home, search, service, list, 8 questions, exit
    assert entries[-1][0].endswith("/cookies/")
    for url, title in entries:
        readable = readable_part(url).lower()
        for word in TELLING:
            assert word not in readable, (word, url)
            assert word not in title.lower(), (word, title)
    visited = [urlsplit(url).path for url, _ in entries]
    assert "/services/" in visited and "/help/" in visited
    assert any(path.startswith("/services/sealed/") for path in visited)

    # Back reaches those pages as they were sealed, and they still open.
    page.go_back()
    assert "/help/" in page.url and "harm" not in page.url


def test_without_javascript_search_still_works_and_its_address_stays_plain(new_page, directory):
    """What the browsing-safely page says: without JavaScript the words stay in the address."""
    page = new_page(javascript=False)
    page.goto("/")
    page.locator("#search-field").fill("want to die")
    page.locator("#search-field").press("Enter")
    page.wait_for_url("**/services/?q=want+to+die*")
    assert page.get_by_role("link", name="Papyrus HOPELINE247").first.is_visible()
    page.get_by_role("link", name="Papyrus HOPELINE247").first.click()
    page.wait_for_url("**/services/papyrus-hopeline247/")
    assert page.title() == "Service details – Find Help"
    page.goto("/browsing-safely/")
    text = page.locator("main").inner_text()
    assert "Without JavaScript" in text
