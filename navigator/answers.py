"""The navigator's answers: what the query string may carry, and how it is rebuilt.

Answers only ever live in the URL. Nothing is stored on the server or in a cookie.
"""

import re
from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict

from directory.facts import CRISIS_NEEDS, Who
from directory.models import EligibilityCriterion
from directory.models.service import MAX_AGE
from pages.helplines import OWN_LINE_AGE

from .tokens import seal, unseal

# The URL contract (docs/navigator.md), in the order they appear in a link.
PARAMETERS = (
    "urgent", "who", "age", "borough", "postcode", "need", "impact", "applies", "delivery", "free"
)  # fmt: skip
TOKEN = "answers"  # the parameter that carries them all, sealed (navigator/tokens.py)
MAX_VALUES = 30  # per parameter: more than there are choices, so only junk is dropped
MAX_LENGTH = 100  # per value

UNKNOWN_BOROUGH = "unknown"
NOT_SURE = "not-sure"
NONE_APPLY = EligibilityCriterion.NONE_APPLY
# An answered age: digits 0 to 9 only. `\d`, isdigit() and int() also take other scripts'
# digits ("١٢" is 12), and isdigit() takes "²", which int() refuses (directory/whole_numbers.py).
AGE = re.compile(r"[0-9]{1,3}")
# Below this, a young person answering for themselves needs a grown-up (pages/helplines.py)
YOUNG_CHILD_AGE = OWN_LINE_AGE


def answers_from(query, submitted=()):
    """Only the navigator's parameters from a request's query, trimmed to a sane size: those
    its token carries (TOKEN), and plain ones, which win. `submitted` names the parameters a
    question's form has just sent: for those only the plain values count, so an answer can be
    taken away (every box unticked)."""
    sealed = unseal(query.get(TOKEN, ""))
    carried = QueryDict(sealed or "")
    answers = QueryDict(mutable=True)
    for name in PARAMETERS:
        plain = query.getlist(name)
        values = plain if plain or name in submitted else carried.getlist(name)
        values = [v[:MAX_LENGTH] for v in values[:MAX_VALUES] if v.strip()]
        if values:
            answers.setlist(name, values)
    return answers


def with_answers(answers, updates):
    """A copy of the answers with some parameters replaced (an empty list removes one)."""
    updated = answers.copy()
    for name, values in updates.items():
        if values:
            updated.setlist(name, list(values))
        else:
            updated.pop(name, None)
    return updated


def query_string(answers, without=()):
    return urlencode(
        [
            (name, value)
            for name in PARAMETERS
            if name not in without
            for value in answers.getlist(name)
        ]
    )


def with_query(url, answers):
    """The URL with the answers as a token: history does not spell them out."""
    query = query_string(answers)
    return f"{url}?{urlencode({TOKEN: seal(query)})}" if query else url


def with_plain_query(url, answers):
    """The URL with the answers in plain words: a link to share or write down."""
    query = query_string(answers)
    return f"{url}?{query}" if query else url


def answered_age(answers):
    """The age in the answers as a whole number, or None when there is no such answer yet."""
    age = answers.get("age", "").strip()
    return int(age) if AGE.fullmatch(age) else None


def is_in_danger(answers):
    """Someone is in danger now: urgent help, before anything else."""
    return answers.get("urgent") == "yes"


def is_over_25(age):
    """Too old for every service in the directory (they are for 0 to MAX_AGE): adult support."""
    return age > MAX_AGE


def needs_grown_up(answers):
    """A young person under 11 answering for themselves: suggest a grown-up helps."""
    age = answered_age(answers)
    return answers.get("who") == Who.YOUNG_PERSON and age is not None and age < YOUNG_CHILD_AGE


@dataclass(frozen=True)
class Answers:
    """A complete, validated set of answers: the matching engine's input."""

    who: str
    age: int
    borough: str  # a borough slug, or UNKNOWN_BOROUGH
    needs: tuple = ()  # empty when "not sure"
    impact: str = "quite-a-lot"
    applies: tuple = ()  # the eligibility criteria that restrict and apply to them (slugs)
    delivery: tuple = ()
    free_only: bool = False
    urgent: bool = False

    @property
    def has_crisis_needs(self):
        return bool(CRISIS_NEEDS.intersection(self.needs))

    @property
    def is_about_someone_else(self):
        """A parent, carer or professional is asking about a young person."""
        return self.who != Who.YOUNG_PERSON

    @property
    def knows_borough(self):
        return self.borough != UNKNOWN_BOROUGH

    @property
    def is_over_25(self):
        return is_over_25(self.age)
