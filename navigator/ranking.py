"""Which services fit the answers, and in what order: the queries. None of the words people
read are here (they are in navigator/wording.py).

Who is eligible comes only from ServiceQuerySet methods (the one definition the directory uses
too). One query ranks the candidates by a few facts it annotates from the same vocabulary (how
many needs it meets, THRIVE fit, self-referral, delivery, local), counts them, and returns the
best few; only those are then loaded with `with_match_data()`. So the number of queries is fixed
however many services match, and a large directory is ranked inside the database, not in
Python. See docs/navigator.md.
"""

from dataclasses import dataclass

from django.db.models import Case, Count, IntegerField, Q, Sum, Value, When, Window
from django.db.models.functions import Lower

from directory.models import Service

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


@dataclass(frozen=True)
class Facts:
    """What ranking knew about one candidate, annotated by the ranking query."""

    pk: int
    needs_met: int
    thrive_fit: int  # 2: the category the impact answer calls for; 1: the next one along
    self_referral: bool
    is_local: bool
    supports_parents: bool  # parents and carers are among the people it is for
    total: int  # how many candidates there were in all
    local_total: int  # and how many of them were local


FACT_FIELDS = (
    "pk", "needs_met", "thrive_fit", "self_referral", "is_local", "supports_parents", "total",
    "local_total",
)  # fmt: skip


# Hard constraints: SQL, through the ServiceQuerySet.


def eligible_services(answers):
    """Published services that fit the age, the place, who is asking and the eligibility
    criteria they said apply."""
    services = Service.objects.published().for_age(answers.age).open_to(*answers.applies)
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


def ranked_best(answers):
    """The best candidates' facts, ranked; never empty while any national service fits."""
    ranked = ranked_facts(candidate_services(answers), answers)
    if ranked:
        return ranked
    # Nothing fits the needs: national services for the age and audience, whatever they help
    # with, so the page is never empty.
    return ranked_facts(eligible_services(answers).national(), answers)


def services_by_pk(ranked):
    """The ranked services, loaded with everything the results show: {pk: service}."""
    services = Service.objects.filter(pk__in=[fact.pk for fact in ranked]).with_match_data()
    return {service.pk: service for service in services}


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
            # A service for people in a situation they said applies is made for them.
            situation_met=_count_linked("eligibility", answers.applies),
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
            supports_parents=_flag(linked_to("audience", ["parents-carers"])),
            total=Window(Count("pk")),
            local_total=Window(Sum(is_local)),
        )
        .order_by(
            "-crisis_first",
            "-situation_met",
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
        Facts(pk, needs, fit, bool(own), bool(local), bool(parents), total, local_total or 0)
        for pk, needs, fit, own, local, parents, total, local_total in rows
    ]


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
