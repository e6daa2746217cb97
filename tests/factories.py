"""Small helpers that make services for tests, with sensible defaults."""

import datetime
import itertools

from directory.models import Organisation, Service
from directory.vocabulary import BY_KEY
from directory.writes import save_service

_counter = itertools.count(1)


def make_organisation(**fields):
    number = next(_counter)
    fields.setdefault("name", f"Organisation {number}")
    fields.setdefault("slug", f"organisation-{number}")
    return Organisation.objects.create(**fields)


# The links a test service gets unless it says otherwise, by vocabulary key.
DEFAULT_LINKS = {
    "thrive": ("getting-help",),
    "audience": ("young-people",),
    "referral": ("self",),
    # Publishing needs a delivery mode (directory/commissioning/validation.py).
    "delivery": ("online",),
}


def make_service(**fields):
    """A published service for ages 11-18. Pass slugs for the vocabularies by their keys
    (directory/vocabulary.py): need=("anxiety",), borough=("westminster",)…"""
    links = {key: fields.pop(key, DEFAULT_LINKS.get(key, ())) for key in BY_KEY}
    number = next(_counter)
    fields.setdefault("name", f"Service {number}")
    fields.setdefault("slug", f"service-{number}")
    fields.setdefault("summary", "Support for young people.")
    fields.setdefault("min_age", 11)
    fields.setdefault("max_age", 18)
    fields.setdefault("status", Service.Status.PUBLISHED)
    fields.setdefault("website", "https://example.org/")
    # Publishing needs each contact's source, and a direct way in or a note on why there is
    # none (directory/commissioning/validation.py).
    fields.setdefault("contact_source_url", "https://example.org/contact")
    fields.setdefault("contact_source_read_on", datetime.date(2026, 12, 1))
    direct = ("phone", "sms_number", "email", "referral_url")
    if fields["website"] and not any(fields.get(name) for name in direct):
        fields.setdefault("no_direct_contact_note", "Ask your GP.")
    if "organisation" not in fields:
        fields["organisation"] = make_organisation()
    # One history record, its links included, as every writer makes (directory/writes.py).
    return save_service(
        Service(**fields),
        {
            BY_KEY[key].relation: BY_KEY[key].model.objects.filter(slug__in=slugs)
            for key, slugs in links.items()
            if slugs
        },
    )
