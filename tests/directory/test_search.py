"""Search, as someone typing into the box would notice it: the service they named comes first,
typos and everyday words still find it. Runs on SQLite and on PostgreSQL."""

import pytest
from django.db import connection

from directory.models import Service
from directory.search import postgresql
from directory.search.engine import search
from directory.search.query import search_terms
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def names(query):
    return [service.name for service in search(Service.objects.published(), query)]


@pytest.fixture
def directory():
    make_service(
        name="Kooth",
        summary="Free, safe and anonymous online support for young people.",
        need=["anxiety", "low-mood"],
    )
    make_service(
        name="Westminster Youth Counselling",
        summary="Talk to a counsellor about anything that is worrying you.",
        description="Young people are sometimes referred to us by Kooth.",
        need=["anxiety"],
    )
    make_service(
        name="Samaritans",
        summary="Someone to talk to, day or night.",
        need=["suicidal-thoughts"],
        is_crisis=True,
    )
    make_service(
        name="Childline",
        summary="Free, confidential support for anyone under 19.",
        need=["family-relationships", "gender-and-sexuality"],
    )
    make_service(
        name="Special Schools Outreach",
        summary="Advice for schools supporting pupils with additional needs.",
        need=["neurodiversity"],
    )
    make_service(
        name="Riverside Family Hub",
        summary="Groups for parents of babies and toddlers.",
        need=["early-years"],
    )
    make_service(name="Hidden Kooth", status=Service.Status.DRAFT)


def test_searching_a_service_name_finds_it_first(directory):
    found = names("kooth")
    assert found[0] == "Kooth"
    # It also finds the service that only mentions Kooth, but lower down.
    assert found.index("Westminster Youth Counselling") > 0


def test_search_ignores_case_and_spaces(directory):
    assert names("  KOOTH ")[0] == "Kooth"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [("kooht", "Kooth"), ("samaratins", "Samaritans"), ("childine", "Childline")],
)
def test_a_typo_still_finds_the_service(directory, typed, expected):
    assert names(typed)[:1] == [expected]


@pytest.mark.parametrize("word", ["ADHD", "autism", "autistic"])
def test_a_need_synonym_finds_a_service_that_never_uses_the_word(directory, word):
    assert names(word) == ["Special Schools Outreach"]


@pytest.mark.parametrize("word", ["counselling", "therapy", "talking therapy"])
def test_service_type_words_find_counselling(directory, word):
    assert "Westminster Youth Counselling" in names(word)


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("depression", "Kooth"),
        ("exams", None),
        ("LGBT", "Childline"),
        ("crisis", "Samaritans"),
        ("toddler", "Riverside Family Hub"),
    ],
)
def test_everyday_words_find_the_right_services(directory, word, expected):
    found = names(word)
    if expected is None:
        assert found == []
    else:
        assert expected in found


def test_every_word_must_match(directory):
    assert names("anxiety counselling") == ["Westminster Youth Counselling"]


def test_drafts_are_never_found(directory):
    assert "Hidden Kooth" not in names("kooth")


@pytest.mark.parametrize("query", ["", "   ", "the and of", "!!!", "\x00"])
def test_nothing_to_search_for_finds_nothing(directory, query):
    assert names(query) == []


def test_an_unknown_word_finds_nothing(directory):
    assert names("xylophone") == []


def test_search_combines_with_other_filters(directory):
    queryset = Service.objects.published().for_age(15).with_needs("anxiety")
    assert [s.name for s in search(queryset, "kooth")][0] == "Kooth"
    assert [s.name for s in search(Service.objects.published().crisis(), "kooth")] == []


def test_search_terms_expand_service_words():
    groups = search_terms("Talking therapy for ADHD")
    assert groups[0][0] == "therapy" and "counselling" in groups[0]
    assert groups[1] == ["adhd"]


def test_a_renamed_service_is_found_by_its_new_name_straight_away(directory):
    Service.objects.filter(name="Riverside Family Hub").update(name="Lantern Family Hub")
    assert names("lantern") == ["Lantern Family Hub"]


def test_the_real_directory_finds_kooth_and_childline(real_directory):
    assert names("kooth")[0].startswith("Kooth")
    assert names("childine")[0] == "Childline"
    assert "Samaritans" in names("samaratins")
    assert any("CAMHS" in name for name in names("camhs")[:3])


def test_relevance_goes_by_where_the_words_are_then_by_name(directory):
    make_service(name="Anxiety Drop-in")  # the word in its name
    make_service(name="Bright Start", need=["anxiety"])  # helps with it
    make_service(name="Harbour Project", description="Some come to us with anxiety.")

    assert names("anxiety") == [
        "Anxiety Drop-in",  # the name
        "Bright Start",  # a need it helps with, then by name
        "Kooth",
        "Westminster Youth Counselling",
        "Harbour Project",  # only mentioned
    ]


def test_an_exact_name_comes_before_other_names_with_the_word(directory):
    make_service(name="Childline Schools Service")
    make_service(name="About Childline")
    assert names("childline")[0] == "Childline"


def test_a_corrected_typo_is_offered_and_what_was_typed_is_kept(directory):
    results = search(Service.objects.published(), "kooht")
    assert list(results)[0].name == "Kooth"
    assert results.corrections == {"kooht": "kooth"} and results.suggestion == "kooth"
    assert results.searched_for == "kooht"


def test_a_word_that_finds_something_is_never_corrected(directory):
    results = search(Service.objects.published(), "kooth")
    assert results.corrections == {}


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts every match")
def test_very_many_matches_are_counted_up_to_a_limit_and_page_in_order(real_directory, monkeypatch):
    queries = ["support", "young people", "counselling", "anxiety", "family", "camhs", "kooth"]
    ranked_in_one_query = {}
    for query in queries:
        results = search(Service.objects.published(), query)
        ranked_in_one_query[query] = [s.pk for s in results]
        assert not results.count_is_limited

    monkeypatch.setattr(postgresql, "COUNT_LIMIT", 5)
    for query, expected in ranked_in_one_query.items():
        results = search(Service.objects.published(), query)
        assert results.count() == min(len(expected), 5)
        assert results.count_is_limited == (len(expected) > 5)
        pages = [s.pk for start in range(0, 15, 3) for s in results[start : start + 3]]
        # Beyond the limit, the services shown are the first of each tier by name, ranked as
        # every match is ranked (tier, then fit, then name): never one twice, never out of
        # the order a full ranking gives them.
        assert len(pages) == len(set(pages)), query
        assert set(pages) <= set(expected), query
        assert pages == sorted(pages, key=expected.index), query
    assert search(Service.objects.published(), "kooth")[0].name.startswith("Kooth")


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite counts every match")
def test_the_list_page_says_when_it_stopped_counting(real_directory, client, monkeypatch):
    monkeypatch.setattr(postgresql, "COUNT_LIMIT", 5)
    html = client.get("/services/", {"q": "support"}).content.decode()
    assert ">More than 5 services</h2>" in html
    # It lists as many as it counted: more words or a filter narrow the rest.
    assert html.count('class="nhsuk-card app-service-card"') == 5


def test_the_list_page_offers_a_correction_as_a_link(directory, client):
    html = client.get("/services/", {"q": "samaratins", "free": "1"}).content.decode()
    assert "Search results for “samaratins”" in html
    assert 'Did you mean <a href="?q=samaritans&amp;free=1">samaritans</a>?' in html
    assert "These results are for “samaritans”." in html and ">Samaritans</a>" in html
    html = client.get("/services/", {"q": "samaritans", "free": "1"}).content.decode()
    assert "Did you mean" not in html


def test_a_word_the_filters_rule_out_is_not_taken_for_a_typo(directory):
    results = search(Service.objects.published().crisis(), "kooth")
    assert list(results) == [] and results.corrections == {}
