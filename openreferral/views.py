"""The Open Referral UK 3.0 read API under /api/v1/ (docs/api.md).

Thin views: parameters are checked by params.py, rows are chosen by the directory's
ServiceQuerySet methods (queries.py) and written as ORUK records by records.py.
"""

import functools
import math

from django.db.models import Prefetch
from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import conditional_page, require_safe

from directory.search.engine import search
from directory.search.results import Unsearched

from . import queries, records
from .errors import bad_parameters, not_found
from .params import (
    DetailForm,
    OrganizationListForm,
    ServiceListForm,
    ServiceOnlyListForm,
    TaxonomyListForm,
    TermListForm,
    parameter_errors,
)
from .taxonomy import BY_ID, TAXONOMIES, all_terms, taxonomy_record, term_index, term_record

ORUK_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
CACHE_SECONDS = 60
MAX_SEARCHED_SERVICES = 1000  # services whose places /service_at_locations?search= lists


def api_view(view):
    """GET or HEAD only (any other method: 405 with Allow); an ETag from the body, so a
    client polling with If-None-Match gets 304 Not Modified when nothing changed; cacheable
    for a minute."""

    @require_safe
    @conditional_page
    @cache_control(public=True, max_age=CACHE_SECONDS)
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return csrf_exempt(wrapped)


def checked(form_class):
    """Calls the view with the form's cleaned data, or answers 400 naming the parameters."""

    def decorator(view):
        @functools.wraps(view)
        def wrapped(request, *args, **kwargs):
            form = form_class(request.GET)
            if not form.is_valid():
                return bad_parameters(parameter_errors(form))
            return view(request, form.cleaned_data, *args, **kwargs)

        return wrapped

    return decorator


def page_of(items, asked, record):
    """The ORUK page shape. `items` counts and slices (a queryset, a SearchResults or a
    list); `record` writes each item on the page. The ORUK 1.0 names of the same facts
    (`content`, `totalElements`, `last`…) are sent too: the DfE tester and ServiceFinder
    still read them (docs/api.md)."""
    number, per_page = asked["page"], asked["per_page"]
    total = len(items) if isinstance(items, list) else items.count()
    start = (number - 1) * per_page
    contents = list(items[start : start + per_page]) if start < total else []
    total_pages = math.ceil(total / per_page)
    written = [record(item) for item in contents]
    first, last = number == 1, number >= total_pages
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": number,
            "size": len(contents),
            "first_page": first,
            "last_page": last,
            "empty": total == 0,
            "contents": written,
            # ORUK 1.0 (a Spring page), for the clients that still read it.
            "totalElements": total,
            "totalPages": total_pages,
            "number": number,
            "first": first,
            "last": last,
            "content": written,
        }
    )


@api_view
def root(request):
    return JsonResponse(
        {
            "version": ORUK_VERSION,
            "profile": PROFILE_URL,
            "openapi_url": request.build_absolute_uri(reverse("openreferral:openapi")),
        }
    )


def searched(services, words):
    return search(services, words) if words else Unsearched(services)


@api_view
@checked(ServiceOnlyListForm)
def service_list(request, asked):
    services = queries.filtered(queries.published_services(), asked)
    if asked["minimal"]:
        write = records.minimal_service
    elif asked["full"]:
        services, write = queries.with_record_data(services), records.service_record
    else:
        write = records.service_summary
    return page_of(searched(services, asked["search"]), asked, write)


@api_view
def service_detail(request, id):
    services = queries.with_record_data(queries.published_services())
    service = services.filter(uuid=id).first()
    if service is None:
        return not_found("service")
    return JsonResponse(records.service_record(service))


@api_view
@checked(OrganizationListForm)
def organization_list(request, asked):
    organisations = queries.organisations_filtered(queries.published_organisations(), asked)
    if not (asked["full"] or asked["full_service"]):
        return page_of(organisations, asked, records.organization_summary)
    services = queries.published_services()
    if asked["full_service"]:
        services = queries.with_record_data(services)
    organisations = organisations.prefetch_related(
        Prefetch("services", queryset=services, to_attr="published_list")
    )
    return page_of(
        organisations,
        asked,
        lambda organisation: records.organization_record(
            organisation, organisation.published_list, full_services=asked["full_service"]
        ),
    )


@api_view
@checked(DetailForm)
def organization_detail(request, asked, id):
    organisation = queries.published_organisations().filter(uuid=id).first()
    if organisation is None:
        return not_found("organization")
    services = organisation.services.published()
    if asked["full_service"]:
        services = queries.with_record_data(services)
    services = list(services)
    for service in services:
        service.organisation = organisation
    return JsonResponse(
        records.organization_record(organisation, services, full_services=asked["full_service"])
    )


@api_view
@checked(ServiceListForm)
def service_at_location_list(request, asked):
    services = queries.filtered(queries.published_services(), asked)
    locations = queries.published_locations()
    if asked["search"]:
        found = searched(services, asked["search"])[:MAX_SEARCHED_SERVICES]
        locations = locations.filter(service__in=[service.pk for service in found])
    else:
        locations = locations.filter(service__in=services.values("pk"))
    locations = locations.order_by("service__name", "name", "pk")
    if asked["full"]:
        # Not joined (a joined service would not be prefetched): one query for the page's
        # services and one for each of their prefetches.
        locations = locations.select_related(None).prefetch_related(
            Prefetch("service", queryset=queries.with_record_data(queries.published_services()))
        )
    nested = records.service_record if asked["full"] else records.service_summary
    return page_of(
        locations,
        asked,
        lambda location: records.service_at_location_record(
            location, location.service, nested(location.service)
        ),
    )


@api_view
def service_at_location_detail(request, id):
    """What the profile's openapi.json declares for this path: the fully nested service
    (compiled/service.json) delivered at this place; its `service_at_locations` hold it."""
    location = queries.published_locations().filter(uuid=id).first()
    if location is None:
        return not_found("service_at_location")
    service = queries.with_record_data(queries.published_services()).get(pk=location.service_id)
    return JsonResponse(records.service_record(service))


@api_view
@checked(TaxonomyListForm)
def taxonomy_list(request, asked):
    if asked["parent_id"]:  # our taxonomies have no parents
        return page_of([], asked, None)
    taxonomies = [
        taxonomy
        for taxonomy in _named(TAXONOMIES, asked["vocabulary"])
        if _matches(asked["search"], taxonomy.name, taxonomy.description)
    ]
    return page_of(taxonomies, asked, taxonomy_record)


@api_view
def taxonomy_detail(request, id):
    taxonomy = BY_ID.get(str(id))
    if taxonomy is None:
        return not_found("taxonomy")
    return JsonResponse(taxonomy_record(taxonomy, taxonomy.vocabulary.model.objects.all()))


@api_view
@checked(TermListForm)
def taxonomy_term_list(request, asked):
    if asked["parent_id"]:  # our terms have no parents, so none is anyone's child
        return page_of([], asked, None)
    chosen = _named(TAXONOMIES, asked["vocabulary"])
    if asked["taxonomy_id"] is None:
        chosen = []
    elif asked["taxonomy_id"]:
        chosen = [taxonomy for taxonomy in chosen if taxonomy in asked["taxonomy_id"]]
    terms = [
        (taxonomy, row)
        for taxonomy, row in all_terms(chosen)
        if _matches(asked["search"], row.name, term_record(taxonomy, row)["description"])
    ]
    return page_of(terms, asked, lambda term: term_record(*term))


def _named(taxonomies, vocabularies):
    """The taxonomies `vocabulary` names: all when it is not given, none when it names none
    of ours."""
    if vocabularies is None:
        return []
    return vocabularies or list(taxonomies)


def _matches(words, *texts):
    """Whether every word of a search is in one of the texts (case-insensitive)."""
    if not words:
        return True
    text = " ".join(texts).casefold()
    return all(word in text for word in words.casefold().split())


@api_view
def taxonomy_term_detail(request, id):
    found = term_index().get(str(id))
    if found is None:
        return not_found("taxonomy term")
    taxonomy, slug = found
    row = taxonomy.vocabulary.model.objects.get(slug=slug)
    return JsonResponse(term_record(taxonomy, row))
