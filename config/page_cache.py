"""Public pages: kept in the shared cache while the directory is unchanged, and gzipped.

`page_cache` answers the directory's public pages (home, `/services/` with filters, a service's
page) from Django's cache when the same address was answered since the directory last
changed (directory/caching.py: the key includes the generation). It keeps the response as the
middleware below it left it (gzipped for a browser that takes gzip, with the
Content-Security-Policy and the other headers), so a page from the cache is sent exactly as
the first one was, without compressing it again; SecurityMiddleware, above it, adds its
headers to every response. Never cached: searches (`q=`, which are sent `no-store` so no
browser or proxy keeps what someone searched for), anything with a shortlist (`service=`), the
navigator (`/help/`, whose answers are private), the admin, requests with a cookie (staff
signed in, previewing), responses that set a cookie or say `no-store`/`private`, and anything
but a 200.

A page cache that cannot be flooded or poisoned (docs/admin.md, "Threat model"):
- **Only the parameters a page reads form its key** (`PAGE_PARAMETERS`: none for the home page
  and a service's page, the filters and `page` for `/services/`), sorted, so the same choice
  asked in another order is the same entry. An address with any other parameter (`utm_x=1`),
  a repeated one, or a value the page refuses (an unknown borough, page 0) is rendered and not
  kept: junk addresses cannot fill the cache.
- **What the client accepts is parsed, not searched**: `gzip;q=0` and `xgzip` are not gzip
  (`accepts_gzip`), and the same answer decides both the key and whether the page is
  compressed, so the compressed and plain copies can never be swapped.
- **No address in a page comes from the request**: absolute addresses use the configured site
  address (FINDHELP_SITE_URL, config/middleware.py `site_address`), so a forged Host or
  X-Forwarded-Proto header cannot change what the next visitor is sent.

`public_gzip` compresses HTML and JSON for everyone but the admin. Compression leaks secrets
in a page to an attacker who can also put text on it and watch its size (BREACH); the public
pages hold no secret (no CSRF token, no session), the admin does, so it is never compressed,
nor is any response that used the CSRF token or sets a cookie, nor any request that carries a
cookie (only staff have them).
"""

import hashlib
import re
from urllib.parse import urlencode

from django.conf import settings
from django.forms import MultipleChoiceField
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from directory import caching, pagination
from directory.filters import PARAMETERS, ServiceFilter
from directory.models import Service

CACHED_PATHS = ("/", "/services/")  # and /services/<slug>/ (not its report form)
PRIVATE_PARAMETERS = ("q", "service")
LIST_PATH = "/services/"
# What a value of a kept page's parameter looks like: a slug or a whole number (no leading 0).
PARAMETER_VALUE = re.compile(r"(?!0[0-9])[a-z0-9][a-z0-9-]{0,99}")


def page_parameters(path):
    """The parameters the page at `path` reads (besides the private ones, never kept)."""
    if path == LIST_PATH:
        return frozenset(PARAMETERS) - set(PRIVATE_PARAMETERS) | {"page"}
    return frozenset()


def accepts_gzip(request):
    """Whether the client takes gzip: a coding named exactly `gzip` (or `*`, when gzip is not
    named) with a quality above 0, as HTTP says (RFC 9110, 12.5.3)."""
    header = request.META.get("HTTP_ACCEPT_ENCODING", "")
    qualities = {}
    for item in header.split(","):
        coding, *parameters = (part.strip() for part in item.split(";"))
        quality = 1.0
        for parameter in parameters:
            name, _, value = parameter.partition("=")
            if name.strip().lower() == "q":
                try:
                    quality = float(value.strip())
                except ValueError:
                    quality = 0.0
        if coding:
            qualities[coding.lower()] = quality
    quality = qualities.get("gzip", qualities.get("x-gzip", qualities.get("*", 0.0)))
    return quality > 0


def _is_cacheable_path(path):
    if path in CACHED_PATHS:
        return True
    parts = path.split("/")
    return len(parts) == 4 and parts[1] == "services" and parts[2] and parts[3] == ""


def _has_cookies(request):
    return bool(request.COOKIES)


def cacheable_request(request):
    return (
        caching.enabled()
        and request.method in ("GET", "HEAD")
        and _is_cacheable_path(request.path)
        and not any(name in request.GET for name in PRIVATE_PARAMETERS)
        and not _has_cookies(request)
        and _reads_only_its_parameters(request)
    )


def _reads_only_its_parameters(request):
    """Every parameter is one the page reads, once per value, each value slug- or number-shaped
    (a form's own checks come after, `_page_accepted_its_query`)."""
    allowed = page_parameters(request.path)
    pairs = [(name, value) for name, values in request.GET.lists() for value in values]
    return (
        all(name in allowed and PARAMETER_VALUE.fullmatch(value) for name, value in pairs)
        and len(set(pairs)) == len(pairs)
        and len(request.GET.getlist("page")) <= 1
    )


def _page_accepted_its_query(request):
    """Whether the list's filters took every value as it came (a repeated single choice, an
    unknown borough or age group, an age of 99, page 0 or a page past the last: each refused,
    so the page is not kept)."""
    if request.path != LIST_PATH or not request.GET:
        return True
    filterset = ServiceFilter(request.GET, queryset=Service.objects.published())
    if not filterset.is_valid():
        return False
    fields = filterset.form.fields
    single = all(
        isinstance(fields.get(name), MultipleChoiceField) or len(request.GET.getlist(name)) == 1
        for name in request.GET
    )
    # A page number past the last (the page says so, and shows page 1): one count query, only
    # when such a page is about to be kept.
    return single and (
        "page" not in request.GET or not pagination.paginate(filterset.qs, request.GET["page"])[1]
    )


def cacheable_response(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "no-store" not in cache_control
        and "private" not in cache_control
    )


def _key(request):
    """The path, the parameters the page reads (sorted), and whether the browser takes gzip:
    the page is kept as it was sent."""
    query = urlencode(sorted((n, v) for n, values in request.GET.lists() for v in values))
    address = hashlib.sha256(f"{request.path}?{query}".encode()).hexdigest()
    encoding = "gzip" if accepts_gzip(request) else "identity"
    return f"page:{encoding}:{address}"


def page_cache(get_response):
    def middleware(request):
        with caching.request_scope():
            return _answer(request)

    def _answer(request):
        if request.path == "/services/" and "q" in request.GET:
            response = get_response(request)
            # What someone searched for stays off shared devices and proxies.
            patch_cache_control(response, no_store=True)
            return response
        if not cacheable_request(request):
            return get_response(request)
        key = _key(request)
        cached, generation = caching.get(key)
        if cached is not None:
            return cached
        response = get_response(request)
        if cacheable_response(response) and _page_accepted_its_query(request):
            # A cookie on the way in means a different page (a signed-in member of staff).
            patch_vary_headers(response, ["Cookie"])
            caching.set(key, response, generation, settings.FINDHELP_PAGE_CACHE_SECONDS)
        return response

    return middleware


class PublicGZipMiddleware(GZipMiddleware):
    """Django's GZipMiddleware, for public responses only (see the module's note on BREACH)."""

    def process_response(self, request, response):
        if (
            request.path.startswith("/admin/")
            or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            or response.cookies
            or _has_cookies(request)  # staff (session, CSRF token): the public have none
        ):
            return response
        if not accepts_gzip(request):
            patch_vary_headers(response, ["Accept-Encoding"])
            return response
        # Django's own test of the header is a search for "gzip" (it would compress for
        # `gzip;q=0`): it is shown the answer above instead, so the key and the body agree.
        header = request.META.get("HTTP_ACCEPT_ENCODING")
        request.META["HTTP_ACCEPT_ENCODING"] = "gzip"
        try:
            return super().process_response(request, response)
        finally:
            if header is None:
                del request.META["HTTP_ACCEPT_ENCODING"]
            else:
                request.META["HTTP_ACCEPT_ENCODING"] = header
