"""Eligibility the navigator and the directory respect: a service only for people in some
situation (in care, SEND, young carer, youth justice, already with CAMHS) is shown only when the
person says it applies; a condition they may not know (whether their school takes part) is said
plainly instead of hiding the service."""

import pytest

from navigator.matching import match_services
from navigator.ranking import candidate_services
from tests.factories import make_service

from .conftest import answers_for, plain

WM = "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety&impact=quite-a-lot"
PARENT_WM = WM.replace("young-person", "parent-carer")

# slug -> the eligibility criterion that restricts it
RESTRICTED = {
    "in-care-team": "looked-after-or-care-leaver",
    "send-keyworkers": "send",
    "young-carers-project": "young-carer",
    "youth-justice-camhs": "youth-justice",
    "crisis-treatment-team": "known-to-camhs",
}


@pytest.fixture
def situations(db):
    """Services for anxious young people in Westminster: open to all, restricted to people in a
    situation, or with a condition a person may not know (a school that takes part)."""
    make_service(slug="open-counselling", name="Open Counselling", borough=("westminster",),
                 need=("anxiety",), eligibility=("lives-in-borough",))  # fmt: skip
    for slug, criterion in RESTRICTED.items():
        make_service(
            slug=slug,
            name=slug.replace("-", " ").title(),
            borough=("westminster",),
            need=("anxiety",),
            eligibility=(criterion, "lives-in-borough"),
        )
    make_service(slug="school-team", name="School Team", borough=("westminster",),
                 need=("anxiety",), eligibility=("attends-participating-school",))  # fmt: skip


def shown(query):
    return {match.service.slug: match for match in match_services(answers_for(query)).matches}


def test_nothing_said_to_apply_shows_no_restricted_service(situations):
    matches = shown(WM)
    assert {"open-counselling", "school-team"} <= set(matches)
    assert not set(RESTRICTED) & set(matches)


def test_none_of_these_is_the_same_as_saying_nothing(situations):
    assert set(shown(WM + "&applies=none")) == set(shown(WM))


@pytest.mark.parametrize("slug, criterion", RESTRICTED.items())
def test_a_restricted_service_is_shown_when_its_situation_applies(situations, slug, criterion):
    matches = shown(f"{WM}&applies={criterion}")
    assert slug in matches
    assert "open-counselling" in matches
    others = set(RESTRICTED) - {slug}
    assert not others & set(matches), "a situation that was not chosen still hides its services"


@pytest.mark.parametrize("slug, criterion", RESTRICTED.items())
def test_the_situation_that_applies_is_the_reason_and_comes_first(situations, slug, criterion):
    matches = match_services(answers_for(f"{WM}&applies={criterion}")).matches
    assert matches[0].service.slug == slug
    assert any(reason.endswith(", which you said applies") for reason in matches[0].reasons)
    open_service = next(m for m in matches if m.service.slug == "open-counselling")
    assert not any("you said applies" in reason for reason in open_service.reasons)


def test_several_situations_show_each_of_their_services(situations):
    matches = shown(WM + "&applies=send&applies=young-carer")
    assert {"send-keyworkers", "young-carers-project"} <= set(matches)
    assert "in-care-team" not in matches


def test_a_condition_people_may_not_know_is_said_plainly_not_hidden(situations):
    school_team = shown(WM)["school-team"]
    assert school_team.to_check == (
        "Only at schools and colleges that take part: ask the school or college if it has this",
    )
    assert shown(WM)["open-counselling"].to_check == ()


def test_the_results_page_says_what_to_check(client, situations):
    html = client.get(f"/help/results/?{WM}").content.decode()
    assert "<strong>Check first:</strong> Only at schools and colleges that take part" in html
    assert "In Care Team" not in html


def test_a_parent_is_held_to_the_same_rule(situations):
    assert "send-keyworkers" not in shown(PARENT_WM)
    assert "send-keyworkers" in shown(PARENT_WM + "&applies=send")


def test_restricted_services_are_not_even_candidates(situations):
    candidates = set(candidate_services(answers_for(WM)).values_list("slug", flat=True))
    assert "open-counselling" in candidates
    assert not set(RESTRICTED) & candidates


def test_a_link_with_a_situation_we_do_not_know_is_refused_with_a_message(client, situations):
    response = client.get(f"/help/results/?{WM}&applies=pirate")
    assert response.status_code == 400
    assert "Select what applies from the list" in response.content.decode()


def test_lives_in_the_borough_is_not_asked_about(situations, client):
    html = client.get(f"/help/applies/?{WM}").content.decode()
    assert "Lives in the borough" not in html
    assert "Attends a participating school" not in html


# The question page.


def test_the_question_offers_each_situation_and_none_of_these(client, situations):
    html = client.get(f"/help/applies/?{WM}").content.decode()
    assert "Do any of these apply to you?" in html
    for label in [
        "In care, or a care leaver",
        "Special educational needs or a disability (SEND)",
        "A young carer",
        "Working with the youth justice service",
        "Already getting support from CAMHS",
    ]:
        assert label in html
    assert html.index("Already getting support from CAMHS") < html.index(">or<")
    assert html.index(">or<") < html.index("None of these")


def test_a_parent_is_asked_about_the_young_person(client, situations):
    html = client.get(f"/help/applies/?{PARENT_WM}").content.decode()
    assert "Do any of these apply to the young person?" in html


def test_the_question_is_optional(client, situations):
    response = client.get(f"/help/applies/?{WM}&answered=applies")
    assert response.status_code == 302
    assert response["Location"].startswith("/help/preferences/")


def test_a_choice_is_carried_to_the_results(client, situations):
    response = client.get(f"/help/applies/?{WM}&applies=send&answered=applies")
    assert "applies=send" in plain(response["Location"])


def test_an_unknown_choice_is_an_error_on_the_page(client, situations):
    response = client.get(f"/help/applies/?{WM}&applies=pirate&answered=applies")
    assert response.status_code == 200
    assert "Select what applies from the list" in response.content.decode()
