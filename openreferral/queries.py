"""What the API reads, in a fixed number of queries however many rows a page has."""

from django.db.models import Exists, OuterRef, Prefetch

from directory.models import Location, Organisation, Service
from directory.vocabulary import BY_KEY, VOCABULARIES
from navigator.postcodes import NOT_IN_LONDON

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


def filtered(services, asked):
    """Services narrowed by checked parameters (params.SearchFilterForm.cleaned_data), each
    with the ServiceQuerySet method the website's filter uses. Search is left to the caller:
    it orders as well as narrows, so it runs last."""
    if asked.get("taxonomy_term_id"):
        taxonomy, slug = asked["taxonomy_term_id"]
        services = services.filter(services.linked_to(taxonomy.key, [slug]))
    if asked.get("taxonomy_id"):
        taxonomy, slugs = asked["taxonomy_id"]  # any of its terms
        services = services.filter(services.linked_to(taxonomy.key, slugs))
    low, high = asked.get("minimum_age"), asked.get("maximum_age")
    if low is not None or high is not None:
        services = services.for_age_range(low or 0, MAX_AGE_ASKED if high is None else high)
    district = asked.get("postcode")
    if district is not None:
        boroughs = [slug for slug in district.boroughs if slug != NOT_IN_LONDON]
        services = services.in_borough(*boroughs) if boroughs else services.national()
    for key in VOCABULARY_PARAMETERS:
        values = asked.get(key)
        if values:
            values = values if isinstance(values, list) else [values]
            services = getattr(services, BY_KEY[key].queryset_method)(*values)
    if asked.get("free"):
        services = services.free()
    return services
