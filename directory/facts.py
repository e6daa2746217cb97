"""The slugs and choices the code relies on, declared once.

The vocabularies are data: rows made by directory/migrations/0002_vocabulary.py and edited in
the admin. But the code names some of those rows: the navigator sees crisis needs, ranking
prefers self-referral, the results are worded by who is asking. Those rows are named here and
only here, and everything else imports the names. Because a renamed row would quietly switch
code off (the navigator's crisis handling, if `self-harm` were renamed), each declared slug is
guarded twice: the system check in directory/checks.py refuses to start while one is missing
from the database, and the admin will not let one be renamed or deleted
(directory/admin/vocabularies.py). The THRIVE categories' order is the database's
(`ThriveCategory.position`), not this file's.

Labels are given only where the code shows them (who is asking); elsewhere the database's
names are what people read.
"""

from django.db import models


class AudienceSlug(models.TextChoices):
    """Who a service is for (Audience)."""

    YOUNG_PEOPLE = "young-people"
    PARENTS_CARERS = "parents-carers"
    PROFESSIONALS = "professionals"


class ReferralSlug(models.TextChoices):
    """Who can ask for help from a service (ReferralRoute)."""

    SELF = "self"
    PARENT_CARER = "parent-carer"
    SCHOOL = "school"
    GP = "gp"
    PROFESSIONAL = "professional"


class DeliverySlug(models.TextChoices):
    """How a service gives support (DeliveryMode)."""

    ONLINE = "online"
    PHONE = "phone"
    TEXT = "text"
    IN_PERSON = "in-person"
    IN_SCHOOL = "in-school"
    AT_HOME = "at-home"


class ThriveSlug(models.TextChoices):
    """The THRIVE Framework's groupings (ThriveCategory). Their order is `position`."""

    THRIVING = "thriving"
    GETTING_ADVICE = "getting-advice"
    GETTING_HELP = "getting-help"
    GETTING_MORE_HELP = "getting-more-help"
    GETTING_RISK_SUPPORT = "getting-risk-support"


class NeedSlug(models.TextChoices):
    """What a service helps with (Need)."""

    ANXIETY = "anxiety"
    LOW_MOOD = "low-mood"
    SELF_HARM = "self-harm"
    SUICIDAL_THOUGHTS = "suicidal-thoughts"
    EATING_DIFFICULTIES = "eating-difficulties"
    BEHAVIOUR = "behaviour"
    EARLY_YEARS = "early-years"
    NEURODIVERSITY = "neurodiversity"
    DRUGS_AND_ALCOHOL = "drugs-and-alcohol"
    BEREAVEMENT = "bereavement"
    TRAUMA = "trauma"
    DOMESTIC_ABUSE = "domestic-abuse"
    FAMILY_RELATIONSHIPS = "family-relationships"
    GENDER_AND_SEXUALITY = "gender-and-sexuality"
    SCHOOL_STRESS = "school-stress"
    BODY_IMAGE = "body-image"
    SLEEP = "sleep"
    YOUNG_CARERS = "young-carers"
    PARENTING = "parenting"


# The crisis reader's kinds of crisis (directory/search/crisis_reader.py, its patterns in
# directory/search/crisis_lexicon.py) and the needs each one means: a search it reads as one of
# these finds services for those needs, crisis services first, below urgent help.
CRISIS_KIND_NEEDS = {
    "suicide": (NeedSlug.SUICIDAL_THOUGHTS,),
    "self-harm": (NeedSlug.SELF_HARM,),
    "overdose": (NeedSlug.SELF_HARM,),
    "danger-now": (),
}
# The needs that are a crisis, made from those kinds: asked for in the navigator, urgent help
# comes first and crisis services rank first (docs/clinical-safety.md).
CRISIS_NEEDS = frozenset(need for needs in CRISIS_KIND_NEEDS.values() for need in needs)


class BoroughSlug(models.TextChoices):
    """London's 33 local authorities (Borough; pages/london.py has their codes)."""

    BARKING_AND_DAGENHAM = "barking-and-dagenham"
    BARNET = "barnet"
    BEXLEY = "bexley"
    BRENT = "brent"
    BROMLEY = "bromley"
    CAMDEN = "camden"
    CITY_OF_LONDON = "city-of-london"
    CROYDON = "croydon"
    EALING = "ealing"
    ENFIELD = "enfield"
    GREENWICH = "greenwich"
    HACKNEY = "hackney"
    HAMMERSMITH_AND_FULHAM = "hammersmith-and-fulham"
    HARINGEY = "haringey"
    HARROW = "harrow"
    HAVERING = "havering"
    HILLINGDON = "hillingdon"
    HOUNSLOW = "hounslow"
    ISLINGTON = "islington"
    KENSINGTON_AND_CHELSEA = "kensington-and-chelsea"
    KINGSTON_UPON_THAMES = "kingston-upon-thames"
    LAMBETH = "lambeth"
    LEWISHAM = "lewisham"
    MERTON = "merton"
    NEWHAM = "newham"
    REDBRIDGE = "redbridge"
    RICHMOND_UPON_THAMES = "richmond-upon-thames"
    SOUTHWARK = "southwark"
    SUTTON = "sutton"
    TOWER_HAMLETS = "tower-hamlets"
    WALTHAM_FOREST = "waltham-forest"
    WANDSWORTH = "wandsworth"
    WESTMINSTER = "westminster"


# The vocabulary tables whose rows the code names: {model name: its declared slugs}.
DECLARED_SLUGS = {
    "Audience": AudienceSlug,
    "ReferralRoute": ReferralSlug,
    "DeliveryMode": DeliverySlug,
    "ThriveCategory": ThriveSlug,
    "Need": NeedSlug,
    "Borough": BoroughSlug,
}


class Who(models.TextChoices):
    """The navigator's "who is asking" answer (not a table: the URL's `who`), as its question
    offers it."""

    YOUNG_PERSON = "young-person", "Myself"
    PARENT_CARER = "parent-carer", "My child, or a young person I care for"
    PROFESSIONAL = "professional", "A young person I work with"


def declared_slugs(model):
    """The slugs the code relies on among this vocabulary model's rows (none for others)."""
    return frozenset(DECLARED_SLUGS.get(model.__name__, ()))
