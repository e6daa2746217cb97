"""A small directory mirroring the real one, built for the navigator's scenarios."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict

from directory.models import Service
from navigator.forms import ResultsForm
from tests.conftest import for_module
from tests.factories import make_service

BI_BOROUGH = ("kensington-and-chelsea", "westminster")


@pytest.fixture
def directory(db):
    """Slug -> service. Ages, boroughs and routes follow the real services they are named for."""
    return make_directory()


def make_directory():
    services = [
        make_service(
            slug="kooth",
            name="Kooth",
            min_age=11,
            max_age=25,
            borough=BI_BOROUGH,
            need=("anxiety", "low-mood", "self-harm"),
            thrive=("getting-advice", "getting-help"),
            referral=("self",),
            delivery=("online",),
        ),
        make_service(
            slug="camhs",
            name="CAMHS Kensington and Chelsea",
            min_age=0,
            max_age=17,
            borough=("kensington-and-chelsea",),
            need=("anxiety", "low-mood", "self-harm", "eating-difficulties", "neurodiversity"),
            thrive=("getting-more-help",),
            audience=("young-people", "parents-carers"),
            referral=("gp", "school"),
            delivery=("in-person",),
            phone="020 8964 7700",
        ),
        make_service(
            slug="transition",
            name="Young Adults Transition Service",
            min_age=16,
            max_age=25,
            borough=BI_BOROUGH,
            need=("anxiety", "low-mood"),
            referral=("self", "gp"),
            delivery=("in-person",),
        ),
        make_service(
            slug="under-fives",
            name="Under Fives Wellbeing",
            min_age=0,
            max_age=4,
            borough=BI_BOROUGH,
            need=("early-years", "parenting"),
            audience=("parents-carers",),
            referral=("self", "parent-carer", "professional"),
        ),
        make_service(
            slug="westminster-counselling",
            name="Westminster Youth Counselling",
            min_age=11,
            max_age=18,
            borough=("westminster",),
            need=("anxiety", "low-mood"),
            referral=("self",),
            delivery=("in-person", "phone"),
        ),
        make_service(
            slug="kc-school-wellbeing",
            name="K&C School Wellbeing",
            min_age=5,
            max_age=18,
            borough=("kensington-and-chelsea",),
            need=("anxiety", "school-stress"),
            thrive=("getting-advice",),
            referral=("school",),
            delivery=("in-school",),
        ),
        make_service(
            slug="care-leavers",
            name="Care Leavers Emotional Wellbeing",
            min_age=16,
            max_age=25,
            borough=("kensington-and-chelsea",),
            need=("anxiety", "low-mood", "trauma"),
            referral=("self", "professional"),
            eligibility=("looked-after-or-care-leaver",),
            eligibility_note="For young people in care or leaving care.",
        ),
        make_service(
            slug="childline",
            name="Childline",
            min_age=0,
            max_age=18,
            is_national=True,
            is_crisis=True,
            need=("self-harm", "suicidal-thoughts", "anxiety", "low-mood"),
            thrive=("getting-advice", "getting-risk-support"),
            delivery=("phone", "online"),
            phone="0800 1111",
        ),
        make_service(
            slug="shout",
            name="Shout",
            min_age=13,
            max_age=25,
            is_national=True,
            is_crisis=True,
            need=("self-harm", "suicidal-thoughts", "anxiety"),
            thrive=("getting-risk-support",),
            delivery=("text",),
            sms_number="85258",
            sms_keyword="SHOUT",
        ),
        make_service(
            slug="samaritans",
            name="Samaritans",
            min_age=0,
            max_age=25,
            is_national=True,
            is_crisis=True,
            need=("suicidal-thoughts", "low-mood"),
            thrive=("getting-risk-support",),
            delivery=("phone",),
            phone="116 123",
        ),
        make_service(
            slug="beat",
            name="Beat Youthline",
            min_age=11,
            max_age=25,
            is_national=True,
            need=("eating-difficulties",),
            thrive=("getting-advice",),
            delivery=("online", "phone"),
        ),
        make_service(
            slug="parenting-programme",
            name="Parenting Programme",
            min_age=0,
            max_age=18,
            borough=BI_BOROUGH,
            need=("parenting", "behaviour", "family-relationships"),
            thrive=("getting-advice",),
            audience=("parents-carers",),
            referral=("parent-carer",),
        ),
        make_service(
            slug="schools-consultation",
            name="Schools Consultation Line",
            min_age=0,
            max_age=18,
            borough=BI_BOROUGH,
            need=("anxiety", "low-mood", "behaviour"),
            thrive=("getting-advice",),
            audience=("professionals",),
            referral=("professional",),
        ),
        make_service(
            slug="private-therapy",
            name="Private Therapy Network",
            min_age=11,
            max_age=25,
            borough=("westminster",),
            need=("anxiety",),
            cost=Service.Cost.PAID,
            delivery=("online",),
        ),
        make_service(
            slug="hf-young-minds",
            name="H&F Young Minds",
            borough=("hammersmith-and-fulham",),
            need=("anxiety",),
        ),
        make_service(
            slug="draft-service",
            name="Draft Service",
            borough=BI_BOROUGH,
            need=("anxiety", "low-mood", "self-harm"),
            status=Service.Status.DRAFT,
        ),
    ]
    return {service.slug: service for service in services}


directory_for_module = for_module("directory_for_module", make_directory)


@pytest.fixture
def westminster(db):
    """Slug -> service: a small Westminster like the real one, where the services that came
    first for the wrong people (Family Hubs, a drug service and a healthy-weight programme
    for an anxious teenager) also come first by name."""
    services = [
        make_service(
            slug="family-hubs",
            name="Family Hubs",
            min_age=0,
            max_age=19,
            borough=("westminster",),
            need=("parenting", "family-relationships", "early-years", "behaviour", "anxiety"),
            thrive=("thriving", "getting-advice", "getting-help"),
            audience=("parents-carers", "young-people", "professionals"),
            referral=("self", "parent-carer"),
        ),
        make_service(
            slug="insight",
            name="Insight drug and alcohol service",
            min_age=13,
            max_age=25,
            borough=("westminster",),
            need=("drugs-and-alcohol", "anxiety", "low-mood", "trauma"),
            thrive=("getting-advice", "getting-help"),
            audience=("young-people", "parents-carers", "professionals"),
            referral=("self",),
        ),
        make_service(
            slug="change4life",
            name="A healthy weight programme",
            min_age=0,
            max_age=18,
            borough=("westminster",),
            need=("body-image", "parenting"),
            thrive=("thriving", "getting-advice"),
            audience=("young-people", "parents-carers"),
            referral=("self",),
        ),
        make_service(
            slug="kooth",
            name="Kooth",
            min_age=11,
            max_age=25,
            borough=("westminster",),
            need=("anxiety", "low-mood", "self-harm", "school-stress", "body-image"),
            thrive=("getting-advice", "getting-help"),
            referral=("self",),
        ),
        make_service(
            slug="the-mix",
            name="The Mix",
            min_age=13,
            max_age=25,
            is_national=True,
            need=("anxiety", "low-mood", "family-relationships", "gender-and-sexuality"),
            thrive=("getting-advice",),
            referral=("self",),
        ),
        make_service(
            slug="childline",
            name="Childline",
            min_age=0,
            max_age=18,
            is_national=True,
            is_crisis=True,
            need=("anxiety", "low-mood", "self-harm", "family-relationships", "bereavement"),
            thrive=("getting-advice", "getting-risk-support"),
            referral=("self",),
        ),
        make_service(
            slug="under-fives",
            name="CAMHS under-5s",
            min_age=0,
            max_age=4,
            borough=("westminster",),
            need=("early-years", "parenting", "behaviour"),
            audience=("parents-carers", "professionals"),
            referral=("gp", "professional"),
        ),
        make_service(
            slug="health-visiting",
            name="Health visiting",
            min_age=0,
            max_age=4,
            borough=("westminster",),
            need=("early-years", "parenting", "sleep"),
            thrive=("thriving", "getting-advice"),
            audience=("parents-carers",),
            referral=("self", "gp"),
        ),
        make_service(
            slug="behaviour-team",
            name="Behaviour support team",
            min_age=0,
            max_age=18,
            borough=("westminster",),
            need=("behaviour", "school-stress"),
            audience=("parents-carers", "professionals"),
            referral=("self",),
        ),
    ]
    return {service.slug: service for service in services}


def answers_for(query):
    """Parse a query string the way the results page and the API do."""
    form = ResultsForm(QueryDict(query))
    assert form.is_valid(), form.errors
    return form.to_answers()


def plain(url):
    """A navigator URL with its answers token opened: "/help/who/?urgent=no". The addresses the
    navigator makes carry the answers sealed (navigator/tokens.py); tests read them plainly."""
    from urllib.parse import parse_qsl, urlsplit

    from navigator.answers import TOKEN
    from navigator.tokens import unseal

    parts = urlsplit(url)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    opened = []
    for name, value in pairs:
        if name == TOKEN:
            sealed = unseal(value)
            assert sealed is not None, f"not a token of ours: {value[:20]}…"
            opened.append(sealed)
        else:
            opened.append(urlencode([(name, value)]))
    query = "&".join(part for part in opened if part)
    return f"{parts.path}?{query}" if query else parts.path
