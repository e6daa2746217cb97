"""Which borough a postcode is in: a full postcode from the Postcode table (the ONS Postcode
Directory, `manage.py load_postcodes`, directory/postcodes/loading.py), else its district from
the table in directory/postcodes/districts.py. Only the district (the first half of a postcode,
"W10") or the borough is ever carried forward, never the full postcode."""

import re
from dataclasses import dataclass

from directory.models import Postcode
from directory.postcodes.districts import (
    DISTRICT_BOROUGHS,
    LONDON_AREAS,
    OUTSIDE_LONDON,
    PARTLY_LONDON_AREAS,
    UK_AREAS,
)

POSTCODE = re.compile(r"^(?P<outward>[A-Z]{1,2}[0-9][0-9A-Z]?)(?:(?P<inward>[0-9][A-Z]{2}))?$")


class PostcodeNotRecognised(ValueError):
    """Not a postcode, or a London district that does not exist."""


@dataclass(frozen=True)
class District:
    code: str  # "W10"
    boroughs: tuple  # borough slugs, possibly with NOT_IN_LONDON; empty when outside London

    @property
    def in_london(self):
        return bool(self.boroughs)

    @property
    def is_split(self):
        return len(self.boroughs) > 1


def outward_code(postcode):
    """The district part of a full or partial postcode: "sw6 1aa" → "SW6"."""
    compact = re.sub(r"\s+", "", postcode or "").upper()
    match = POSTCODE.match(compact)
    if not match:
        raise PostcodeNotRecognised(postcode)
    return match["outward"]


def find_district(postcode):
    """The district for a postcode and the boroughs it covers.

    Raises PostcodeNotRecognised for text that is not a postcode or a London district that
    does not exist. A real district outside London has no boroughs.
    """
    code = outward_code(postcode)
    area = re.match(r"[A-Z]+", code).group()
    if area not in UK_AREAS:
        raise PostcodeNotRecognised(postcode)
    if code in DISTRICT_BOROUGHS:  # sub-districts (W1K, EC1A, SW1A…) are listed one by one
        return District(code, DISTRICT_BOROUGHS[code])
    if area in LONDON_AREAS:
        raise PostcodeNotRecognised(postcode)
    if area in PARTLY_LONDON_AREAS and code not in OUTSIDE_LONDON:
        raise PostcodeNotRecognised(postcode)
    return District(code, ())


def resolve_postcode(postcode):
    """The district for a postcode, decided exactly when it can be.

    A full postcode found in the Postcode table (loaded from the ONS Postcode Directory by
    `manage.py load_postcodes`) gives its one borough. Otherwise, or when the table is empty,
    the district table (districts.py) answers, and a split district means the person is asked which
    borough. Only the borough, or a split district's code, is carried forward.
    """
    code = outward_code(postcode)
    compact = re.sub(r"\s+", "", postcode or "").upper()
    if len(compact) > len(code):  # a full postcode: the inward part is there
        borough = Postcode.objects.borough_for(compact)
        if borough is not None:
            return District(code, (borough.slug,))
    return find_district(postcode)
