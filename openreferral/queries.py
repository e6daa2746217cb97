"""What the API reads, in a fixed number of queries however many rows a page has."""

import uuid

from django.db.models import Exists, OuterRef, Prefetch, Q

from directory.models import Location, Organisation, Service
from directory.postcodes.districts import NOT_IN_LONDON
from directory.selectors import Selection
from directory.vocabulary import VOCABULARIES

from .parameter_fields import MAX_AGE_ASKED
from .query_parameters import VOCABULARY_PARAMETERS


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


def selection(asked):
    """The checked parameters of /services and /service_at_locations
    (params.ServiceListForm.cleaned_data) as the Selection the website's filters make too
    (directory/selectors.py). A filter given several values matches any of them; different
    filters all apply. A filter asked only with values we do not hold (None) matches nothing.
    Search does not put a borough's own services first here (the website does)."""
    terms = asked.get("taxonomy_term_id")
    taxonomies = asked.get("taxonomy_id")
    vocabularies = asked.get("vocabulary")
    organisations = asked.get("organization_id")
    chosen = {key: asked.get(key) for key in VOCABULARY_PARAMETERS}
    if None in (terms, taxonomies, vocabularies, organisations, *chosen.values()):
        return Selection(nothing=True)
    linked = [tuple((taxonomy.key, [slug]) for taxonomy, slug in terms)] if terms else []
    for chosen_taxonomies in (taxonomies, vocabularies):
        if chosen_taxonomies:
            linked.append(tuple((taxonomy.key, slugs) for taxonomy, slugs in chosen_taxonomies))
    low, high = asked.get("minimum_age"), asked.get("maximum_age")
    district = asked.get("postcode")
    return Selection(
        words=asked.get("search") or "",
        linked=tuple(linked),
        organisations=uuids(organisations) if organisations else None,
        modified_after=asked.get("modified_after"),
        age_range=(
            None
            if low is None and high is None
            else (low or 0, MAX_AGE_ASKED if high is None else high)
        ),
        place=(
            None
            if district is None
            else tuple(slug for slug in district.boroughs if slug != NOT_IN_LONDON)
        ),
        vocabularies={key: tuple(values) for key, values in chosen.items() if values},
        free=bool(asked.get("free")),
    )


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
