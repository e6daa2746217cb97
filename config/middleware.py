from django.conf import settings

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "img-src 'self' data:",
        "script-src 'self'",
        "worker-src 'self'",  # /sw.js, which keeps urgent help for when the network fails
        "style-src 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
        "base-uri 'none'",
        "object-src 'none'",
    ]
)
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), interest-cohort=()"

# Pages whose address or content can say what someone is going through (the navigator's
# answers, search words, a shortlist): no browser or shared cache may keep a copy.
NEVER_STORED_PATHS = ("/help/", "/api/v1/navigator", "/urgent-help/")
NEVER_STORED_WITH_A_QUERY = ("/services/", "/shortlist/")  # exactly these, with any query
# On any page: search words (`q`, the API's `search`) and a shortlist (`service`).
NEVER_STORED_PARAMETERS = ("q", "search", "service")


def site_url(request):
    """The site's address, scheme and host without a slash: FINDHELP_SITE_URL, or (in debug,
    when it is not set) the request's own."""
    return settings.FINDHELP_SITE_URL or f"{request.scheme}://{request.get_host()}"


def site_address(get_response):
    """Every absolute address Django builds for a page (`request.build_absolute_uri`, used by
    the API's links and the navigator's share link) starts with FINDHELP_SITE_URL, not with
    what the request's Host or X-Forwarded-Proto headers say: one forged request must not put
    another address in a page the cache keeps for everyone. (Django builds them from the
    request's `_current_scheme_host`, set here.) Templates use `{{ site_url }}`."""

    def middleware(request):
        if settings.FINDHELP_SITE_URL:
            request._current_scheme_host = settings.FINDHELP_SITE_URL
        return get_response(request)

    return middleware


def security_headers(get_response):
    """No page may load anything from another host (no CDN, no trackers), nor run inline
    scripts or styles. The admin too: Django 5.2's admin templates have no inline scripts
    (tests/admin/test_admin_csp.py checks the pages commissioners use)."""

    def middleware(request):
        response = get_response(request)
        response.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response

    return middleware


def _carries_private_parameters(request):
    try:
        return any(name in request.GET for name in NEVER_STORED_PARAMETERS)
    except Exception:  # noqa: BLE001 - a query Django refuses to read (too many fields)
        return True


def never_stored(get_response):
    """`Cache-Control: no-store` on every answer under NEVER_STORED_PATHS, error pages (400,
    404, 405, 500) included; on the directory's list and the shortlist whenever they carry a
    query (search words, filters, the list); on any page whose address carries search words
    or a shortlist (NEVER_STORED_PARAMETERS: the home page or a service's page with
    `?service=`, the API's `?search=`, which is otherwise public for a minute); and on every
    server error anywhere, which may echo what was asked. Placed outside the middleware that
    turns errors into pages, so it sees what is finally sent."""

    def middleware(request):
        response = get_response(request)
        path = request.path
        if (
            path.startswith(NEVER_STORED_PATHS)
            or (path in NEVER_STORED_WITH_A_QUERY and request.META.get("QUERY_STRING"))
            or _carries_private_parameters(request)
            or response.status_code >= 500
        ):
            response["Cache-Control"] = "no-store"
        return response

    return middleware
