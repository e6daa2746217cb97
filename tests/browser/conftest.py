"""Real-browser tests: Playwright driving Debian's /usr/bin/chromium against live_server,
with axe-core from npm for accessibility."""

import os
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop in this thread; Django's ORM calls made by the test
# itself (not the server) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

from playwright.sync_api import sync_playwright  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
PHONE = {"width": 320, "height": 640}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def transactional(transactional_db):
    """Browser tests are transactional: the live server's thread reads only committed rows.
    Each ends by flushing the database, and tests/conftest.py puts the migrations' rows (the
    vocabularies) back at once."""


@pytest.fixture(autouse=True)
def plain_static_names(settings):
    """live_server serves static files through the staticfiles finders, which know the
    unhashed names only; production's hashed names are covered by collectstatic in CI."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def new_page(browser, live_server):
    """Make pages: new_page(width=320, javascript=False). Closed after the test."""
    contexts = []

    def make(width=DESKTOP["width"], height=DESKTOP["height"], javascript=True):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            java_script_enabled=javascript,
            bypass_csp=True,  # lets the test inject axe-core; the site's own CSP stays on
            base_url=live_server.url,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()


def axe_violations(page):
    """WCAG 2.2 A/AA violations on the current page, as (rule id, help, targets) tuples."""
    page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        """async (tags) => {
            const result = await axe.run(document, {runOnly: {type: 'tag', values: tags}});
            return result.violations.map(v => [v.id, v.help, v.nodes.map(n => n.target.join(' '))]);
        }""",
        WCAG_TAGS,
    )
    return [tuple(v) for v in violations]


def scrolls_sideways(page):
    return page.evaluate(
        "() => document.documentElement.scrollWidth > document.documentElement.clientWidth"
    )
