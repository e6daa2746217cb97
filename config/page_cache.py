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

`public_gzip` compresses HTML and JSON for everyone but the admin. Compression leaks secrets
in a page to an attacker who can also put text on it and watch its size (BREACH); the public
pages hold no secret (no CSRF token, no session), the admin does, so it is never compressed,
nor is any response that used the CSRF token or sets a cookie, nor any request that carries a
cookie (only staff have them).
"""

import hashlib

from django.conf import settings
from django.middleware.gzip import GZipMiddleware
from django.utils.cache import patch_cache_control, patch_vary_headers

from directory import caching

CACHED_PATHS = ("/", "/services/")  # and /services/<slug>/ (not its report form)
PRIVATE_PARAMETERS = ("q", "service")


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
    """The address, and whether the browser takes gzip: the page is kept as it was sent."""
    address = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    encoding = "gzip" if "gzip" in request.headers.get("Accept-Encoding", "") else "identity"
    return f"page:{encoding}:{address}"


def page_cache(get_response):
    def middleware(request):
        with caching.one_generation_a_request():
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
        cached, generation = caching.current(key)
        if cached is not None:
            return cached
        response = get_response(request)
        if cacheable_response(response):
            # A cookie on the way in means a different page (a signed-in member of staff).
            patch_vary_headers(response, ["Cookie"])
            caching.keep(key, response, generation, settings.FINDHELP_PAGE_CACHE_SECONDS)
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
        return super().process_response(request, response)
