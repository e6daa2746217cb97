import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directory.models import EligibilityCriterion, Language, Location, Service
from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def kooth():
    service = make_service(
        name="Kooth",
        slug="kooth",
        summary="Free, safe and anonymous online support.",
        min_age=11,
        max_age=25,
        borough=["westminster", "kensington-and-chelsea"],
        thrive=["getting-advice"],
        need=["anxiety"],
        referral=["gp", "self", "school"],
        delivery=["online", "text"],
        phone="0800 023 4650",
        sms_number="85258",
        sms_keyword="SHOUT",
        email="hello@example.org",
        website="https://www.kooth.com",
        opening_hours="12pm to 10pm on weekdays",
        eligibility_note="For young people who live in Westminster or Kensington and Chelsea.",
        confirmed_on=datetime.date(2026, 3, 14),
        confirmed_by="Wendy Commissioner",
        source_note="001: Our EWMH offer",
        source_date=datetime.date(2022, 4, 1),
        contact_source_url="https://www.kooth.com/contact",
        contact_source_read_on=datetime.date(2026, 12, 1),
        referral_note="Sign up on the website. No referral needed.",
    )
    service.eligibility_criteria.set(EligibilityCriterion.objects.filter(slug="lives-in-borough"))
    service.languages.set([Language.objects.create(slug="english", name="English")])
    Location.objects.create(
        service=service, name="Youth hub", address="1 Street", postcode="W2 1AA"
    )
    return service


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_says_who_it_is_for(client, kooth):
    page = page_text(client, "/services/kooth/")
    assert "<h1>Kooth</h1>" in page
    assert "11 to 25 years old" in page
    assert "People in Kensington and Chelsea and Westminster" in page
    assert "For young people who live in Westminster or Kensington and Chelsea." in page
    assert "Must live in one of the boroughs it covers" in page
    assert "Feeling anxious or worried" in page


def test_says_how_to_get_in_with_self_referral_first(client, kooth):
    page = page_text(client, "/services/kooth/")
    self_referral = page.index("You can contact them yourself")
    assert self_referral < page.index("Your GP can refer you")
    assert self_referral < page.index("Your school or college can refer you")
    assert "Sign up on the website. No referral needed." in page


def test_gives_contact_details_as_links_a_phone_can_use(client, kooth):
    page = page_text(client, "/services/kooth/")
    assert 'href="tel:+448000234650">0800 023 4650</a>' in page
    assert 'href="sms:85258?&amp;body=SHOUT"' in page
    assert "Text <strong>SHOUT</strong> to" in page
    assert 'href="mailto:hello@example.org"' in page
    assert 'href="https://www.kooth.com"' in page
    assert "12pm to 10pm on weekdays" in page
    assert "W2 1AA" in page


def test_says_how_support_is_given_cost_language_and_thrive_in_plain_words(client, kooth):
    page = page_text(client, "/services/kooth/")
    assert "Online or chat, Text message" in page
    assert "Free" in page
    assert "English" in page
    assert "Getting Advice</strong>: Advice, information and someone to talk to." in page


def test_says_where_it_comes_from_when_it_was_confirmed_and_how_to_report_a_problem(client, kooth):
    page = page_text(client, "/services/kooth/")
    assert "From the Bi-Borough mental health plan, 2022." in page
    assert "Confirmed with the service on 14 March 2026." in page
    assert "Not yet confirmed" not in page
    assert (
        'Contact details from <a class="app-break-word" href="https://www.kooth.com/contact">'
        "https://www.kooth.com/contact</a>, read on 1 December 2026." in page
    )
    assert "Page last reviewed" not in page
    assert 'href="/services/kooth/report/">Report a problem with this page</a>' in page


def test_a_service_only_for_professional_referral_does_not_say_you_can_self_refer(client):
    make_service(slug="camhs", name="CAMHS", referral=["gp", "school"])
    page = page_text(client, "/services/camhs/")
    assert "You can contact them yourself" not in page
    assert "Your GP can refer you" in page


def test_a_national_service_says_anywhere_in_england(client):
    make_service(slug="childline", name="Childline", is_national=True, min_age=0, max_age=18)
    page = page_text(client, "/services/childline/")
    assert "Anywhere in England" in page
    assert "Up to 18 years old" in page


def test_a_crisis_service_points_to_urgent_help(client):
    make_service(slug="crisis", is_crisis=True)
    assert "get help now</a>" in page_text(client, "/services/crisis/")


@pytest.mark.parametrize("status", [Service.Status.DRAFT, Service.Status.ARCHIVED])
def test_drafts_and_archived_services_are_not_public(client, status):
    make_service(slug="hidden", status=status)
    response = client.get("/services/hidden/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_an_unknown_service_gives_a_helpful_not_found_page(client):
    response = client.get("/services/no-such-service/")
    assert response.status_code == 404
    assert "get help now" in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_page_costs_the_same_queries_however_much_a_service_has(client, kooth):
    simple = count_queries(client, "/services/kooth/")
    busy = make_service(
        slug="busy",
        borough=["westminster", "camden", "hackney", "brent"],
        need=["anxiety", "low-mood", "sleep", "trauma"],
        referral=["self", "gp", "school", "parent-carer", "professional"],
        thrive=["getting-help", "getting-more-help"],
    )
    for number in range(5):
        Location.objects.create(service=busy, address=f"{number} Road")
    assert count_queries(client, "/services/busy/") == simple
    assert simple <= 12


def test_no_cookies_on_a_service_page(client, kooth):
    assert client.get("/services/kooth/").cookies == {}


def test_the_page_leads_with_how_to_get_in_touch_then_who_it_is_for(client, kooth):
    html = client.get("/services/kooth/").content.decode()
    contact = html.index('<h2 id="contact">How to get in touch</h2>')
    assert html.index("Kooth</h1>") < contact
    for later in ['id="how-to-get-in"', 'id="who-it-is-for"', 'id="about"']:
        assert contact < html.index(later)
    for detail in ['href="tel:+448000234650"', 'href="sms:85258', "Youth hub", "12pm to 10pm"]:
        assert contact < html.index(detail) < html.index('id="who-it-is-for"'), detail


def test_opening_times_that_are_not_known_are_not_padded(client):
    make_service(slug="no-hours", phone="020 7946 0000")
    html = client.get("/services/no-hours/").content.decode()
    assert "Opening times" not in html


def test_a_back_link_waits_for_the_browser_to_know_where_you_came_from(client, kooth):
    html = client.get("/services/kooth/").content.decode()
    assert "data-back-to-results hidden>Back</a>" in html  # shown by site.js, not by the URL
