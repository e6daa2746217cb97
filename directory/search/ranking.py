"""How search orders the services that match, within a relevance tier: fit to the person and
to what they asked. The same expressions on every database; each backend
(directory/search/postgresql.py and portable.py) supplies only the conditions that read text, and
the tiers.
See docs/search.md, "Ranking by fit".

Fit points (more is better), each a fact about the service that a person would notice:

- a person can contact it themselves (2);
- it is for the person asking (2): young people, unless the words say a parent ("my son",
  "toddler") or a professional ("staff", "pupils", "referral") is asking; and one more (1)
  when it is made for them alone (Kooth, for young people; not a family hub for everyone);
- for a kind of service that is reached from anywhere (a helpline, a chat), it is reached
  that way (2): "someone to talk to" lists Childline, Kooth, The Mix and Shout; likewise
  where the words say where (a "pupil": in school);
- it is local to the borough chosen (2);
- its summary or name says what was typed (2): a service that says what it is about,
  before one merely tagged with a need;
- it gives advice or help (1): a service for staying well only (THRIVE Thriving: sport, youth
  clubs) is a poor first answer to someone who names a difficulty; a specialist team (Getting
  More Help only) is not a first step either;
- it is a service, not a signpost to a list of them (2): a borough's Local Offer or Family
  Information Service (`Service.essential`) comes after the services that fit, unless its
  name or summary says what was typed ("local offer");
- outside a crisis search, it is not a crisis line (1): "panic attacks" lists ongoing support
  before the suicide lines, which a crisis search puts first of all (not when only a line or a
  chat was asked for: "someone to talk to" may well mean a crisis line).

This module imports nothing from directory/search/, which imports it.
"""

import re

from django.db.models import Case, IntegerField, Q, Value, When

from directory.facts import AudienceSlug, DeliverySlug, NeedSlug, ReferralSlug, ThriveSlug, Who

WORD = re.compile(r"[^\W_]+")

# Words that say a parent or carer is asking about their child ("is my son autistic",
# "toddler tantrums", "parenting course"). Not "mum" or "dad": "my mum drinks" is a young
# person asking; nor "boy", "girl" or "teen", which young people say of themselves.
PARENT_WORDS = frozenset(
    ["son", "sons", "daughter", "daughters", "child", "childs", "children", "kid", "kids",
     "toddler", "toddlers", "baby", "babies", "infant", "teenager", "parenting", "stepson",
     "stepdaughter", "grandson", "granddaughter", "preschooler", "nursery"]
)  # fmt: skip
# Words that say a professional is asking ("training for staff", "refer a pupil").
PROFESSIONAL_WORDS = frozenset(
    ["staff", "training", "train", "pupil", "pupils", "classroom", "teacher", "teachers",
     "teaching", "senco", "gp", "gps", "clinician", "clinicians", "practitioner",
     "practitioners", "professional", "professionals",
     "referral", "referrals", "refer", "referring", "colleague", "colleagues", "consultation",
     "patient", "patients", "caseload", "safeguarding", "mhst", "workforce", "cpd"]
)  # fmt: skip

YOUNG_PERSON, PARENT, PROFESSIONAL = Who.YOUNG_PERSON, Who.PARENT_CARER, Who.PROFESSIONAL
# Who is asking -> the audience whose services suit them best.
AUDIENCE_OF = {
    YOUNG_PERSON: AudienceSlug.YOUNG_PEOPLE,
    PARENT: AudienceSlug.PARENTS_CARERS,
    PROFESSIONAL: AudienceSlug.PROFESSIONALS,
}

# THRIVE categories that give advice or help with a difficulty (not Thriving: staying well;
# not Getting More Help alone: a specialist team is rarely a first step).
FIRST_STEP_CATEGORIES = (ThriveSlug.GETTING_ADVICE, ThriveSlug.GETTING_HELP)

# Needs that go together: a search for the first also finds services for the others, after
# those for the need itself ("can't sleep": sleep services, then those for worry and low
# mood, the commonest reasons a young person cannot sleep).
RELATED_NEEDS = {
    NeedSlug.SLEEP: (NeedSlug.ANXIETY, NeedSlug.LOW_MOOD),
}

# Kinds of service that say how they are reached: a helpline or a chat is something a person
# can contact now, from wherever they are ("someone to talk to": Childline, Kooth, Shout).
KIND_DELIVERY = {
    "helpline": (DeliverySlug.PHONE, DeliverySlug.ONLINE, DeliverySlug.TEXT),
    "chat": (DeliverySlug.ONLINE, DeliverySlug.TEXT),
}

# Words that say where a professional wants help given: a teacher's "pupil" is helped in
# school. (Not for a young person: "bullied at school" wants Childline or Kooth as much.)
PLACE_WORDS = {
    DeliverySlug.IN_SCHOOL: frozenset(["pupil", "pupils", "school", "schools", "class",
                                       "classroom", "teacher", "teachers", "senco", "lesson",
                                       "lessons"]),
}  # fmt: skip


def delivery_named(query):
    """The ways of delivery a professional's words call for (PLACE_WORDS), as slugs."""
    if asker(query) != PROFESSIONAL:
        return []
    words = set(WORD.findall(query.lower()))
    return sorted(mode for mode, place_words in PLACE_WORDS.items() if words & place_words)


SELF, ASKER, MADE_FOR, LOCAL, SAYS_IT, REACH, FIRST_STEP, NOT_CRISIS = 2, 2, 1, 2, 2, 2, 1, 1
NOT_A_SIGNPOST = 2
# A borough's list of services, not a service: Service.essential's values (directory/models).
SIGNPOSTS = ("local-offer", "family-information")


def asker(query):
    """Who the words say is asking: a professional, a parent, or (by default, the people the
    search box is for) a young person."""
    words = set(WORD.findall(query.lower()))
    if words & PROFESSIONAL_WORDS and not words & {"self", "myself", "me", "i", "im"}:
        return PROFESSIONAL
    if words & PARENT_WORDS:
        return PARENT
    return YOUNG_PERSON


def related_needs(needs):
    """The needs that go with these, not counting these."""
    related = {slug for need in needs for slug in RELATED_NEEDS.get(need, ())}
    return sorted(related - set(needs))


def _points(condition, points):
    return Case(When(condition, then=Value(points)), default=Value(0), output_field=IntegerField())


def kind_delivery(kinds):
    """How the kinds of service asked for are reached (KIND_DELIVERY), in one list."""
    return sorted({mode for kind in kinds for mode in KIND_DELIVERY.get(kind, ())})


def fit_conditions(queryset, boroughs=(), who=YOUNG_PERSON, delivery=()):
    """(condition, points) for each fact that makes a service fit better within a tier."""
    audience = AUDIENCE_OF[who]
    others = [slug for slug in AUDIENCE_OF.values() if slug != audience]
    conditions = [
        (queryset.linked_to("referral", [ReferralSlug.SELF]), SELF),
        (queryset.linked_to("audience", [audience]), ASKER),
        (~queryset.linked_to("audience", others), MADE_FOR),
        (queryset.linked_to("thrive", list(FIRST_STEP_CATEGORIES)), FIRST_STEP),
        (~Q(essential__in=SIGNPOSTS), NOT_A_SIGNPOST),
    ]
    if who == PARENT:  # a parent may also use what is for their child, though less
        young_people_only = queryset.linked_to("audience", [AudienceSlug.YOUNG_PEOPLE]) & ~(
            queryset.linked_to("audience", [audience])
        )
        conditions.append((young_people_only, ASKER - 1))
    if boroughs:
        local = queryset.linked_to("borough", list(boroughs)) & Q(is_national=False)
        conditions.append((local, LOCAL))
    if delivery:
        conditions.append((queryset.linked_to("delivery", list(delivery)), REACH))
    return conditions


def fit_expression(
    queryset, boroughs=(), is_crisis=False, who=YOUNG_PERSON, says_it=None, kinds=(), delivery=()
):
    """The fit points of a service, as one expression. `says_it`: the condition that its
    summary or name has a word typed (from the backend), if any; `kinds`: the kinds of
    service asked for, when nothing else was ("helpline"); for a line or a chat, crisis
    lines count as much as any other line; `delivery`: ways of delivery the words call for
    (delivery_named)."""
    reached = kind_delivery(kinds)
    conditions = fit_conditions(queryset, boroughs, who, sorted({*reached, *delivery}))
    if says_it is not None:
        conditions.append((says_it, SAYS_IT))
    if not is_crisis and not reached:
        conditions.append((Q(is_crisis=False), NOT_CRISIS))
    total = Value(0, output_field=IntegerField())
    for condition, points in conditions:
        total = total + _points(condition, points)
    return total


def crisis_expression(is_crisis):
    """0 for crisis services in a crisis search (they come first), else 1."""
    if not is_crisis:
        return Value(1, output_field=IntegerField())
    return Case(When(is_crisis=True, then=Value(0)), default=Value(1), output_field=IntegerField())
