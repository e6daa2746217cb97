"""Urgent help without a connection: after one visit to any page, a service worker keeps the
urgent help page (and only it) and shows it, styled, when the network fails. And the page shown
when the database fails."""

from dataclasses import replace
from unittest import mock

import pytest
from django.core.signals import request_started
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper
from playwright.sync_api import Error as PlaywrightError

from pages import helplines

from .conftest import PHONE, axe_violations, scrolls_sideways

pytestmark = pytest.mark.django_db(transaction=True)

NEW_NUMBER = "020 7946 0000"  # an Ofcom drama number: valid, and nobody's helpline
WORKER_READY = """async () => {
    const registration = await navigator.serviceWorker.getRegistration("/urgent-help/");
    return Boolean(registration && registration.active?.state === "activated");
}"""
KEPT_PAGE = """async () => {
    const kept = await caches.match("/urgent-help/");
    return kept ? kept.text() : "";
}"""
KEPT = """async () => {
    const kept = [];
    for (const name of await caches.keys()) {
        const cache = await caches.open(name);
        for (const request of await cache.keys()) kept.push(new URL(request.url).pathname);
    }
    return kept.sort();
}"""


@pytest.fixture
def server_requests():
    """The paths the live server was asked for."""
    paths = []

    def record(sender, environ, **kwargs):
        paths.append(environ["PATH_INFO"])

    request_started.connect(record)
    yield paths
    request_started.disconnect(record)


def wait_for_the_worker(page):
    for _ in range(100):
        if page.evaluate(WORKER_READY):
            return
        page.wait_for_timeout(100)
    raise AssertionError("the service worker never became active")


def test_urgent_help_opens_offline_with_its_styles_and_nothing_else_is_kept(
    new_page, server_requests
):
    page = new_page()
    page.goto("/")
    assert page.evaluate("window.isSecureContext")  # localhost: service workers are allowed
    wait_for_the_worker(page)
    assert "/urgent-help/" in server_requests  # kept when the worker was installed
    page.goto("/services/?q=self+harm&borough=westminster")  # not kept: it is no urgent help
    assert page.evaluate(KEPT) == sorted(
        [
            "/urgent-help/",
            "/static/css/main.css",
            "/static/js/site.js",
            "/static/nhsuk/assets/images/favicon.svg",
            "/static/nhsuk/assets/images/nhsuk-icon-cross.svg",
        ]
    )

    page.context.set_offline(True)
    server_requests.clear()
    response = page.goto("/urgent-help/")
    assert response.status == 200
    assert response.from_service_worker
    for words in ["Call 999", "Call 111, option 2", "Childline", "85258", "116 123"]:
        assert page.get_by_text(words).first.is_visible(), words
    header = page.evaluate(
        "getComputedStyle(document.querySelector('.nhsuk-header')).backgroundColor"
    )
    assert header == "rgb(0, 94, 184)"  # NHS blue: the kept stylesheet applied
    # All from the copy. The one request that may still reach the server is the browser's own
    # check for a new worker script, which Chromium's offline emulation does not cover (a real
    # phone without a network just fails it): never the page or what it loads.
    assert set(server_requests) <= {"/sw.js"}

    # Urgent help for a borough falls back to the copy, which lists every national line.
    page.goto("/urgent-help/?borough=westminster")
    assert page.get_by_text("Call 999").first.is_visible()

    with pytest.raises(PlaywrightError):
        page.goto("/services/")  # any other page goes to the network, and there is none
    assert set(server_requests) <= {"/sw.js"}


def test_a_changed_crisis_number_reaches_the_offline_copy_on_the_next_page(new_page, monkeypatch):
    page = new_page()
    page.goto("/")
    wait_for_the_worker(page)
    moved = replace(helplines.SAMARITANS, phone=NEW_NUMBER)
    monkeypatch.setitem(helplines.NATIONAL_LINES, "samaritans", moved)  # a deployment

    page.goto("/privacy/")  # any page: it asks whether the worker changed
    for _ in range(100):
        if NEW_NUMBER in page.evaluate(KEPT_PAGE):
            break
        page.wait_for_timeout(100)
    page.context.set_offline(True)
    page.goto("/urgent-help/")
    assert page.get_by_text(NEW_NUMBER).first.is_visible()
    assert page.get_by_text("116 123").count() == 0


def lose_the_connection(*args, **kwargs):
    raise OperationalError("server closed the connection unexpectedly")


def test_the_page_shown_when_the_database_is_down_is_accessible(new_page):
    page = new_page(**PHONE)
    with mock.patch.object(CursorWrapper, "execute", lose_the_connection):
        response = page.goto("/services/")
        assert response.status == 503
        assert page.get_by_role("link", name="Call 999").first.is_visible()
        assert axe_violations(page) == []
        assert not scrolls_sideways(page)
