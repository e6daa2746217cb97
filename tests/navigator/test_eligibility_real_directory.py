"""Eligibility on the real directory (tests/navigator/test_eligibility.py has the rules on
services made for each test): a 15-year-old in Westminster is shown the services for people in
their situation only when they say it applies. A module of its own, as its tests share the real
directory loaded once (real_directory_read)."""

from navigator.matching import match_services

from .conftest import answers_for

WM = "urgent=no&who=young-person&age=15&borough=westminster&need=anxiety&impact=quite-a-lot"


def real(query):
    return {match.service.slug for match in match_services(answers_for(query)).matches}


def test_an_anxious_15_year_old_in_westminster_is_not_shown_services_for_others(
    real_directory_read,
):
    slugs = real(WM)
    assert "kooth-bi-borough" in slugs
    for slug in [
        "looked-after-children-camhs-westminster",
        "transition-workers-learning-disability-autism",
        "autism-mental-health-keyworkers",
        "cnwl-adolescent-community-treatment-team",
        "camhs-youth-justice-and-alternative-provision",
    ]:
        assert slug not in slugs


def test_a_15_year_old_in_care_is_shown_the_looked_after_children_team(real_directory_read):
    assert "looked-after-children-camhs-westminster" in real(
        WM + "&applies=looked-after-or-care-leaver"
    )


def test_a_young_carer_is_shown_the_young_carers_service(real_directory_read):
    assert "carers-trust-young-carers" not in real(WM.replace("anxiety", "young-carers"))
    assert "carers-trust-young-carers" in real(
        WM.replace("anxiety", "young-carers") + "&applies=young-carer"
    )
