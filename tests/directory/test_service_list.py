"""/services/: the filters in the URL contract, paging, what people see when a value is wrong,
and that no query string, however odd, gives a server error."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from directory.models import Language, Service
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def result_names(html):
    return [
        unescape(name)
        for name in re.findall(r'class="nhsuk-card__link" href="[^"]+">([^<]+)<', html)
    ]


def results(client, url):
    return result_names(page_text(client, url))


@pytest.fixture
def directory():
    make_service(
        name="Westminster Counselling",
        borough=["westminster"],
        min_age=11,
        max_age=18,
        need=["anxiety"],
        delivery=["in-person"],
        thrive=["getting-help"],
    )
    make_service(
        name="Camden Crisis Team",
        borough=["camden"],
        min_age=0,
        max_age=25,
        need=["self-harm"],
        referral=["gp"],
        delivery=["phone"],
        thrive=["getting-risk-support"],
        is_crisis=True,
    )
    make_service(
        name="Childline",
        is_national=True,
        min_age=0,
        max_age=18,
        need=["anxiety", "self-harm"],
        delivery=["phone", "online"],
        thrive=["getting-advice"],
    )
    make_service(
        name="Parenting Course",
        borough=["westminster"],
        min_age=0,
        max_age=12,
        audience=["parents-carers"],
        thrive=["thriving"],
        referral=["parent-carer"],
        need=["parenting"],
        delivery=["in-school"],
        cost=Service.Cost.PAID,
        cost_note="£20 a session",
    )
    make_service(name="Draft Service", status=Service.Status.DRAFT)  # fmt: skip


def test_lists_published_services_by_name_with_a_count(client, directory):
    html = page_text(client, "/services/")
    assert result_names(html) == [
        "Camden Crisis Team", "Childline", "Parenting Course", "Westminster Counselling"
    ]  # fmt: skip
    assert ">4 services</h2>" in html


def test_a_card_says_who_it_is_for_and_how_to_get_in(client, directory):
    html = page_text(client, "/services/?q=westminster+counselling")
    assert "For ages 11 to 18" in html
    assert "Westminster" in html
    assert "You can contact them yourself" in html
    assert "Free" in html
    childline = page_text(client, "/services/?q=childline")
    assert "Anywhere in England" in childline and "For ages up to 18" in childline
    crisis = page_text(client, "/services/?q=camden")
    assert "Crisis support</strong>" in crisis and "Your GP can refer" in crisis
    paid = page_text(client, "/services/?q=parenting+course")
    assert "You may have to pay: £20 a session" in paid


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("borough=westminster", ["Childline", "Parenting Course", "Westminster Counselling"]),
        ("borough=camden", ["Camden Crisis Team", "Childline"]),
        ("age=19", ["Camden Crisis Team"]),
        ("age=18", ["Camden Crisis Team", "Childline", "Westminster Counselling"]),
        ("age=11", ["Camden Crisis Team", "Childline", "Parenting Course",
                    "Westminster Counselling"]),
        ("age=12", ["Camden Crisis Team", "Childline", "Parenting Course",
                    "Westminster Counselling"]),
        ("age=13", ["Camden Crisis Team", "Childline", "Westminster Counselling"]),
        ("age=0", ["Camden Crisis Team", "Childline", "Parenting Course"]),
        ("age=25", ["Camden Crisis Team"]),
        ("thrive=getting-help", ["Westminster Counselling"]),
        ("thrive=getting-help&thrive=getting-advice", ["Childline", "Westminster Counselling"]),
        ("need=self-harm", ["Camden Crisis Team", "Childline"]),
        ("need=parenting&need=anxiety", ["Childline", "Parenting Course",
                                         "Westminster Counselling"]),
        ("audience=parents-carers", ["Parenting Course"]),
        ("referral=self", ["Childline", "Westminster Counselling"]),
        ("referral=gp", ["Camden Crisis Team"]),
        ("delivery=phone", ["Camden Crisis Team", "Childline"]),
        ("delivery=online&delivery=in-person", ["Childline", "Westminster Counselling"]),
        ("free=1", ["Camden Crisis Team", "Childline", "Westminster Counselling"]),
        ("borough=westminster&age=15&need=anxiety&referral=self",
         ["Childline", "Westminster Counselling"]),
        ("borough=camden&delivery=phone&free=1&thrive=getting-risk-support",
         ["Camden Crisis Team"]),
        ("q=counselling&borough=westminster", ["Westminster Counselling"]),
        ("q=counselling&borough=camden", []),
    ],
)  # fmt: skip
def test_each_filter_and_combinations(client, directory, query, expected):
    assert results(client, f"/services/?{query}") == expected


def test_an_age_group_finds_services_whose_ages_overlap_it(client, directory):
    # Westminster Counselling is for 11 to 18; the others start from birth.
    assert "Westminster Counselling" not in results(client, "/services/?age_band=under-5")
    assert len(results(client, "/services/?age_band=under-5")) == 3
    assert "Westminster Counselling" in results(client, "/services/?age_band=16-to-17")
    # The Parenting Course (up to 12) overlaps 11 to 15 but not 16 to 17.
    assert "Parenting Course" in results(client, "/services/?age_band=11-to-15")
    assert "Parenting Course" not in results(client, "/services/?age_band=16-to-17")
    html = page_text(client, "/services/?age_band=16-to-17")
    assert '<option value="16-to-17" selected>' in html
    assert "Remove filter: </span>Ages 16 to 17" in html


def test_language_filter(client, directory):
    welsh = Language.objects.create(slug="welsh", name="Welsh")
    Service.objects.get(name="Childline").languages.add(welsh)
    assert results(client, "/services/?language=welsh") == ["Childline"]


def test_search_orders_by_relevance(client, directory):
    make_service(name="Anxiety Help", summary="Mentions Childline in passing.")
    assert results(client, "/services/?q=childline")[0] == "Childline"


def test_filters_are_ticked_and_shown_as_removable_links(client, directory):
    html = page_text(client, "/services/?need=anxiety&need=self-harm&borough=westminster&age=15")
    assert 'value="anxiety" checked' in html
    assert '<option value="westminster" selected>' in html
    assert 'value="15"' in html
    removals = dict(
        (unescape(label), unescape(url))
        for url, label in re.findall(
            r'class="app-active-filters__remove" href="([^"]+)">'
            r'<span class="nhsuk-u-visually-hidden">Remove filter: </span>([^<]+)<',
            html,
        )
    )
    assert removals["Feeling anxious or worried"] == "?need=self-harm&borough=westminster&age=15"
    assert removals["Hurting yourself"] == "?need=anxiety&borough=westminster&age=15"
    assert removals["In Westminster, or national"] == "?need=anxiety&need=self-harm&age=15"
    assert removals["Age 15"] == "?need=anxiety&need=self-harm&borough=westminster"
    assert 'href="/services/">Clear all filters</a>' in html


def test_the_filters_work_without_javascript(client, directory):
    html = page_text(client, "/services/")
    form = re.search(r'<form class="app-filters" action="/services/" method="get"', html)
    assert form and "Apply filters</button>" in html
    assert "csrfmiddlewaretoken" not in html
    assert '<details class="nhsuk-details app-filters__details">' in html  # closed on a phone


def test_need_filters_use_young_peoples_words(client, directory):
    html = page_text(client, "/services/")
    assert "Autism, ADHD or learning differences</label>" in html


@pytest.fixture
def twenty_one():
    for number in range(21):
        make_service(name=f"Service {number:02}", borough=["westminster"])


def test_twenty_a_page(client, twenty_one):
    first = page_text(client, "/services/?borough=westminster")
    assert len(result_names(first)) == 20 and ">21 services</h2>" in first
    assert 'href="?borough=westminster&amp;page=2" class="nhsuk-pagination__next"' in first
    second = page_text(client, "/services/?borough=westminster&page=2")
    assert result_names(second) == ["Service 20"]
    assert 'href="?borough=westminster&amp;page=1" class="nhsuk-pagination__previous"' in second


def test_one_page_has_no_pagination(client, directory):
    assert "nhsuk-pagination" not in page_text(client, "/services/")


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("borough=narnia", "We do not recognise that borough, so it is not used"),
        ("age=abc", "Age must be a whole number, like 15"),
        ("age=99", "Age must be between 0 and 25"),
        ("age=-1", "Age must be between 0 and 25"),
        ("need=anxiety&need=bogus", "We do not recognise one of the topics chosen"),
        ("thrive=nope", "We do not recognise one of the kinds of support chosen"),
        ("audience=aliens", "We do not recognise that group of people"),
        ("referral=owl", "We do not recognise that way in"),
        ("delivery=pigeon", "We do not recognise one of the ways of getting support chosen"),
        ("language=klingon", "We do not recognise that language"),
        ("age_band=teens", "We do not recognise that age group"),
        ("free=yes", "To show only free services, use free=1"),
        ("page=999", "There are only 1 page of results, so this is page 1"),
        ("page=x", "The page number must be a whole number, like 2"),
        ("q=" + "a" * 500, "Search words must be 100 characters or fewer"),
        ("q=kooth%00", "Search words contain a character we cannot use"),
    ],
)
def test_bad_values_give_a_clear_message_and_the_rest_still_works(
    client, directory, query, message
):
    html = page_text(client, f"/services/?{query}")
    assert "There is a problem" in html
    assert message in unescape(html)
    assert html.count("<title>Error: ") == 1
    # The bad value is ignored: everything else is still shown.
    assert len(result_names(html)) == 4


def test_a_bad_filter_is_ignored_but_good_ones_apply(client, directory):
    html = page_text(client, "/services/?borough=narnia&need=self-harm")
    assert result_names(html) == ["Camden Crisis Team", "Childline"]


def test_no_results_says_what_to_do(client, directory):
    html = page_text(client, "/services/?q=xylophone")
    assert "No services match your search" in html
    assert 'href="/urgent-help/"' in html


def test_no_cookies(client, directory):
    assert client.get("/services/?q=kooth&age=15").cookies == {}
    assert client.get("/services/?age=abc").cookies == {}


@pytest.mark.parametrize(
    "url", ["/services/", "/services/?q=anxiety&borough=westminster&need=anxiety&age=15"]
)
def test_queries_do_not_grow_with_results(client, django_assert_num_queries, url):
    for _ in range(5):
        make_service(borough=["westminster"], need=["anxiety", "low-mood"],
                     delivery=["online", "phone"], referral=["self", "gp"])  # fmt: skip
    with CaptureQueriesContext(connection) as five:
        client.get(url)
    expected = len(five.captured_queries)
    for _ in range(40):
        make_service(
            borough=["westminster", "camden"],
            need=["anxiety", "self-harm"],
            delivery=["online", "phone"],
            referral=["self", "gp"],
            is_national=True,
        )
    with django_assert_num_queries(expected):
        response = client.get(url)
    assert len(result_names(response.content.decode())) == 20


PARAMETER_NAMES = ["q", "borough", "age", "thrive", "need", "audience", "referral",
                   "delivery", "free", "page", "language", "other"]  # fmt: skip
values = st.one_of(
    st.text(max_size=300),
    st.integers(min_value=-(10**30), max_value=10**30).map(str),
    st.sampled_from(["westminster", "anxiety", "self", "online", "1", "0", "getting-help",
                     "", " ", "%", "'", "\\", "\x00", "🙂", "١٥", "1e5", "NaN", "-0"]),
)  # fmt: skip


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(st.sampled_from(PARAMETER_NAMES), values), max_size=8))
def test_no_query_string_gives_a_server_error(client, directory, pairs):
    query = {}
    for name, value in pairs:
        query.setdefault(name, []).append(value)
    response = client.get("/services/", query)
    assert response.status_code == 200


def test_the_page_title_never_spells_out_the_search(client, db):
    html = client.get("/services/?q=self+harm").content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert "Search results" in title
    assert "harm" not in title.lower()
