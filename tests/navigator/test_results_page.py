"""/help/results/: what a person sees, and what it costs."""

import re

import pytest
from django.db import connection

from navigator.matching import match_services
from tests.factories import make_service

from .conftest import answers_for

YP_KC = "urgent=no&who=young-person&age=15&borough=kensington-and-chelsea"


def page(client, query):
    response = client.get(f"/help/results/?{query}")
    assert response.status_code == 200, response.content[:400]
    return response.content.decode()


def test_matches_are_grouped_under_plain_headings_with_the_thrive_category_as_a_label(
    client, directory
):
    # It was headed "Getting Advice" (THRIVE's name): the heading is now plain English.
    html = page(client, YP_KC + "&need=anxiety&impact=a-little")
    assert re.search(r'<h2 [^>]*id="group-1">Advice and someone to talk to</h2>', html)
    assert "THRIVE category: Getting Advice" in html
    assert "More specialist help</h2>" in html
    assert "THRIVE category: Getting More Help" in html
    assert not re.search(r"<h2[^>]*>Getting (Advice|Help|More Help|Risk Support)", html)
    assert '<a href="/services/kooth/">Kooth</a>' in html
    assert "Helps with feeling anxious or worried" in html
    assert "How to get help:</strong> Ask your GP or school to refer you" in html
    assert "There is a problem" not in html


def test_phone_and_text_links(client, directory):
    html = page(client, YP_KC + "&need=self-harm&impact=a-little")
    assert '<a class="app-touch-target" href="tel:+448001111">0800 1111</a>' in html
    assert (
        '<strong>SHOUT</strong> to <a class="app-touch-target" href="sms:85258?&amp;body=SHOUT">'
        "85258</a>"
    ) in html


def test_crisis_needs_show_urgent_help_first_with_the_local_line(client, directory):
    html = page(client, YP_KC + "&need=self-harm&impact=a-little")
    care_card = html.index("nhsuk-card--care--emergency")
    assert care_card < html.index("Childline</a>")
    assert care_card < html.index("Kooth</a>")
    for line in ['href="tel:999"', "option 2", "0800 1111", "85258", "116 123"]:
        assert line in html[care_card:]
    assert "CNWL 24-hour mental health helpline" in html
    assert "0800 023 4650" in html


def test_no_urgent_card_without_crisis_needs(client, directory):
    assert "nhsuk-card--care--emergency" not in page(client, YP_KC + "&need=anxiety&impact=a-lot")


def test_change_share_and_print(client, directory):
    query = YP_KC + "&need=anxiety&impact=a-lot"
    html = page(client, query)
    assert "Change your answers" in html
    assert 'href="/help/?' in html
    assert f'value="http://testserver/help/results/?{query.replace("&", "&amp;")}"' in html
    assert re.search(r"<button[^>]*data-copy-link[^>]*hidden>", html)
    assert re.search(r"<button[^>]*data-print[^>]*hidden>", html)


def test_nothing_local_says_so_and_what_to_do_next(client, directory):
    html = page(
        client, "urgent=no&who=young-person&age=15&borough=barnet&need=anxiety&impact=a-lot"
    )
    assert "We could not find a local service in Barnet" in html
    assert "What to do next" in html
    assert "school nurse" in html
    assert "NHS 111" in html
    assert "Childline</a>" in html


def test_more_than_twenty_links_to_the_directory(client, db):
    for _ in range(23):
        make_service(borough=("westminster",), need=("anxiety",))
    html = page(
        client, "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety&impact=a-lot"
    )
    assert html.count('class="nhsuk-card app-match"') == 20
    assert "There are 3 more services that may fit" in html
    assert 'href="/services/?borough=westminster&amp;age=15&amp;need=anxiety"' in html


@pytest.mark.parametrize(
    "query",
    [
        "urgent=no&who=young-person&age=old&borough=westminster&need=anxiety&impact=a-lot",
        "urgent=no&who=young-person&age=15&borough=narnia&need=anxiety&impact=a-lot",
        "urgent=no&who=young-person&age=15&borough=westminster&need=wizards&impact=a-lot",
        "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety&impact=enormous",
        "urgent=maybe&who=young-person&age=15&borough=westminster&need=anxiety&impact=a-lot",
        "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety&impact=a-lot&free=yes",
    ],
)
def test_bad_answers_in_the_link_get_a_clear_page_not_an_error(client, db, query):
    response = client.get(f"/help/results/?{query}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "We could not show results for this link" in html
    assert 'href="/help/"' in html


@pytest.mark.parametrize("extra", [5, 50])
def test_query_count_does_not_grow_with_the_number_of_matches(
    client, db, django_assert_num_queries, extra
):
    for _ in range(extra):
        make_service(
            borough=("westminster",),
            need=("anxiety", "low-mood"),
            delivery=("online", "phone"),
            thrive=("getting-help", "getting-advice"),
            referral=("self", "gp"),
        )
    query = "urgent=no&who=parent-carer&age=15&borough=westminster&need=anxiety&impact=a-lot"
    # The vocabularies (one query, directory/vocabulary_rows.py), the ranked candidates, the
    # services shown and, on SQLite, their prefetched relations (PostgreSQL makes them from the
    # slugs each service carries and the vocabularies already read).
    with django_assert_num_queries(3 if connection.vendor == "postgresql" else 8):
        response = client.get(f"/help/results/?{query}")
    assert response.status_code == 200


def test_at_most_twenty_shown_with_a_link_to_the_rest(db):
    for number in range(25):
        make_service(
            name=f"Anxiety service {number:02}", borough=("westminster",), need=("anxiety",)
        )
    answers = "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety"
    results = match_services(answers_for(answers + "&impact=a-little"))
    assert results.count == 25
    assert len(results.matches) == 20
    assert results.more == 5
    assert results.directory_url == "/services/?borough=westminster&age=15&need=anxiety"
