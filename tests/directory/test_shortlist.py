import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def services():
    return {
        "kooth": make_service(slug="kooth", name="Kooth", phone="0800 023 4650"),
        "childline": make_service(slug="childline", name="Childline", is_national=True),
        "camhs": make_service(slug="camhs", name="CAMHS", referral=["gp"]),
        "draft": make_service(slug="draft-service", name="Draft", status="draft"),
    }


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_adding_from_a_service_page_starts_a_shortlist_in_the_link(client, services):
    page = get(client, "/services/kooth/")
    assert 'href="/shortlist/?service=kooth"' in page


def test_adding_a_second_service_keeps_the_first(client, services):
    page = get(client, "/services/childline/?service=kooth")
    assert 'href="/shortlist/?service=kooth&amp;service=childline"' in page


def test_a_service_already_on_the_list_links_back_to_it(client, services):
    page = get(client, "/services/kooth/?service=kooth&service=camhs")
    assert "View your shortlist (2)" in page


def test_the_shortlist_shows_each_service_with_how_to_get_in_and_contact(client, services):
    page = get(client, "/shortlist/?service=kooth&service=camhs")
    assert page.index("Kooth") < page.index("CAMHS")
    assert "2 services" in page
    assert 'href="tel:+448000234650"' in page
    assert "GP can refer" in page
    assert "data-print" in page
    assert "data-copy-link" in page
    assert "http://testserver/shortlist/?service=kooth&amp;service=camhs" in page


def test_removing_a_service_keeps_the_others(client, services):
    page = get(client, "/shortlist/?service=kooth&service=camhs&service=childline")
    remove = 'href="/shortlist/?service=kooth&amp;service=childline" data-shortlist-remove="camhs"'
    assert f"{remove}>Remove" in page


def test_unknown_drafts_and_junk_values_are_reported_not_an_error(client, services):
    page = get(
        client, "/shortlist/?service=kooth&service=draft-service&service=gone&service=%3Cb%3E"
    )
    assert "3 services in this link could not be found" in page
    assert "Kooth" in page
    assert "Draft" not in page


def test_duplicates_are_shown_once(client, services):
    page = get(client, "/shortlist/?service=kooth&service=kooth")
    assert "1 service." in page


def test_an_empty_shortlist_explains_how_to_add(client, services):
    assert "Your shortlist is empty" in get(client, "/shortlist/")


def test_the_shortlist_costs_the_same_queries_for_one_or_many(client):
    slugs = [make_service(slug=f"s{n}").slug for n in range(12)]
    client.get(f"/shortlist/?service={slugs[-1]}")  # the vocabularies, read once a change
    with CaptureQueriesContext(connection) as one:
        client.get(f"/shortlist/?service={slugs[0]}")
    with CaptureQueriesContext(connection) as many:
        client.get("/shortlist/?" + "&".join(f"service={s}" for s in slugs))
    assert len(one) == len(many)


def test_the_shortlist_sets_no_cookie_and_is_not_indexed(client, services):
    response = client.get("/shortlist/?service=kooth")
    assert response.cookies == {}
    assert "noindex" in response.content.decode()


def test_searching_from_the_shortlist_offers_services_to_add(client, services):
    page = get(client, "/shortlist/?service=kooth&q=childline")
    assert 'href="/shortlist/?service=kooth&amp;service=childline">Add' in page


def test_a_shortlist_holds_at_most_20_services(client):
    slugs = [make_service(slug=f"s{n}").slug for n in range(22)]
    page = get(client, "/shortlist/?" + "&".join(f"service={s}" for s in slugs))
    assert "20 services." in page
    assert "2 services in this link could not be found" in page


def test_without_javascript_the_list_page_carries_the_shortlist_everywhere(client, services):
    page = get(client, "/services/?free=1&service=kooth")
    assert page.count('<input type="hidden" name="service" value="kooth">') == 2  # both forms
    assert 'href="/services/childline/?service=kooth"' in page  # into a service page
    assert "/services/?free=1&amp;service=kooth&amp;service=childline#service-childline" in (
        page
    )  # adding another stays on the list
    assert 'href="?service=kooth"' in page  # removing the filter keeps the list
    assert "Your shortlist (1)" in page


def test_each_card_can_add_its_service(client, services):
    page = get(client, "/services/")
    for slug in ["kooth", "childline", "camhs"]:
        assert f'data-shortlist-add="{slug}"' in page


def test_each_cards_link_keeps_the_page_as_it_was_and_adds_only_its_own_service(client, services):
    page = get(client, "/services/?service=kooth&free=1")
    assert "/services/?service=kooth&amp;service=childline&amp;free=1#service-childline" in page
    assert "/services/?service=kooth&amp;service=camhs&amp;free=1#service-camhs" in page


def test_a_full_shortlists_cards_carry_it_and_add_nothing(client):
    on_it = [make_service(slug=f"s{n:02}", name=f"On it {n}").slug for n in range(20)]
    make_service(slug="one-more", name="One more")
    query = "&".join(f"service={slug}" for slug in on_it)
    page = get(client, f"/services/?{query}&page=2")
    expected = query.replace("&", "&amp;")
    assert f"/services/?{expected}&amp;page=2#service-one-more" in page
