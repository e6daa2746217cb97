"""Printing a shortlist: what a GP hands a family. Full width, compact, each address once, with
the date and the site's address."""

import re

import pytest

from tests.factories import make_service

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def five_services():
    slugs = []
    for number in range(5):
        service = make_service(
            name=f"Service {number} for young people in Westminster",
            summary="Free, confidential counselling and support for young people aged 11 to 25 "
            "who are feeling anxious, low or stressed, in person, online or by phone.",
            borough=("westminster", "kensington-and-chelsea"),
            referral=("self", "gp", "school", "professional"),
            referral_note="Call or fill in the form on the website; a parent, GP, school or "
            "social worker can also refer, with the young person's agreement.",
            eligibility_note="For young people aged 11 to 25 who live in Kensington and "
            "Chelsea or Westminster, or go to school there.",
            phone="020 7946 0000",
            sms_number="85258",
            email="hello@example.org",
            website=f"https://www.example.org/services/young-people/counselling-{number}",
            opening_hours="Monday to Friday, 9am to 8pm; Saturday 10am to 2pm",
        )
        slugs.append(service.slug)
    return "/shortlist/?" + "&".join(f"service={slug}" for slug in slugs)


def pdf_pages(pdf):
    return len(re.findall(rb"/Type\s*/Page[^s]", pdf))


def test_five_services_print_on_at_most_two_a4_pages(new_page, five_services):
    page = new_page()
    page.goto(five_services)
    assert pdf_pages(page.pdf(format="A4")) <= 2


def test_print_is_full_width_with_each_address_once_and_a_dated_footer(new_page, five_services):
    page = new_page()
    page.goto(five_services)
    page.emulate_media(media="print")
    main_width = page.locator("main").bounding_box()["width"]
    card_width = page.locator(".app-shortlist-item").first.bounding_box()["width"]
    assert card_width >= main_width * 0.95, "the list prints in a half-width column"
    after = page.evaluate(
        """() => [...document.querySelectorAll('main a')].map(
            a => getComputedStyle(a, '::after').content)"""
    )
    assert after and all(content in ("none", "normal") for content in after), after
    footer = page.locator(".app-print-footer")
    assert footer.is_visible()
    assert re.search(r"Printed \d{1,2} \w+ \d{4} from .+, http://", footer.inner_text())
    page.emulate_media(media="screen")
    assert not footer.is_visible()


def test_navigator_results_print_whole_and_compact(new_page):
    for number in range(8):
        make_service(
            name=f"Anxiety service {number}",
            borough=("westminster",),
            need=("anxiety",),
            website=f"https://www.example.org/service-{number}",
        )
    page = new_page()
    page.goto(
        "/help/results/?urgent=no&who=young-person&age=15&borough=westminster&need=anxiety"
        "&impact=quite-a-lot"
    )
    pdf = page.pdf(format="A4")  # Chromium fires beforeprint: "show more" opens to print
    assert pdf_pages(pdf) <= 3
    page.emulate_media(media="print")
    page.evaluate("() => window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("details.app-more-results").get_attribute("open") is not None
    assert page.locator(".app-print-footer").is_visible()
    after = page.evaluate(
        "() => [...document.querySelectorAll('main h3 a')]"
        ".map(a => getComputedStyle(a, '::after').content)"
    )
    assert after and set(after) <= {"none", "normal"}
