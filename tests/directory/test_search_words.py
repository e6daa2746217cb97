"""How search reads people's words (issue 9): filler never blocks a match, word forms match,
everyday phrases mean needs (and an administrator can add one), real words are never taken
for typos, and a search about suicide, self-harm or danger shows urgent help first. Runs on
SQLite and on PostgreSQL."""

import pytest
from django.contrib import admin

from directory import search as search_module
from directory.models import Need, SearchPhrase, Service
from directory.search import crisis_reader
from directory.search.engine import search
from directory.search.query import read_query, search_terms
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def names(query, queryset=None, boroughs=()):
    queryset = queryset if queryset is not None else Service.objects.published()
    return [service.name for service in search(queryset, query, boroughs)]


# Stop words and filler -------------------------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "counselling near me",
        "i need counselling",
        "looking for counselling",
        "help with counselling",
        "support for counselling",
        "counselling for my son",
        "Counselling near me please",
    ],
)
def test_filler_never_changes_what_is_searched_for(query):
    assert search_terms(query) == search_terms("counselling")


def test_filler_never_blocks_a_match():
    make_service(name="Riverside Counselling", summary="Talk to someone.")
    assert names("counselling near me") == ["Riverside Counselling"]
    assert names("I need help with counselling for my daughter") == ["Riverside Counselling"]


def test_a_query_of_only_filler_looks_for_someone_to_talk_to():
    make_service(name="Night Helpline", summary="Call us.")
    make_service(name="Art Club", summary="Painting.")
    assert names("I need help") == ["Night Helpline"]


# Word forms ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("drinks", "drinking"),
        ("drinking", "drinks"),
        ("bereaved", "bereavement"),
        ("bullied", "bullying"),
        ("worries", "worried"),
        ("sleeping", "sleep"),
    ],
)
def test_word_forms_match_each_other(typed, written):
    make_service(name="Harbour Project", description=f"We help with {written} and more.")
    assert names(typed) == ["Harbour Project"]


def test_apostrophes_do_not_split_words():
    assert search_terms("can't") == search_terms("cant")


# Everyday phrases ------------------------------------------------------------------------


def test_an_everyday_phrase_means_its_need():
    (group,) = read_query("i cant sleep", [("cant sleep", "sleep", "")])
    assert group.needs == {"sleep"} and group == ["cant sleep"]
    # A parent's drinking is harm by someone else too: the crisis reader reads it first, and
    # its group names the same need.
    (group,) = read_query("my mum drinks", [("mum drinks", "drugs-and-alcohol", "")])
    assert group.needs == {"drugs-and-alcohol"}


def test_everyday_phrases_find_services_for_their_need_in_other_words():
    make_service(name="Harbour Project", summary="Drug and alcohol advice.",
                 need=["drugs-and-alcohol"])  # fmt: skip
    make_service(name="Other Project", summary="Mum and toddler group.", need=["early-years"])
    for query in ["my mum drinks", "My mum is drinking", "mum drinks too much", "dad drinks"]:
        assert names(query) == ["Harbour Project"], query


def test_a_phrase_with_no_need_searches_for_other_words():
    make_service(name="Westminster CAMHS", summary="NHS mental health team.")
    make_service(name="Youth Club", summary="Games.")
    assert names("hearing voices") == ["Westminster CAMHS"]


def test_a_phrase_an_administrator_adds_works_straight_away():
    make_service(name="Calm Corner", summary="A quiet place.", need=["anxiety"])
    assert names("jittery tummy") == []
    SearchPhrase.objects.create(phrase="jittery tummy", need=Need.objects.get(slug="anxiety"))
    assert names("I have a jittery tummy") == ["Calm Corner"]


def test_phrases_are_edited_in_the_admin():
    assert SearchPhrase in admin.site._registry


def test_the_data_migration_made_the_everyday_phrases():
    phrases = dict(SearchPhrase.objects.values_list("phrase", "need__slug"))
    assert phrases["mum drinks"] == "drugs-and-alcohol"
    assert phrases["cant sleep"] == "sleep"
    assert phrases["adhd assessment"] == "neurodiversity"
    assert phrases["being bullied"] == "school-stress"
    assert SearchPhrase.objects.get(phrase="hearing voices").search_for == "camhs"


# Typos ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"), [("councelling", "counselling"), ("kooht", "kooth")]
)
def test_typos_are_still_corrected_and_what_was_typed_is_kept(typed, expected):
    make_service(name="Kooth Counselling", summary="Online support.")
    results = search(Service.objects.published(), typed)
    assert [s.name for s in results] == ["Kooth Counselling"]
    assert results.corrections == {typed: expected} and results.suggestion == expected
    assert results.searched_for == typed


@pytest.mark.parametrize("word", ["near", "nearly", "years", "mean", "voices", "wobbly"])
def test_a_real_word_is_never_corrected(word):
    make_service(name="Year Group Mentoring", summary="Mentors for each year.")
    make_service(name="Meal Club", summary="Cooking.")
    results = search(Service.objects.published(), f"{word} kooth")
    assert word not in results.corrections


def test_a_word_that_finds_nothing_is_left_out_and_the_page_says_so(client):
    make_service(name="Calm Corner", summary="A quiet place.", need=["anxiety"])
    results = search(Service.objects.published(), "anxiety grandma")
    assert [s.name for s in results] == ["Calm Corner"]
    assert results.left_out == ["grandma"]
    html = client.get("/services/", {"q": "anxiety grandma"}).content.decode()
    assert "No service mentions “grandma”, so we searched without it." in html


# Relevance within a tier -------------------------------------------------------------------


def test_within_a_tier_what_you_can_contact_yourself_comes_before_the_alphabet():
    make_service(name="Aardvark CAMHS", need=["anxiety"], referral=["gp"])
    make_service(name="Zebra Drop-in", need=["anxiety"], referral=["self"])
    assert names("anxiety") == ["Zebra Drop-in", "Aardvark CAMHS"]


def test_within_a_tier_services_for_young_people_come_first():
    make_service(name="Aardvark Training", need=["anxiety"], audience=["professionals"])
    make_service(name="Zebra Drop-in", need=["anxiety"], audience=["young-people"])
    assert names("anxiety") == ["Zebra Drop-in", "Aardvark Training"]


def test_in_a_borough_local_services_come_before_national_ones():
    make_service(name="Aardvark National Line", need=["anxiety"], is_national=True)
    make_service(name="Zebra Westminster Drop-in", need=["anxiety"], borough=["westminster"])
    queryset = Service.objects.published().in_borough("westminster")
    assert names("anxiety", queryset, ["westminster"]) == [
        "Zebra Westminster Drop-in",
        "Aardvark National Line",
    ]
    # Without a borough we do not know where someone is: neither comes first for it.
    assert names("anxiety") == ["Aardvark National Line", "Zebra Westminster Drop-in"]


def test_a_service_linked_to_the_need_comes_before_one_that_mentions_it():
    make_service(name="Aardvark Club", description="Some members have anxiety.")
    make_service(name="Zebra Service", need=["anxiety"], referral=["gp"], audience=[])
    assert names("anxiety") == ["Zebra Service", "Aardvark Club"]


# Crisis words --------------------------------------------------------------------------------


@pytest.fixture
def crisis_directory():
    make_service(name="Aardvark Self Harm Group", need=["self-harm"])
    make_service(name="Night Line", need=["suicidal-thoughts"], is_crisis=True)
    make_service(name="Exam Help", need=["school-stress"])


@pytest.mark.parametrize(
    "query",
    ["self harm", "self-harming", "suicidal", "kill myself", "I want to die", "end my life",
     "cutting myself", "overdose", "took too many pills", "not safe", "in danger"],
)  # fmt: skip
def test_crisis_words_put_crisis_services_first_and_urgent_help_on_top(
    client, crisis_directory, query
):
    results = search(Service.objects.published(), query)
    assert results.is_crisis
    assert [s.name for s in results][0] == "Night Line"
    html = client.get("/services/", {"q": query}).content.decode()
    urgent = html.index("app-search-urgent-help")
    assert urgent < html.index('id="results"')
    for line in [
        "999",
        "111",
        "0800 1111",
        "85258",
        "116 123",
    ]:  # 999, 111, Childline, Shout, Samaritans
        assert line in html[urgent : html.index('id="results"')], line


def test_a_crisis_search_in_a_borough_gives_its_local_24_hour_line(client, crisis_directory):
    html = client.get("/services/", {"q": "suicidal", "borough": "westminster"}).content.decode()
    assert "CNWL 24-hour mental health helpline" in html and "0800 023 4650" in html


@pytest.mark.parametrize("query", ["exam stress", "anxiety", "counselling", "kooth"])
def test_other_searches_do_not_show_urgent_help(client, crisis_directory, query):
    assert not search(Service.objects.published(), query).is_crisis
    html = client.get("/services/", {"q": query}).content.decode()
    assert "app-search-urgent-help" not in html


def test_the_page_title_never_carries_the_search_words(client, crisis_directory):
    html = client.get("/services/", {"q": "kill myself"}).content.decode()
    title = html[html.index("<title>") : html.index("</title>")]
    assert "kill" not in title and "Search results" in title


def test_crisis_words_are_read_in_one_place():
    # The crisis reader (directory/search/crisis_reader.py, its lexicon in
    # directory/search/crisis_lexicon.py)
    # replaced the list of phrases search kept itself.
    assert not hasattr(search_module, "CRISIS_PHRASES")
    assert crisis_reader.read("kill myself").is_crisis and crisis_reader.read("overdose").is_crisis
