"""Urgent help and the site's fixed pages: there for everyone, whatever state the database is in."""

import re
from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.base.base import BaseDatabaseWrapper

FIXED_PAGES = ["/urgent-help/", "/browsing-safely/", "/privacy/", "/accessibility/", "/cookies/"]


@pytest.fixture
def database_down():
    """Every attempt to reach the database fails, as when the server is down."""

    def refuse(self):
        raise OperationalError("could not connect to server: Connection refused")

    with mock.patch.object(BaseDatabaseWrapper, "ensure_connection", refuse):
        yield


def test_urgent_help_renders_with_the_database_down(client, database_down):
    response = client.get("/urgent-help/?borough=westminster")
    assert response.status_code == 200
    page = response.content.decode()
    for line in ["999", "111", "option 2", "0800 1111", "85258", "116 123"]:
        assert line in page
    assert "0800 023 4650" in page  # CNWL's 24-hour line for Westminster


@pytest.mark.parametrize("url", FIXED_PAGES)
def test_fixed_pages_need_no_database(client, database_down, url):
    assert client.get(url).status_code == 200


def test_urgent_help_uses_care_cards_and_tappable_numbers(client):
    page = client.get("/urgent-help/").content.decode()
    assert "nhsuk-card--care--emergency" in page
    assert "nhsuk-card--care--urgent" in page
    assert 'href="tel:999"' in page
    assert 'href="tel:111"' in page
    assert 'href="tel:+448001111"' in page
    assert 'href="tel:116123"' in page
    assert 'href="sms:85258' in page


@pytest.mark.parametrize(
    ("borough", "expected"),
    [
        ("kensington-and-chelsea", "0800 023 4650"),
        ("hammersmith-and-fulham", "0800 328 4444"),
        ("lambeth", "0800 731 2864"),
    ],
)
def test_urgent_help_shows_the_local_24_hour_line_for_the_borough(client, borough, expected):
    page = client.get(f"/urgent-help/?borough={borough}").content.decode()
    assert expected in page


def test_a_borough_without_a_listed_line_is_sent_to_111_option_2(client):
    page = client.get("/urgent-help/?borough=hackney").content.decode()
    assert "In Hackney, NHS 111 option 2 puts you through" in page
    assert "0800 023 4650" not in page


@pytest.mark.parametrize("borough", ["nowhere", "<script>", "%00", "x" * 500])
def test_unknown_boroughs_still_get_the_national_help(client, borough):
    response = client.get("/urgent-help/", {"borough": borough})
    assert response.status_code == 200
    assert "116 123" in response.content.decode()
    assert "<script>" not in response.content.decode().split("<main")[1]


@pytest.mark.parametrize("url", FIXED_PAGES)
def test_every_page_has_get_help_now_and_leave_this_site(client, url):
    page = client.get(url).content.decode()
    assert 'href="/urgent-help/">Get help now</a>' in page
    assert "data-quick-exit" in page
    assert 'href="#maincontent"' in page


@pytest.mark.parametrize("url", FIXED_PAGES)
def test_public_pages_set_no_cookies_and_load_nothing_from_other_hosts(client, url):
    response = client.get(url)
    assert response.cookies == {}
    assert "default-src 'self'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_urgent_help_is_not_cached(client):
    assert client.get("/urgent-help/")["Cache-Control"] == "no-store"


def test_the_cookies_page_says_there_are_no_cookies(client):
    assert "does not put any cookies" in client.get("/cookies/").content.decode()


def test_the_service_name_and_nhs_logo_are_settings(client, settings):
    settings.FINDHELP_SERVICE_NAME = "Westminster Young Minds Directory"
    settings.FINDHELP_SHOW_NHS_LOGO = False
    page = client.get("/privacy/").content.decode()
    assert "Westminster Young Minds Directory" in page
    assert "nhsuk-header__logo" not in page
    settings.FINDHELP_SHOW_NHS_LOGO = True
    assert "nhsuk-header__logo" in client.get("/privacy/").content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "url",
    ["/", "/services/", "/urgent-help/", "/browsing-safely/", "/privacy/", "/shortlist/",
     "/help/", "/help/over-25/"],
)  # fmt: skip
def test_every_page_has_a_meta_description(client, url):
    html = client.get(url).content.decode()
    description = re.search(r'<meta name="description" content="([^"]+)">', html)
    assert description and len(description.group(1)) > 50, url
