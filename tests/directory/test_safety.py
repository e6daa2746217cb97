"""What the crisis reader finds, and what each kind shows on /services/?q=… (issue 21).
Runs on SQLite and on PostgreSQL."""

import pytest

from directory.models import Service
from directory.search.crisis_reader import read
from directory.search.engine import search
from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("i dont want to live", "suicide"),
        ("I don't want to live", "suicide"),
        ("i dont want to die", "suicide"),  # negation never silences it
        ("sucide", "suicide"),
        ("ctb", "suicide"),
        ("kms", "suicide"),
        ("s u i c i d e", "suicide"),
        ("k1ll myself", "suicide"),
        ("i wanna dieeee", "suicide"),
        ("slef harm", "self-harm"),
        ("s/h", "self-harm"),
        ("overdosd", "overdose"),
        ("i od'd", "overdose"),
        ("not safe at home", "danger-now"),
        ("my uncle hurts me", "abuse"),
        ("a man at the park made me do stuff", "sexual-violence"),
        ("mums boyfriend hits her", "domestic-abuse"),
        ("my boyfriend won't let me see my friends", "domestic-abuse"),
        ("dad is drunk every night", "parent-substance"),
        ("there is no food at home", "neglect"),
    ],
)
def test_the_reader_finds_the_kind(typed, kind):
    assert kind in read(typed).kinds


@pytest.mark.parametrize(
    "typed", ["exam stress", "autism assessment", "cut down on screen time", "dead tired"]
)
def test_everyday_searches_show_no_help(typed):
    assert not read(typed).shows_help


@pytest.fixture
def harm_directory():
    make_service(name="Aardvark Art Club", need=["trauma"], summary="Painting.")
    make_service(name="Zebra Family Service", need=["domestic-abuse"], summary="Families.")
    make_service(
        name="The Havens", slug="the-havens", need=["trauma"], summary="Sexual assault help."
    )
    make_service(
        name="National Domestic Abuse Helpline",
        slug="national-domestic-abuse-helpline",
        need=["domestic-abuse"],
        summary="Call any time.",
    )


def page(client, query):
    return client.get("/services/", {"q": query}).content.decode()


def test_a_crisis_search_shows_urgent_help_first(client):
    make_service(name="Night Line", need=["suicidal-thoughts"], is_crisis=True)
    make_service(name="Exam Help", need=["school-stress"])
    html = page(client, "i dont want to wake up tomorrow")
    assert html.index("app-search-urgent-help") < html.index('id="results"')
    assert [s.name for s in search(Service.objects.published(), "ctb")][0] == "Night Line"


@pytest.mark.parametrize(
    ("query", "first", "line"),
    [
        ("a man at the park made me do stuff", "The Havens", "020 3299 6900"),
        ("my uncle touches me", "The Havens", "020 3299 6900"),
        ("mums boyfriend hits her", "National Domestic Abuse Helpline", "0808 200 0247"),
        ("my dad is drunk every night", None, "0800 358 3456"),
    ],
)
def test_a_disclosure_shows_who_can_help_above_the_results(
    client, harm_directory, query, first, line
):
    html = page(client, query)
    card = html[html.index("If someone is hurting you") : html.index('id="results"')]
    for number in ["999", "0800 1111", "0808 800 5000", line]:  # 999, Childline, NSPCC
        assert number in card, number
    assert "chat online" in card
    if first:
        assert [s.name for s in search(Service.objects.published(), query)][0] == first


def test_someone_hit_at_home_finds_services_not_nothing(client, harm_directory):
    results = search(Service.objects.published(), "someone at home hits me")
    assert results.harms and len(list(results)) > 0


def test_other_searches_show_no_harm_card(client, harm_directory):
    assert "If someone is hurting you" not in page(client, "art club")


@pytest.mark.parametrize("typed", ["i dont want to live", "im done with everything", "ctb", "sh"])
def test_words_the_reader_recognised_are_never_corrected_and_the_heading_is_as_typed(client, typed):
    make_service(name="Down Syndrome Group", summary="Down.")
    make_service(name="Night Line", need=["suicidal-thoughts"], is_crisis=True)
    results = search(Service.objects.published(), typed)
    list(results)
    assert results.corrections == {}
    assert f"Search results for “{typed}”" in page(client, typed)


@pytest.mark.parametrize("word", ["dont", "cant", "wont", "im", "ive", "didnt", "isnt", "doesnt"])
def test_contractions_without_apostrophes_are_never_corrected(client, word):
    make_service(name="Down Syndrome Group", summary="Down.")
    make_service(name="Calm Corner", need=["anxiety"], summary="Anxiety.")
    results = search(Service.objects.published(), f"{word} anxiety")
    list(results)
    assert word not in results.corrections
    html = page(client, f"{word} anxiety")
    assert f"Search results for “{word} anxiety”" in html and "Did you mean" not in html
