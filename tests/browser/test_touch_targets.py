"""Touch targets and the quick exit in a real browser at 375 px (issue 21): every link or
control that stands on its own is at least 24 x 24 px with room around it, across the
directory's list, a service's page, the shortlist and the navigator's results; "Leave this
site" keeps its contrast once visited; the navigator's results fit a phone."""

import os
import tempfile
from pathlib import Path

import pytest

from tests.real_directory import load_real_directory

from .conftest import axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)

PHONE_375 = {"width": 375, "height": 667}  # an iPhone SE: the shortest common 375 px screen
MIN_TARGET = 24  # px, WCAG 2.2 success criterion 2.5.8
ROOM = 8  # px between a card's own actions (Call, Text, Add to shortlist)

NAVIGATOR_RESULTS = (
    "/help/results/?urgent=no&who=young-person&age=15&borough=westminster&need=anxiety"
    "&impact=quite-a-lot"
)
PAGES = [
    "/services/",
    "/services/?q=anxiety&borough=westminster",
    "/services/childline/",
    "/services/kooth-bi-borough/",
    "/shortlist/?service=childline&service=kooth-bi-borough&service=samaritans",
    NAVIGATOR_RESULTS,
    "/help/results/?urgent=no&who=young-person&age=15&borough=westminster&need=self-harm"
    "&impact=a-lot",
]

# Every visible target, with whether it sits inside a sentence (WCAG's "inline" exception:
# a link in running text keeps the text's line height).
TARGETS_JS = """() => {
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary';
  const out = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    const rects = el.getClientRects();
    if (!rects.length || style.visibility === 'hidden') continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (el.closest('.nhsuk-skip-link, [hidden], details:not([open]) > :not(summary)')) continue;
    let block = el.parentElement;
    while (block && getComputedStyle(block).display.startsWith('inline')) {
      block = block.parentElement;
    }
    const own = (el.innerText || '').trim().length;
    const around = block ? (block.innerText || '').trim().length - own : 0;
    const inline = style.display === 'inline' && around >= 30;
    const card = el.closest('.app-match, .app-service-card');
    out.push({
      text: (el.innerText || el.value || el.getAttribute('aria-label') || el.tagName).trim()
        .slice(0, 40),
      top: r.top + window.scrollY, left: r.left, width: r.width, height: r.height,
      inline: inline, card: card ? card.id : '',
    });
  }
  return out;
}"""


def gap(a, b):
    """The distance between two rectangles (0 when they touch or overlap)."""
    dx = max(0, max(a["left"], b["left"]) - min(a["left"] + a["width"], b["left"] + b["width"]))
    dy = max(0, max(a["top"], b["top"]) - min(a["top"] + a["height"], b["top"] + b["height"]))
    return (dx**2 + dy**2) ** 0.5


def overlap(a, b):
    return (
        a["left"] < b["left"] + b["width"] - 1
        and b["left"] < a["left"] + a["width"] - 1
        and a["top"] < b["top"] + b["height"] - 1
        and b["top"] < a["top"] + a["height"] - 1
    )


@pytest.fixture
def real_data(transactional_db):
    load_real_directory()


def test_every_touch_target_is_at_least_24_px_with_room_around_it(new_page, real_data):
    page = new_page(**PHONE_375)
    measured = 0
    for url in PAGES:
        page.goto(url)
        targets = [t for t in page.evaluate(TARGETS_JS) if not t["inline"]]
        measured += len(targets)
        small = [t for t in targets if t["width"] < MIN_TARGET or t["height"] < MIN_TARGET]
        assert not small, (url, small)
        for index, one in enumerate(targets):
            for other in targets[index + 1 :]:
                assert not overlap(one, other), (url, one, other)
                if one["card"] and one["card"] == other["card"]:
                    assert gap(one, other) >= ROOM, (url, one, other)
        assert axe_violations(page) == [], url
        assert not scrolls_sideways(page), url
    assert measured > 100


def test_a_cards_call_and_shortlist_links_are_big_enough_and_apart(new_page, real_data):
    page = new_page(**PHONE_375)
    page.goto(NAVIGATOR_RESULTS.replace("need=anxiety", "need=self-harm"))
    card = page.locator("#service-childline")
    call = card.get_by_role("link", name="0800 1111").bounding_box()
    shortlist = card.get_by_role("link", name="Add to shortlist").bounding_box()
    assert call["height"] >= MIN_TARGET and shortlist["height"] >= MIN_TARGET
    assert shortlist["y"] - (call["y"] + call["height"]) >= ROOM


# "Leave this site", once visited ---------------------------------------------------------------

# The button's text and background colours, read from what the screen shows (a browser never
# tells a page's scripts the colour of a visited link).
PIXELS_JS = """async (png) => {
  const image = new Image();
  image.src = 'data:image/png;base64,' + png;
  await image.decode();
  const canvas = document.createElement('canvas');
  canvas.width = image.width; canvas.height = image.height;
  const context = canvas.getContext('2d');
  context.drawImage(image, 0, 0);
  const inset = 5;  // inside the white border
  const data = context.getImageData(inset, inset, image.width - 2 * inset,
                                    image.height - 2 * inset).data;
  const counts = new Map();
  const colours = [];
  for (let i = 0; i < data.length; i += 4) {
    const colour = [data[i], data[i + 1], data[i + 2]];
    colours.push(colour);
    const key = colour.join(',');
    counts.set(key, (counts.get(key) || 0) + 1);
  }
  const background = [...counts.entries()].sort((a, b) => b[1] - a[1])[0][0].split(',')
    .map(Number);
  const distance = (c) => c.reduce((sum, v, i) => sum + (v - background[i]) ** 2, 0);
  const text = colours.reduce((best, c) => (distance(c) > distance(best) ? c : best));
  return [background, text];
}"""


def luminance(rgb):
    def channel(value):
        value /= 255
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(v) for v in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(one, other):
    lighter, darker = sorted([luminance(one), luminance(other)], reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def button_contrast(page):
    import base64

    png = page.locator("[data-quick-exit]").screenshot(animations="disabled")
    background, text = page.evaluate(PIXELS_JS, base64.b64encode(png).decode())
    return contrast(background, text), background, text


def test_leave_this_site_keeps_its_contrast_once_visited(new_page, live_server, settings):
    settings.FINDHELP_EXIT_URL = f"{live_server.url}/cookies/"
    page = new_page(**PHONE_375, javascript=False)
    page.goto("/privacy/")
    unvisited = button_contrast(page)
    assert unvisited[0] >= 4.5, unvisited
    page.goto("/cookies/")  # the exit's address is now in this browser's history
    page.goto("/privacy/")
    page.mouse.move(0, 600)  # not hovering over it
    visited = button_contrast(page)
    assert visited[0] >= 4.5, visited
    assert abs(visited[0] - unvisited[0]) < 0.5, (visited, unvisited)


# The navigator's results on a phone -----------------------------------------------------------


def screenshots_folder():
    folder = Path(
        os.environ.get("NAVIGATOR_SCREENSHOTS")
        or Path(tempfile.gettempdir()) / "findhelp-navigator-screenshots"
    )
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.mark.parametrize("height", [667, 812])
def test_the_anxious_15_year_olds_results_fit_a_phone(new_page, real_data, height):
    page = new_page(width=375, height=height)
    page.goto(NAVIGATOR_RESULTS)
    first = page.evaluate(
        "() => document.querySelector('.app-match').getBoundingClientRect().top + scrollY"
    )
    whole = page.evaluate("() => document.documentElement.scrollHeight")
    page.screenshot(path=str(screenshots_folder() / f"results-375x{height}.png"), full_page=True)
    assert first <= 1.5 * height, first
    assert whole <= 6 * height, whole
    # The answers fold away, and open with a tap.
    answers = page.locator("details.app-answers")
    assert not page.locator(".app-answer-summary").is_visible()
    answers.locator("summary").click()
    assert page.locator(".app-answer-summary").get_by_text("Westminster").is_visible()
    assert axe_violations(page) == []
