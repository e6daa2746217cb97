"""Sealed addresses (directory/views/sealed.py): a search, its filters, a shortlist and a
service's page each name an address that does not spell them out, which site.js puts in place
of the plain one. It opens the same page, can be shared, and is never stored."""

import re
from html import unescape

import pytest
from django.db import connection
from django.http import QueryDict
from django.test import Client
from django.test.utils import CaptureQueriesContext

from directory import sealing
from directory.views.sealed import sealed_query_url
from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def directory():
    return [
        make_service(name="Papyrus Line", slug="papyrus-line", need=["suicidal-thoughts"]),
        make_service(name="Kooth Chat", slug="kooth-chat", need=["anxiety"]),
    ]


def sealed_url_of(response):
    found = re.search(r'<body data-sealed-url="([^"]+)"', response.content.decode())
    assert found, "the page names no sealed address"
    return unescape(found.group(1))


def card_names(response):
    html = response.content.decode()
    return re.findall(r'class="nhsuk-card__link" href="[^"]+">([^<]+)<', html)


def test_a_searchs_sealed_address_hides_the_words_and_opens_the_same_results(client, directory):
    plain = client.get("/services/?q=i+want+to+die&need=suicidal-thoughts")
    sealed = sealed_url_of(plain)
    assert sealed.startswith("/services/?sealed=")
    for words in ("want", "die", "suicid", "need="):
        assert words not in sealed.lower()
    opened = client.get(sealed)
    assert opened.status_code == 200
    assert card_names(opened) == card_names(plain) == ["Papyrus Line"]
    assert "Search results for “i want to die”" in opened.content.decode()
    assert opened["Cache-Control"] == "no-store"
    assert not opened.cookies


def test_a_sealed_search_works_on_another_device_and_is_never_kept_by_the_page_cache(directory):
    """No cookie or session: the link alone is the search. Filters without words are kept by
    the page cache when plain (a second visit runs no query), never when sealed."""
    plain = "/services/?need=anxiety"
    sealed = sealed_query_url("/services/", QueryDict("need=anxiety"))
    for address, kept in ((plain, True), (sealed, False)):
        first = Client().get(address)
        assert card_names(first) == ["Kooth Chat"]
        with CaptureQueriesContext(connection) as queries:
            again = Client().get(address)
        assert card_names(again) == ["Kooth Chat"]
        assert (len(queries) == 0) is kept, address
    assert "no-store" in again["Cache-Control"]


def test_plain_parameters_beside_a_sealed_query_win(client, directory):
    sealed = sealed_query_url("/services/", QueryDict("need=anxiety"))
    response = client.get(f"{sealed}&need=suicidal-thoughts")
    assert card_names(response) == ["Papyrus Line"]


@pytest.mark.parametrize(
    "token",
    ["junk", "", "x" * 5000, "ü", sealing.seal("need=anxiety", sealing.SERVICE)],
    ids=["junk", "empty", "too-long", "not-ascii", "sealed-for-another-purpose"],
)
def test_a_token_that_is_not_a_search_of_ours_shows_every_service(client, directory, token):
    response = client.get("/services/", {"sealed": token})
    assert response.status_code == 200
    assert sorted(card_names(response)) == ["Kooth Chat", "Papyrus Line"]


def test_a_service_page_has_a_neutral_title_and_a_sealed_address(client, directory):
    response = client.get("/services/papyrus-line/")
    html = response.content.decode()
    assert "<title>Service details – Find Help</title>" in html
    assert "<h1>Papyrus Line</h1>" in html
    sealed = sealed_url_of(response)
    assert "papyrus" not in sealed.lower()
    opened = client.get(sealed)
    assert opened.status_code == 200
    assert "<h1>Papyrus Line</h1>" in opened.content.decode()
    assert opened["Cache-Control"] == "no-store"
    assert not opened.cookies


@pytest.mark.parametrize(
    "token",
    ["junk", "a" * 3000, sealing.seal("q=x", sealing.SEARCH)],
    ids=["junk", "too-long", "a-search"],  # a sealed token differs on each run: not an id
)
def test_a_service_token_that_is_not_ours_is_not_found(client, directory, token):
    assert client.get(f"/services/sealed/{token}/").status_code == 404


def test_a_draft_services_token_is_not_found(client, directory):
    hidden = make_service(name="Hidden", slug="hidden", status="draft")
    token = sealing.seal(hidden.slug, sealing.SERVICE)
    assert client.get(f"/services/sealed/{token}/").status_code == 404


def test_a_shortlist_has_a_sealed_address(client, directory):
    response = client.get("/shortlist/?service=papyrus-line&service=kooth-chat")
    sealed = sealed_url_of(response)
    assert "papyrus" not in sealed and "kooth" not in sealed
    opened = client.get(sealed).content.decode()
    assert "Papyrus Line" in opened and "Kooth Chat" in opened


def test_pages_without_a_query_name_no_sealed_address(client, directory):
    assert "data-sealed-url" not in client.get("/services/").content.decode()
    assert "data-sealed-url" not in client.get("/").content.decode()


def test_the_navigator_results_offer_the_sealed_link_and_the_plain_one_apart(client, directory):
    response = client.get(
        "/help/results/",
        {
            "urgent": "no",
            "who": "young-person",
            "age": "15",
            "borough": "westminster",
            "need": "self-harm",
            "impact": "a-lot",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    offered = unescape(re.search(r'id="results-link" [^>]*value="([^"]+)"', html).group(1))
    assert "/help/results/?answers=" in offered
    assert "self-harm" not in offered and "westminster" not in offered
    copied = unescape(re.search(r'data-copy-link="([^"]+)"', html).group(1))
    assert copied == offered
    plain = unescape(re.search(r'id="results-plain-link" [^>]*value="([^"]+)"', html).group(1))
    assert "need=self-harm" in plain
    assert "For professionals: a link in plain words" in html
    # The page's own address is sealed too, for a plain link a GP wrote by hand.
    assert "self-harm" not in sealed_url_of(response)
    # And the sealed link opens the same results.
    assert client.get(offered).status_code == 200
