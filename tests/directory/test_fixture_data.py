"""Checks over the real dataset in fixtures/: what a family or GP would be given must work."""

import pytest

from directory.models import Service
from directory.phone import is_valid_uk_phone

pytestmark = pytest.mark.django_db


@pytest.fixture
def published(real_directory):
    return list(Service.objects.published().with_detail_data())


def test_there_are_at_least_45_published_services(published):
    assert len(published) >= 45


def test_every_published_service_has_a_way_to_get_in_touch(published):
    assert [s.slug for s in published if not s.has_contact] == []


def test_every_published_service_has_a_thrive_category_and_an_audience(published):
    assert [s.slug for s in published if not s.thrive_categories.all()] == []
    assert [s.slug for s in published if not s.audiences.all()] == []


def test_every_published_service_is_for_ages_within_0_to_25(published):
    assert [s.slug for s in published if not 0 <= s.min_age <= s.max_age <= 25] == []


def test_every_phone_and_text_number_is_a_valid_uk_number(published):
    bad = [
        (s.slug, number)
        for s in published
        for number in (s.phone, s.sms_number)
        if number and not is_valid_uk_phone(number)
    ]
    assert bad == []


def test_every_service_is_local_somewhere_or_national(published):
    assert [s.slug for s in published if not s.is_national and not s.boroughs.all()] == []


@pytest.mark.parametrize(
    "name",
    ["Childline", "Shout", "Samaritans", "HOPELINE", "YoungMinds", "111", "Beat"],
)
def test_the_national_lines_young_people_are_signposted_to_are_there(published, name):
    matches = [s for s in published if name.lower() in s.name.lower() and s.is_national]
    assert matches, f"no national service named like {name!r}"


def test_the_24_7_urgent_advice_line_has_the_corrected_number(published):
    # The plan prints "0800 023 465", a digit short; CNWL's line is 0800 023 4650.
    phones = {s.phone.replace(" ", "") for s in published}
    assert "08000234650" in phones
    assert "0800023465" not in phones


def test_crisis_services_are_marked_and_reachable_by_phone_or_text(published):
    crisis = [s for s in published if s.is_crisis]
    assert len(crisis) >= 5
    assert [s.slug for s in crisis if not (s.phone or s.sms_number)] == []


def test_kooth_is_there_for_the_bi_borough(published):
    kooth = [s for s in published if s.name.lower().startswith("kooth")]
    assert kooth
    boroughs = {b.slug for s in kooth for b in s.boroughs.all()}
    assert {"kensington-and-chelsea", "westminster"} <= boroughs
