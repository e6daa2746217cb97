"""When the database is down: every page that needs it answers 503 with the crisis lines (the
API in JSON), urgent help still works, and /healthz says so. Nothing here touches the database,
bar /healthz's own SELECT 1.

The connection recovers by itself when the database comes back: Django opens a new connection
for a request after one that failed, and checks a kept one before using it
(CONN_HEALTH_CHECKS in settings)."""

import logging
import sys

from django.db import DatabaseError, InterfaceError, OperationalError, connection
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.views import defaults
from django.views.decorators.http import require_safe

from directory import caching
from openreferral.errors import API_PREFIX, json_error
from pages.views import urgent_help_context

# The errors of a database that cannot be reached (refused, gone away, connection closed), as
# opposed to a bug in a query (ProgrammingError, DataError…), which stays a 500.
UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = "The directory is not available just now. Try again in a minute."

logger = logging.getLogger(__name__)


def unavailable(request, exception):
    """503: the crisis lines on a page (JSON under /api/), try again in RETRY_AFTER_SECONDS,
    never kept by a cache. Logged once, on one line: an outage must not flood the log."""
    logger.error(
        "Database unavailable answering %s: %s: %s",
        request.path,
        type(exception).__name__,
        str(exception).strip().partition("\n")[0],
    )
    if request.path.startswith(API_PREFIX):
        response = json_error(503, DATABASE_DOWN)
    else:
        response = _unavailable_page(request)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    response._has_been_logged = True  # Django would log the 503 again, as "Service Unavailable"
    return response


def _unavailable_page(request):
    context = urgent_help_context(request.GET.get("borough", ""))
    try:
        return render(request, "503.html", context, status=503)
    except Exception:
        # The site's own layout failed too: the 500 page stands alone, crisis lines included.
        logger.exception("The 503 page failed; answering with the 500 page's content")
        return _standalone_page(status=503)


def _standalone_page(status):
    return HttpResponse(loader.get_template("500.html").render(), status=status)


class DatabaseUnavailableMiddleware:
    """Turns a database that cannot be reached into a 503 (see `unavailable`), whether the view
    failed or a lazy QuerySet did while its TemplateResponse was rendered (Django passes both to
    process_exception)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, UNAVAILABLE):
            return unavailable(request, exception)
        return None


def server_error(request):
    """handler500: an error outside any view (another middleware reaching the database, say)
    never reaches process_exception. Django calls this while handling it, so the exception is
    still there to look at: a database that cannot be reached gets the 503 as well."""
    exception = sys.exc_info()[1]
    if isinstance(exception, UNAVAILABLE):
        return unavailable(request, exception)
    return defaults.server_error(request)


@require_safe
def healthz(request):
    """For a load balancer or monitor: 200 when the database answers SELECT 1, else 503. JSON,
    never cached, no cookie, and not logged as an error each time it is asked.

    It also says whether the cache answers ("cache": "ok" or "unavailable"), but a cache that
    does not answer leaves it 200: the instance still serves every page, rendering them
    (config/redis_cache.py), so the load balancer must keep sending it requests."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        status, health = 503, "unavailable"
    else:
        status, health = 200, "ok"
    body = {"status": health, "database": health, "cache": caching.state()}
    response = JsonResponse(body, status=status)
    response["Cache-Control"] = "no-store"
    if status != 200:
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response._has_been_logged = True
    return response
