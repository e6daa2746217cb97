"""The site's fixed pages, and the service worker that keeps urgent help for when the network
fails. None of them touches the database."""

import hashlib
import json

from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_safe

from .helplines import LOCAL_URGENT_LINES, NATIONAL_LINES, local_urgent_line
from .london import BOROUGH_NAMES

# What urgent help needs besides its page (base.html's stylesheet, script and icon, and the one
# image the stylesheet draws on it), kept by the service worker. A test checks the page needs
# nothing else.
OFFLINE_FILES = (
    "css/main.css",
    "js/site.js",
    "nhsuk/assets/images/favicon.svg",
    "nhsuk/assets/images/nhsuk-icon-cross.svg",
)
OFFLINE_TEMPLATES = ("pages/urgent_help.html", "includes/helplines.html", "base.html")


def urgent_help_context(borough_slug):
    """The crisis lines for a borough (its local 24-hour line when it has one), for urgent help
    and for the page shown when the database is down (config/database.py)."""
    borough_name = BOROUGH_NAMES.get(borough_slug)
    return {
        "borough_name": borough_name,
        "local_line": local_urgent_line(borough_slug) if borough_name else None,
        "boroughs": sorted(BOROUGH_NAMES.items(), key=lambda item: item[1]),
        "selected_borough": borough_slug if borough_name else "",
    }


@require_safe
def urgent_help(request):
    context = urgent_help_context(request.GET.get("borough", ""))
    response = render(request, "pages/urgent_help.html", context)
    response["Cache-Control"] = "no-store"
    return response


def static_page(template_name):
    @require_safe
    def view(request):
        return render(request, template_name)

    return view


browsing_safely = static_page("pages/browsing_safely.html")
privacy = static_page("pages/privacy.html")
accessibility = static_page("pages/accessibility.html")
cookies = static_page("pages/cookies.html")


@require_safe
def service_worker(request):
    """/sw.js, for the scope /urgent-help/ (static/js/site.js registers it): keeps urgent help
    and OFFLINE_FILES, by their names in this deployment ({% static %}: hashed in production),
    and answers with them when the network fails. Its version changes with those names, the
    crisis lines and urgent help's templates, so a deployment that changes any of them makes
    browsers fetch the page again. Served from the root, not /static/, and revalidated each
    time (no-cache), as browsers expect of a service worker."""
    page = reverse("pages:urgent_help")
    files = [static(name) for name in OFFLINE_FILES]
    templates = [loader.get_template(name).template.source for name in OFFLINE_TEMPLATES]
    kept = repr((page, files, NATIONAL_LINES, LOCAL_URGENT_LINES, templates))
    # JSON is JavaScript: the page and file names go in as literals, not HTML-escaped.
    context = {
        "version": hashlib.sha256(kept.encode()).hexdigest()[:16],
        "page": mark_safe(json.dumps(page)),
        "files": mark_safe(json.dumps(files)),
    }
    response = render(request, "pages/sw.js", context, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response
