"""How to get in to a service, in plain words: self-referral first, then each route."""

from dataclasses import dataclass

from .facts import ReferralSlug

SELF = ReferralSlug.SELF
ROUTE_SENTENCES = {
    ReferralSlug.SELF: "You can contact them yourself",
    ReferralSlug.PARENT_CARER: "A parent or carer can contact them for you",
    ReferralSlug.SCHOOL: "Your school or college can refer you",
    ReferralSlug.GP: "Your GP can refer you",
    ReferralSlug.PROFESSIONAL: (
        "A social worker, health visitor or other professional can refer you"
    ),
}


@dataclass(frozen=True)
class AccessRoute:
    slug: str
    sentence: str


def access_routes(service):
    """The service's referral routes as sentences, self-referral first.

    Uses the prefetched routes, so it costs no query with `with_card_data()`.
    """
    routes = sorted(service.referral_list, key=lambda r: (r.slug != SELF, r.position))
    return [AccessRoute(r.slug, ROUTE_SENTENCES.get(r.slug, r.name)) for r in routes]


def can_self_refer(service):
    return any(route.slug == SELF for route in service.referral_list)
