"""The site's fixed pages, and the service worker that keeps urgent help for when the network
fails. None of them touches the database."""

import hashlib
import json

from django.shortcuts import render
from django.template import loader
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.views.decorators.http import condition, require_safe

from pages.helplines import LOCAL_URGENT_LINES, NATIONAL_LINES, local_urgent_line
from pages.london import BOROUGH_NAMES

# What urgent help needs besides its page (base.html's stylesheet, script and icon, and the one
# image the stylesheet draws on it), kept by the service worker. A test checks the page needs
# nothing else.
OFFLINE_FILES = (
    "css/main.css",
    "js/site.js",
    "nhsuk/assets/images/favicon.svg",
    "nhsuk/assets/images/nhsuk-icon-cross.svg",
)
OFFLINE_TEMPLATES = (
    "pages/sw.js",
    "pages/urgent_help.html",
    "includes/helplines.html",
    "includes/helpline_contact.html",
    "base.html",
)


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


def offline_copy():
    """What the service worker keeps: urgent help's address, OFFLINE_FILES by their names in
    this deployment ({% static %}: hashed in production), and a version that changes with
    those, the crisis lines and the templates, so that a deployment changing any of them
    replaces the copy."""
    page = reverse("pages:urgent_help")
    files = [static(name) for name in OFFLINE_FILES]
    templates = [loader.get_template(name).template.source for name in OFFLINE_TEMPLATES]
    kept = repr((page, files, NATIONAL_LINES, LOCAL_URGENT_LINES, templates))
    return page, files, hashlib.sha256(kept.encode()).hexdigest()[:16]


@require_safe
@condition(etag_func=lambda request: offline_copy()[2])
def service_worker(request):
    """/sw.js, for the scope /urgent-help/ (static/js/site.js registers it and asks for it again
    on each page, which costs a 304 when nothing changed): keeps urgent help and its files and
    answers with them when the network fails. Served from the root, not /static/, and
    revalidated each time (no-cache), as browsers expect of a service worker."""
    page, files, version = offline_copy()
    # JSON is JavaScript: the page and file names go in as literals, not HTML-escaped.
    context = {
        "version": version,
        "page": mark_safe(json.dumps(page)),
        "files": mark_safe(json.dumps(files)),
    }
    response = render(request, "pages/sw.js", context, content_type="text/javascript")
    response["Cache-Control"] = "no-cache"
    return response
