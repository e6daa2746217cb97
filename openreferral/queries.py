"""What the API reads, in a fixed number of queries however many rows a page has."""

import functools
import operator
import uuid

from django.db.models import Exists, OuterRef, Prefetch, Q

from directory.models import Location, Organisation, Service
from directory.postcodes.districts import NOT_IN_LONDON
from directory.vocabulary import BY_KEY, VOCABULARIES

from .params import MAX_AGE_ASKED, VOCABULARY_PARAMETERS


def published_services():
    """The only services the API shows, with their organisation."""
    return Service.objects.published().select_related("organisation")


def with_record_data(services):
    """Everything a fully nested service record holds: each vocabulary's rows as
    `service.<key>_list`, and its places as `service.location_list`. One query each."""
    return services.prefetch_related(
        *(
            Prefetch(vocabulary.relation, to_attr=vocabulary.list_attribute)
            for vocabulary in VOCABULARIES
        ),
        Prefetch("locations", to_attr="location_list"),
    )


def published_organisations():
    """Organisations with at least one published service (drafts, imports included, stay
    private until a commissioner publishes them)."""
    return Organisation.objects.filter(
        Exists(Service.objects.published().filter(organisation=OuterRef("pk")))
    )


def published_locations():
    return Location.objects.filter(service__status=Service.Status.PUBLISHED).select_related(
        "service__organisation"
    )


def uuids(ids):
    """The ids that are UUIDs (ours are), in ASCII hex digits only (Python's uuid.UUID() also
    reads other scripts' digits): any other id names nothing here."""
    found = []
    for item in ids:
        if not item.isascii():
            continue
        try:
            found.append(uuid.UUID(item))
        except ValueError:
            continue
    return found


def _any_of(conditions):
    return functools.reduce(operator.or_, conditions)


def filtered(services, asked):
    """Services narrowed by checked parameters (params.ServiceListForm.cleaned_data), each
    with the ServiceQuerySet method the website's filter uses. A filter given several values
    matches any of them; different filters all apply. A filter asked only with values we do
    not hold (None) matches nothing. Search is left to the caller: it orders as well as
    narrows, so it runs last."""
    terms = asked.get("taxonomy_term_id")
    taxonomies = asked.get("taxonomy_id")
    vocabularies = asked.get("vocabulary")
    organisations = asked.get("organization_id")
    if None in (terms, taxonomies, vocabularies, organisations):
        return services.none()
    if terms:
        services = services.filter(
            _any_of(services.linked_to(taxonomy.key, [slug]) for taxonomy, slug in terms)
        )
    for chosen in (taxonomies, vocabularies):
        if chosen:
            services = services.filter(
                _any_of(services.linked_to(taxonomy.key, slugs) for taxonomy, slugs in chosen)
            )
    if organisations:
        services = services.filter(organisation__uuid__in=uuids(organisations))
    if asked.get("modified_after"):
        services = services.filter(updated_at__gte=asked["modified_after"])
    low, high = asked.get("minimum_age"), asked.get("maximum_age")
    if low is not None or high is not None:
        services = services.for_age_range(low or 0, MAX_AGE_ASKED if high is None else high)
    district = asked.get("postcode")
    if district is not None:
        boroughs = [slug for slug in district.boroughs if slug != NOT_IN_LONDON]
        services = services.in_borough(*boroughs) if boroughs else services.national()
    for key in VOCABULARY_PARAMETERS:
        values = asked.get(key)
        if values is None:
            return services.none()
        if values:
            services = getattr(services, BY_KEY[key].queryset_method)(*values)
    if asked.get("free"):
        services = services.free()
    return services


def organisations_filtered(organisations, asked):
    """/organizations: `search` in the name or description; `modified_after`: those with a
    published service changed since."""
    if asked.get("search"):
        words = asked["search"]
        organisations = organisations.filter(
            Q(name__icontains=words) | Q(description__icontains=words)
        )
    if asked.get("modified_after"):
        organisations = organisations.filter(
            Exists(
                Service.objects.published().filter(
                    organisation=OuterRef("pk"), updated_at__gte=asked["modified_after"]
                )
            )
        )
    return organisations
