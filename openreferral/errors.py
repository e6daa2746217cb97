"""Every answer under /api/ is JSON, errors included, and any site may read it (CORS)."""

import logging
from http import HTTPStatus

from django.db import DatabaseError
from django.http import HttpResponse, JsonResponse

API_PREFIX = "/api/"
RETRY_AFTER_SECONDS = 30
DATABASE_DOWN = "The directory is not available just now. Try again in a minute."
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}

logger = logging.getLogger(__name__)


def json_error(status, message, **extra):
    return JsonResponse({"status": status, "error": message, **extra}, status=status)


def bad_parameters(errors):
    """400, naming each parameter that was wrong and why."""
    names = ", ".join(sorted(errors))
    return json_error(400, f"Check these parameters: {names}", errors=errors)


def not_found(what="page"):
    return json_error(404, f"There is no such {what}")


class ApiMiddleware:
    """Under /api/: CORS for any origin, a JSON body for every error (Django's own 404, 405
    and 500 pages are HTML), and 503 with a JSON body when the database fails."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        else:
            response = self.get_response(request)
        if response.status_code >= 400 and not _is_json(response):
            allow = response.get("Allow")
            status = response.status_code
            response = json_error(status, HTTPStatus(status).phrase)
            if allow:
                response["Allow"] = allow
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    def process_exception(self, request, exception):
        if request.path.startswith(API_PREFIX) and isinstance(exception, DatabaseError):
            logger.exception("Database failure answering %s", request.path)
            response = json_error(503, DATABASE_DOWN)
            response["Retry-After"] = str(RETRY_AFTER_SECONDS)
            return response
        return None


def _is_json(response):
    return response.get("Content-Type", "").startswith("application/json")
