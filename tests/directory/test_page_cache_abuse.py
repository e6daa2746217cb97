"""Issue 22, requirements 8, 9 and 10: a page cache that cannot be flooded or poisoned, rate
limits the cache cannot evict, and no search or shortlist kept by a browser or proxy."""

import datetime
import gzip

import pytest
from django.core.cache import cache
from django.test import Client
from django.utils import timezone

from config import page_cache
from directory import caching
from directory.commissioning.reporting import RATE_LIMIT, RATE_WINDOW
from directory.models import RateLimit
from tests.factories import make_service

pytestmark = pytest.mark.django_db

SITE = "https://findhelp.example.org"


@pytest.fixture
def riverside(db):
    return make_service(name="Riverside Counselling", slug="riverside", borough=["westminster"])


def kept(rf, url, **headers):
    return caching.get(page_cache._key(rf.get(url, **headers)))[0]


# Requirement 8: flooding ----------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "/?utm_x=1",
        "/services/riverside/?utm_x=1",
        "/services/?utm_x=1",
        "/services/?borough=westminster&utm_source=mail",
        "/services/?borough=nowhere-at-all",  # a value the page refuses
        "/services/?borough=westminster&borough=camden",  # one choice, given twice
        "/services/?need=anxiety&need=anxiety",  # a repeated pair
        "/services/?age=015",  # 15, written another way
        "/services/?age=99",
        "/services/?page=0",
        "/services/?page=2",  # there is only one
        "/services/?page=1&page=2",
        "/services/?borough=WESTMINSTER",
    ],
)
def test_an_address_with_a_parameter_the_page_does_not_read_is_rendered_not_kept(
    client, riverside, rf, url
):
    assert client.get(url).status_code == 200
    assert kept(rf, url) is None
    assert client.get(url).status_code == 200  # rendered again, still fine


def test_a_flood_of_junk_addresses_keeps_nothing(client, riverside):
    client.get("/services/?utm_x=0")
    before = len(cache._cache)  # the local-memory cache used in tests
    for number in range(50):
        assert client.get(f"/services/?utm_x={number}").status_code == 200
    assert len(cache._cache) == before


def test_the_same_choice_in_another_order_is_one_entry(client, riverside, rf):
    client.get("/services/?borough=westminster&age=15")
    assert kept(rf, "/services/?age=15&borough=westminster") is not None
    assert kept(rf, "/services/?borough=westminster&age=15&page=1") is None  # page 1 said


def test_the_report_limit_is_not_in_the_cache_so_a_flood_cannot_evict_it(riverside):
    browser = Client(HTTP_ORIGIN="http://testserver")
    url = "/services/riverside/report/"
    for number in range(RATE_LIMIT):
        assert browser.post(url, {"problem": "other", "details": f"{number}"}).status_code == 302
    cache.clear()  # everything the cache holds, evicted
    caching.clear_local()
    assert browser.post(url, {"problem": "other", "details": "again"}).status_code == 429


def test_a_window_ends_and_counts_start_again(riverside, monkeypatch):
    key = "report:test"
    for expected in range(1, 4):
        assert RateLimit.objects.count_attempt(key, RATE_WINDOW) == expected
    later = timezone.now() + datetime.timedelta(seconds=RATE_WINDOW + 1)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert RateLimit.objects.count_attempt(key, RATE_WINDOW) == 1
    assert RateLimit.objects.count() == 1  # the old window's row is gone


# Requirement 9: poisoning ---------------------------------------------------------------


def test_a_forged_host_does_not_reach_the_next_visitors_page(riverside, settings):
    settings.FINDHELP_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    forged = Client(HTTP_HOST="localhost:6666", HTTP_X_FORWARDED_PROTO="http")
    for url in ["/", "/services/", "/services/riverside/"]:
        first = forged.get(url).content.decode()
        assert "localhost:6666" not in first and f"{SITE}/" in first  # the printed address
        later = Client().get(url).content.decode()
        assert "localhost:6666" not in later and f"{SITE}/" in later


def test_the_shortlists_link_is_the_sites_address(riverside, settings):
    settings.FINDHELP_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    page = Client(HTTP_HOST="localhost:6666").get("/shortlist/?service=riverside")
    assert f'value="{SITE}/shortlist/?service=riverside"' in page.content.decode()


def test_api_links_are_the_sites_address(riverside, settings):
    settings.FINDHELP_SITE_URL = SITE
    settings.ALLOWED_HOSTS = ["testserver", "localhost"]
    body = Client(HTTP_HOST="localhost:6666").get("/api/v1/").content.decode()
    assert "localhost:6666" not in body and SITE in body


def test_in_debug_without_a_site_address_the_requests_own_is_used(riverside, settings):
    settings.FINDHELP_SITE_URL = ""
    page = Client().get("/shortlist/?service=riverside").content.decode()
    assert 'value="http://testserver/shortlist/?service=riverside"' in page


@pytest.mark.parametrize(
    "environment, expected",
    [
        ({"FINDHELP_SITE_URL": "https://help.example.org/"}, "https://help.example.org"),
        ({"DJANGO_ALLOWED_HOSTS": ".example.org,findhelp.example.org"}, SITE),
        ({"DJANGO_ALLOWED_HOSTS": "findhelp.example.org", "DJANGO_DEBUG": "1"}, ""),
    ],
)
def test_the_site_address_setting(monkeypatch, environment, expected):
    import importlib

    import config.settings

    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("DJANGO_SECRET_KEY", "x" * 60)
    try:
        site_url = importlib.reload(config.settings).FINDHELP_SITE_URL
        assert site_url == expected
    finally:
        monkeypatch.undo()
        importlib.reload(config.settings)


@pytest.mark.parametrize("refusal", ["xgzip", "gzip;q=0", "gzip; q=0.0", "identity", "br", ""])
def test_a_client_that_refuses_gzip_cannot_change_what_gzip_clients_get(client, riverside, refusal):
    plain = client.get("/services/", HTTP_ACCEPT_ENCODING=refusal)
    assert "Content-Encoding" not in plain
    assert b"Riverside Counselling" in plain.content
    compressed = client.get("/services/", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert compressed["Content-Encoding"] == "gzip"
    assert gzip.decompress(compressed.content) == plain.content


@pytest.mark.parametrize("accepts", ["gzip", "GZIP", "deflate, gzip;q=0.5", "x-gzip", "*"])
def test_a_gzip_client_cannot_change_what_others_get(client, riverside, accepts):
    compressed = client.get("/services/", HTTP_ACCEPT_ENCODING=accepts)
    assert compressed["Content-Encoding"] == "gzip"
    for refusal in ["", "xgzip", "gzip;q=0", "*;q=0"]:
        plain = client.get("/services/", HTTP_ACCEPT_ENCODING=refusal)
        assert "Content-Encoding" not in plain
        assert gzip.decompress(compressed.content) == plain.content


# Requirement 10: what browsers and proxies may keep -------------------------------------


@pytest.mark.parametrize(
    "url", ["/?service=riverside", "/services/riverside/?service=riverside&service=kooth"]
)
def test_a_page_carrying_a_shortlist_is_never_stored(client, riverside, url):
    assert client.get(url)["Cache-Control"] == "no-store"


@pytest.mark.parametrize(
    "url", ["/api/v1/services?search=self+harm", "/api/v1/service_at_locations?search=anxiety"]
)
def test_an_api_search_is_never_stored(client, riverside, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-store"


def test_the_apis_plain_lists_are_still_public_for_a_minute(client, riverside):
    assert "public" in client.get("/api/v1/services?page=1")["Cache-Control"]
