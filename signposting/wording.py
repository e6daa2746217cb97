"""Words on the posters, cards and lists, kept apart from the code that chooses what to show.
A content designer may change these; the numbers come from pages/helplines.py only."""

# The setting a poster or card is for: the optional `?from=` code its QR code carries.
SETTINGS = {
    "school": "School or college",
    "gp": "GP practice",
    "youth-club": "Youth club",
    "library": "Library",
}

# The question people ask themselves, by who reads the poster: young people themselves, or
# the parents of younger children (the age groups are directory AgeBand slugs).
QUESTION = "Worried about how you feel?"
PARENT_QUESTION = "Worried about how your child feels?"
PARENT_AGE_BANDS = ("under-5", "5-to-10")

STRAPLINE = "You are not alone. Free, confidential support is there for you in {borough}."
PARENT_STRAPLINE = "Free support for children and their families in {borough}."
SCAN = "Scan to find support that fits"
WHERE_TO_ASK = {
    "school": "You can also talk to a teacher, your school nurse or your school's counsellor.",
    "gp": "You can also talk to your GP or practice nurse.",
    "youth-club": "You can also talk to a youth worker here.",
    "library": "You can also ask a member of staff here where to find support.",
}
