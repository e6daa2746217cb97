"""Sealed addresses for the directory's pages (directory/sealing.py).

A search's words (`/services/?q=…`, filters such as `need=self-harm`) and a service's slug
(`/services/<slug>/`, which is its name) would otherwise stay in the browser's history. Each
such page names a sealed address for itself (`sealed_url` in its context, on the page's
`<body data-sealed-url>`), and site.js puts it in place of the address once the page has loaded
(`history.replaceState`), so Back, the tab's list of pages and a copied address show a code.
The sealed address opens the same page, on any device; it is sent `no-store`, so neither a
browser, a proxy nor the page cache keeps it. Plain addresses keep working: links written by
hand, and every page without JavaScript.
"""

from functools import wraps
from urllib.parse import urlencode

from django.http import Http404, QueryDict
from django.urls import reverse
from django.utils.cache import patch_cache_control

from .. import sealing

PARAMETER = "sealed"


def sealed_query_url(path, query):
    """`path?sealed=…` holding the whole query (a QueryDict), or None when there is none."""
    if not query:
        return None
    return f"{path}?{urlencode({PARAMETER: sealing.seal(query.urlencode(), sealing.SEARCH)})}"


def sealed_service_url(slug):
    return reverse("directory:service_sealed", args=[sealing.seal(slug, sealing.SERVICE)])


def _unsealed(query):
    """The query a sealed one holds, with any plain parameters beside it (which win)."""
    unsealed = QueryDict(sealing.unseal(query.get(PARAMETER, ""), sealing.SEARCH) or "", True)
    for name, values in query.lists():
        if name != PARAMETER:
            unsealed.setlist(name, values)
    unsealed._mutable = False
    return unsealed


def accepts_sealed_query(view):
    """The view reads `?sealed=…` as the query it holds (a token that is not ours holds
    nothing), and its answer to a sealed address is never stored anywhere."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if PARAMETER not in request.GET:
            return view(request, *args, **kwargs)
        request.GET = _unsealed(request.GET)
        response = view(request, *args, **kwargs)
        patch_cache_control(response, no_store=True)
        return response

    return wrapped


def service_from_token(view):
    """`/services/sealed/<token>/`: the service page the token names, never stored."""

    @wraps(view)
    def wrapped(request, token):
        slug = sealing.unseal(token, sealing.SERVICE)
        if not slug:
            raise Http404("This link to a service could not be read")
        response = view(request, slug)
        patch_cache_control(response, no_store=True)
        return response

    return wrapped
