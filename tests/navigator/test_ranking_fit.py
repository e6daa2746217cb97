"""Ranking that fits the person: services made for them and about their need come first.

The services here mirror real ones that came first for the wrong people: Family Hubs (a
parenting service that also lists anxiety), a drug and alcohol service that also lists
anxiety, and a healthy-weight programme that came first for "I'm not sure".
"""

import pytest

from navigator.matching import match_services
from navigator.needs import need_suits, needs_about_something_else, unsuited_needs

from .conftest import answers_for

TEEN = "urgent=no&who=young-person&age=15&borough=westminster&impact=quite-a-lot"
TODDLER = "urgent=no&who=parent-carer&age=2&borough=westminster&impact=quite-a-lot"


def order(query):
    return [match.service.slug for match in match_services(answers_for(query)).matches]


def test_an_anxious_teenager_gets_services_for_them_before_parenting_and_drug_services(
    westminster,
):
    ranked = order(TEEN + "&need=anxiety")
    assert ranked[0] == "kooth"
    assert ranked.index("kooth") < ranked.index("family-hubs")
    assert ranked.index("kooth") < ranked.index("insight")
    # Advice a young person can reach comes before them too.
    assert ranked.index("childline") < ranked.index("family-hubs")
    assert ranked.index("the-mix") < ranked.index("insight")


def test_not_sure_puts_broad_services_for_the_age_first_not_a_healthy_weight_programme(
    westminster,
):
    ranked = order(TEEN + "&need=not-sure")
    assert set(ranked[:3]) == {"kooth", "childline", "the-mix"}
    assert ranked.index("the-mix") < ranked.index("insight")  # drugs do not make it broad
    assert ranked.index("insight") < ranked.index("change4life")
    assert ranked.index("insight") < ranked.index("family-hubs")


def test_a_parent_of_a_toddler_sees_early_years_services_first(westminster):
    ranked = order(TODDLER + "&need=early-years")
    assert set(ranked[:3]) == {"under-fives", "health-visiting", "family-hubs"}
    ranked = order(TODDLER + "&need=behaviour")
    # Services made for under-5s before a behaviour team for all ages.
    assert ranked[:2] == ["under-fives", "family-hubs"]
    assert ranked.index("under-fives") < ranked.index("behaviour-team")


def test_a_parent_asking_about_behaviour_still_gets_parenting_services_first(westminster):
    ranked = order(TODDLER.replace("age=2", "age=8") + "&need=behaviour&need=parenting")
    assert ranked[0] == "family-hubs"


@pytest.mark.parametrize(
    ("who", "age", "offered", "not_offered"),
    [
        ("young-person", 15, {"anxiety", "drugs-and-alcohol"}, {"parenting", "early-years"}),
        ("young-person", 3, {"anxiety"}, {"parenting", "early-years"}),
        ("parent-carer", 2, {"early-years", "parenting", "behaviour"}, set()),
        ("parent-carer", 4, {"early-years", "parenting"}, set()),
        ("parent-carer", 5, {"parenting"}, {"early-years"}),
        ("parent-carer", 15, {"parenting", "anxiety"}, {"early-years"}),
        ("professional", 1, {"early-years", "parenting"}, set()),
        ("professional", 12, {"parenting"}, {"early-years"}),
    ],
)
def test_which_needs_suit_whom(who, age, offered, not_offered):
    assert all(need_suits(slug, who, age) for slug in offered)
    assert not any(need_suits(slug, who, age) for slug in not_offered)
    assert set(unsuited_needs(who, age)) == not_offered


def test_a_need_asked_for_is_never_about_something_else():
    assert "drugs-and-alcohol" not in needs_about_something_else(
        "young-person", 15, ("drugs-and-alcohol",)
    )
    assert "drugs-and-alcohol" in needs_about_something_else("young-person", 15, ("anxiety",))
    # "Not sure": separate subjects are not held against a service.
    assert needs_about_something_else("parent-carer", 3, ()) == ()
