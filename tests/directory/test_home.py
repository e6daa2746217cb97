"""The home page: search, get help now, the navigator, and browsing by need."""

import pytest

from directory.models import Need, Service
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def home(client):
    response = client.get("/")
    assert response.status_code == 200
    return response.content.decode()


def test_has_a_heading_and_a_search_box_that_goes_to_the_directory(client):
    html = home(client)
    assert "<h1>Find mental health support</h1>" in html
    assert '<form class="app-home-search" action="/services/" method="get"' in html
    assert 'id="home-search" name="q"' in html


def test_get_help_now_and_the_navigator_are_on_the_page(client):
    html = home(client)
    assert '<a href="/urgent-help/">Get help now</a>' in html
    assert 'class="nhsuk-action-link" href="/help/"' in html


def test_browse_by_need_in_young_peoples_words(client):
    html = home(client)
    for need in Need.objects.all():
        assert f'<a href="/services/?need={need.slug}">{need.label}</a>' in html
    assert "Autism, ADHD or learning differences" in html


def test_browse_by_thrive_category(client):
    assert 'href="/services/?thrive=getting-advice">Getting Advice</a>' in home(client)


def test_no_cookies_and_few_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        response = client.get("/")
    assert response.cookies == {}
    assert "csrfmiddlewaretoken" not in response.content.decode()


def test_the_home_page_says_where_local_services_are_listed(client, django_assert_num_queries):
    make_service(borough=("tower-hamlets",))
    make_service(borough=("camden",), status=Service.Status.DRAFT)
    make_service(is_national=True)
    # The vocabularies in one UNION, and where local services are listed (read apart: it
    # depends on every service, and every other page would pay for it).
    with django_assert_num_queries(2):
        html = client.get("/").content.decode()
    listed = html[html.index('id="where-we-list"') : html.index('id="browse-by-need"')]
    assert 'href="/services/?borough=tower-hamlets">Tower Hamlets</a>' in listed
    assert "Camden" not in listed  # a draft is not a listing
    assert "In other London boroughs we show national services" in listed
