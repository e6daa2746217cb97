from django.shortcuts import render

from pages import helplines
from pages.helplines import local_urgent_line
from pages.london import BOROUGH_NAMES

from .. import caching, pagination
from ..filters import CARRIED, ServiceFilter
from ..local_coverage import borough_listing as listing_for
from ..models import Service
from .sealed import accepts_sealed_query, sealed_query_url


def page_links(page, query):
    """NHS.UK numbered pagination: first, last, and the pages either side of this one."""
    if page.paginator.num_pages < 2:
        return None
    kept = query.copy()
    kept.setlist("page", [])
    for name in list(kept):
        if name not in CARRIED:
            del kept[name]

    def url(number):
        kept["page"] = str(number)
        return f"?{kept.urlencode()}"

    last = page.paginator.num_pages
    numbers = sorted({1, last, *range(max(1, page.number - 1), min(last, page.number + 1) + 1)})
    items, previous = [], 0
    for number in numbers:
        if number > previous + 1:
            items.append({"ellipsis": True})
        items.append({"number": number, "url": url(number), "current": number == page.number})
        previous = number
    return {
        "items": items,
        "previous": url(page.number - 1) if page.has_previous() else None,
        "next": url(page.number + 1) if page.has_next() else None,
    }


def result_count(results, page):
    """The result count: "12 services", or "More than 200 services" where search stopped."""
    count = page.paginator.count
    if results.count_is_limited:
        return f"More than {count:,} services"
    return f"{count:,} service{'' if count == 1 else 's'}"


def urgent_help(filterset):
    """For a search about suicide, self-harm or danger: the borough chosen (if valid) and its
    local 24-hour line, for {% helplines %} above the results."""
    borough = filterset.form.cleaned_data.get("borough") if filterset.is_bound else None
    borough = borough if isinstance(borough, str) else ""
    return {
        "borough_name": BOROUGH_NAMES.get(borough, ""),
        "local_line": local_urgent_line(borough),
    }


def borough_listing(filterset):
    """How many services we list in the borough chosen (if valid), said honestly, with its
    Local Offer: kept with the directory's cache, so no query on most pages."""
    borough = filterset.form.cleaned_data.get("borough") if filterset.is_bound else None
    if not isinstance(borough, str) or not borough:
        return None
    return caching.get_or_set(f"borough-listing:{borough}", lambda: listing_for(borough))


def harm_help(results):
    """For a search about harm by someone else: the lines for "If someone is hurting you"."""
    if not results.harms:
        return None
    return {
        "emergency": helplines.EMERGENCY,
        "childline": helplines.CHILDLINE,
        "nspcc": helplines.NSPCC_HELPLINE,
        "specialist": helplines.harm_lines(results.harms),
    }


def suggestion_url(results, query):
    """The same search with the suggested words ("Did you mean …?"), from page 1."""
    if not results.suggestion:
        return ""
    kept = query.copy()
    kept.setlist("page", [])
    kept["q"] = results.suggestion
    return f"?{kept.urlencode()}"


@accepts_sealed_query
def service_list(request):
    filterset = ServiceFilter(
        request.GET or None, queryset=Service.objects.published().with_card_data()
    )
    results = filterset.qs
    page, page_error = pagination.paginate(results, request.GET.get("page"))
    errors = filterset.problems()
    if page_error:
        errors.append(("page", page_error))
    return render(
        request,
        "directory/service_list.html",
        {
            "fields": filterset.fields(),
            "results": results,
            "page": page,
            "result_count": result_count(results, page),
            "page_links": page_links(page, request.GET),
            "active_filters": filterset.active_filters(),
            "errors": errors,
            "details_open": bool(errors),
            "urgent_help": urgent_help(filterset) if results.is_crisis else None,
            "borough_listing": borough_listing(filterset),
            "harm_help": harm_help(results),
            "suggestion_url": suggestion_url(results, request.GET),
            "sealed_url": sealed_query_url(request.path, request.GET),
        },
    )
