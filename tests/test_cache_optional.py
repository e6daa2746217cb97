"""Issue 22, requirement 1, in one process: a cache that cannot be reached (a Redis address with
nothing listening) costs a page render, never an error; it is asked again only every few
seconds (the circuit breaker), logged at most once a minute, and reported by /healthz, which
stays 200. tests/test_cache_outage.py does the same against a real Redis stopped, killed and
paused under gunicorn."""

import logging
import time

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from config import redis_cache
from directory import caching
from tests.factories import make_service
from tests.live_site import spare_port

pytestmark = pytest.mark.django_db


@pytest.fixture
def dead_cache():
    """The default cache is Redis at an address where nothing listens."""
    config = {
        "BACKEND": "config.redis_cache.RedisCache",
        "LOCATION": f"redis://127.0.0.1:{spare_port()}/0",
    }
    with override_settings(CACHES={"default": config}):
        cache = caches["default"]
        caching.clear_local()
        yield cache
        cache.breaker.closed_from = 0
        cache.close()
    caching.clear_local()


@pytest.fixture
def riverside(db):
    return make_service(name="Riverside Counselling", slug="riverside", borough=["westminster"])


PAGES = ["/", "/services/", "/services/?borough=westminster", "/services/riverside/",
         "/services/?q=counselling", "/urgent-help/", "/help/"]  # fmt: skip


def test_every_page_is_rendered_when_the_cache_cannot_be_reached(client, riverside, dead_cache):
    for _ in range(2):
        for path in PAGES:
            response = client.get(path)
            assert response.status_code == 200, path
    assert "Riverside Counselling" in client.get("/services/riverside/").content.decode()
    assert not dead_cache.available


def test_a_failing_cache_is_left_alone_for_a_few_seconds(dead_cache, monkeypatch):
    calls = []
    real_get = redis_cache.redis.RedisCache.get

    def counted(self, *args, **kwargs):
        calls.append(args)
        return real_get(self, *args, **kwargs)

    monkeypatch.setattr(redis_cache.redis.RedisCache, "get", counted)
    assert dead_cache.get("a", "missing") == "missing"
    started = time.monotonic()
    for _ in range(100):
        assert dead_cache.get("a") is None
        dead_cache.set("a", 1)
    assert time.monotonic() - started < 0.1  # not a timeout each
    assert len(calls) == 1
    dead_cache.breaker.closed_from = 0  # RETRY_SECONDS later
    dead_cache.get("a")
    assert len(calls) == 2


def test_the_cache_is_given_short_timeouts_and_no_retries(dead_cache):
    options = dead_cache._options
    assert options["socket_connect_timeout"] < 1 and options["socket_timeout"] < 1
    assert options["retry"].get_retries() == 0


def test_the_failure_is_logged_once_a_minute_on_one_line(client, riverside, dead_cache, caplog):
    with caplog.at_level(logging.WARNING):
        for _ in range(3):
            for path in PAGES:
                client.get(path)
            dead_cache.breaker.closed_from = 0  # as if RETRY_SECONDS had passed
    lines = [r for r in caplog.records if r.name == "config.redis_cache"]
    assert len(lines) == 1
    assert "Cache unavailable" in lines[0].getMessage()
    assert lines[0].exc_info is None  # no traceback


def test_healthz_says_the_cache_is_down_but_stays_200(client, dead_cache):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "unavailable"}


def test_nothing_is_kept_or_reused_while_the_generation_is_unknown(riverside, dead_cache):
    computed = []

    def compute():
        computed.append(1)
        return "rows"

    assert caching.generation() is None
    assert caching.get_or_set("rows", compute) == "rows"
    assert caching.get_or_set("rows", compute) == "rows"
    assert caching.get_or_set_local("card", compute) == "rows"
    assert len(computed) == 3  # each time, from the database
    assert caching.get("page") == (None, None)


def test_the_generation_moves_on_when_the_cache_answers_again(db):
    """A correction the cache could not be told of must not be hidden by a page it kept."""
    from django.core.cache import cache

    before = caching.generation()
    redis_cache.breaker_for("test").failed(OSError("refused"))
    redis_cache.breaker_for("test").succeeded()  # the recovery hooks run
    caching._this_request.generation = None
    assert cache.get(caching.GENERATION_KEY) > before


@pytest.mark.parametrize(
    "url",
    [
        "/help/results/?who=parent-carer&age=9&borough=westminster&urgent=no&need=anxiety"
        "&impact=a-lot",
        "/services/?borough=westminster&need=anxiety",
    ],
)
def test_with_nothing_kept_a_page_reads_the_vocabularies_once(client, settings, url):
    """With the cache off (or out of reach) nothing is kept between requests, but the page's
    several readers of the vocabularies (filters, cards, ranking, the borough listing) share
    one read within the request: bench/run.py measures pages this way."""
    settings.FINDHELP_PAGE_CACHE = False
    make_service(name="Westminster Kooth", borough=["westminster"], need=["anxiety"])
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    reads = [q for q in queries.captured_queries if 'AS "part"' in q["sql"]]
    assert len(reads) == 1
