"""Which services fit the answers, and in what order: the queries. None of the words people
read are here (they are in navigator/wording.py).

Who is eligible comes only from the directory's selector (directory/selectors.py, over the
ServiceQuerySet methods: the one definition /services/ and the API use too). One query ranks
the candidates by a few facts it annotates from the same vocabulary (how many needs it meets,
THRIVE fit, self-referral, delivery, local), counts them, and returns the best few; only those
are then loaded with `with_match_data()`. So the number of queries is fixed however many
services match, and a large directory is ranked inside the database, not in Python. See
docs/navigator.md.
"""

from dataclasses import dataclass

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, Lower

from directory.facts import AudienceSlug, ReferralSlug, ThriveSlug, Who
from directory.models import EligibilityCriterion, Service
from directory.selectors import Selection, filter_services
from directory.vocabulary_rows import thrive_order

from .answers import YOUNG_CHILD_AGE
from .needs import SEPARATE_SUBJECTS, needs_about_something_else, needs_about_the_age

MAX_SHOWN = 20

# Who is asking -> the audiences whose services they see (None: every audience).
AUDIENCES = {
    Who.YOUNG_PERSON: (AudienceSlug.YOUNG_PEOPLE,),
    Who.PARENT_CARER: (AudienceSlug.YOUNG_PEOPLE, AudienceSlug.PARENTS_CARERS),
    Who.PROFESSIONAL: None,
}
# The people around a child: a service for them suits a grown-up asking about a young child.
GROWN_UPS = (AudienceSlug.PARENTS_CARERS, AudienceSlug.PROFESSIONALS)
RISK_SUPPORT = ThriveSlug.GETTING_RISK_SUPPORT
# How much it affects everyday life -> the THRIVE categories that fit best. How far another
# category is from those is counted in the categories' own order (ThriveCategory.position).
IMPACT_THRIVE = {
    "a-little": (ThriveSlug.GETTING_ADVICE, ThriveSlug.THRIVING),
    "quite-a-lot": (ThriveSlug.GETTING_HELP,),
    "a-lot": (ThriveSlug.GETTING_MORE_HELP,),
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
    criteria they said apply: the directory's selector (directory/selectors.py), as for
    /services/ and the API."""
    audiences = AUDIENCES[answers.who]
    # A child under 11 does not contact a service on their own (the navigator tells one
    # answering for themselves to ask a grown-up): those for young people alone, such as
    # Childline and Shout, are not for the grown-up asking about them.
    for_grown_ups = answers.who != Who.YOUNG_PERSON and answers.age < YOUNG_CHILD_AGE
    selection = Selection(
        age=answers.age,
        applies=answers.applies,
        place=(answers.borough,) if answers.knows_borough else (),
        vocabularies={"audience": audiences} if audiences else {},
        linked=((("audience", GROWN_UPS),),) if for_grown_ups else (),
        free=answers.free_only,
    )
    return filter_services(Service.objects.published(), selection)


def candidate_services(answers):
    """The eligible services worth ranking: those that help with a need (or are crisis
    services, when the needs call for them), and those made for a situation the person said
    applies (a looked-after children's team, for a care leaver, whatever the need: its
    clinicians see the young people in its care for anything). With "not sure", every
    eligible service."""
    services = eligible_services(answers)
    if not answers.needs:
        return services
    candidates = services.with_needs(*answers.needs)
    if answers.has_crisis_needs:
        candidates = candidates | services.crisis()
    if answers.applies:
        candidates = candidates | services.filter(made_for_situation(answers.applies))
    return candidates


def made_for_situation(applies):
    """A condition: the service is only for people in one of these situations (a criterion
    that restricts it), so it is made for them."""
    restricting = EligibilityCriterion.objects.filter(
        slug__in=applies, rule=EligibilityCriterion.Rule.RESTRICTS
    ).values("pk")
    links = Service.eligibility_criteria.through.objects.filter(
        eligibilitycriterion__in=restricting
    )
    return Q(pk__in=links.values("service_id"))


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


def _thrive_slugs_at(distance, answers, order):
    return [slug for slug in order if _distance(slug, answers, order) == distance]


def _flag(condition):
    return Case(When(condition, then=Value(1)), default=Value(0), output_field=IntegerField())


def _count_linked(key, slugs):
    """How many of these slugs the service is linked to (0 for none asked)."""
    total = Value(0, output_field=IntegerField())
    for slug in slugs:
        total = total + _flag(Service.objects.linked_to(key, [slug]))
    return total


def _topic_fit(answers):
    """2: about this age in particular (early years, for a child under 5); 0: about
    something or someone else (parenting, for a young person; drugs, for someone anxious);
    1: neither. navigator/needs.py says which needs are which."""
    linked_to = Service.objects.linked_to
    whens = []
    about_the_age = [n for n in needs_about_the_age(answers.age) if n not in answers.needs]
    if about_the_age:
        whens.append(When(linked_to("need", about_the_age), then=2))
    something_else = needs_about_something_else(answers.who, answers.age, answers.needs)
    if something_else:
        whens.append(When(linked_to("need", something_else), then=0))
    if not whens:
        return Value(1, output_field=IntegerField())
    return Case(*whens, default=1, output_field=IntegerField())


def _need_count():
    """How many needs each service helps with (a correlated count)."""
    links = Service.needs.through.objects.filter(service=OuterRef("pk"))
    count = links.order_by().values("service").annotate(n=Count("pk")).values("n")
    return Coalesce(Subquery(count, output_field=IntegerField()), 0)


def _needs_met(answers):
    """How many of the needs a service helps with; when several were asked, one more when
    one of them is its whole subject (its only need): the autism assessment, for a parent
    asking about autism and behaviour, meets autism as fully as a service touching on both."""
    met = _count_linked("need", answers.needs)
    if len(answers.needs) < 2:  # with one need asked, every candidate meets it alike
        return met
    specialist = Case(
        When(Q(need_count=1) & Service.objects.linked_to("need", answers.needs), then=1),
        default=0,
        output_field=IntegerField(),
    )
    return met + specialist


def _breadth(answers):
    """How many needs a service helps with, when the answer was "not sure": broad services
    (someone to talk to about anything) are the best first step then. A separate subject
    (drugs, eating) does not make a service broad. 0 otherwise."""
    if answers.needs:
        return Value(0, output_field=IntegerField())
    return _need_count() - _count_linked("need", SEPARATE_SUBJECTS)


def _ordering(answers):
    """The facts in order of importance. With needs: how many it meets comes first. "Not
    sure": what suits the person, then the broadest services they can reach."""
    if answers.needs:
        facts = ("crisis_first", "situation_met", "needs_met", "topic_fit", "thrive_fit")
        facts = (*facts, "reachable")
    else:
        facts = ("situation_met", "topic_fit", "reachable", "breadth", "thrive_fit")
    return (*(f"-{fact}" for fact in facts), "-delivery_met", "-is_local", Lower("name"), "pk")


def ranked_facts(services, answers):
    """The best MAX_SHOWN candidates, ranked, each with what ranking knew about it."""
    linked_to = Service.objects.linked_to
    is_local = (
        _flag(linked_to("borough", [answers.borough]))
        if answers.knows_borough
        else Value(0, output_field=IntegerField())
    )
    self_referral = _flag(linked_to("referral", [ReferralSlug.SELF]))
    order = thrive_order()
    if len(answers.needs) > 1:
        services = services.alias(need_count=_need_count())
    rows = (
        services.annotate(
            crisis_first=_flag(Q(is_crisis=True)) if answers.has_crisis_needs else Value(0),
            # A service for people in a situation they said applies is made for them.
            situation_met=_count_linked("eligibility", answers.applies),
            needs_met=_needs_met(answers),
            topic_fit=_topic_fit(answers),
            breadth=_breadth(answers),
            thrive_fit=Case(
                When(linked_to("thrive", _thrive_slugs_at(0, answers, order)), then=2),
                When(linked_to("thrive", _thrive_slugs_at(1, answers, order)), then=1),
                default=0,
                output_field=IntegerField(),
            ),
            self_referral=self_referral,
            # Young people can usually only use a service they can contact themselves.
            reachable=self_referral if answers.who == Who.YOUNG_PERSON else Value(0),
            delivery_met=_count_linked("delivery", answers.delivery),
            is_local=is_local,
            supports_parents=_flag(linked_to("audience", [AudienceSlug.PARENTS_CARERS])),
            total=Window(Count("pk")),
            local_total=Window(Sum(is_local)),
        )
        .order_by(*_ordering(answers))
        .values_list(*FACT_FIELDS)[:MAX_SHOWN]
    )
    return [
        Facts(pk, needs, fit, bool(own), bool(local), bool(parents), total, local_total or 0)
        for pk, needs, fit, own, local, parents, total, local_total in rows
    ]


def _distance(category_slug, answers, order):
    """How far a THRIVE category is from what the impact answer calls for (0 is a fit), in
    the categories' order."""
    if category_slug not in order:
        return len(order)
    position = order.index(category_slug)
    fits = [order.index(t) for t in IMPACT_THRIVE[answers.impact] if t in order]
    return min((abs(position - fit) for fit in fits), default=len(order))


def best_category(service, answers, order):
    """The service's THRIVE category that best fits the answers (risk support in a crisis).
    `order`: every category's slug in order (thrive_order())."""
    categories = list(service.thrive_list)
    if answers.has_crisis_needs and service.is_crisis:
        risk = [c for c in categories if c.slug == RISK_SUPPORT]
        if risk:
            return risk[0]
    return min(
        categories, key=lambda c: (_distance(c.slug, answers, order), c.position), default=None
    )
