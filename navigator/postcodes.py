"""London postcode districts and the boroughs they fall in.

Only the district (the first half of a postcode, "W10") is ever used or carried forward, never
the full postcode. Postcode districts do not follow borough boundaries: where a district is
split between boroughs all of them are listed (the one with most of the district first) and the
person is asked which; NOT_IN_LONDON in a list means part of the district lies outside London.

This table is the fallback. Where a deployer has loaded the ONS Postcode Directory
(`manage.py load_postcodes FILE`), a full postcode is resolved exactly from it
(`resolve_postcode`); a district is only used when the person gives no more, or the postcode is
not in the file. The table was written from knowledge of London's borough boundaries and
postcode districts, not from ONS data: docs/postcodes.md says how each split was established
and how sure it is. When in doubt a district is marked split, because an extra question costs
a click and a wrong borough costs the wrong local services and the wrong 24/7 line (hazard H13).
"""

import re
from dataclasses import dataclass

from directory.facts import BoroughSlug

NOT_IN_LONDON = "unknown"  # the borough answer for "I don't know / not in London"

BD = BoroughSlug.BARKING_AND_DAGENHAM
BARNET = BoroughSlug.BARNET
BEXLEY = BoroughSlug.BEXLEY
BRENT = BoroughSlug.BRENT
BROMLEY = BoroughSlug.BROMLEY
CAMDEN = BoroughSlug.CAMDEN
CITY = BoroughSlug.CITY_OF_LONDON
CROYDON = BoroughSlug.CROYDON
EALING = BoroughSlug.EALING
ENFIELD = BoroughSlug.ENFIELD
GREENWICH = BoroughSlug.GREENWICH
HACKNEY = BoroughSlug.HACKNEY
HF = BoroughSlug.HAMMERSMITH_AND_FULHAM
HARINGEY = BoroughSlug.HARINGEY
HARROW = BoroughSlug.HARROW
HAVERING = BoroughSlug.HAVERING
HILLINGDON = BoroughSlug.HILLINGDON
HOUNSLOW = BoroughSlug.HOUNSLOW
ISLINGTON = BoroughSlug.ISLINGTON
KC = BoroughSlug.KENSINGTON_AND_CHELSEA
KINGSTON = BoroughSlug.KINGSTON_UPON_THAMES
LAMBETH = BoroughSlug.LAMBETH
LEWISHAM = BoroughSlug.LEWISHAM
MERTON = BoroughSlug.MERTON
NEWHAM = BoroughSlug.NEWHAM
REDBRIDGE = BoroughSlug.REDBRIDGE
RICHMOND = BoroughSlug.RICHMOND_UPON_THAMES
SOUTHWARK = BoroughSlug.SOUTHWARK
SUTTON = BoroughSlug.SUTTON
TOWER_HAMLETS = BoroughSlug.TOWER_HAMLETS
WALTHAM_FOREST = BoroughSlug.WALTHAM_FOREST
WANDSWORTH = BoroughSlug.WANDSWORTH
WESTMINSTER = BoroughSlug.WESTMINSTER

DISTRICT_BOROUGHS = {
    # East
    "E1": (TOWER_HAMLETS, CITY, HACKNEY),
    "E1W": (TOWER_HAMLETS,),
    "E2": (TOWER_HAMLETS, HACKNEY),
    "E3": (TOWER_HAMLETS, NEWHAM),
    "E4": (WALTHAM_FOREST, NOT_IN_LONDON),
    "E5": (HACKNEY,),
    "E6": (NEWHAM,),
    "E7": (NEWHAM,),
    "E8": (HACKNEY,),
    "E9": (HACKNEY, TOWER_HAMLETS),
    "E10": (WALTHAM_FOREST,),
    "E11": (WALTHAM_FOREST, REDBRIDGE),
    "E12": (NEWHAM, REDBRIDGE),
    "E13": (NEWHAM,),
    "E14": (TOWER_HAMLETS,),
    "E15": (NEWHAM, WALTHAM_FOREST),
    "E16": (NEWHAM,),
    "E17": (WALTHAM_FOREST,),
    "E18": (REDBRIDGE,),
    "E20": (NEWHAM, HACKNEY, TOWER_HAMLETS, WALTHAM_FOREST),
    # East Central
    "EC1": (ISLINGTON, CITY, CAMDEN),
    "EC1A": (CITY, ISLINGTON),
    "EC1M": (ISLINGTON, CITY),
    "EC1N": (CAMDEN, CITY),
    "EC1R": (ISLINGTON, CAMDEN),
    "EC1V": (ISLINGTON, HACKNEY),
    "EC1Y": (ISLINGTON, CITY),
    "EC2": (CITY, HACKNEY),
    "EC2A": (HACKNEY, CITY, ISLINGTON),
    "EC2M": (CITY,),
    "EC2N": (CITY,),
    "EC2R": (CITY,),
    "EC2V": (CITY,),
    "EC2Y": (CITY,),
    "EC3": (CITY,),
    "EC3A": (CITY,),
    "EC3M": (CITY,),
    "EC3N": (CITY, TOWER_HAMLETS),
    "EC3R": (CITY,),
    "EC3V": (CITY,),
    "EC4": (CITY,),
    "EC4A": (CITY,),
    "EC4M": (CITY,),
    "EC4N": (CITY,),
    "EC4R": (CITY,),
    "EC4V": (CITY,),
    "EC4Y": (CITY,),
    # North
    "N1": (ISLINGTON, HACKNEY),
    "N1C": (CAMDEN,),
    "N2": (BARNET, HARINGEY),
    "N3": (BARNET,),
    "N4": (HARINGEY, ISLINGTON, HACKNEY),
    "N5": (ISLINGTON,),
    "N6": (HARINGEY, CAMDEN, ISLINGTON),
    "N7": (ISLINGTON, CAMDEN),
    "N8": (HARINGEY,),
    "N9": (ENFIELD,),
    "N10": (HARINGEY, BARNET),
    "N11": (BARNET, ENFIELD, HARINGEY),
    "N12": (BARNET,),
    "N13": (ENFIELD,),
    "N14": (ENFIELD, BARNET),
    "N15": (HARINGEY,),
    "N16": (HACKNEY, ISLINGTON),
    "N17": (HARINGEY,),
    "N18": (ENFIELD,),
    "N19": (ISLINGTON, CAMDEN),
    "N20": (BARNET,),
    "N21": (ENFIELD,),
    "N22": (HARINGEY,),
    # North West
    "NW1": (CAMDEN, WESTMINSTER),
    "NW2": (BRENT, BARNET, CAMDEN),
    "NW3": (CAMDEN,),
    "NW4": (BARNET,),
    "NW5": (CAMDEN,),
    "NW6": (CAMDEN, BRENT, WESTMINSTER),
    "NW7": (BARNET,),
    "NW8": (WESTMINSTER, CAMDEN),
    "NW9": (BARNET, BRENT),
    "NW10": (BRENT, EALING, HF),
    "NW11": (BARNET,),
    # South East
    "SE1": (SOUTHWARK, LAMBETH),
    "SE2": (BEXLEY, GREENWICH),
    "SE3": (GREENWICH, LEWISHAM),
    "SE4": (LEWISHAM,),
    "SE5": (SOUTHWARK, LAMBETH),
    "SE6": (LEWISHAM,),
    "SE7": (GREENWICH,),
    "SE8": (LEWISHAM, GREENWICH),
    "SE9": (GREENWICH, BROMLEY),
    "SE10": (GREENWICH,),
    "SE11": (LAMBETH, SOUTHWARK),
    "SE12": (LEWISHAM, GREENWICH),
    "SE13": (LEWISHAM,),
    "SE14": (LEWISHAM, SOUTHWARK),
    "SE15": (SOUTHWARK, LEWISHAM),
    "SE16": (SOUTHWARK,),
    "SE17": (SOUTHWARK,),
    "SE18": (GREENWICH,),
    "SE19": (CROYDON, LAMBETH, BROMLEY, SOUTHWARK),
    "SE20": (BROMLEY,),
    "SE21": (SOUTHWARK, LAMBETH),
    "SE22": (SOUTHWARK,),
    "SE23": (LEWISHAM, SOUTHWARK),
    "SE24": (LAMBETH, SOUTHWARK),
    "SE25": (CROYDON,),
    "SE26": (LEWISHAM, BROMLEY, SOUTHWARK),
    "SE27": (LAMBETH,),
    "SE28": (GREENWICH, BEXLEY),
    # South West
    "SW1": (WESTMINSTER, KC),
    "SW1A": (WESTMINSTER,),
    "SW1E": (WESTMINSTER,),
    "SW1H": (WESTMINSTER,),
    "SW1P": (WESTMINSTER,),
    "SW1V": (WESTMINSTER,),
    "SW1W": (WESTMINSTER, KC),
    "SW1X": (WESTMINSTER, KC),
    "SW1Y": (WESTMINSTER,),
    "SW2": (LAMBETH,),
    "SW3": (KC,),
    "SW4": (LAMBETH, WANDSWORTH),
    "SW5": (KC, HF),
    "SW6": (HF,),
    "SW7": (KC, WESTMINSTER),
    "SW8": (LAMBETH, WANDSWORTH),
    "SW9": (LAMBETH,),
    "SW10": (KC, HF),
    "SW11": (WANDSWORTH,),
    "SW12": (WANDSWORTH, LAMBETH),
    "SW13": (RICHMOND,),
    "SW14": (RICHMOND,),
    "SW15": (WANDSWORTH, RICHMOND),
    "SW16": (LAMBETH, CROYDON, MERTON, WANDSWORTH),
    "SW17": (WANDSWORTH, MERTON),
    "SW18": (WANDSWORTH,),
    "SW19": (MERTON, WANDSWORTH),
    "SW20": (MERTON, KINGSTON),
    # West
    "W1": (WESTMINSTER, CAMDEN),
    **{f"W1{letter}": (WESTMINSTER,) for letter in "ABCDFGHJKSU"},
    "W1W": (WESTMINSTER, CAMDEN),
    "W1T": (CAMDEN, WESTMINSTER),
    "W2": (WESTMINSTER, KC),
    "W3": (EALING, HF),
    "W4": (HOUNSLOW, EALING, HF),
    "W5": (EALING,),
    "W6": (HF,),
    "W7": (EALING,),
    "W8": (KC,),
    "W9": (WESTMINSTER,),
    "W10": (KC, WESTMINSTER, HF, BRENT),
    "W11": (KC, HF),
    "W12": (HF, EALING),
    "W13": (EALING,),
    "W14": (HF, KC),
    # West Central
    "WC1": (CAMDEN,),
    **{f"WC1{letter}": (CAMDEN,) for letter in "ABEHNR"},
    "WC1V": (CAMDEN, CITY),
    "WC1X": (CAMDEN, ISLINGTON),
    "WC2": (WESTMINSTER, CAMDEN),
    "WC2A": (CAMDEN, WESTMINSTER, CITY),
    "WC2B": (CAMDEN, WESTMINSTER),
    "WC2E": (WESTMINSTER,),
    "WC2H": (CAMDEN, WESTMINSTER),
    "WC2N": (WESTMINSTER,),
    "WC2R": (WESTMINSTER,),
    # Outer London
    "BR1": (BROMLEY, LEWISHAM),
    **{f"BR{n}": (BROMLEY,) for n in range(2, 8)},
    "BR8": (NOT_IN_LONDON, BROMLEY),
    "CR0": (CROYDON,),
    "CR2": (CROYDON,),
    "CR4": (MERTON,),
    "CR5": (CROYDON, NOT_IN_LONDON),
    "CR7": (CROYDON,),
    "CR8": (CROYDON, SUTTON),
    "DA1": (NOT_IN_LONDON, BEXLEY),
    "DA5": (BEXLEY, NOT_IN_LONDON),
    "DA6": (BEXLEY,),
    "DA7": (BEXLEY,),
    "DA8": (BEXLEY,),
    "DA14": (BEXLEY, BROMLEY),
    "DA15": (BEXLEY,),
    "DA16": (BEXLEY, GREENWICH),
    "DA17": (BEXLEY,),
    "DA18": (BEXLEY,),
    "EN1": (ENFIELD,),
    "EN2": (ENFIELD,),
    "EN3": (ENFIELD,),
    "EN4": (BARNET, ENFIELD),
    "EN5": (BARNET, NOT_IN_LONDON),
    "HA0": (BRENT,),
    "HA1": (HARROW,),
    "HA2": (HARROW,),
    "HA3": (HARROW, BRENT),
    "HA4": (HILLINGDON,),
    "HA5": (HARROW, HILLINGDON),
    "HA6": (HILLINGDON, NOT_IN_LONDON),
    "HA7": (HARROW,),
    "HA8": (BARNET, HARROW, BRENT),
    "HA9": (BRENT,),
    "IG1": (REDBRIDGE,),
    "IG2": (REDBRIDGE,),
    "IG3": (REDBRIDGE, BD),
    "IG4": (REDBRIDGE,),
    "IG5": (REDBRIDGE,),
    "IG6": (REDBRIDGE,),
    "IG7": (NOT_IN_LONDON, REDBRIDGE),
    "IG8": (REDBRIDGE, WALTHAM_FOREST),
    "IG11": (BD,),
    "KT1": (KINGSTON, RICHMOND),
    "KT2": (KINGSTON,),
    "KT3": (KINGSTON, MERTON),
    "KT4": (SUTTON, KINGSTON, NOT_IN_LONDON),
    "KT5": (KINGSTON,),
    "KT6": (KINGSTON, NOT_IN_LONDON),
    "KT9": (KINGSTON,),
    "RM1": (HAVERING,),
    "RM2": (HAVERING,),
    "RM3": (HAVERING,),
    "RM4": (HAVERING, NOT_IN_LONDON),
    "RM5": (HAVERING,),
    "RM6": (BD, REDBRIDGE),
    "RM7": (HAVERING, BD),
    "RM8": (BD,),
    "RM9": (BD,),
    "RM10": (BD,),
    "RM11": (HAVERING,),
    "RM12": (HAVERING,),
    "RM13": (HAVERING,),
    "RM14": (HAVERING, NOT_IN_LONDON),
    "SM1": (SUTTON,),
    "SM2": (SUTTON,),
    "SM3": (SUTTON,),
    "SM4": (MERTON, SUTTON),
    "SM5": (SUTTON,),
    "SM6": (SUTTON,),
    "TN14": (NOT_IN_LONDON, BROMLEY),  # Cudham is in Bromley, the rest in Sevenoaks
    "TN16": (NOT_IN_LONDON, BROMLEY),  # Biggin Hill is in Bromley, Westerham in Kent
    "TW1": (RICHMOND,),
    "TW2": (RICHMOND,),
    "TW3": (HOUNSLOW,),
    "TW4": (HOUNSLOW,),
    "TW5": (HOUNSLOW,),
    "TW6": (HILLINGDON,),
    "TW7": (HOUNSLOW,),
    "TW8": (HOUNSLOW,),
    "TW9": (RICHMOND,),
    "TW10": (RICHMOND,),
    "TW11": (RICHMOND,),
    "TW12": (RICHMOND,),
    "TW13": (HOUNSLOW,),
    "TW14": (HOUNSLOW,),
    "TW16": (NOT_IN_LONDON, HOUNSLOW),  # Sunbury: one roadside address is in Hounslow
    "UB1": (EALING,),
    "UB2": (EALING, HOUNSLOW),
    "UB3": (HILLINGDON,),
    "UB4": (HILLINGDON,),
    "UB5": (EALING,),
    "UB6": (EALING,),
    "UB7": (HILLINGDON,),
    "UB8": (HILLINGDON,),
    "UB9": (HILLINGDON, NOT_IN_LONDON),
    "UB10": (HILLINGDON,),
    "UB11": (HILLINGDON,),
}

# Areas wholly inside London: a district not listed above is not a real one.
LONDON_AREAS = {"E", "EC", "N", "NW", "SE", "SW", "W", "WC"}

# Areas partly in London: every district is listed above or in OUTSIDE_LONDON.
PARTLY_LONDON_AREAS = {"BR", "CR", "DA", "EN", "HA", "IG", "KT", "RM", "SM", "TW", "UB"}

# Districts in the outer areas that lie wholly outside London (Kent, Surrey, Essex, Herts).
OUTSIDE_LONDON = {
    "CR3",
    "CR6",
    *(f"DA{n}" for n in (2, 3, 4, 9, 10, 11, 12, 13)),
    *(f"EN{n}" for n in range(6, 12)),
    "IG9",
    "IG10",
    "KT7",
    "KT8",
    *(f"KT{n}" for n in range(10, 25)),
    *(f"RM{n}" for n in range(15, 21)),
    "SM7",
    "TW15",
    *(f"TW{n}" for n in range(17, 21)),
}

# Every postcode area in the UK, so "ZZ1" is an error rather than "not in London".
UK_AREAS = set(
    [
        "AB",
        "AL",
        "B",
        "BA",
        "BB",
        "BD",
        "BH",
        "BL",
        "BN",
        "BR",
        "BS",
        "BT",
        "CA",
        "CB",
        "CF",
        "CH",
        "CM",
        "CO",
        "CR",
        "CT",
        "CV",
        "CW",
        "DA",
        "DD",
        "DE",
        "DG",
        "DH",
        "DL",
        "DN",
        "DT",
        "DY",
        "E",
        "EC",
        "EH",
        "EN",
        "EX",
        "FK",
        "FY",
        "G",
        "GL",
        "GU",
        "GY",
        "HA",
        "HD",
        "HG",
        "HP",
        "HR",
        "HS",
        "HU",
        "HX",
        "IG",
        "IM",
        "IP",
        "IV",
        "JE",
        "KA",
        "KT",
        "KW",
        "KY",
        "L",
        "LA",
        "LD",
        "LE",
        "LL",
        "LN",
        "LS",
        "LU",
        "M",
        "ME",
        "MK",
        "ML",
        "N",
        "NE",
        "NG",
        "NN",
        "NP",
        "NR",
        "NW",
        "OL",
        "OX",
        "PA",
        "PE",
        "PH",
        "PL",
        "PO",
        "PR",
        "RG",
        "RH",
        "RM",
        "S",
        "SA",
        "SE",
        "SG",
        "SK",
        "SL",
        "SM",
        "SN",
        "SO",
        "SP",
        "SR",
        "SS",
        "ST",
        "SW",
        "SY",
        "TA",
        "TD",
        "TF",
        "TN",
        "TQ",
        "TR",
        "TS",
        "TW",
        "UB",
        "W",
        "WA",
        "WC",
        "WD",
        "WF",
        "WN",
        "WR",
        "WS",
        "WV",
        "YO",
        "ZE",
    ]
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
    the district table above answers, and a split district means the person is asked which
    borough. Only the borough, or a split district's code, is carried forward.
    """
    code = outward_code(postcode)
    compact = re.sub(r"\s+", "", postcode or "").upper()
    if len(compact) > len(code):  # a full postcode: the inward part is there
        from directory.models import Postcode

        borough = Postcode.objects.borough_for(compact)
        if borough is not None:
            return District(code, (borough.slug,))
    return find_district(postcode)
