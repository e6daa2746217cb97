"""The Open Referral UK 3.0 read API under /api/v1/ (docs/api.md).

Thin views: parameters are checked by params.py, rows are chosen by the directory's
ServiceQuerySet methods (queries.py) and written as ORUK records by records.py.
"""

import functools
import math

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import conditional_page, require_safe

from directory.search import Unsearched, search

from . import queries, records
from .errors import bad_parameters, not_found
from .params import PagingForm, SearchFilterForm, TermListForm, parameter_errors
from .taxonomy import BY_ID, TAXONOMIES, all_terms, taxonomy_record, term_index, term_record

ORUK_VERSION = "3.0"
PROFILE_URL = "https://github.com/openreferral/uk-profile"
CACHE_SECONDS = 60
MAX_SEARCHED_SERVICES = 1000  # services whose places /service_at_locations?search= lists


def api_view(view):
    """GET or HEAD only; an ETag from the body, so a client polling with If-None-Match gets
    304 Not Modified when nothing changed; cacheable for a minute."""

    @require_safe
    @conditional_page
    @cache_control(public=True, max_age=CACHE_SECONDS)
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        return view(request, *args, **kwargs)

    return wrapped


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
    list); `record` writes each item on the page."""
    number, per_page = asked["page"], asked["per_page"]
    total = len(items) if isinstance(items, list) else items.count()
    start = (number - 1) * per_page
    contents = list(items[start : start + per_page]) if start < total else []
    total_pages = math.ceil(total / per_page)
    return JsonResponse(
        {
            "total_items": total,
            "total_pages": total_pages,
            "page_number": number,
            "size": len(contents),
            "first_page": number == 1,
            "last_page": number >= total_pages,
            "empty": total == 0,
            "contents": [record(item) for item in contents],
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
@checked(SearchFilterForm)
def service_list(request, asked):
    services = queries.filtered(queries.published_services(), asked)
    return page_of(searched(services, asked["search"]), asked, records.service_summary)


@api_view
def service_detail(request, id):
    services = queries.with_record_data(queries.published_services())
    service = services.filter(uuid=id).first()
    if service is None:
        return not_found("service")
    return JsonResponse(records.service_record(service))


@api_view
@checked(PagingForm)
def organization_list(request, asked):
    return page_of(queries.published_organisations(), asked, records.organization_summary)


@api_view
def organization_detail(request, id):
    organisation = queries.published_organisations().filter(uuid=id).first()
    if organisation is None:
        return not_found("organization")
    services = list(organisation.services.published())
    for service in services:
        service.organisation = organisation
    return JsonResponse(records.organization_record(organisation, services))


@api_view
@checked(SearchFilterForm)
def service_at_location_list(request, asked):
    services = queries.filtered(queries.published_services(), asked)
    locations = queries.published_locations()
    if asked["search"]:
        found = searched(services, asked["search"])[:MAX_SEARCHED_SERVICES]
        locations = locations.filter(service__in=[service.pk for service in found])
    else:
        locations = locations.filter(service__in=services.values("pk"))
    return page_of(
        locations.order_by("service__name", "name", "pk"),
        asked,
        lambda location: records.service_at_location_record(
            location, location.service, records.service_summary(location.service)
        ),
    )


@api_view
def service_at_location_detail(request, id):
    location = queries.published_locations().filter(uuid=id).first()
    if location is None:
        return not_found("service_at_location")
    service = queries.with_record_data(queries.published_services()).get(pk=location.service_id)
    return JsonResponse(
        records.service_at_location_record(location, service, records.service_record(service))
    )


@api_view
@checked(PagingForm)
def taxonomy_list(request, asked):
    return page_of(list(TAXONOMIES), asked, taxonomy_record)


@api_view
def taxonomy_detail(request, id):
    taxonomy = BY_ID.get(str(id))
    if taxonomy is None:
        return not_found("taxonomy")
    return JsonResponse(taxonomy_record(taxonomy, taxonomy.vocabulary.model.objects.all()))


@api_view
@checked(TermListForm)
def taxonomy_term_list(request, asked):
    terms = all_terms()
    if asked["taxonomy_id"]:
        terms = [(taxonomy, row) for taxonomy, row in terms if taxonomy.id == asked["taxonomy_id"]]
    return page_of(terms, asked, lambda term: term_record(*term))


@api_view
def taxonomy_term_detail(request, id):
    found = term_index().get(str(id))
    if found is None:
        return not_found("taxonomy term")
    taxonomy, slug = found
    row = taxonomy.vocabulary.model.objects.get(slug=slug)
    return JsonResponse(term_record(taxonomy, row))
