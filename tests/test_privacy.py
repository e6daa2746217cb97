"""Privacy (issue 14, requirement 5; docs/privacy.md walks through the Children's code).

Nothing a person looks for is kept: not by a browser's or a shared cache (no-store), not in a
page title, not in a log, not in the database; no cookies, nothing from other sites, no
location.
"""

import io
import logging
import re
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from config.logging import DropQueryStrings, drop_query_strings

pytestmark = pytest.mark.usefixtures("real_directory_read")

SERVICE = "/services/kooth-bi-borough/"
COMPLETE = "urgent=no&who=young-person&age=15&borough=westminster&need=self-harm&impact=a-lot"
PUBLIC_GET_PAGES = [
    "/",
    "/services/",
    "/services/?q=self+harm&age=15&need=self-harm",
    SERVICE,
    f"{SERVICE}?service=kooth-bi-borough",
    f"{SERVICE}report/",
    "/shortlist/?service=kooth-bi-borough&q=anxiety",
    "/urgent-help/?borough=westminster",
    "/browsing-safely/",
    "/privacy/",
    "/cookies/",
    "/accessibility/",
    "/help/",
    "/help/who/?urgent=no",
    f"/help/results/?{COMPLETE}",
    "/help/over-25/",
    "/signposting/?borough=westminster&setting=school",
    "/signposting/westminster/poster/",
    "/signposting/westminster/cards/",
    "/signposting/westminster/waiting-room/?age_band=11-to-15",
    f"/api/v1/navigator?{COMPLETE}",
    "/api/v1/services?search=anxiety",
]


def never_stored(response):
    return response["Cache-Control"] == "no-store"


def title(response):
    html = response.content.decode()
    return html[html.index("<title>") + 7 : html.index("</title>")]


# Cache-Control: no-store -------------------------------------------------------------------


@pytest.mark.parametrize(
    "url, status",
    [
        ("/help/", 200),
        ("/help/age/?urgent=no&who=young-person", 200),
        ("/help/need/?urgent=no", 302),
        (f"/help/results/?{COMPLETE}", 200),
        ("/help/results/?who=nobody&age=15", 400),
        ("/help/no-such-question/?need=self-harm", 404),
        ("/help/not.a.slug/?need=self-harm", 404),
        ("/help/over-25/", 200),
        (f"/api/v1/navigator?{COMPLETE}", 200),
        ("/api/v1/navigator?age=%C2%B2", 400),
    ],
)
def test_every_navigator_answer_is_never_stored_errors_included(client, url, status):
    response = client.get(url)
    assert response.status_code == status
    assert never_stored(response)


@pytest.mark.parametrize("url", ["/help/", "/help/results/", "/api/v1/navigator"])
def test_a_navigator_page_refusing_a_method_is_never_stored(client, url):
    response = client.post(url, {"need": "self-harm"})
    assert response.status_code in (403, 405)  # 403: the CSRF check, before the view
    assert never_stored(response)


@pytest.mark.parametrize(
    "url, broken",
    [
        (f"/help/results/?{COMPLETE}", "navigator.flow.route_results"),
        ("/help/need/?urgent=no", "navigator.flow.route_question"),
        ("/services/?q=self+harm", "directory.pagination.paginate"),
    ],
)
def test_a_server_error_is_never_stored(monkeypatch, url, broken):
    def fail(*args, **kwargs):
        raise RuntimeError("broken for the test")

    monkeypatch.setattr(broken, fail)
    response = Client(raise_request_exception=False).get(url)
    assert response.status_code == 500
    assert never_stored(response)
    assert "self" not in response.content.decode()  # the 500 page does not echo the search


@pytest.mark.parametrize(
    "url",
    [
        "/services/?q=self+harm",
        "/services/?need=self-harm",
        "/services/?q=kill+myself&page=2",
        "/services/?age=%C2%B2",
        "/shortlist/?q=self+harm",
        "/shortlist/?service=kooth-bi-borough",
    ],
)
def test_search_pages_are_never_stored_and_their_titles_are_generic(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert never_stored(response)
    page_title = title(response).lower()
    for word in ("self", "harm", "kill", "kooth"):
        assert word not in page_title


def test_the_directory_without_a_search_may_be_cached(client):
    assert "no-store" not in client.get("/services/").get("Cache-Control", "")


# No cookies, nothing from other sites, no location -----------------------------------------


@pytest.mark.parametrize("url", PUBLIC_GET_PAGES)
def test_public_pages_set_no_cookie(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.cookies == {}
    assert "Set-Cookie" not in response


# Anything the browser fetches by itself: scripts, styles, images, frames, forms, preloads.
FETCHED = re.compile(
    r"<(?:script|img|iframe|source|audio|video|embed|object)\b[^>]*\bsrc=\"([^\"]*)\""
    r"|<link\b[^>]*\bhref=\"([^\"]*)\""
    r"|<form\b[^>]*\baction=\"([^\"]*)\"",
    re.IGNORECASE,
)


@pytest.mark.parametrize("url", [u for u in PUBLIC_GET_PAGES if not u.startswith("/api/")])
def test_public_pages_fetch_nothing_from_another_site(client, url):
    response = client.get(url)
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "script-src 'self'" in policy
    for match in FETCHED.finditer(response.content.decode()):
        address = next(group for group in match.groups() if group is not None)
        assert not re.match(r"(?:[a-z]+:)?//", address, re.IGNORECASE), (url, address)


@pytest.mark.parametrize("url", PUBLIC_GET_PAGES)
def test_no_page_may_ask_for_the_location_camera_or_microphone(client, url):
    policy = client.get(url)["Permissions-Policy"]
    for feature in ("geolocation=()", "camera=()", "microphone=()"):
        assert feature in policy


def test_the_site_script_never_asks_for_the_location():
    from django.conf import settings

    scripts = list((settings.BASE_DIR / "static").rglob("*.js"))
    assert scripts
    for script in scripts:
        text = script.read_text()
        assert "geolocation" not in text and "getCurrentPosition" not in text, script


# Nothing is written -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/services/?q=self+harm&age=15",
        "/shortlist/?service=kooth-bi-borough&q=anxiety",
        "/help/age/?urgent=no&who=young-person&age=15&answered=age",
        f"/help/results/?{COMPLETE}",
        f"/api/v1/navigator?{COMPLETE}",
        "/api/v1/services?search=self+harm",
    ],
)
def test_searches_and_answers_are_never_written_to_the_database(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code in (200, 302)
    writes = [
        q["sql"]
        for q in queries.captured_queries
        if re.match(r"\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE)\b", q["sql"], re.IGNORECASE)
    ]
    assert writes == []


# Logs keep paths, not query strings --------------------------------------------------------


@pytest.mark.parametrize(
    "text, kept",
    [
        ('"GET /services/?q=self+harm&age=15 HTTP/1.1" 200', '"GET /services/ HTTP/1.1" 200'),
        ("Not Found: /help/x/?need=suicidal-thoughts", "Not Found: /help/x/"),
        ("https://x.example/help/?answers=gAAA== next", "https://x.example/help/ next"),
        ("Is anyone in danger? Yes", "Is anyone in danger? Yes"),
        ("WHERE age >= ? AND slug IN (?, ?)", "WHERE age >= ? AND slug IN (?, ?)"),
        ("no query here", "no query here"),
    ],
)  # fmt: skip
def test_query_strings_are_cut_from_log_messages(text, kept):
    assert drop_query_strings(text) == kept


CONFIGURED_HANDLERS = ("console", "django.server")  # settings.LOGGING's (pytest adds its own)


def logged(logger_name, message, *args):
    """What the site's logging configuration writes for one record on this logger."""
    logger = logging.getLogger(logger_name)
    handlers, current = [], logger
    while current:
        handlers.extend(h for h in current.handlers if h.name in CONFIGURED_HANDLERS)
        current = current.parent if current.propagate else None
    assert handlers, logger_name
    streams = []
    for handler in handlers:
        streams.append((handler, handler.setStream(io.StringIO())))
    try:
        logger.warning(message, *args)
        return "".join(handler.stream.getvalue() for handler, _ in streams)
    finally:
        for handler, stream in streams:
            handler.setStream(stream)


@pytest.mark.parametrize("name", ["django.server", "django.request", "django", "navigator"])
def test_every_log_handler_drops_query_strings(name):
    output = logged(name, '"%s" %s %s', "GET /services/?q=self+harm HTTP/1.1", "200", "99")
    assert "/services/" in output
    assert "self" not in output


def test_every_configured_handler_has_the_filter():
    handlers = {
        handler
        for logger in [logging.getLogger(), logging.getLogger("django")]
        + [logging.getLogger(n) for n in ("django.server", "django.request")]
        for handler in logger.handlers
        if handler.name in CONFIGURED_HANDLERS
    }
    assert {handler.name for handler in handlers} == set(CONFIGURED_HANDLERS)
    for handler in handlers:
        assert any(isinstance(f, DropQueryStrings) for f in handler.filters), handler


def test_a_not_found_page_is_logged_without_its_query(client):
    output = io.StringIO()
    handler = logging.StreamHandler(output)
    handler.addFilter(DropQueryStrings())
    request_logger = logging.getLogger("django.request")
    request_logger.addHandler(handler)
    try:
        client.get("/help/no-such-question/?need=suicidal-thoughts")
    finally:
        request_logger.removeHandler(handler)
    assert "/help/no-such-question/" in output.getvalue()
    assert "suicidal" not in output.getvalue()


def test_gunicorns_access_log_keeps_no_query_string():
    pytest.importorskip("gunicorn")
    from gunicorn.config import Config
    from gunicorn.glogging import SafeAtoms

    from config.logging import GunicornLogger

    config = Config()
    logger = GunicornLogger(config)
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": "/services/?q=self+harm",
        "PATH_INFO": "/services/",
        "QUERY_STRING": "q=self+harm",
        "SERVER_PROTOCOL": "HTTP/1.1",
        "HTTP_REFERER": "https://site.example/help/results/?need=self-harm",
        "REMOTE_ADDR": "192.0.2.1",
    }
    request = SimpleNamespace(headers=[("REFERER", environ["HTTP_REFERER"])])
    response = SimpleNamespace(status="200 OK", headers=[], sent=100)
    atoms = SafeAtoms(logger.atoms(response, request, environ, timedelta(milliseconds=5)))
    formats = [
        config.access_log_format,  # gunicorn's default, with %(r)s and %(f)s
        "%(r)s %(U)s %(q)s %(f)s %({referer}i)s %({raw_uri}e)s %({query_string}e)s",
    ]
    for access_log_format in formats:
        line = access_log_format % atoms
        assert "GET /services/ HTTP/1.1" in line
        assert "self" not in line and "harm" not in line, line


QUESTION_PAGES = [
    "/help/",
    "/help/who/?urgent=no",
    "/help/age/?urgent=no&who=young-person",
    "/help/where/?urgent=no&who=young-person&age=15",
    "/help/need/?urgent=no&who=young-person&age=15&borough=westminster",
]
IDENTIFYING = re.compile(r"name|mail|phone|mobile|birth|dob|address|school|gender|ethnic", re.I)


@pytest.mark.parametrize("url", [*PUBLIC_GET_PAGES[:12], *QUESTION_PAGES])
def test_no_public_form_asks_who_someone_is(client, url):
    """Data minimisation: no field for a name, contact details, date of birth, address or
    school. The navigator asks an age in years and a borough (or a postcode, kept only until
    its borough is known); the report form asks what is wrong."""
    html = client.get(url).content.decode()
    fields = re.findall(r"<(?:input|textarea|select)\b[^>]*\bname=\"([^\"]+)\"", html)
    assert fields or url not in QUESTION_PAGES
    assert not [field for field in fields if IDENTIFYING.search(field)], (url, fields)


def test_the_privacy_notice_says_what_the_site_does(client):
    page = re.sub(r"\s+", " ", client.get("/privacy/").content.decode())
    for promise in [
        "You do not need an account.",
        "We do not use cookies, analytics, trackers or advertising on public pages.",
        "The pages do not load anything from other websites.",
        "The logs leave out the part of a page's address that holds what you searched for",
        "tell your browser not to keep a copy of them",
        "Children's code",
    ]:
        assert promise.replace("'", "&#x27;") in page or promise in page, promise
