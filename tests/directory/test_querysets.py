import datetime

import pytest

from directory.models import Borough, Service
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def names(queryset):
    return sorted(queryset.values_list("name", flat=True))


@pytest.fixture
def age_ranges():
    make_service(name="Under fives", min_age=0, max_age=4)
    make_service(name="Primary", min_age=5, max_age=10)
    make_service(name="CAMHS", min_age=0, max_age=17)
    make_service(name="Transitions", min_age=18, max_age=25)
    make_service(name="Everyone", min_age=0, max_age=25)


@pytest.mark.parametrize(
    ("age", "expected"),
    [
        (0, ["CAMHS", "Everyone", "Under fives"]),
        (4, ["CAMHS", "Everyone", "Under fives"]),
        (5, ["CAMHS", "Everyone", "Primary"]),
        (17, ["CAMHS", "Everyone"]),
        (18, ["Everyone", "Transitions"]),
        (25, ["Everyone", "Transitions"]),
        (26, []),
    ],
)
def test_for_age_includes_both_ends_of_a_range(age_ranges, age, expected):
    assert names(Service.objects.for_age(age)) == expected


def test_for_age_range_matches_overlapping_services(age_ranges):
    assert names(Service.objects.for_age_range(16, 17)) == ["CAMHS", "Everyone"]
    assert names(Service.objects.for_age_range(4, 5)) == [
        "CAMHS",
        "Everyone",
        "Primary",
        "Under fives",
    ]


def test_published_hides_drafts_and_archived_services():
    make_service(name="Live")
    make_service(name="Draft", status=Service.Status.DRAFT)
    make_service(name="Old", status=Service.Status.ARCHIVED)
    assert names(Service.objects.published()) == ["Live"]
    assert names(Service.objects.drafts()) == ["Draft"]
    assert names(Service.objects.archived()) == ["Old"]


@pytest.fixture
def boroughs():
    make_service(name="Westminster only", borough=["westminster"])
    make_service(name="Bi-borough", borough=["westminster", "kensington-and-chelsea"])
    make_service(name="H&F only", borough=["hammersmith-and-fulham"])
    make_service(name="Childline", is_national=True)


def test_in_borough_includes_local_and_national_services(boroughs):
    assert names(Service.objects.in_borough("westminster")) == [
        "Bi-borough",
        "Childline",
        "Westminster only",
    ]
    assert names(Service.objects.in_borough("hammersmith-and-fulham")) == ["Childline", "H&F only"]


def test_in_borough_accepts_borough_rows_and_never_duplicates(boroughs):
    both = Borough.objects.filter(slug__in=["westminster", "kensington-and-chelsea"])
    result = Service.objects.in_borough(*both)
    assert result.count() == 3
    assert names(result) == ["Bi-borough", "Childline", "Westminster only"]


def test_a_borough_with_no_local_services_still_gets_national_ones(boroughs):
    assert names(Service.objects.in_borough("bromley")) == ["Childline"]


def test_local_to_excludes_national_services(boroughs):
    assert names(Service.objects.local_to("westminster")) == ["Bi-borough", "Westminster only"]
    assert names(Service.objects.national()) == ["Childline"]


def test_in_thrive_matches_any_of_the_categories():
    make_service(name="Advice", thrive=["getting-advice"])
    make_service(name="Both", thrive=["getting-advice", "getting-help"])
    make_service(name="Specialist", thrive=["getting-more-help"])
    assert names(Service.objects.in_thrive("getting-advice")) == ["Advice", "Both"]
    assert names(Service.objects.in_thrive("getting-help", "getting-more-help")) == [
        "Both",
        "Specialist",
    ]
    assert Service.objects.in_thrive("getting-advice", "getting-help").count() == 2


def test_with_needs_matches_any_need_without_duplicates():
    make_service(name="Anxiety", need=["anxiety"])
    make_service(name="Mood and anxiety", need=["anxiety", "low-mood"])
    make_service(name="Eating", need=["eating-difficulties"])
    result = Service.objects.with_needs("anxiety", "low-mood")
    assert names(result) == ["Anxiety", "Mood and anxiety"]
    assert result.count() == 2
    assert names(Service.objects.with_needs()) == []


def test_for_audience_referral_delivery_free_and_crisis():
    make_service(
        name="Parents line",
        audience=["parents-carers"],
        referral=["self"],
        delivery=["phone"],
        cost=Service.Cost.FREE,
    )
    make_service(
        name="CAMHS",
        audience=["young-people", "professionals"],
        referral=["gp", "school"],
        delivery=["in-person"],
        is_crisis=False,
    )
    make_service(
        name="Private therapy", referral=["self"], delivery=["online"], cost=Service.Cost.PAID
    )
    make_service(name="Crisis line", is_crisis=True, delivery=["phone", "text"])
    assert names(Service.objects.for_audience("parents-carers")) == ["Parents line"]
    assert names(Service.objects.with_referral_route("gp")) == ["CAMHS"]
    assert names(Service.objects.self_referral()) == [
        "Crisis line",
        "Parents line",
        "Private therapy",
    ]
    assert names(Service.objects.with_delivery("phone")) == ["Crisis line", "Parents line"]
    assert names(Service.objects.free()) == ["CAMHS", "Crisis line", "Parents line"]
    assert names(Service.objects.crisis()) == ["Crisis line"]


def test_methods_chain_like_prose():
    make_service(name="Fits", borough=["westminster"], need=["anxiety"], min_age=11, max_age=25)
    make_service(name="Too young", borough=["westminster"], need=["anxiety"], max_age=10, min_age=5)
    make_service(name="Elsewhere", borough=["bromley"], need=["anxiety"], min_age=11, max_age=25)
    make_service(name="Draft", borough=["westminster"], need=["anxiety"], status="draft")
    result = Service.objects.published().for_age(15).in_borough("westminster").with_needs("anxiety")
    assert names(result) == ["Fits"]


def test_due_for_review_12_months_after_confirmation_or_now_if_never_confirmed():
    today = datetime.date(2026, 11, 22)
    confirmed = {"confirmed_by": "Wendy"}
    make_service(name="Fresh", confirmed_on=datetime.date(2026, 1, 1), **confirmed)
    make_service(name="Exactly a year", confirmed_on=datetime.date(2025, 11, 22), **confirmed)
    make_service(name="Stale", confirmed_on=datetime.date(2024, 6, 1), **confirmed)
    make_service(name="Never", confirmed_on=None, source_date=datetime.date(2026, 11, 1))
    assert names(Service.objects.due_for_review(today)) == ["Exactly a year", "Never", "Stale"]
