"""The navigator speaks to who is asking (issue 21): a parent of a toddler is not written to as
a teenager, a helpline is offered only within its ages, a care leaver sees the team made for
them, a parent asking about autism sees the autism assessment. Over the real directory
(fixtures/directory.json), through the results page and the API as a person would meet them.
"""

import re

import pytest

from navigator.matching import match_services
from tests.navigator.conftest import answers_for

pytestmark = pytest.mark.django_db

AUTISM_ASSESSMENT = "autism-assessment-and-support-while-waiting"
LOOKED_AFTER_WESTMINSTER = "looked-after-children-camhs-westminster"
# Words written to a teenager about themselves, or about school and college life.
TO_A_TEENAGER = [
    "gets you into trouble",
    "Hurting yourself",
    "hurting yourself",
    "ending your life",
    "how you look",
    "happened to you",
    "close to you has died",
    "college",
    "university",
    "school nurse",
]
ALL_NEEDS = [
    "anxiety", "low-mood", "self-harm", "suicidal-thoughts", "eating-difficulties", "behaviour",
    "early-years", "neurodiversity", "drugs-and-alcohol", "bereavement", "trauma",
    "domestic-abuse", "family-relationships", "gender-and-sexuality", "school-stress",
    "body-image", "sleep", "young-carers", "parenting",
]  # fmt: skip


def results_page(client, query):
    response = client.get(f"/help/results/?urgent=no&{query}")
    assert response.status_code == 200, response.content[:300]
    return response.content.decode()


def main_content(html):
    """The page's own content: what the results say, without the header and footer."""
    return html[html.index('id="maincontent"') : html.index('<footer class="nhsuk-footer"')]


def written_by_us(html):
    """What the navigator itself says on a results page (not the services' own entries): the
    answers summary, each card's reasons and how to get help, the urgent help card's heading,
    and what to do next."""
    parts = re.findall(r'<dl class="nhsuk-summary-list app-answer-summary".*?</dl>', html, re.S)
    parts += re.findall(r'<ul class="[^"]*app-match__reasons">.*?</ul>', html, re.S)
    parts += re.findall(r"<strong>How to get help:</strong>.*?</p>", html, re.S)
    parts += re.findall(r'<h2 class="nhsuk-card__heading">.*?</h2>', html, re.S)
    parts.append(html[html.index('id="next-steps"') : html.index("Change your answers</a>")])
    return "\n".join(parts)


def slugs(query, n=None):
    matches = match_services(answers_for(f"urgent=no&{query}")).matches
    return [match.service.slug for match in matches][:n]


def shown_at_once(html):
    """The services on the results page before "show more"."""
    end = html.find('class="nhsuk-details app-more-results"')
    return re.findall(r'id="service-([a-z0-9-]+)"', html[: end if end > 0 else None])


# A parent of a 4-year-old ----------------------------------------------------------------------

PARENT_OF_4 = "who=parent-carer&age=4&borough=westminster"


def test_a_parent_of_a_4_year_old_is_not_offered_needs_written_to_a_teenager(
    client, real_directory_read
):
    response = client.get(f"/help/need/?urgent=no&{PARENT_OF_4}")
    html = main_content(response.content.decode())
    assert "Hurting themselves" in html
    assert "Anger or behaviour that is hard to manage" in html
    assert "Babies and young children (under 5)" in html
    for words in TO_A_TEENAGER:
        assert words not in html, words


@pytest.mark.parametrize(
    "needs",
    [
        ["behaviour"],
        ["self-harm", "behaviour"],
        ["suicidal-thoughts"],
        ["trauma", "bereavement"],
        ["body-image", "eating-difficulties"],
        ["early-years", "sleep"],
        ALL_NEEDS,
    ],
)
@pytest.mark.parametrize("impact", ["a-little", "a-lot"])
def test_a_parent_of_a_4_year_old_never_reads_reasons_or_next_steps_for_a_teenager(
    client, real_directory_read, needs, impact
):
    query = PARENT_OF_4 + "".join(f"&need={need}" for need in needs) + f"&impact={impact}"
    html = main_content(results_page(client, query))
    ours = written_by_us(html)
    for words in TO_A_TEENAGER:
        assert words not in ours, words
    assert "Talk to your health visitor" in ours
    # Childline is for young people to contact themselves, not a toddler's parent; nor are
    # the services only young people contact (Shout's text line, for all ages, stays on the
    # urgent help card).
    assert "Childline" not in html
    assert not {"childline", "shout-85258", "kooth-bi-borough"} & set(slugs(query))


def test_an_older_childs_parent_may_be_given_childline_for_their_child(client, real_directory_read):
    html = results_page(client, "who=parent-carer&age=14&borough=westminster&need=self-harm"
                        "&impact=a-lot")  # fmt: skip
    assert "Call Childline" in html
    assert "Helps with hurting themselves" in html
    assert "Hurting yourself" not in html


@pytest.mark.parametrize(
    ("age", "everyday_help"),
    [
        (3, "Talk to your health visitor, or to staff at the nursery or children's centre."),
        (8, "Talk to their teacher, the school's special needs coordinator (SENCO) or the "
            "school nurse."),
        (13, "Talk to their school nurse, or a teacher they trust."),
        (17, "Talk to their school nurse, or their school, college or university wellbeing "
             "team."),
    ],
)  # fmt: skip
def test_next_steps_fit_the_age_of_the_child(client, real_directory_read, age, everyday_help):
    html = results_page(client, f"who=parent-carer&age={age}&borough=westminster"
                        "&need=anxiety&impact=a-little")  # fmt: skip
    steps = html[html.index('id="next-steps"') :]
    assert everyday_help.replace("'", "&#x27;") in steps
    assert "Talk to your child&#x27;s GP" in steps


def test_a_young_person_reads_next_steps_written_to_them(client, real_directory_read):
    html = results_page(client, "who=young-person&age=16&borough=westminster&need=anxiety"
                        "&impact=a-little")  # fmt: skip
    steps = html[html.index('id="next-steps"') :]
    assert "Talk to a GP. They can listen" in steps
    assert "college or university wellbeing team you trust" in steps


# Helplines within their ages -------------------------------------------------------------------


@pytest.mark.parametrize("age", [19, 21, 25])
@pytest.mark.parametrize("need", ["self-harm", "suicidal-thoughts"])
def test_childline_is_never_offered_to_someone_over_18(client, real_directory_read, age, need):
    html = results_page(client, f"who=young-person&age={age}&borough=westminster&need={need}"
                        "&impact=a-lot")  # fmt: skip
    assert "nhsuk-card--care--emergency" in html  # urgent help is still first
    assert "Childline" not in html
    assert "0800 1111" not in html
    for line in ["Text SHOUT to 85258", "Call Samaritans: 116 123", 'href="tel:999"']:
        assert line in html


@pytest.mark.parametrize("age", [11, 15, 18])
def test_childline_is_offered_to_young_people_under_19(client, real_directory_read, age):
    html = results_page(client, f"who=young-person&age={age}&borough=westminster"
                        "&need=self-harm&impact=a-lot")  # fmt: skip
    assert "Call Childline: 0800 1111" in html


# A 19-year-old care leaver in Westminster who self-harms ---------------------------------------

CARE_LEAVER = (
    "who=young-person&age=19&borough=westminster&need=self-harm&impact=quite-a-lot"
    "&applies=looked-after-or-care-leaver"
)


def test_a_care_leaver_who_self_harms_sees_the_looked_after_childrens_team(
    client, real_directory_read
):
    html = results_page(client, CARE_LEAVER)
    assert LOOKED_AFTER_WESTMINSTER in shown_at_once(html)
    card = html[html.index(f'id="service-{LOOKED_AFTER_WESTMINSTER}"') :]
    assert "For children in care and young people leaving care, which you said applies" in card
    # Urgent help stays first, and the crisis services lead the results (H8).
    assert html.index("nhsuk-card--care--emergency") < html.index(LOOKED_AFTER_WESTMINSTER)
    ranked = slugs(CARE_LEAVER)
    assert ranked[0] == "cnwl-24-7-urgent-advice-line"


def test_the_api_gives_the_care_leaver_the_looked_after_childrens_team(client, real_directory_read):
    data = client.get(f"/api/v1/navigator?urgent=no&{CARE_LEAVER}").json()
    assert LOOKED_AFTER_WESTMINSTER in [match["slug"] for match in data["matches"]]


def test_without_the_situation_the_team_is_not_shown(real_directory_read):
    assert LOOKED_AFTER_WESTMINSTER not in slugs(CARE_LEAVER.replace("&applies=", "&x="))


# A parent asking about autism ------------------------------------------------------------------


@pytest.mark.parametrize("borough", ["westminster", "kensington-and-chelsea"])
@pytest.mark.parametrize("age", [2, 4, 7, 11, 15, 17])
@pytest.mark.parametrize("impact", ["a-little", "quite-a-lot", "a-lot"])
def test_a_parent_asking_about_autism_sees_the_autism_assessment_among_the_first_five(
    real_directory_read, borough, age, impact
):
    query = f"who=parent-carer&age={age}&borough={borough}&need=neurodiversity&impact={impact}"
    assert AUTISM_ASSESSMENT in slugs(query, 5)


@pytest.mark.parametrize(
    "other_need", ["behaviour", "anxiety", "school-stress", "low-mood", "sleep"]
)
@pytest.mark.parametrize("age", [2, 4, 9, 15])
def test_autism_with_another_worry_still_shows_the_assessment_first_five(
    real_directory_read, other_need, age
):
    # Services that touch on both needs come first; the assessment, whose whole subject is
    # autism, meets that need as fully (navigator/ranking.py, _needs_met).
    query = (
        f"who=parent-carer&age={age}&borough=westminster&need=neurodiversity&need={other_need}"
        "&impact=quite-a-lot"
    )
    assert AUTISM_ASSESSMENT in slugs(query, 5)
