"""Crisis helplines: the national lines, and each borough's local 24-hour NHS line.

The one place these facts live. Every page that shows them (urgent help, the 500 page, the
page shown when the database is down, the navigator's urgent help card, adult support) renders
them with `{% helplines %}` from directory_tags. Kept in code, not the database, so urgent help,
the 500 and the 503 pages show them when the database is down. Every number here has been
checked against the organisation's own published details: see docs/clinical-safety.md (hazards
H2 and H3) before changing anything.
"""

from dataclasses import dataclass

from directory.facts import BoroughSlug

# Below this age a child is not expected to contact a line or a service on their own: a
# grown-up helps (the navigator says so to a younger child, and offers a grown-up asking about
# one only what grown-ups contact).
OWN_LINE_AGE = 11


@dataclass(frozen=True)
class Helpline:
    name: str
    who: str  # who it is for, as it reads after the name: "for anyone under 19"
    hours: str
    phone: str = ""
    option: str = ""  # the menu option to choose after calling, if there is one
    text_number: str = ""
    text_keyword: str = ""  # the word to text, if the line needs one
    web_chat: str = ""
    run_by: str = ""
    note: str = ""
    max_age: int | None = None  # the oldest it is for, where it has an age limit
    young_persons_own: bool = False  # for young people to contact themselves, not adults

    def suits(self, age=None, for_someone_else=False):
        """Whether to offer it about a young person of this age (None: not known), to them,
        or to a grown-up asking about them: a line that is the young person's own is offered
        to a grown-up only about one old enough to call it (OWN_LINE_AGE)."""
        if age is not None and self.max_age is not None and age > self.max_age:
            return False
        if for_someone_else and self.young_persons_own:
            return age is not None and age >= OWN_LINE_AGE
        return True

    @property
    def web_chat_name(self):
        """The chat's site as people read it: 'childline.org.uk'."""
        return self.web_chat.removeprefix("https://").removeprefix("www.").split("/")[0]


EMERGENCY = Helpline(
    name="Emergency services",
    who="if a life is at risk now",
    hours="24 hours a day",
    phone="999",
    note="Any hospital A&E will help you, whatever your age.",
)
NHS_111_MENTAL_HEALTH = Helpline(
    name="NHS 111",
    who="for urgent mental health help",
    hours="24 hours a day, 7 days a week",
    phone="111",
    option="2",
    note="It is free and connects you to your local NHS mental health team.",
)
CHILDLINE = Helpline(
    name="Childline",
    who="for anyone under 19",
    hours="24 hours a day",
    phone="0800 1111",
    web_chat="https://www.childline.org.uk/get-support/1-2-1-counsellor-chat/",
    note="Calls do not show on phone bills.",
    max_age=18,
    young_persons_own=True,
)
SHOUT = Helpline(
    name="Shout",
    who="for all ages",
    hours="24 hours a day",
    text_number="85258",
    text_keyword="SHOUT",
    note="Texts are free and do not show on phone bills.",
)
SAMARITANS = Helpline(
    name="Samaritans",
    who="for all ages",
    hours="24 hours a day, 365 days a year",
    phone="116 123",
)
PAPYRUS = Helpline(
    name="Papyrus HOPELINE247",
    who="if you are under 35 and thinking about suicide",
    hours="24 hours a day",
    phone="0800 068 4141",
    text_number="88247",
)

# Looked up by name when a page is drawn, so a test can swap one line and see every page change.
NATIONAL_LINES = {
    "emergency": EMERGENCY,
    "nhs-111": NHS_111_MENTAL_HEALTH,
    "childline": CHILDLINE,
    "shout": SHOUT,
    "samaritans": SAMARITANS,
    "papyrus": PAPYRUS,
}
# Someone to talk to now: for young people, and on the page for adults over 25.
TALK_NOW = ("childline", "shout", "samaritans", "papyrus")
# The lines a thumb can reach first, as buttons, after 999, the local line and NHS 111.
TAP_NOW = ("childline", "shout", "samaritans")
ADULT_TALK_NOW = ("samaritans", "shout")


def national_lines(names, age=None, for_someone_else=False):
    """The lines with these names; with an age, only those that suit it (Helpline.suits)."""
    lines = [NATIONAL_LINES[name] for name in names]
    return [line for line in lines if line.suits(age, for_someone_else)]


# Harm by someone else ("If someone is hurting you" above search results: templates/includes/
# harm_help.html). Each from the organisation's own page, read 2026-12-01 (fixtures/SOURCES.md).
NSPCC_HELPLINE = Helpline(
    name="NSPCC helpline",
    who="for adults worried about a child",
    hours="",
    phone="0808 800 5000",
    run_by="the NSPCC",
    note="You do not have to be sure, or say who you are.",
)
THE_HAVENS = Helpline(
    name="The Havens",
    who="London's sexual assault referral centres, for anyone raped or sexually assaulted",
    hours="24 hours a day",
    phone="020 3299 6900",
    run_by="King's College Hospital NHS Foundation Trust",
    note="Children under 13 are referred by the police or children's social care.",
)
NATIONAL_DOMESTIC_ABUSE_HELPLINE = Helpline(
    name="National Domestic Abuse Helpline",
    who="for anyone living with domestic abuse, or worried about someone who is",
    hours="24 hours a day",
    phone="0808 2000 247",
    run_by="Refuge",
    note=(
        "Free and confidential. You can also ask for a safe time to be called at"
        " nationaldahelpline.org.uk."
    ),
)
NACOA = Helpline(
    name="Nacoa",
    who="for anyone affected by a parent's drinking",
    hours="",
    phone="0800 358 3456",
    run_by="the National Association for Children of Alcoholics",
    note="Free and confidential; you can also email helpline@nacoa.org.uk.",
)
# The specialist line for each kind of harm the crisis reader finds
# (directory/search/crisis_reader.py).
HARM_LINES = {
    "abuse": (),
    "sexual-violence": (THE_HAVENS,),
    "domestic-abuse": (NATIONAL_DOMESTIC_ABUSE_HELPLINE,),
    "parent-substance": (NACOA,),
    "neglect": (),
}


def harm_lines(kinds):
    """The specialist lines for these kinds of harm, each once, in the order of the kinds."""
    lines = [line for kind in kinds for line in HARM_LINES.get(kind, ())]
    return list(dict.fromkeys(lines))


# Local 24-hour lines: each is the NHS trust's published 24-hour line for the borough. A borough
# with no entry is told to call NHS 111 and choose option 2, which reaches the same local line.
CNWL = Helpline(
    name="CNWL 24-hour mental health helpline",
    who="for all ages",
    hours="24 hours a day",
    phone="0800 023 4650",
    run_by="Central and North West London NHS Foundation Trust",
)
WEST_LONDON = Helpline(
    name="West London NHS Trust 24-hour mental health line",
    who="for all ages",
    hours="24 hours a day",
    phone="0800 328 4444",
    run_by="West London NHS Trust",
)
SOUTH_LONDON_AND_MAUDSLEY = Helpline(
    name="South London and Maudsley 24-hour mental health crisis line",
    who="for all ages",
    hours="24 hours a day",
    phone="0800 731 2864",
    run_by="South London and Maudsley NHS Foundation Trust",
)
SOUTH_WEST_LONDON = Helpline(
    name="South West London 24-hour mental health support line",
    who="for all ages",
    hours="24 hours a day",
    phone="0800 028 8000",
    run_by="South West London and St George's Mental Health NHS Trust",
)

LOCAL_URGENT_LINES = {
    BoroughSlug.BRENT: CNWL,
    BoroughSlug.HARROW: CNWL,
    BoroughSlug.HILLINGDON: CNWL,
    BoroughSlug.KENSINGTON_AND_CHELSEA: CNWL,
    BoroughSlug.WESTMINSTER: CNWL,
    BoroughSlug.EALING: WEST_LONDON,
    BoroughSlug.HAMMERSMITH_AND_FULHAM: WEST_LONDON,
    BoroughSlug.HOUNSLOW: WEST_LONDON,
    BoroughSlug.CROYDON: SOUTH_LONDON_AND_MAUDSLEY,
    BoroughSlug.LAMBETH: SOUTH_LONDON_AND_MAUDSLEY,
    BoroughSlug.LEWISHAM: SOUTH_LONDON_AND_MAUDSLEY,
    BoroughSlug.SOUTHWARK: SOUTH_LONDON_AND_MAUDSLEY,
    BoroughSlug.KINGSTON_UPON_THAMES: SOUTH_WEST_LONDON,
    BoroughSlug.MERTON: SOUTH_WEST_LONDON,
    BoroughSlug.RICHMOND_UPON_THAMES: SOUTH_WEST_LONDON,
    BoroughSlug.SUTTON: SOUTH_WEST_LONDON,
    BoroughSlug.WANDSWORTH: SOUTH_WEST_LONDON,
}


def local_urgent_line(borough_slug):
    return LOCAL_URGENT_LINES.get(borough_slug or "")
