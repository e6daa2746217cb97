"""The matching engine: validated answers in, ranked services with their reasons out.

Who is eligible comes only from ServiceQuerySet methods (the one definition the directory uses
too). One query ranks the candidates by a few facts it annotates from the same vocabulary (how
many needs it meets, THRIVE fit, self-referral, delivery, local), counts them, and returns the
best few; only those are then loaded with `with_match_data()`. So the number of queries is fixed
however many services match, and a large directory is ranked inside the database, not in
Python. See docs/navigator.md.
"""

from dataclasses import dataclass
from functools import cached_property
from urllib.parse import urlencode

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When, Window
from django.db.models.functions import Lower
from django.urls import reverse

from directory.helplines import local_urgent_line
from directory.london import BOROUGH_NAMES
from directory.models import Service
from directory.wording import join_words

from .answers import Answers

MAX_SHOWN = 20

# Who is asking -> the audiences whose services they see (None: every audience).
AUDIENCES = {
    "young-person": ("young-people",),
    "parent-carer": ("young-people", "parents-carers"),
    "professional": None,
}
THRIVE_ORDER = (
    "thriving",
    "getting-advice",
    "getting-help",
    "getting-more-help",
    "getting-risk-support",
)
RISK_SUPPORT = "getting-risk-support"
# How much it affects everyday life -> the THRIVE categories that fit best.
IMPACT_THRIVE = {
    "a-little": ("getting-advice", "thriving"),
    "quite-a-lot": ("getting-help",),
    "a-lot": ("getting-more-help",),
}
DELIVERY_PHRASES = {
    "online": "online or by chat",
    "phone": "by phone",
    "text": "by text message",
    "in-person": "face to face",
}

NEXT_STEPS = (
    "Talk to a GP. They can listen, help you think about what would help and refer you to "
    "local services.",
    "Talk to a school nurse, or a teacher, college or university wellbeing team you trust.",
    "If you need help soon but it is not an emergency, call NHS 111 and choose option 2 for "
    "mental health, any time of day or night.",
)
ADULT_NEXT_STEPS = (
    "Refer yourself to NHS Talking Therapies for anxiety and depression, without seeing a GP: "
    "search for NHS Talking Therapies on nhs.uk.",
    "Talk to a GP about how you are feeling.",
    "Call Samaritans on 116 123, any time, or text SHOUT to 85258.",
)


@dataclass(frozen=True)
class Match:
    service: Service
    rank: int
    thrive_category: object  # ThriveCategory
    reasons: tuple
    how_to_get_in: str
    is_local: bool


@dataclass(frozen=True)
class Group:
    category: object  # ThriveCategory
    matches: tuple


@dataclass(frozen=True)
class Facts:
    """What ranking knew about one candidate, annotated by the ranking query."""

    pk: int
    needs_met: int
    thrive_fit: int  # 2: the category the impact answer calls for; 1: the next one along
    self_referral: bool
    is_local: bool
    total: int  # how many candidates there were in all
    local_total: int  # and how many of them were local


FACT_FIELDS = ("pk", "needs_met", "thrive_fit", "self_referral", "is_local", "total", "local_total")


@dataclass(frozen=True)
class Results:
    answers: Answers
    matches: tuple  # the best MAX_SHOWN, ranked
    count: int  # how many services fit in all
    nothing_local: bool
    next_steps: tuple

    @property
    def urgent_help_shown(self):
        return self.answers.urgent or self.answers.has_crisis_needs

    @property
    def shown(self):
        return self.matches

    @property
    def more(self):
        return self.count - len(self.matches)

    @cached_property
    def groups(self):
        """The shown matches by THRIVE category, groups in the order of their best match."""
        groups = {}
        for match in self.shown:
            category = match.thrive_category
            key = category.slug if category else ""
            groups.setdefault(key, (category, []))[1].append(match)
        return tuple(Group(category, tuple(matches)) for category, matches in groups.values())

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


# Hard constraints: SQL, through the ServiceQuerySet.


def eligible_services(answers):
    """Published services that fit the age, the place and who is asking."""
    services = Service.objects.published().for_age(answers.age)
    if answers.knows_borough:
        services = services.in_borough(answers.borough)
    else:
        services = services.national()
    audiences = AUDIENCES[answers.who]
    if audiences:
        services = services.for_audience(*audiences)
    if answers.free_only:
        services = services.free()
    return services


def candidate_services(answers):
    """The eligible services worth ranking: those that help with a need (or are crisis
    services, when the needs call for them). With "not sure", every eligible service."""
    services = eligible_services(answers)
    if not answers.needs:
        return services
    candidates = services.with_needs(*answers.needs)
    if answers.has_crisis_needs:
        candidates = candidates | services.crisis()
    return candidates


def match_services(answers):
    """Rank the services that fit these answers. Never empty without saying what to do next."""
    if answers.is_over_25:
        return Results(answers, (), 0, nothing_local=True, next_steps=ADULT_NEXT_STEPS)
    ranked = ranked_facts(candidate_services(answers), answers)
    if not ranked:
        # Nothing fits the needs: national services for the age and audience, whatever
        # they help with, so the page is never empty.
        ranked = ranked_facts(eligible_services(answers).national(), answers)
    services = Service.objects.filter(pk__in=[f.pk for f in ranked]).with_match_data()
    by_pk = {service.pk: service for service in services}
    matches = tuple(
        Match(
            service=by_pk[fact.pk],
            rank=position,
            thrive_category=best_category(by_pk[fact.pk], answers),
            reasons=tuple(reasons(by_pk[fact.pk], fact, answers)),
            how_to_get_in=how_to_get_in(by_pk[fact.pk], answers.who),
            is_local=fact.is_local,
        )
        for position, fact in enumerate(ranked, start=1)
        if fact.pk in by_pk
    )
    total = ranked[0].total if ranked else 0
    nothing_local = not ranked or ranked[0].local_total == 0
    return Results(answers, matches, total, nothing_local, next_steps=NEXT_STEPS)


# Ranking: one query orders the candidates and counts them; only the best are loaded.


def _thrive_slugs_at(distance, answers):
    return [slug for slug in THRIVE_ORDER if _distance(slug, answers) == distance]


def _flag(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _count_linked(key, slugs):
    """How many of these slugs the service is linked to (0 for none asked)."""
    total = Value(0, output_field=IntegerField())
    for slug in slugs:
        total = total + _flag(Service.objects.linked_to(key, [slug]))
    return total


def ranked_facts(services, answers):
    """The best MAX_SHOWN candidates, ranked, each with what ranking knew about it."""
    linked_to = Service.objects.linked_to
    is_local = (
        _flag(linked_to("borough", [answers.borough]))
        if answers.knows_borough
        else Value(0, output_field=IntegerField())
    )
    self_referral = _flag(linked_to("referral", ["self"]))
    rows = (
        services.annotate(
            crisis_first=_flag(Q(is_crisis=True)) if answers.has_crisis_needs else Value(0),
            needs_met=_count_linked("need", answers.needs),
            thrive_fit=Case(
                When(linked_to("thrive", _thrive_slugs_at(0, answers)), then=2),
                When(linked_to("thrive", _thrive_slugs_at(1, answers)), then=1),
                default=0,
                output_field=IntegerField(),
            ),
            self_referral=self_referral,
            # Young people can usually only use a service they can contact themselves.
            reachable=self_referral if answers.who == "young-person" else Value(0),
            delivery_met=_count_linked("delivery", answers.delivery),
            is_local=is_local,
            total=Window(Count("pk")),
            local_total=Window(Sum(is_local)),
        )
        .order_by(
            "-crisis_first",
            "-needs_met",
            "-thrive_fit",
            "-reachable",
            "-delivery_met",
            "-is_local",
            Lower("name"),
            "pk",
        )
        .values_list(*FACT_FIELDS)[:MAX_SHOWN]
    )
    return [
        Facts(pk, needs, fit, bool(self_referral), bool(local), total, local_total or 0)
        for pk, needs, fit, self_referral, local, total, local_total in rows
    ]


def _needs_met(service, answers):
    return [need for need in service.need_list if need.slug in answers.needs]


def _delivery_met(service, answers):
    offered = {mode.slug for mode in service.delivery_list}
    return [mode for mode in answers.delivery if mode in offered]


def _route_slugs(service):
    return {route.slug for route in service.referral_list}


def _distance(category_slug, answers):
    """How far a THRIVE category is from what the impact answer calls for (0 is a fit)."""
    if category_slug not in THRIVE_ORDER:
        return len(THRIVE_ORDER)
    position = THRIVE_ORDER.index(category_slug)
    return min(abs(position - THRIVE_ORDER.index(t)) for t in IMPACT_THRIVE[answers.impact])


def best_category(service, answers):
    """The service's THRIVE category that best fits the answers (risk support in a crisis)."""
    categories = list(service.thrive_list)
    if answers.has_crisis_needs and service.is_crisis:
        risk = [c for c in categories if c.slug == RISK_SUPPORT]
        if risk:
            return risk[0]
    return min(categories, key=lambda c: (_distance(c.slug, answers), c.position), default=None)


# Reasons, in plain words.


def _lower_first(text):
    return text[:1].lower() + text[1:]


def _ages(service):
    if service.min_age == 0:
        return f"children and young people up to {service.max_age}"
    return f"{service.min_age} to {service.max_age} year olds"


def reasons(service, facts, answers):
    if answers.has_crisis_needs and service.is_crisis:
        yield "Gives urgent support when you need it now"
    needs = _needs_met(service, answers)
    if needs:
        yield "Helps with " + join_words(_lower_first(need.label) for need in needs)
    if facts.self_referral:
        if answers.who == "professional":
            yield "Young people can contact them themselves"
        else:
            yield "You can contact them yourself"
    if facts.is_local:
        yield f"For {_ages(service)} in {BOROUGH_NAMES[answers.borough]}"
    else:
        yield f"For {_ages(service)} anywhere in England"
    audiences = {audience.slug for audience in service.audience_list}
    if answers.who == "parent-carer" and "parents-carers" in audiences:
        yield "Supports parents and carers"
    if facts.thrive_fit == 2 and not service.is_crisis:
        yield "Suits how much it is affecting everyday life"
    delivery = _delivery_met(service, answers)
    if delivery:
        yield "You can get support " + join_words(DELIVERY_PHRASES[mode] for mode in delivery)
    if service.cost == Service.Cost.FREE:
        yield "Free"


def how_to_get_in(service, who):
    """One sentence: how this person gets help from the service (self-referral first)."""
    routes = _route_slugs(service)
    referrers = [name for slug, name in (("gp", "GP"), ("school", "school")) if slug in routes]
    if who == "young-person":
        if "self" in routes:
            return "Contact them yourself: you do not need anyone to refer you"
        if referrers:
            return f"Ask your {' or '.join(referrers)} to refer you"
        if "parent-carer" in routes:
            return "Ask a parent or carer to contact them for you"
        if "professional" in routes:
            return "Ask a professional who supports you, like a social worker, to refer you"
    elif who == "parent-carer":
        if "parent-carer" in routes or "self" in routes:
            return "You can contact them yourself"
        if referrers:
            return f"Ask your child's {' or '.join(referrers)} to refer them"
        if "professional" in routes:
            return "Ask a professional who works with your child to refer them"
    else:
        parts = []
        if "self" in routes:
            parts.append("Young people can contact them themselves.")
        accepted = [
            name
            for slug, name in (
                ("parent-carer", "parents and carers"),
                ("gp", "GPs"),
                ("school", "schools"),
                ("professional", "other professionals"),
            )
            if slug in routes
        ]
        if accepted:
            parts.append(f"Referrals from {join_words(accepted)}.")
        if parts:
            return " ".join(parts)
    return "Contact them to ask how to get support"
