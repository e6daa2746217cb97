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
