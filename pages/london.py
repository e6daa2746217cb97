"""London's 33 local authorities (ONS GSS codes) and their NHS integrated care boards.

Plain data, so pages that must work without the database (urgent help) can use it.
"""

NWL = "NHS North West London Integrated Care Board"
NCL = "NHS North Central London Integrated Care Board"
NEL = "NHS North East London Integrated Care Board"
SEL = "NHS South East London Integrated Care Board"
SWL = "NHS South West London Integrated Care Board"

BOROUGHS = [
    ("City of London", "E09000001", NEL),
    ("Barking and Dagenham", "E09000002", NEL),
    ("Barnet", "E09000003", NCL),
    ("Bexley", "E09000004", SEL),
    ("Brent", "E09000005", NWL),
    ("Bromley", "E09000006", SEL),
    ("Camden", "E09000007", NCL),
    ("Croydon", "E09000008", SWL),
    ("Ealing", "E09000009", NWL),
    ("Enfield", "E09000010", NCL),
    ("Greenwich", "E09000011", SEL),
    ("Hackney", "E09000012", NEL),
    ("Hammersmith and Fulham", "E09000013", NWL),
    ("Haringey", "E09000014", NCL),
    ("Harrow", "E09000015", NWL),
    ("Havering", "E09000016", NEL),
    ("Hillingdon", "E09000017", NWL),
    ("Hounslow", "E09000018", NWL),
    ("Islington", "E09000019", NCL),
    ("Kensington and Chelsea", "E09000020", NWL),
    ("Kingston upon Thames", "E09000021", SWL),
    ("Lambeth", "E09000022", SEL),
    ("Lewisham", "E09000023", SEL),
    ("Merton", "E09000024", SWL),
    ("Newham", "E09000025", NEL),
    ("Redbridge", "E09000026", NEL),
    ("Richmond upon Thames", "E09000027", SWL),
    ("Southwark", "E09000028", SEL),
    ("Sutton", "E09000029", SWL),
    ("Tower Hamlets", "E09000030", NEL),
    ("Waltham Forest", "E09000031", NEL),
    ("Wandsworth", "E09000032", SWL),
    ("Westminster", "E09000033", NWL),
]


def borough_slug(name):
    return name.lower().replace(" ", "-")


BOROUGH_NAMES = {borough_slug(name): name for name, _, _ in BOROUGHS}
