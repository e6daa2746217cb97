"""Local 24/7 NHS mental health lines by borough, for /urgent-help/.

Kept in code, not the database, so the urgent help page renders even when the database is
down. Each number is the NHS trust's published 24-hour line for the borough; a borough with no
entry here is told to call NHS 111 and choose option 2, which reaches the same local line.
See docs/clinical-safety.md (hazard H3) before changing anything here.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class UrgentLine:
    name: str
    phone: str
    who: str


CNWL = UrgentLine(
    name="CNWL 24-hour mental health helpline",
    phone="0800 023 4650",
    who="Central and North West London NHS Foundation Trust, for all ages",
)
WEST_LONDON = UrgentLine(
    name="West London NHS Trust 24-hour mental health line",
    phone="0800 328 4444",
    who="West London NHS Trust, for all ages",
)
SOUTH_LONDON_AND_MAUDSLEY = UrgentLine(
    name="South London and Maudsley 24-hour mental health crisis line",
    phone="0800 731 2864",
    who="South London and Maudsley NHS Foundation Trust, for all ages",
)
SOUTH_WEST_LONDON = UrgentLine(
    name="South West London 24-hour mental health support line",
    phone="0800 028 8000",
    who="South West London and St George's Mental Health NHS Trust, for all ages",
)

LOCAL_URGENT_LINES = {
    "brent": CNWL,
    "harrow": CNWL,
    "hillingdon": CNWL,
    "kensington-and-chelsea": CNWL,
    "westminster": CNWL,
    "ealing": WEST_LONDON,
    "hammersmith-and-fulham": WEST_LONDON,
    "hounslow": WEST_LONDON,
    "croydon": SOUTH_LONDON_AND_MAUDSLEY,
    "lambeth": SOUTH_LONDON_AND_MAUDSLEY,
    "lewisham": SOUTH_LONDON_AND_MAUDSLEY,
    "southwark": SOUTH_LONDON_AND_MAUDSLEY,
    "kingston-upon-thames": SOUTH_WEST_LONDON,
    "merton": SOUTH_WEST_LONDON,
    "richmond-upon-thames": SOUTH_WEST_LONDON,
    "sutton": SOUTH_WEST_LONDON,
    "wandsworth": SOUTH_WEST_LONDON,
}


def local_urgent_line(borough_slug):
    return LOCAL_URGENT_LINES.get(borough_slug or "")
