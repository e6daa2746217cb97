"""What the results say, in plain English: why each service is shown, how to get in, and what
to do next. Only words and the choice between them: no queries, so a content designer can change
any of it without touching the ranking (navigator/ranking.py).

The services passed in are loaded with `with_match_data()`, so reading their lists here costs
no query.
"""

from directory.helplines import NATIONAL_LINES
from directory.london import BOROUGH_NAMES
from directory.phone import display_phone
from directory.wording import join_words

DELIVERY_PHRASES = {
    "online": "online or by chat",
    "phone": "by phone",
    "text": "by text message",
    "in-person": "face to face",
}


def _phone(line):
    return display_phone(line.phone)


def next_steps():
    """What to do next, under every list of results. The crisis lines' numbers come from
    directory/helplines.py, read when the page is drawn."""
    nhs_111 = NATIONAL_LINES["nhs-111"]
    return (
        "Talk to a GP. They can listen, help you think about what would help and refer you to "
        "local services.",
        "Talk to a school nurse, or a teacher, college or university wellbeing team you trust.",
        f"If you need help soon but it is not an emergency, call {nhs_111.name} and choose "
        f"option {nhs_111.option} for mental health, any time of day or night.",
    )


def adult_next_steps():
    """What to do next for someone over 25, whom the directory's services are not for."""
    samaritans, shout = NATIONAL_LINES["samaritans"], NATIONAL_LINES["shout"]
    return (
        "Refer yourself to NHS Talking Therapies for anxiety and depression, without seeing a "
        "GP: search for NHS Talking Therapies on nhs.uk.",
        "Talk to a GP about how you are feeling.",
        f"Call {samaritans.name} on {_phone(samaritans)}, any time, or text "
        f"{shout.text_keyword} to {display_phone(shout.text_number)}.",
    )


def _lower_first(text):
    return text[:1].lower() + text[1:]


def _ages(service):
    if service.min_age == 0:
        return f"children and young people up to {service.max_age}"
    return f"{service.min_age} to {service.max_age} year olds"


def _needs_met(service, answers):
    return [need for need in service.need_list if need.slug in answers.needs]


def _delivery_met(service, answers):
    offered = {mode.slug for mode in service.delivery_list}
    return [mode for mode in answers.delivery if mode in offered]


def _route_slugs(service):
    return {route.slug for route in service.referral_list}


def reasons(service, facts, answers):
    """Why the service is shown: `facts` are what ranking knew about it (ranking.Facts)."""
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
    if answers.who == "parent-carer" and facts.supports_parents:
        yield "Supports parents and carers"
    for criterion in criteria_that_apply(service, answers):
        yield f"{criterion.description}, which you said applies"
    if facts.thrive_fit == 2 and not service.is_crisis:
        yield "Suits how much it is affecting everyday life"
    delivery = _delivery_met(service, answers)
    if delivery:
        yield "You can get support " + join_words(DELIVERY_PHRASES[mode] for mode in delivery)
    if service.cost == service.Cost.FREE:
        yield "Free"


def criteria_that_apply(service, answers):
    """The service's criteria that restrict who can use it and that the person said apply."""
    return [
        criterion
        for criterion in service.eligibility_list
        if criterion.rule == criterion.Rule.RESTRICTS and criterion.slug in answers.applies
    ]


def things_to_check(service):
    """Conditions of the service a person may not know they meet, said plainly."""
    return tuple(
        criterion.check_note
        for criterion in service.eligibility_list
        if criterion.rule == criterion.Rule.CHECK and criterion.check_note
    )


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
