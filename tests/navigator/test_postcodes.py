import pytest

from directory.postcodes.districts import DISTRICT_BOROUGHS, NOT_IN_LONDON
from directory.postcodes.lookup import PostcodeNotRecognised, find_district
from pages.london import BOROUGH_NAMES


@pytest.mark.parametrize(
    ("postcode", "boroughs"),
    [
        ("W10", ("kensington-and-chelsea", "westminster", "hammersmith-and-fulham", "brent")),
        ("w10 5xy", ("kensington-and-chelsea", "westminster", "hammersmith-and-fulham", "brent")),
        ("SW6 1AA", ("hammersmith-and-fulham",)),
        ("sw61aa", ("hammersmith-and-fulham",)),
        ("W9", ("westminster",)),
        ("SW3 4AA", ("kensington-and-chelsea",)),
        ("W1K 7AA", ("westminster",)),  # a sub-district of W1
        ("EC4M 7AA", ("city-of-london",)),
        ("BR2", ("bromley",)),
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


# Every district the Kensington and Chelsea boundary crosses (docs/postcodes.md): the
# Bi-Borough's families must be asked, or they are shown the wrong council's services.
@pytest.mark.parametrize(
    ("district", "boroughs"),
    [
        ("W10", {"kensington-and-chelsea", "westminster", "hammersmith-and-fulham"}),
        ("W11", {"kensington-and-chelsea", "hammersmith-and-fulham"}),
        ("W14", {"kensington-and-chelsea", "hammersmith-and-fulham"}),
        ("SW5", {"kensington-and-chelsea", "hammersmith-and-fulham"}),
        ("SW10", {"kensington-and-chelsea", "hammersmith-and-fulham"}),  # Chelsea Harbour
        ("W2", {"kensington-and-chelsea", "westminster"}),
        ("SW7", {"kensington-and-chelsea", "westminster"}),
        ("SW1X", {"kensington-and-chelsea", "westminster"}),
        ("SW1W", {"kensington-and-chelsea", "westminster"}),
        ("NW6", {"westminster", "camden", "brent"}),
        ("NW8", {"westminster", "camden"}),
        ("W1T", {"westminster", "camden"}),
        ("W1W", {"westminster", "camden"}),
        ("WC2A", {"westminster", "camden", "city-of-london"}),
    ],
)
def test_districts_crossing_a_bi_borough_boundary_ask_which(district, boroughs):
    found = find_district(district)
    assert found.is_split
    assert boroughs <= set(found.boroughs)


@pytest.mark.parametrize(
    ("district", "boroughs"),
    [
        ("EC1Y", {"islington", "city-of-london"}),  # the Golden Lane Estate
        ("EC2A", {"hackney", "city-of-london", "islington"}),  # Finsbury Square
        ("E1", {"tower-hamlets", "city-of-london", "hackney"}),  # Middlesex Street Estate
        ("E20", {"newham", "hackney", "tower-hamlets", "waltham-forest"}),  # Olympic Park
        ("BR1", {"bromley", "lewisham"}),  # the Downham estate
        ("DA5", {"bexley", NOT_IN_LONDON}),  # Joydens Wood is in Kent
        ("TW16", {"hounslow", NOT_IN_LONDON}),
    ],
)
def test_other_districts_crossing_a_boundary_ask_which(district, boroughs):
    assert set(find_district(district).boroughs) == boroughs


def test_districts_named_for_one_borough_are_listed_once():
    for district, boroughs in DISTRICT_BOROUGHS.items():
        assert len(set(boroughs)) == len(boroughs), district
