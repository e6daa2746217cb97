"""The questions, one per page: validation, branching, privacy."""

import re

import pytest
from django.http import QueryDict

from navigator.flow import route_question
from navigator.questions import QUESTIONS
from tests.factories import make_service

from .conftest import plain

START = "urgent=no&who=young-person&age=15&borough=westminster"
COMPLETE = START + "&need=anxiety&impact=quite-a-lot"


def answer(client, path, query):
    return client.get(f"{path}?{query}")


def title(response):
    return re.search(r"<title>(.*?)</title>", response.content.decode(), re.S).group(1)


@pytest.mark.django_db
class TestDanger:
    def test_the_first_question_is_about_danger(self, client):
        response = client.get("/help/")
        assert response.status_code == 200
        assert "Is anyone in danger right now" in response.content.decode()
        assert 'method="get"' in response.content.decode()

    def test_yes_goes_straight_to_urgent_help(self, client):
        response = answer(client, "/help/", "urgent=yes&answered=danger")
        assert response.status_code == 302
        assert plain(response["Location"]) == "/urgent-help/"

    def test_no_goes_on_to_who(self, client):
        response = answer(client, "/help/", "urgent=no&answered=danger")
        assert plain(response["Location"]) == "/help/who/?urgent=no"

    def test_no_answer_is_a_clear_error(self, client):
        response = answer(client, "/help/", "answered=danger")
        page = response.content.decode()
        assert "There is a problem" in page
        assert "Select yes if anyone is in danger now" in page
        assert title(response).startswith("Error: ")

    def test_urgent_yes_on_the_results_link_goes_to_urgent_help(self, client):
        response = answer(client, "/help/results/", COMPLETE.replace("urgent=no", "urgent=yes"))
        assert plain(response["Location"]) == "/urgent-help/"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "query", "message"),
    [
        ("/help/who/", "urgent=no&answered=who", "Select who you are looking for help for"),
        ("/help/who/", "urgent=no&answered=who&who=alien", "Select who you are looking for help"),
        ("/help/age/", "urgent=no&who=young-person&answered=age", "Enter an age in years"),
        (
            "/help/age/",
            "urgent=no&who=young-person&answered=age&age=fifteen",
            "Enter an age in whole years, like 15",
        ),
        (
            "/help/age/",
            "urgent=no&who=young-person&answered=age&age=15.5",
            "Enter an age in whole years, like 15",
        ),
        (
            "/help/age/",
            "urgent=no&who=young-person&answered=age&age=-1",
            "Enter an age in whole years, like 15",
        ),
        (
            "/help/age/",
            "urgent=no&who=young-person&answered=age&age=121",
            "Enter an age between 0 and 120",
        ),
        (
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where",
            "Choose a borough, enter a postcode",
        ),
        (
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where&postcode=XX99+9ZZ",
            "Enter a real postcode, like W10 or SW6 1AA",
        ),
        (
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where&borough=atlantis",
            "Select a London borough from the list",
        ),
        ("/help/need/", START + "&answered=need", "Select what it is about"),
        ("/help/need/", START + "&answered=need&need=aliens", "Select what it is about from"),
        (
            "/help/impact/",
            START + "&need=anxiety&answered=impact",
            "Select how much it affects everyday life",
        ),
        (
            "/help/preferences/",
            COMPLETE + "&answered=preferences&delivery=carrier-pigeon",
            "Select how you would like to get support from the list",
        ),
    ],
)
def test_each_question_validates_with_a_clear_message(client, path, query, message):
    response = answer(client, path, query)
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page
    assert message in page
    assert 'class="nhsuk-error-message"' in page


@pytest.mark.django_db
def test_a_whole_journey_ends_on_the_results_page(client):
    steps = [
        ("/help/", "urgent=no", "/help/who/"),
        ("/help/who/", "who=young-person", "/help/age/"),
        ("/help/age/", "age=15", "/help/where/"),
        ("/help/where/", "borough=westminster&postcode=", "/help/need/"),
        ("/help/need/", "need=anxiety&need=low-mood", "/help/impact/"),
        ("/help/impact/", "impact=a-lot", "/help/applies/"),
        ("/help/applies/", "applies=none", "/help/preferences/"),
        ("/help/preferences/", "delivery=phone&free=1", "/help/results/"),
    ]
    answers = ""
    for path, given, next_path in steps:
        slug = path.strip("/").split("/")[-1]
        slug = "danger" if slug == "help" else slug
        query = "&".join(filter(None, [answers, given, f"answered={slug}"]))
        response = client.get(f"{path}?{query}")
        assert response.status_code == 302, (path, response.content[:500])
        location = response["Location"]
        assert location.startswith(next_path)
        answers = location.split("?", 1)[1]
    assert plain(location) == (
        "/help/results/?urgent=no&who=young-person&age=15&borough=westminster&need=anxiety"
        "&need=low-mood&impact=a-lot&applies=none&delivery=phone&free=1"
    )
    assert "anxiety" not in location  # the address kept in history does not spell it out
    assert client.get(f"/help/results/?{answers}").status_code == 200


@pytest.mark.django_db
class TestEachPage:
    def test_previous_answers_are_carried_as_hidden_inputs(self, client):
        page = answer(client, "/help/need/", START).content.decode()
        token = re.search(r'<input type="hidden" name="answers" value="([^"]+)">', page).group(1)
        assert plain(f"/help/need/?answers={token}") == f"/help/need/?{START}"
        # Sealed: nothing in the page's form, nor in history, spells the answers out.
        assert 'name="borough"' not in page.split("<form", 1)[1].split("</form>")[0]

    def test_back_link_goes_to_the_previous_question_with_the_answers(self, client):
        page = answer(client, "/help/need/", START).content.decode()
        back = re.search(r'class="nhsuk-back-link" href="([^"]+)"', page).group(1)
        assert plain(back.replace("&amp;", "&")) == f"/help/where/?{START}"

    def test_going_back_shows_the_answer_already_given(self, client):
        page = answer(client, "/help/age/", "urgent=no&who=young-person&age=15").content.decode()
        assert 'value="15"' in page

    def test_skipping_ahead_sends_you_to_the_first_unanswered_question(self, client):
        response = answer(client, "/help/impact/", "urgent=no&who=young-person")
        assert plain(response["Location"]) == "/help/age/?urgent=no&who=young-person"

    def test_the_danger_question_cannot_be_skipped(self, client):
        response = answer(client, "/help/need/", "who=young-person&age=15&borough=westminster")
        assert response["Location"].startswith("/help/?")

    def test_missing_answers_on_the_results_link_go_to_the_question(self, client):
        response = answer(client, "/help/results/", START)
        assert plain(response["Location"]) == f"/help/need/?{START}"

    def test_unknown_question_is_not_found(self, client):
        assert client.get("/help/favourite-colour/").status_code == 404


@pytest.mark.django_db
class TestWhere:
    def test_a_postcode_in_one_borough_sets_the_borough(self, client):
        response = answer(
            client,
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where&postcode=SW6+1AA",
        )
        assert plain(response["Location"]) == (
            "/help/need/?urgent=no&who=young-person&age=15&borough=hammersmith-and-fulham"
        )

    def test_a_district_split_between_boroughs_asks_which(self, client):
        response = answer(
            client,
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where&postcode=w10+5xy",
        )
        # Only the district travels on, never the whole postcode.
        assert plain(response["Location"]) == (
            "/help/which-borough/?urgent=no&who=young-person&age=15&postcode=W10"
        )
        page = client.get(response["Location"]).content.decode()
        assert "Kensington and Chelsea" in page
        assert "Westminster" in page
        assert "Somewhere outside London" in page
        chosen = client.get(
            "/help/which-borough/?urgent=no&who=young-person&age=15&postcode=W10"
            "&answered=which-borough&borough=westminster"
        )
        assert plain(chosen["Location"]) == (
            "/help/need/?urgent=no&who=young-person&age=15&borough=westminster"
        )

    def test_which_borough_only_offers_the_districts_boroughs(self, client):
        response = client.get(
            "/help/which-borough/?urgent=no&who=young-person&age=15&postcode=W10"
            "&answered=which-borough&borough=barnet"
        )
        assert "Select one of the boroughs listed" in response.content.decode()

    def test_a_postcode_outside_london_takes_the_not_in_london_path(self, client):
        response = answer(
            client,
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where&postcode=M1+1AA",
        )
        assert plain(response["Location"]).endswith("&borough=unknown")

    def test_i_do_not_know(self, client):
        response = answer(
            client,
            "/help/where/",
            "urgent=no&who=young-person&age=15&answered=where&borough=unknown",
        )
        assert plain(response["Location"]).endswith("&borough=unknown")


@pytest.mark.django_db
class TestAge:
    def test_over_25_gets_a_kind_page_about_adult_support(self, client):
        response = answer(client, "/help/age/", "urgent=no&who=young-person&answered=age&age=26")
        assert plain(response["Location"]) == "/help/over-25/"
        page = client.get("/help/over-25/")
        text = page.content.decode()
        assert page.status_code == 200
        for support in ["NHS Talking Therapies", "GP", "116 123", "85258"]:
            assert support in text
        assert "There is a problem" not in text

    def test_over_25_results_link_goes_to_adult_support(self, client):
        response = answer(client, "/help/results/", COMPLETE.replace("age=15", "age=40"))
        assert plain(response["Location"]) == "/help/over-25/"

    def test_a_young_person_under_11_is_told_a_grown_up_can_help(self, client):
        query = "urgent=no&who=young-person&age=9&borough=westminster"
        assert "ask a grown-up you trust" in answer(client, "/help/need/", query).content.decode()
        results = answer(client, "/help/results/", query + "&need=anxiety&impact=a-little")
        assert results.status_code == 200
        assert "Show these results to a grown-up" in results.content.decode()

    def test_a_parent_of_an_under_11_is_not(self, client):
        query = "urgent=no&who=parent-carer&age=9&borough=westminster"
        assert "grown-up" not in answer(client, "/help/need/", query).content.decode()

    def test_a_digit_that_is_not_a_number_is_asked_again_not_a_server_error(self, client):
        response = answer(client, "/help/age/", "urgent=no&who=young-person&age=%C2%B2")
        assert response.status_code == 200
        assert "How old are you?" in response.content.decode()

    def test_the_question_speaks_to_who_is_asking(self, client):
        assert (
            "How old are you?"
            in answer(client, "/help/age/", "urgent=no&who=young-person").content.decode()
        )
        assert (
            "How old is your child"
            in answer(client, "/help/age/", "urgent=no&who=parent-carer").content.decode()
        )


def every_navigator_url():
    yield "/help/"
    for question in QUESTIONS[1:]:
        yield f"/help/{question.slug}/?{COMPLETE}&postcode=W10"
    yield f"/help/results/?{COMPLETE}"
    yield f"/help/results/?{COMPLETE}&need=self-harm"
    yield "/help/results/?who=nobody"
    yield "/help/over-25/"
    yield f"/api/v1/navigator?{COMPLETE}"
    yield "/api/v1/navigator?age=old"


@pytest.mark.django_db
@pytest.mark.parametrize("url", list(every_navigator_url()))
def test_no_cookies_no_caching_no_referrer_and_a_generic_title(client, url):
    response = client.get(url)
    assert response.status_code < 500
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "same-origin"
    if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
        page_title = title(response)
        for answer_text in ["Westminster", "westminster", "15", "anxi", "young person", "Myself"]:
            assert answer_text not in page_title


@pytest.mark.django_db
def test_forms_send_no_csrf_token(client):
    page = client.get("/help/who/?urgent=no").content.decode()
    assert "csrfmiddlewaretoken" not in page


class TestRouting:
    """route_question on its own: the decisions a user notices as where a link takes them."""

    def test_the_danger_question_has_one_address(self):
        step = route_question("danger", QueryDict("urgent=no"), answered="danger")
        assert plain(step.url) == "/help/?urgent=no"

    def test_which_borough_is_skipped_once_the_borough_is_known(self):
        step = route_question("which-borough", QueryDict(START))
        assert plain(step.url) == f"/help/need/?{START}"


@pytest.mark.django_db
def test_the_borough_question_says_where_only_national_services_are_shown(client):
    make_service(borough=("westminster",))
    html = client.get("/help/where/?urgent=no&who=young-person&age=15").content.decode()
    local = html.index('<optgroup label="Local services listed">')
    national = html.index('<optgroup label="National and regional services only">')
    assert local < html.index('value="westminster"') < national
    assert national < html.index('value="tower-hamlets"')
