"""The matching engine against scenarios drawn from the source documents."""

import pytest

from navigator.matching import match_services

from .conftest import answers_for

YP = "urgent=no&who=young-person"
PARENT = "urgent=no&who=parent-carer"
PRO = "urgent=no&who=professional"
KC = "borough=kensington-and-chelsea"
WM = "borough=westminster"

# (what it is about, query, services that MUST appear, services that MUST NOT appear)


@pytest.fixture
def directory(directory_for_module, db):
    """The navigator's small directory, made once for this module: its tests only read it."""
    return directory_for_module


SCENARIOS = [
    (
        "15-year-old in K&C, anxious: local services, not other boroughs' or professionals'",
        f"{YP}&age=15&{KC}&need=anxiety&impact=quite-a-lot",
        {"kooth", "camhs", "kc-school-wellbeing", "childline", "shout"},
        {"westminster-counselling", "hf-young-minds", "schools-consultation", "draft-service"},
    ),
    (
        "15-year-old in Westminster: Westminster-only services, not K&C-only ones",
        f"{YP}&age=15&{WM}&need=anxiety&impact=quite-a-lot",
        {"kooth", "westminster-counselling"},
        {"camhs", "kc-school-wellbeing", "care-leavers", "hf-young-minds"},
    ),
    (
        "19-year-old in K&C is no longer eligible for CAMHS or Childline",
        f"{YP}&age=19&{KC}&need=low-mood&impact=a-lot",
        {"kooth", "transition", "samaritans"},
        {"camhs", "childline", "kc-school-wellbeing", "care-leavers"},
    ),
    (
        "17-year-old in K&C: the last year of CAMHS, and the transition service",
        f"{YP}&age=17&{KC}&need=low-mood&impact=a-lot",
        {"camhs", "transition", "childline", "kooth"},
        {"under-fives"},
    ),
    (
        "18-year-old: past CAMHS (0-17), still Childline (to 18)",
        f"{YP}&age=18&{KC}&need=low-mood&impact=a-lot",
        {"transition", "childline"},
        {"camhs"},
    ),
    (
        "25-year-old, the last year of young people's services",
        f"{YP}&age=25&{WM}&need=anxiety&impact=quite-a-lot",
        {"kooth", "transition", "shout"},
        {"westminster-counselling", "childline", "camhs"},
    ),
    (
        "26-year-old: no young people's service at all (adult support instead)",
        f"{YP}&age=26&{WM}&need=anxiety&impact=quite-a-lot",
        set(),
        {"kooth", "transition", "shout", "samaritans"},
    ),
    (
        "11-year-old: the first year of Kooth",
        f"{YP}&age=11&{KC}&need=anxiety&impact=a-little",
        {"kooth", "camhs", "kc-school-wellbeing"},
        {"shout", "transition"},
    ),
    (
        "10-year-old: too young for Kooth, not for CAMHS or school wellbeing",
        f"{YP}&age=10&{KC}&need=anxiety&impact=a-little",
        {"camhs", "kc-school-wellbeing", "childline"},
        {"kooth", "shout"},
    ),
    (
        "12-year-old is too young for Shout (13+)",
        f"{YP}&age=12&borough=barnet&need=anxiety&impact=a-little",
        {"childline"},
        {"shout"},
    ),
    (
        "13-year-old can text Shout",
        f"{YP}&age=13&borough=barnet&need=anxiety&impact=a-little",
        {"childline", "shout"},
        set(),
    ),
    (
        "15-year-old is too young for the 16-25 transition service",
        f"{YP}&age=15&{KC}&need=low-mood&impact=quite-a-lot",
        {"camhs", "kooth"},
        {"transition", "care-leavers"},
    ),
    (
        "16-year-old can use the transition service",
        f"{YP}&age=16&{KC}&need=low-mood&impact=quite-a-lot",
        {"transition", "camhs", "kooth"},
        set(),
    ),
    (
        "a parent of a 4-year-old: the under-5s service and parenting support",
        f"{PARENT}&age=4&{KC}&need=early-years&need=parenting&impact=quite-a-lot",
        {"under-fives", "parenting-programme"},
        {"kooth", "kc-school-wellbeing"},
    ),
    (
        "a parent of a 5-year-old: past the under-5s service",
        f"{PARENT}&age=5&{KC}&need=early-years&need=parenting&impact=quite-a-lot",
        {"parenting-programme"},
        {"under-fives"},
    ),
    (
        "a parent of a newborn (age 0) in Westminster",
        f"{PARENT}&age=0&{WM}&need=early-years&impact=a-little",
        {"under-fives"},
        {"kooth", "camhs", "westminster-counselling"},
    ),
    (
        "a health visitor for a baby (age 0) sees the under-5s service",
        f"{PRO}&age=0&{KC}&need=early-years&impact=a-little",
        {"under-fives"},
        {"kooth"},
    ),
    (
        "a young person does not see services only for parents",
        f"{YP}&age=3&{KC}&need=early-years&impact=a-little",
        set(),
        {"under-fives"},
    ),
    (
        "a 19-year-old care leaver with trauma: the care leavers' service",
        f"{YP}&age=19&{KC}&need=trauma&impact=quite-a-lot&applies=looked-after-or-care-leaver",
        {"care-leavers"},
        {"camhs", "childline", "westminster-counselling"},
    ),
    (
        "a 19-year-old with trauma who did not say they are a care leaver",
        f"{YP}&age=19&{KC}&need=trauma&impact=quite-a-lot",
        set(),
        {"care-leavers"},
    ),
    (
        "Hammersmith and Fulham: its own service and national ones, not bi-borough ones",
        f"{YP}&age=15&borough=hammersmith-and-fulham&need=anxiety&impact=a-little",
        {"hf-young-minds", "childline", "shout"},
        {"kooth", "camhs", "westminster-counselling"},
    ),
    (
        "a borough with no local services: national services only",
        f"{YP}&age=15&borough=barnet&need=anxiety&impact=quite-a-lot",
        {"childline", "shout"},
        {"kooth", "camhs", "hf-young-minds"},
    ),
    (
        "not in London: national services only",
        f"{YP}&age=20&borough=unknown&need=eating-difficulties&impact=a-little",
        {"beat"},
        {"kooth", "transition"},
    ),
    (
        "self-harm in K&C: crisis services as well as local ones",
        f"{YP}&age=15&{KC}&need=self-harm&impact=a-little",
        {"childline", "shout", "samaritans", "kooth", "camhs"},
        {"draft-service", "kc-school-wellbeing"},
    ),
    (
        "suicidal thoughts at 20 in Westminster: crisis services that take adults",
        f"{YP}&age=20&{WM}&need=suicidal-thoughts&impact=a-lot",
        {"shout", "samaritans"},
        {"childline", "westminster-counselling"},
    ),
    (
        "a professional sees services only for professionals",
        f"{PRO}&age=12&{KC}&need=anxiety&impact=a-little",
        {"schools-consultation", "kooth", "camhs"},
        {"westminster-counselling"},
    ),
    (
        "a parent sees parenting support for behaviour",
        f"{PARENT}&age=12&{WM}&need=behaviour&impact=quite-a-lot",
        {"parenting-programme"},
        {"schools-consultation"},
    ),
    (
        "a young person asking about behaviour is not sent to parents' services",
        f"{YP}&age=12&{WM}&need=behaviour&impact=quite-a-lot",
        set(),
        {"parenting-programme", "schools-consultation"},
    ),
    (
        "free only: paid services are left out",
        f"{YP}&age=20&{WM}&need=anxiety&impact=quite-a-lot&free=1",
        {"kooth", "transition"},
        {"private-therapy"},
    ),
    (
        "without free only: paid services are shown",
        f"{YP}&age=20&{WM}&need=anxiety&impact=quite-a-lot",
        {"kooth", "private-therapy"},
        set(),
    ),
    (
        "not sure what it is about: everything eligible, nothing ineligible",
        f"{YP}&age=15&{KC}&need=not-sure&impact=quite-a-lot",
        {"kooth", "camhs", "kc-school-wellbeing", "childline", "beat"},
        {"westminster-counselling", "under-fives", "transition", "draft-service"},
    ),
]


@pytest.mark.parametrize(
    ("query", "must", "must_not"),
    [pytest.param(q, must, must_not, id=name) for name, q, must, must_not in SCENARIOS],
)
def test_scenario(directory, query, must, must_not):
    results = match_services(answers_for(query))
    shown = {match.service.slug for match in results.matches}
    assert must <= shown, f"missing {must - shown}"
    assert not (must_not & shown), f"should not show {must_not & shown}"
    assert "draft-service" not in shown


def test_scenarios_cover_enough_cases():
    assert len(SCENARIOS) >= 25


def slugs(results):
    return [match.service.slug for match in results.matches]


def test_crisis_needs_put_crisis_services_first_whatever_the_impact(directory):
    for impact in ("a-little", "quite-a-lot", "a-lot"):
        results = match_services(answers_for(f"{YP}&age=15&{KC}&need=self-harm&impact={impact}"))
        assert results.urgent_help_shown
        assert set(slugs(results)[:3]) == {"childline", "samaritans", "shout"}
        assert results.groups[0].category.slug == "getting-risk-support"


def test_urgent_help_not_shown_without_crisis_needs(directory):
    results = match_services(answers_for(f"{YP}&age=15&{KC}&need=anxiety&impact=a-lot"))
    assert not results.urgent_help_shown


def test_need_overlap_ranks_first(directory):
    results = match_services(
        answers_for(f"{YP}&age=15&{KC}&need=anxiety&need=low-mood&need=self-harm&impact=a-lot")
    )
    # Crisis services first (self-harm), then the services that help with all three needs.
    order = slugs(results)
    assert order.index("kooth") < order.index("kc-school-wellbeing")
    assert order.index("camhs") < order.index("kc-school-wellbeing")


def test_impact_decides_between_equally_good_services(directory):
    a_lot = slugs(
        match_services(answers_for(f"{YP}&age=15&{KC}&need=eating-difficulties&impact=a-lot"))
    )
    assert a_lot[0] == "camhs"  # Getting More Help
    a_little = slugs(
        match_services(answers_for(f"{YP}&age=15&{KC}&need=eating-difficulties&impact=a-little"))
    )
    assert a_little[0] == "beat"  # Getting Advice


def test_local_before_national_when_otherwise_equal(directory, db):
    results = match_services(answers_for(f"{YP}&age=15&{WM}&need=anxiety&impact=a-little"))
    order = slugs(results)
    assert order.index("kooth") < order.index("childline")


def test_preferences_change_the_order_not_who_is_shown(directory):
    base = f"{YP}&age=15&{WM}&need=anxiety&need=low-mood&impact=quite-a-lot"
    plain = slugs(match_services(answers_for(base)))
    by_phone = slugs(match_services(answers_for(base + "&delivery=phone")))
    by_text = slugs(match_services(answers_for(base + "&delivery=text")))
    assert set(plain) == set(by_phone) == set(by_text)
    assert by_phone.index("westminster-counselling") < by_phone.index("kooth")
    assert plain.index("kooth") < plain.index("westminster-counselling")
    assert by_text.index("shout") < plain.index("shout")


def test_results_are_deterministic(directory):
    query = f"{YP}&age=15&{KC}&need=not-sure&impact=quite-a-lot"
    assert slugs(match_services(answers_for(query))) == slugs(match_services(answers_for(query)))


def test_ranks_count_from_one(directory):
    results = match_services(answers_for(f"{YP}&age=15&{KC}&need=anxiety&impact=a-little"))
    assert [match.rank for match in results.matches] == list(range(1, results.count + 1))


def test_reasons_are_in_plain_words(directory):
    results = match_services(answers_for(f"{YP}&age=15&{WM}&need=anxiety&impact=quite-a-lot"))
    kooth = next(m for m in results.matches if m.service.slug == "kooth")
    assert "You can contact them yourself" in kooth.reasons
    assert "For 11 to 25 year olds in Westminster" in kooth.reasons
    assert "Helps with feeling anxious or worried" in kooth.reasons
    assert "Free" in kooth.reasons
    shout = next(m for m in results.matches if m.service.slug == "shout")
    assert "For 13 to 25 year olds anywhere in England" in shout.reasons


def test_how_to_get_in_puts_self_referral_first_for_young_people(directory):
    results = match_services(answers_for(f"{YP}&age=15&{KC}&need=anxiety&impact=a-lot"))
    by_slug = {m.service.slug: m for m in results.matches}
    assert by_slug["kooth"].how_to_get_in.startswith("Contact them yourself")
    assert by_slug["camhs"].how_to_get_in == "Ask your GP or school to refer you"
    assert by_slug["kc-school-wellbeing"].how_to_get_in == "Ask your school to refer you"


def test_how_to_get_in_for_parents_and_professionals(directory):
    parent = match_services(answers_for(f"{PARENT}&age=15&{KC}&need=anxiety&impact=a-lot"))
    camhs = next(m for m in parent.matches if m.service.slug == "camhs")
    assert camhs.how_to_get_in == "Ask your child's GP or school to refer them"
    pro = match_services(answers_for(f"{PRO}&age=15&{KC}&need=anxiety&impact=a-lot"))
    camhs = next(m for m in pro.matches if m.service.slug == "camhs")
    assert camhs.how_to_get_in == "Referrals from GPs and schools."


def test_matches_are_grouped_by_their_best_fitting_thrive_category(directory):
    results = match_services(answers_for(f"{YP}&age=15&{KC}&need=anxiety&impact=a-little"))
    groups = {
        group.category.slug: {m.service.slug for m in group.matches} for group in results.groups
    }
    assert "kooth" in groups["getting-advice"]  # it is Advice and Help; a little -> Advice
    assert "camhs" in groups["getting-more-help"]


def test_never_empty_falls_back_to_national_services_and_next_steps(directory):
    # Nothing helps with sleep at all: national services for the age, and what to do next.
    results = match_services(answers_for(f"{YP}&age=15&borough=barnet&need=sleep&impact=a-lot"))
    assert results.nothing_local
    assert {"childline", "shout", "samaritans", "beat"} <= set(slugs(results))
    assert any("GP" in step for step in results.next_steps)
    assert any("NHS 111" in step for step in results.next_steps)
    assert any("school nurse" in step for step in results.next_steps)


def test_local_services_mean_something_local_was_found(directory):
    results = match_services(answers_for(f"{YP}&age=15&{KC}&need=anxiety&impact=a-little"))
    assert not results.nothing_local


def test_over_25_gets_adult_next_steps(directory):
    results = match_services(answers_for(f"{YP}&age=30&{WM}&need=anxiety&impact=a-lot"))
    assert results.count == 0
    assert any("Talking Therapies" in step for step in results.next_steps)
