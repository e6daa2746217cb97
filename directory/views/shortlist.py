from django.shortcuts import render

from ..models import Service
from ..search.engine import search
from ..shortlist import Shortlist
from .sealed import accepts_sealed_query, sealed_query_url

MAX_QUERY_LENGTH = 200
MAX_SUGGESTIONS = 10


@accepts_sealed_query
def shortlist(request):
    requested = Shortlist.from_query(request.GET)
    found = {
        service.slug: service
        for service in Service.objects.published()
        .with_card_data()
        .with_links()
        .filter(slug__in=requested.slugs)
    }
    shortlist = Shortlist(tuple(slug for slug in requested.slugs if slug in found))
    query = request.GET.get("q", "").replace("\x00", "").strip()[:MAX_QUERY_LENGTH]
    suggestions = []
    if query and not shortlist.is_full:
        candidates = Service.objects.published().exclude(slug__in=shortlist.slugs)
        suggestions = [
            (service, shortlist.with_service(service.slug).url)
            for service in search(candidates.with_card_data(), query)[:MAX_SUGGESTIONS]
        ]
    return render(
        request,
        "directory/shortlist.html",
        {
            "shortlist": shortlist,
            "items": [
                (found[slug], shortlist.without_service(slug).url) for slug in shortlist.slugs
            ],
            "not_found": len(requested) - len(shortlist) + requested.dropped,
            "query": query,
            "suggestions": suggestions,
            "sealed_url": sealed_query_url(request.path, request.GET),
        },
    )
