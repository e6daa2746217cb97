"""Which services someone asked for: the one place the public parameters become a query.

`/services/` (directory/filters.py), the navigator (navigator/ranking.py) and the Open
Referral API (openreferral/queries.py) each check their own parameters, with their own
messages, into a `Selection`; `select_services` turns it into the ServiceQuerySet methods
that define who a service is for, then searches. So the three cannot disagree about what
`borough`, `need` or `free` mean.
"""

import functools
import operator
from dataclasses import dataclass, field

from .search.engine import search
from .search.results import Unsearched
from .vocabulary import FILTERED


@dataclass(frozen=True)
class Selection:
    """Checked parameters, each applied by one ServiceQuerySet method. A field left at its
    default does not filter; different fields all apply."""

    words: str = ""  # search (q, search): narrows and orders, so it runs last
    local_first: tuple = ()  # boroughs whose services search ranks first among equals
    age: int | None = None  # for_age
    age_range: tuple | None = None  # (min, max): for_age_range
    place: tuple | None = None  # boroughs a place is in: in_borough, or () national only
    # {vocabulary key: slugs}: the vocabulary's queryset_method, matching any of the slugs.
    vocabularies: dict = field(default_factory=dict)
    # Groups of (vocabulary key, slugs): linked to any pair of a group, every group.
    linked: tuple = ()
    organisations: tuple | None = None  # uuids: run by any of these
    modified_after: object = None  # a datetime: changed on or after it
    applies: tuple | None = None  # eligibility criteria that apply: open_to (() none do)
    free: bool = False
    nothing: bool = False  # only values we do not hold were asked for: no service


def _any_of(conditions):
    return functools.reduce(operator.or_, conditions)


def filter_services(services, selection):
    """`services` narrowed to the selection (search apart), as a ServiceQuerySet."""
    if selection.nothing:
        return services.none()
    for group in selection.linked:
        services = services.filter(_any_of(services.linked_to(key, slugs) for key, slugs in group))
    if selection.organisations is not None:
        services = services.filter(organisation__uuid__in=selection.organisations)
    if selection.modified_after is not None:
        services = services.filter(updated_at__gte=selection.modified_after)
    if selection.age is not None:
        services = services.for_age(selection.age)
    if selection.age_range is not None:
        services = services.for_age_range(*selection.age_range)
    if selection.place is not None:
        place = selection.place
        services = services.in_borough(*place) if place else services.national()
    if selection.applies is not None:
        services = services.open_to(*selection.applies)
    for vocabulary in FILTERED:
        slugs = selection.vocabularies.get(vocabulary.key)
        if slugs:
            services = getattr(services, vocabulary.queryset_method)(*slugs)
    if selection.free:
        services = services.free()
    return services


def select_services(services, selection):
    """The selected services as SearchResults: best match first when there are words to
    search for, else in the queryset's own order (Unsearched)."""
    services = filter_services(services, selection)
    if not selection.words:
        return Unsearched(services)
    return search(services, selection.words, selection.local_first)
