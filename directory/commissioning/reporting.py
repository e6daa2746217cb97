"""Reports from the public: taken without a cookie, folded when the same, limited per client.

The report form is anonymous and changes no one's account, so it carries no CSRF token (a
token needs a cookie, and the public get none, as the cookies page says). A cross-site post is
refused by the Origin header instead (or the Referer, from browsers that send no Origin).
A client's address (config/client.py: behind trusted proxies only) is kept only as a keyed
hash, in the database's RateLimit table (not the cache, where a flood could evict it), and
only for RATE_WINDOW.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db.models import F
from django.utils import timezone
from django.utils.crypto import salted_hmac

from config.client import client_address
from directory.models import ProblemReport, RateLimit

RATE_LIMIT = 5  # reports from one client…
RATE_WINDOW = 10 * 60  # …in this many seconds


def is_same_origin(request):
    """Whether a POST comes from a page of this site (or a trusted origin)."""
    own = f"{request.scheme}://{request.get_host()}"
    trusted = {own, *settings.CSRF_TRUSTED_ORIGINS}
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin in trusted
    referer = request.headers.get("Referer")
    if not referer:
        return False
    parts = urlsplit(referer)
    return f"{parts.scheme}://{parts.netloc}" in trusted


def over_rate_limit(request):
    """Counts a report from this client; True once it has sent more than RATE_LIMIT within
    RATE_WINDOW. The key is an HMAC of the address (with the secret key), expiring with the
    window, so no address is stored."""
    client = salted_hmac("report-rate", client_address(request)).hexdigest()
    return RateLimit.objects.count_attempt(f"report:{client}", RATE_WINDOW) > RATE_LIMIT


def record_report(service, problem, details):
    """Stores a report, or folds it into the open one that says the same."""
    details = " ".join(details.split())
    same = ProblemReport.objects.filter(
        service=service, problem=problem, details__iexact=details, status=ProblemReport.Status.NEW
    )
    if same.update(times_reported=F("times_reported") + 1, last_reported_at=timezone.now()):
        return same.first()
    return ProblemReport.objects.create(service=service, problem=problem, details=details)
