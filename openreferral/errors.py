"""Every answer under /api/ is JSON, errors included, and any site may read it (CORS)."""

from http import HTTPStatus

from django.http import HttpResponse, JsonResponse

API_PREFIX = "/api/"
READ_METHODS = ("GET", "HEAD")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag",
    "Access-Control-Max-Age": "86400",
}


def json_error(status, message, **extra):
    return JsonResponse({"status": status, "error": message, **extra}, status=status)


def bad_parameters(errors):
    """400, naming each parameter that was wrong and why."""
    names = ", ".join(sorted(errors))
    return json_error(400, f"Check these parameters: {names}", errors=errors)


def not_found(what="page"):
    return json_error(404, f"There is no such {what}")


class ApiMiddleware:
    """Under /api/: CORS for any origin, 405 with Allow for any method but GET, HEAD and
    OPTIONS, and a JSON body for every error (Django's own 404, 405 and 500 pages are HTML).
    A database that cannot be reached is a 503 in the same shape (config/database.py)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in READ_METHODS:
            # The whole API is read only: 405 naming what is allowed, before the CSRF check
            # (which would answer 403 to a client that has no token to send).
            response = json_error(405, HTTPStatus(405).phrase)
            response["Allow"] = "GET, HEAD"
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


def _is_json(response):
    return response.get("Content-Type", "").startswith("application/json")
