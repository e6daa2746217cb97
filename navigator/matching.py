"""The matching engine: validated answers in, ranked services with their reasons out.

It puts together the ranking (navigator/ranking.py: which services, in what order, all in SQL)
and the wording (navigator/wording.py: reasons, how to get in, next steps). See
docs/navigator.md.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.urls import reverse

from directory.models import Service
from directory.vocabulary_rows import thrive_order
from pages.helplines import local_urgent_line
from pages.london import BOROUGH_NAMES

from . import wording
from .answers import Answers
from .ranking import best_category, ranked_best, services_by_pk


@dataclass(frozen=True)
class Match:
    service: Service
    rank: int
    thrive_category: object  # ThriveCategory
    reasons: tuple
    how_to_get_in: str
    is_local: bool
    to_check: tuple = ()  # conditions the person may not know they meet, said plainly


BEST_FIRST = 5  # shown at once; the rest of the best MAX_SHOWN are behind "show more"
# In a crisis the crisis services come first (docs/clinical-safety.md, H8); this many of the
# others are shown at once after them, so a service made for the person (their looked-after
# children's team) is not hidden behind the crisis lines the urgent help card already gives.
BEST_AFTER_CRISIS = 3


@dataclass(frozen=True)
class Group:
    category: object  # ThriveCategory, or None
    matches: tuple

    @property
    def heading(self):
        """In plain English; the THRIVE category's name is its small label."""
        return wording.group_heading(self.category)


def _grouped(matches):
    """Matches by THRIVE category, groups in the order of their best match."""
    groups = {}
    for match in matches:
        category = match.thrive_category
        key = category.slug if category else ""
        groups.setdefault(key, (category, []))[1].append(match)
    return tuple(Group(category, tuple(matches)) for category, matches in groups.values())


@dataclass(frozen=True)
class Results:
    answers: Answers
    matches: tuple  # the best ranking.MAX_SHOWN, ranked
    count: int  # how many services fit in all
    nothing_local: bool
    next_steps: tuple

    @property
    def urgent_help_shown(self):
        return self.answers.urgent or self.answers.has_crisis_needs

    @property
    def more(self):
        return self.count - len(self.matches)

    @cached_property
    def groups(self):
        """All the shown matches by THRIVE category, groups in the order of their best match."""
        return _grouped(self.matches)

    @cached_property
    def best_groups(self):
        """The best matches (best_count), grouped: what the page shows at once."""
        return _grouped(self.matches[: self.best_count])

    @cached_property
    def other_groups(self):
        """The rest of the shown matches, grouped: behind "show more"."""
        return _grouped(self.matches[self.best_count :])

    @cached_property
    def best_count(self):
        """BEST_FIRST; in a crisis, the crisis services ranked first and BEST_AFTER_CRISIS
        more, if that is more."""
        count = BEST_FIRST
        if self.answers.has_crisis_needs:
            crisis = 0
            while crisis < len(self.matches) and self.matches[crisis].service.is_crisis:
                crisis += 1
            count = max(count, crisis + BEST_AFTER_CRISIS)
        return min(len(self.matches), count)

    @property
    def other_count(self):
        return len(self.matches) - self.best_count

    @property
    def borough_name(self):
        return BOROUGH_NAMES.get(self.answers.borough)

    @property
    def local_urgent_line(self):
        return local_urgent_line(self.answers.borough)

    @property
    def directory_url(self):
        """The directory filtered the same way, to see every match."""
        params = []
        if self.answers.knows_borough:
            params.append(("borough", self.answers.borough))
        params.append(("age", self.answers.age))
        params.extend(("need", need) for need in self.answers.needs)
        if self.answers.free_only:
            params.append(("free", "1"))
        return f"{reverse('directory:service_list')}?{urlencode(params)}"


def match_services(answers):
    """Rank the services that fit these answers. Never empty without saying what to do next."""
    if answers.is_over_25:
        return Results(answers, (), 0, nothing_local=True, next_steps=wording.adult_next_steps())
    ranked = ranked_best(answers)
    by_pk = services_by_pk(ranked)
    order = thrive_order()
    matches = tuple(
        _match(by_pk[fact.pk], fact, position, answers, order)
        for position, fact in enumerate(ranked, start=1)
        if fact.pk in by_pk
    )
    total = ranked[0].total if ranked else 0
    nothing_local = not ranked or ranked[0].local_total == 0
    return Results(answers, matches, total, nothing_local, next_steps=wording.next_steps(answers))


def _match(service, facts, rank, answers, order):
    return Match(
        service=service,
        rank=rank,
        thrive_category=best_category(service, answers, order),
        reasons=tuple(wording.reasons(service, facts, answers)),
        how_to_get_in=wording.how_to_get_in(service, answers.who),
        is_local=facts.is_local,
        to_check=wording.things_to_check(service),
    )
