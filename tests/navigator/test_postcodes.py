import pytest

from directory.london import BOROUGH_NAMES
from navigator.postcodes import (
    DISTRICT_BOROUGHS,
    NOT_IN_LONDON,
    PostcodeNotRecognised,
    find_district,
)


@pytest.mark.parametrize(
    ("postcode", "boroughs"),
    [
        ("W10", ("kensington-and-chelsea", "westminster")),
        ("w10 5xy", ("kensington-and-chelsea", "westminster")),
        ("SW6 1AA", ("hammersmith-and-fulham",)),
        ("sw61aa", ("hammersmith-and-fulham",)),
        ("W9", ("westminster",)),
        ("SW3 4AA", ("kensington-and-chelsea",)),
        ("W1K 7AA", ("westminster",)),  # a sub-district of W1
        ("EC4M 7AA", ("city-of-london",)),
        ("BR1", ("bromley",)),
        ("TN16 3AA", (NOT_IN_LONDON, "bromley")),  # Biggin Hill is in Bromley
        ("UB8", ("hillingdon",)),
    ],
)
def test_london_districts_resolve_to_their_boroughs(postcode, boroughs):
    assert find_district(postcode).boroughs == boroughs


@pytest.mark.parametrize("postcode", ["M1 1AA", "B1", "KT22", "DA11 0AA", "WD6", "EN6"])
def test_real_districts_outside_london_have_no_borough(postcode):
    district = find_district(postcode)
    assert not district.in_london


@pytest.mark.parametrize("postcode", ["", "hello", "W", "1W1", "E99", "ZZ1 1AA", "SW1A 1", "W1O"])
def test_things_that_are_not_postcodes_are_rejected(postcode):
    with pytest.raises(PostcodeNotRecognised):
        find_district(postcode)


def test_every_listed_borough_is_a_london_borough():
    for district, boroughs in DISTRICT_BOROUGHS.items():
        assert boroughs, district
        for slug in boroughs:
            assert slug == NOT_IN_LONDON or slug in BOROUGH_NAMES, (district, slug)


def test_every_borough_has_a_district():
    covered = {slug for boroughs in DISTRICT_BOROUGHS.values() for slug in boroughs}
    assert set(BOROUGH_NAMES) <= covered
