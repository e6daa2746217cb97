"""With the database down, every page that needs it answers 503 with the crisis lines (the API
in JSON), urgent help still answers 200, and /healthz says so. Simulated here, on either
database; tests/test_database_outage.py stops a real PostgreSQL server."""

import logging
from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.backends.utils import CursorWrapper
from django.template import engines
from django.template.response import TemplateResponse
from django.test import Client
from django.urls import path

from config import urls as site_urls
from directory.models import Service
from tests.factories import make_service

ANSWERS = "who=young-person&age=15&borough=westminster&urgent=no&need=anxiety&impact=a-little"
NEEDS_THE_DATABASE = [
    "/",
    "/services/",
    "/services/?q=anxiety&borough=westminster",
    "/services/kooth/",
    "/services/kooth/report/",
    "/shortlist/?service=kooth",
    "/help/where/?who=young-person&age=15&urgent=no",
    "/help/need/?who=young-person&age=15&borough=westminster&urgent=no",
    f"/help/results/?{ANSWERS}",
]
API_NEEDS_THE_DATABASE = [
    "/api/v1/services",
    "/api/v1/services/00000000-0000-0000-0000-000000000000",
    "/api/v1/organizations",
    f"/api/v1/navigator?{ANSWERS}",
]
NO_DATABASE = [
    "/urgent-help/",
    "/urgent-help/?borough=westminster",
    "/help/",
    "/help/over-25/",
    "/browsing-safely/",
    "/privacy/",
]
CRISIS_LINES = ["999", "111", "option 2", "0800 1111", "85258", "116 123"]


def refuse_to_connect(self):
    raise OperationalError("could not connect to server: Connection refused")


@pytest.fixture
def database_down():
    """Every attempt to reach the database fails, as when the server is down."""
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse_to_connect):
        yield


@pytest.fixture
def connection_lost(db):
    """The connection was open, and the server went away: every query fails."""

    def lost(*args, **kwargs):
        raise InterfaceError("connection already closed")

    with mock.patch.object(CursorWrapper, "execute", lost):
        yield


def assert_unavailable_page(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("text/html")
    assert "Set-Cookie" not in response
    assert not response.cookies
    page = response.content.decode()
    assert "not available just now" in page
    for line in CRISIS_LINES:
        assert line in page
    assert 'href="/urgent-help/"' in page
    assert "Leave this site" in page  # the site's own layout, quick exit included


def assert_unavailable_json(response):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Type"] == "application/json"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = response.json()
    assert body["status"] == 503
    assert set(body) == {"status", "error"}  # the shape of the API's other errors


@pytest.mark.parametrize("url", NEEDS_THE_DATABASE)
def test_a_page_that_needs_the_database_is_a_503_with_the_crisis_lines(client, database_down, url):
    assert_unavailable_page(client.get(url))


@pytest.mark.parametrize("url", API_NEEDS_THE_DATABASE)
def test_the_api_is_a_503_in_json(client, database_down, url):
    assert_unavailable_json(client.get(url))


@pytest.mark.parametrize("url", NO_DATABASE)
def test_pages_that_need_no_database_still_answer(client, database_down, url):
    response = client.get(url)
    assert response.status_code == 200


@pytest.mark.parametrize("url", ["/services/", "/services/kooth/", f"/help/results/?{ANSWERS}"])
def test_a_connection_lost_midway_is_a_503_too(client, connection_lost, url):
    assert_unavailable_page(client.get(url))


def test_a_lost_connection_is_a_503_in_json_under_the_api(client, connection_lost):
    assert_unavailable_json(client.get("/api/v1/services"))


def test_the_borough_in_the_address_gives_its_local_24_hour_line(client, database_down):
    response = client.get("/services/?borough=westminster")
    assert_unavailable_page(response)
    assert "0800 023 4650" in response.content.decode()  # CNWL's line for Westminster


def test_a_signed_in_member_of_staff_gets_the_503_too(database_down):
    """Their session is read after the view, outside it (SESSION_SAVE_EVERY_REQUEST), and fails
    again: Django hands that to handler500, which answers the same 503."""
    client = Client(raise_request_exception=False)
    client.cookies["sessionid"] = "a-staff-session"
    assert_unavailable_page(client.get("/services/"))
    assert_unavailable_json(client.get("/api/v1/services"))


def test_a_bug_in_a_query_is_not_mistaken_for_the_database_being_down(db):
    from django.db import ProgrammingError

    def broken(*args, **kwargs):
        raise ProgrammingError("column does not exist")

    client = Client(raise_request_exception=False)
    with mock.patch.object(CursorWrapper, "execute", broken):
        response = client.get("/services/")
    assert response.status_code == 500


def test_an_outage_is_logged_once_in_one_line(client, database_down, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/services/")
    errors = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(errors) == 1
    assert "Database unavailable answering /services/" in errors[0].getMessage()
    assert errors[0].exc_info is None


# A view whose QuerySet is only read while its TemplateResponse is rendered, after the view has
# returned: the failure comes from the rendering.
LAZY = engines["django"].from_string("{% for service in services %}{{ service.name }}{% endfor %}")


def lazy_view(request):
    return TemplateResponse(request, LAZY, {"services": Service.objects.all()})


def middleware_reaching_the_database(get_response):
    """As a middleware that reads the database before any view (a session, say)."""

    def middleware(request):
        Service.objects.exists()
        return get_response(request)

    return middleware


urlpatterns = [path("lazy/", lazy_view), *site_urls.urlpatterns]


@pytest.mark.urls(__name__)
def test_a_template_response_that_fails_while_rendering_is_a_503(db, client):
    make_service(slug="kooth", name="Kooth")
    assert client.get("/lazy/").content.decode() == "Kooth"
    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse_to_connect):
        response = client.get("/lazy/")
    assert_unavailable_page(response)


def test_a_failure_outside_any_view_is_a_503_too(settings, database_down):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.test_database_down.middleware_reaching_the_database",
    ]
    client = Client(raise_request_exception=False)
    assert_unavailable_page(client.get("/urgent-help/"))
    assert_unavailable_json(client.get("/api/v1/services"))


def test_other_errors_outside_any_view_are_still_the_500_page(settings):
    settings.MIDDLEWARE = [
        *settings.MIDDLEWARE,
        "tests.test_database_down.middleware_that_fails",
    ]
    response = Client(raise_request_exception=False).get("/urgent-help/")
    assert response.status_code == 500
    assert "Sorry, there is a problem with the service" in response.content.decode()


def middleware_that_fails(get_response):
    def middleware(request):
        raise ValueError("a bug")

    return middleware


def test_healthz_is_ok_when_the_database_answers(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies


def test_healthz_is_a_503_when_the_database_does_not(client, database_down, caplog):
    with caplog.at_level(logging.INFO):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable", "database": "unavailable", "cache": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_healthz_answers_plain_http_when_https_is_required(client, db, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/urgent-help/").status_code == 301


def test_connections_are_checked_before_use(settings):
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True
