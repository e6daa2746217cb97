"""Public pages from the cache, until the directory changes; compressed, but never the admin."""

import gzip

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from config import page_cache
from directory import caching
from tests.factories import make_service


def queries_for(client, url, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries.captured_queries)


def kept_page(request):
    return caching.get(page_cache._key(request))[0]


@pytest.fixture
def service(db):
    return make_service(
        name="Riverside Counselling",
        slug="riverside",
        borough=["westminster"],
        phone="020 7946 0001",
    )


@pytest.mark.parametrize(
    "url", ["/", "/services/", "/services/?borough=westminster&age=15", "/services/riverside/"]
)
def test_a_public_page_comes_from_the_cache_with_the_same_headers(client, service, url):
    first, queries = queries_for(client, url)
    assert first.status_code == 200 and queries > 0
    again, queries = queries_for(client, url)
    assert queries == 0
    assert again.content == first.content
    for header in ["Content-Security-Policy", "Permissions-Policy", "X-Frame-Options"]:
        assert again[header] == first[header]
    assert again.cookies == {}


def test_a_correction_shows_at_once(client, service):
    assert "020 7946 0001" in client.get("/services/riverside/").content.decode()
    client.get("/services/?borough=westminster")
    service.phone = "020 7946 0002"
    service.save()
    page = client.get("/services/riverside/").content.decode()
    assert "020 7946 0002" in page and "020 7946 0001" not in page
    service.boroughs.clear()  # links change too
    assert "Riverside" not in client.get("/services/?borough=westminster").content.decode()


def test_bulk_commands_move_the_generation_on(db):
    before = caching.generation()
    call_command("generate_directory", services=3, verbosity=0)
    assert caching.generation() > before


@pytest.mark.parametrize(
    "url",
    [
        "/services/?q=anxiety",
        "/services/?service=riverside",
        "/services/riverside/?service=riverside",
        "/shortlist/?service=riverside",
        "/help/",
        "/help/results/?who=young-person&age=15&borough=westminster&need=anxiety&impact=a-lot"
        "&urgent=no",
        "/services/riverside/report/",
    ],
)
def test_private_or_personal_pages_are_never_cached(client, service, url, rf):
    assert client.get(url).status_code == 200
    assert client.get(url).status_code == 200
    assert kept_page(rf.get(url)) is None


def test_the_cache_key_test_itself(client, service, rf):
    client.get("/services/riverside/")
    assert kept_page(rf.get("/services/riverside/")) is not None


def test_a_search_is_sent_no_store(client, service):
    assert "no-store" in client.get("/services/?q=anxiety")["Cache-Control"]


def test_staff_signed_in_never_get_a_cached_page(client, service, django_user_model):
    client.get("/services/riverside/")
    signed_in = django_user_model.objects.create_superuser("commissioner", "c@example.org", "pw")
    client.force_login(signed_in)
    _, queries = queries_for(client, "/services/riverside/")
    assert queries > 0


def test_switched_off(client, service, settings):
    settings.FINDHELP_PAGE_CACHE = False
    client.get("/services/")
    _, queries = queries_for(client, "/services/")
    assert queries > 0


def test_public_pages_are_gzipped_the_admin_is_not(client, service, django_user_model):
    response = client.get("/services/", HTTP_ACCEPT_ENCODING="gzip")
    assert response["Content-Encoding"] == "gzip"
    assert b"Riverside Counselling" in gzip.decompress(response.content)
    cached = client.get("/services/", HTTP_ACCEPT_ENCODING="gzip")
    assert gzip.decompress(cached.content) == gzip.decompress(response.content)
    assert "Content-Encoding" not in client.get("/services/")  # only when asked for
    login = client.get("/admin/login/", HTTP_ACCEPT_ENCODING="gzip")
    assert login.status_code == 200 and "Content-Encoding" not in login
    user = django_user_model.objects.create_superuser("commissioner", "c@example.org", "pw")
    client.force_login(user)
    assert "Content-Encoding" not in client.get("/admin/", HTTP_ACCEPT_ENCODING="gzip")
    assert "Content-Encoding" not in client.get("/services/", HTTP_ACCEPT_ENCODING="gzip")


def test_a_page_reads_the_generation_once_and_again_after_a_change(rf, service, monkeypatch):
    reads = []
    read = caching._read_generation
    monkeypatch.setattr(caching, "_read_generation", lambda: reads.append(1) or read())
    with caching.request_scope():
        first = caching.generation()
        caching.get_or_set("one", lambda: 1)
        caching.get_or_set("two", lambda: 2)
        assert len(reads) == 1
        service.save()  # a change within the request: the next thing kept is under the new one
        assert caching.generation() > first
    assert caching.generation() == caching.generation()  # outside a request: read each time
    assert len(reads) >= 4


def test_the_filters_show_what_each_page_chose(client, service):
    """The filters are drawn once for each different form (directory_tags.filter_fields)."""
    anxiety = 'value="anxiety" checked'
    assert anxiety in client.get("/services/?need=anxiety").content.decode()
    assert anxiety not in client.get("/services/?need=sleep").content.decode()
    assert anxiety not in client.get("/services/?q=counselling").content.decode()
    assert anxiety in client.get("/services/?q=counselling&need=anxiety").content.decode()


def test_a_processs_own_copy_is_not_used_after_the_shared_cache_restarts(db):
    assert caching.get_or_set("choices", lambda: "before") == "before"
    assert caching.get_or_set("choices", lambda: "recomputed") == "before"  # this process's copy
    cache.clear()  # Redis restarted or flushed: the generation starts again, from a new number
    assert caching.get_or_set("choices", lambda: "after") == "after"


def test_a_cards_shortlist_is_each_pages_own_and_a_correction_shows_at_once(client, service):
    """Cards are drawn once until the directory changes (directory_tags.service_card); a
    search page, never cached itself, is where a kept card would show."""
    page = client.get("/services/?q=riverside").content.decode()
    assert 'href="/services/riverside/"' in page and "On your shortlist" not in page
    page = client.get("/services/?q=riverside&service=riverside").content.decode()
    assert 'href="/services/riverside/?service=riverside"' in page
    assert "On your shortlist" in page
    service.summary = "Counselling in Pimlico, now on Saturdays too."
    service.save()
    page = client.get("/services/?q=riverside").content.decode()
    assert "now on Saturdays too" in page and "On your shortlist" not in page


def test_what_a_process_keeps_is_not_changed_by_the_pages_that_read_it(client, service):
    """Lookups kept in the process (caching.get_or_set) are shared by every request: a page
    that added to them would add again on the next."""
    for borough in ["camden", "hackney", "westminster"]:  # three pages, none from the cache
        page = client.get(f"/services/?borough={borough}").content.decode()
        assert page.count('value="none"') == 1


def test_a_page_from_the_cache_costs_one_round_trip_to_the_cache(client, service, monkeypatch):
    client.get("/services/riverside/")
    asked, depth = [], [0]
    for name in ("get", "get_many", "set", "add", "incr", "set_many"):
        original = getattr(cache, name)

        def counted(*args, _original=original, _name=name, **kwargs):
            if not depth[0]:  # not the backend's own calls within it
                asked.append(_name)
            depth[0] += 1
            try:
                return _original(*args, **kwargs)
            finally:
                depth[0] -= 1

        monkeypatch.setattr(cache, name, counted)
    response = client.get("/services/riverside/")
    assert response.status_code == 200 and "Riverside Counselling" in response.text
    assert asked == ["get_many"]  # the generation and the page together


def test_a_page_kept_for_an_earlier_generation_is_not_sent(client, service):
    client.get("/services/riverside/")
    service.name = "Riverside Talking Therapies"
    service.save()
    assert "Riverside Talking Therapies" in client.get("/services/riverside/").text
