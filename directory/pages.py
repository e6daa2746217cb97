"""The site's fixed pages. None of them touches the database."""

from django.shortcuts import render
from django.views.decorators.http import require_safe

from .helplines import local_urgent_line
from .london import BOROUGH_NAMES


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
