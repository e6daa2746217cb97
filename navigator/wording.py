"""What the results say, in plain English: why each service is shown, how to get in, and what
to do next. Only words and the choice between them: no queries, so a content designer can change
any of it without touching the ranking (navigator/ranking.py).

The services passed in are loaded with `with_match_data()`, so reading their lists here costs
no query.
"""

from directory.facts import DeliverySlug, NeedSlug, ReferralSlug, ThriveSlug, Who
from directory.phone import display_phone
from directory.wording import join_words
from pages.helplines import NATIONAL_LINES
from pages.london import BOROUGH_NAMES

DELIVERY_PHRASES = {
    DeliverySlug.ONLINE: "online or by chat",
    DeliverySlug.PHONE: "by phone",
    DeliverySlug.TEXT: "by text message",
    DeliverySlug.IN_PERSON: "face to face",
}


def _phone(line):
    return display_phone(line.phone)


# Who can help day to day, by the young person's age: the youngest are seen by a health
# visitor and at nursery, not by a school nurse or a college wellbeing team.
EVERYDAY_HELP = (
    # (up to this age, what a young person reads, what a parent or professional reads)
    (4, "", "Talk to your health visitor, or to staff at the nursery or children's centre"),
    (10, "Talk to a teacher or school nurse you trust, or ask a grown-up to help you",
     "Talk to their teacher, the school's special needs coordinator (SENCO) or the school "
     "nurse"),
    (15, "Talk to a school nurse, or a teacher you trust",
     "Talk to their school nurse, or a teacher they trust"),
    (25, "Talk to a school nurse, or a teacher, college or university wellbeing team you trust",
     "Talk to their school nurse, or their school, college or university wellbeing team"),
)  # fmt: skip
GP_STEP = {
    Who.YOUNG_PERSON: "Talk to a GP. They can listen, help you think about what would help and "
    "refer you to local services.",
    Who.PARENT_CARER: "Talk to your child's GP. They can listen, help you think about what "
    "would help and refer your child to local services.",
    Who.PROFESSIONAL: "Suggest they see their GP, who can help them think about what would help "
    "and refer them to local services.",
}


def next_steps(answers=None):
    """What to do next, under every list of results, for who is asking and the young
    person's age (EVERYDAY_HELP). The crisis lines' numbers come from pages/helplines.py,
    read when the page is drawn."""
    nhs_111 = NATIONAL_LINES["nhs-111"]
    who = answers.who if answers else Who.YOUNG_PERSON
    age = answers.age if answers else 16
    for up_to, to_them, to_others in EVERYDAY_HELP:
        if age <= up_to:
            everyday = to_them if who == Who.YOUNG_PERSON else to_others
            break
    else:
        everyday = EVERYDAY_HELP[-1][1]
    need_help = "you need" if who == Who.YOUNG_PERSON else "they need"
    return tuple(
        step
        for step in (
            GP_STEP[who],
            f"{everyday}." if everyday else "",
            f"If {need_help} help soon but it is not an emergency, call {nhs_111.name} and "
            f"choose option {nhs_111.option} for mental health, any time of day or night.",
        )
        if step
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


# The needs as a parent, carer or professional reads them, about someone else: the
# vocabulary's labels speak to the young person ("Hurting yourself"). Any other need's label
# reads the same to everyone.
NEED_LABELS_ABOUT_THEM = {
    NeedSlug.SELF_HARM: "Hurting themselves",
    NeedSlug.SUICIDAL_THOUGHTS: "Thinking about ending their life",
    NeedSlug.BEHAVIOUR: "Anger or behaviour that is hard to manage",
    NeedSlug.BEREAVEMENT: "Someone close to them has died",
    NeedSlug.TRAUMA: "Something frightening or upsetting happened to them",
    NeedSlug.BODY_IMAGE: "Feeling bad about how they look",
}


def need_label(slug, label, who):
    """A need's label for who is asking (NEED_LABELS_ABOUT_THEM)."""
    if who in (Who.PARENT_CARER, Who.PROFESSIONAL):
        return NEED_LABELS_ABOUT_THEM.get(slug, label)
    return label


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
        labels = (need_label(need.slug, need.label, answers.who) for need in needs)
        yield "Helps with " + join_words(_lower_first(label) for label in labels)
    if facts.self_referral:
        if answers.who == Who.PROFESSIONAL:
            yield "Young people can contact them themselves"
        else:
            yield "You can contact them yourself"
    if facts.is_local:
        yield f"For {_ages(service)} in {BOROUGH_NAMES[answers.borough]}"
    else:
        yield f"For {_ages(service)} anywhere in England"
    if answers.who == Who.PARENT_CARER and facts.supports_parents:
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
    referrers = [
        name
        for slug, name in ((ReferralSlug.GP, "GP"), (ReferralSlug.SCHOOL, "school"))
        if slug in routes
    ]
    if who == Who.YOUNG_PERSON:
        if ReferralSlug.SELF in routes:
            return "Contact them yourself: you do not need anyone to refer you"
        if referrers:
            return f"Ask your {' or '.join(referrers)} to refer you"
        if ReferralSlug.PARENT_CARER in routes:
            return "Ask a parent or carer to contact them for you"
        if ReferralSlug.PROFESSIONAL in routes:
            return "Ask a professional who supports you, like a social worker, to refer you"
    elif who == Who.PARENT_CARER:
        if ReferralSlug.PARENT_CARER in routes or ReferralSlug.SELF in routes:
            return "You can contact them yourself"
        if referrers:
            return f"Ask your child's {' or '.join(referrers)} to refer them"
        if ReferralSlug.PROFESSIONAL in routes:
            return "Ask a professional who works with your child to refer them"
    else:
        parts = []
        if ReferralSlug.SELF in routes:
            parts.append("Young people can contact them themselves.")
        accepted = [
            name
            for slug, name in (
                (ReferralSlug.PARENT_CARER, "parents and carers"),
                (ReferralSlug.GP, "GPs"),
                (ReferralSlug.SCHOOL, "schools"),
                (ReferralSlug.PROFESSIONAL, "other professionals"),
            )
            if slug in routes
        ]
        if accepted:
            parts.append(f"Referrals from {join_words(accepted)}.")
        if parts:
            return " ".join(parts)
    return "Contact them to ask how to get support"


# Results are grouped by THRIVE category (the data's frame); each group is headed in plain
# English, with the THRIVE name as a small label beside it.
GROUP_HEADINGS = {
    ThriveSlug.THRIVING: "Staying well",
    ThriveSlug.GETTING_ADVICE: "Advice and someone to talk to",
    ThriveSlug.GETTING_HELP: "Counselling and regular support",
    ThriveSlug.GETTING_MORE_HELP: "More specialist help",
    ThriveSlug.GETTING_RISK_SUPPORT: "Urgent and crisis support",
}
OTHER_HEADING = "Other support"


def group_heading(category):
    """A plain heading for a group of results (category: a ThriveCategory, or None)."""
    return GROUP_HEADINGS.get(category.slug, category.name) if category else OTHER_HEADING


# The answers at the top of the results, each beside a link to change it.
WHO_SUMMARY = {
    Who.YOUNG_PERSON: "You",
    Who.PARENT_CARER: "Your child, or a young person you care for",
    Who.PROFESSIONAL: "A young person you work with",
}
NOT_IN_LONDON_SUMMARY = "Not in London, or not known"
NOT_SURE_SUMMARY = "Not sure"
NO_PREFERENCES_SUMMARY = "No preference"
FREE_ONLY_SUMMARY = "Free services only"


NONE_APPLY_SUMMARY = "None of these"


def answer_summary(answers, need_labels, impact_labels, delivery_labels, applies_labels):
    """(question slug, what was asked, the answer) for each answer, in the order asked.
    The labels ({slug: label}) are the ones the questions offered."""
    yield "who", "Who it is for", WHO_SUMMARY[answers.who]
    yield "age", "Age", f"{answers.age}"
    yield "where", "Where", BOROUGH_NAMES.get(answers.borough, NOT_IN_LONDON_SUMMARY)
    needs = [need_label(slug, need_labels.get(slug, slug), answers.who) for slug in answers.needs]
    if needs:
        about = join_words([needs[0], *(_lower_first(label) for label in needs[1:])])
    else:
        about = NOT_SURE_SUMMARY
    yield "need", "What it is about", about
    yield "impact", "How much it affects everyday life", impact_labels[answers.impact]
    situations = [label for slug, label in applies_labels.items() if slug in answers.applies]
    yield "applies", "Situations that apply", "; ".join(situations) or NONE_APPLY_SUMMARY
    ways = [delivery_labels[mode] for mode in answers.delivery]
    if answers.free_only:
        ways.append(FREE_ONLY_SUMMARY)
    preferences = "; ".join([ways[0], *(_lower_first(way) for way in ways[1:])]) if ways else ""
    yield "preferences", "How to get support", preferences or NO_PREFERENCES_SUMMARY
