from django.conf import settings

from config.middleware import site_url
from directory.shortlist import Shortlist


def site(request):
    """The deploying organisation's settings, for the header and the quick exit."""
    return {
        "service_name": settings.FINDHELP_SERVICE_NAME,
        "show_nhs_logo": settings.FINDHELP_SHOW_NHS_LOGO,
        "exit_url": settings.FINDHELP_EXIT_URL,
        # Absolute addresses in pages (the shortlist's link, the printed footer) start here,
        # never with the request's Host header (config/middleware.py, `site_address`).
        "site_url": site_url(request),
    }


def shortlist(request):
    """The shortlist the page address carries (without JavaScript, the only carrier)."""
    return {"shortlist": Shortlist.from_query(request.GET)}
