"""Where the directory has local listings, and how many, said honestly.

A borough has local listings when a published service of its own covers it: not national, and
not a regional service that covers REGIONAL_FROM boroughs or more (a trust-wide phone line, an
online service commissioned across an integrated care board; Borough.objects.with_local_services,
directory/models/vocabularies.py). Elsewhere people see national and
regional services, and are told so before they answer anything else (the home page, the
navigator's borough question). Each borough's sentence says how many services we list there and
whether they are only its essentials (its CAMHS, Local Offer and Family Information Service,
docs/data.md), with a link to its council's Local Offer, which lists more.
"""

from dataclasses import dataclass, field

from django.db.models import OuterRef, Subquery

from pages.london import BOROUGH_NAMES

from . import caching
from .models import Borough, Essential, Service, ServiceLink


def boroughs_with_local_services():
    """Boroughs covered by at least one published service of their own (see above)."""
    return Borough.objects.with_local_services()


def local_borough_slugs():
    """The slugs of boroughs_with_local_services(), kept until the directory changes: for the
    home page and the navigator's borough question."""
    return caching.get_or_set(
        "local-borough-slugs",
        lambda: frozenset(boroughs_with_local_services().values_list("slug", flat=True)),
    )


@dataclass
class BoroughListing:
    """What we list in one borough: `count` published services that are not national,
    `essentials` (Essential values) among them, and its Local Offer's address if we have it."""

    name: str
    slug: str
    count: int = 0
    essentials: set = field(default_factory=set)
    all_essentials: bool = True
    local_offer_url: str = ""

    @property
    def sentence(self):
        """ "We list 4 services in Tower Hamlets: the essentials." and the like."""
        if not self.count:
            return (
                f"We do not list any local services in {self.name} yet: you will see national "
                "services, which anyone can use."
            )
        services = "service" if self.count == 1 else "services"
        text = f"We list {self.count} {services} in {self.name}"
        if self.all_essentials:
            return f"{text}: the essentials."
        if self.essentials:
            return f"{text}, including its essentials."
        return f"{text}."


def borough_listing(slug):
    """One borough's BoroughListing (None for a slug that is not a London borough), in one
    query: for the list of services filtered to that borough, where the page cache is off or
    cold and a query for all 33 boroughs would slow every filtered page."""
    name = BOROUGH_NAMES.get(slug)
    if name is None:
        return None
    listing = BoroughListing(name, slug)
    local_offer_page = ServiceLink.objects.filter(
        service_id=OuterRef("service_id"), borough__slug=slug
    ).values("url")[:1]
    rows = (
        Service.boroughs.through.objects.filter(
            borough__slug=slug,
            service__status=Service.Status.PUBLISHED,
            service__is_national=False,
        )
        .annotate(page=Subquery(local_offer_page))
        .values_list("service__essential", "service__website", "page")
    )
    for essential, website, page in rows:
        listing.count += 1
        if essential:
            listing.essentials.add(essential)
        else:
            listing.all_essentials = False
        if essential == Essential.LOCAL_OFFER:  # its page for this borough wins
            listing.local_offer_url = page or listing.local_offer_url or website
    return listing


def borough_listings():
    """Every borough's BoroughListing, by slug, in three queries (the navigator's borough
    question shows them all)."""
    listings = {
        slug: BoroughListing(name, slug)
        for slug, name in Borough.objects.values_list("slug", "name")
    }
    rows = Service.boroughs.through.objects.filter(
        service__status=Service.Status.PUBLISHED, service__is_national=False
    ).values_list("borough__slug", "service__essential", "service__website")
    for slug, essential, website in rows:
        listing = listings[slug]
        listing.count += 1
        if essential:
            listing.essentials.add(essential)
        else:
            listing.all_essentials = False
        if essential == Essential.LOCAL_OFFER and website and not listing.local_offer_url:
            listing.local_offer_url = website
    pages = ServiceLink.objects.filter(
        service__status=Service.Status.PUBLISHED, service__essential=Essential.LOCAL_OFFER
    ).values_list("borough__slug", "url")
    for slug, url in pages:
        listings[slug].local_offer_url = url
    return listings
