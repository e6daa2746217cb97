"""Small helpers that make services for tests, with sensible defaults."""

import itertools

from directory.models import (
    Audience,
    Borough,
    DeliveryMode,
    Need,
    Organisation,
    ReferralRoute,
    Service,
    ThriveCategory,
)

_counter = itertools.count(1)


def make_organisation(**fields):
    number = next(_counter)
    fields.setdefault("name", f"Organisation {number}")
    fields.setdefault("slug", f"organisation-{number}")
    return Organisation.objects.create(**fields)


def make_service(
    *,
    thrive=("getting-help",),
    needs=(),
    boroughs=(),
    audiences=("young-people",),
    referral=("self",),
    delivery=(),
    **fields,
):
    """A published service for ages 11-18; pass slugs for the related vocabularies."""
    number = next(_counter)
    fields.setdefault("name", f"Service {number}")
    fields.setdefault("slug", f"service-{number}")
    fields.setdefault("summary", "Support for young people.")
    fields.setdefault("min_age", 11)
    fields.setdefault("max_age", 18)
    fields.setdefault("status", Service.Status.PUBLISHED)
    fields.setdefault("website", "https://example.org/")
    if "organisation" not in fields:
        fields["organisation"] = make_organisation()
    service = Service.objects.create(**fields)
    service.thrive_categories.set(ThriveCategory.objects.filter(slug__in=thrive))
    service.needs.set(Need.objects.filter(slug__in=needs))
    service.boroughs.set(Borough.objects.filter(slug__in=boroughs))
    service.audiences.set(Audience.objects.filter(slug__in=audiences))
    service.referral_routes.set(ReferralRoute.objects.filter(slug__in=referral))
    service.delivery_modes.set(DeliveryMode.objects.filter(slug__in=delivery))
    return service
