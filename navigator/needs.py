"""Which needs suit whom: what the need question offers, and what ranking counts as a service
being about someone else.

Most needs suit everyone. The few that do not are listed here, once: the need question leaves
them out for the people they do not suit, and ranking puts services about them lower for those
people (navigator/ranking.py). A link written by hand may still ask for any need
(ResultsForm accepts every one): this is about what is offered, not what is allowed.
"""

from dataclasses import dataclass

from directory.facts import NeedSlug, Who

EVERYONE = tuple(Who)
GROWN_UPS = (Who.PARENT_CARER, Who.PROFESSIONAL)  # asking about a young person
EARLY_YEARS_MAX_AGE = 4  # "Babies and young children (under 5)"


@dataclass(frozen=True)
class Suits:
    who: tuple = EVERYONE
    max_age: int | None = None

    def suits(self, who, age):
        if who not in self.who:
            return False
        return self.max_age is None or age is None or age <= self.max_age


# Needs that suit only some people (a need not listed suits everyone).
NEED_SUITS = {
    # Support for parents and carers: for them, and for the professionals who work with them.
    NeedSlug.PARENTING: Suits(who=GROWN_UPS),
    # Babies and young children: for the grown-ups around a child under 5.
    NeedSlug.EARLY_YEARS: Suits(who=GROWN_UPS, max_age=EARLY_YEARS_MAX_AGE),
}

# Needs that are usually a service's whole subject: a service for one of these is about
# something else when it was not asked for (a drug and alcohol service, for someone anxious).
SEPARATE_SUBJECTS = (NeedSlug.DRUGS_AND_ALCOHOL, NeedSlug.EATING_DIFFICULTIES)


def need_suits(slug, who, age):
    """Whether the need question offers this need to this person (age None: not known yet)."""
    suits = NEED_SUITS.get(slug)
    return suits is None or suits.suits(who, age)


def unsuited_needs(who, age):
    """The needs not offered to this person, in the order of NEED_SUITS."""
    return tuple(slug for slug in NEED_SUITS if not need_suits(slug, who, age))


def needs_about_the_age(age):
    """Needs that are about this age in particular: a service for them is made for it."""
    return tuple(
        slug
        for slug, suits in NEED_SUITS.items()
        if suits.max_age is not None and age is not None and age <= suits.max_age
    )


def needs_about_something_else(who, age, needs):
    """Needs a service may be linked to that would make it about something (or someone) else
    than what was asked: the unsuited needs, and separate subjects when needs were given."""
    other = list(unsuited_needs(who, age))
    if needs:
        other.extend(SEPARATE_SUBJECTS)
    return tuple(slug for slug in dict.fromkeys(other) if slug not in needs)
