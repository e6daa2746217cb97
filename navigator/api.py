"""/api/v1/navigator: the navigator's results as JSON, from the same parameters as the page."""

from dataclasses import asdict

from django.http import JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from pages.helplines import NATIONAL_LINES, TALK_NOW, local_urgent_line
from pages.london import BOROUGH_NAMES

from .answers import answers_from, is_in_danger
from .decorators import no_store
from .forms import ResultsForm
from .matching import match_services


@require_safe
@no_store
def navigator_results(request):
    answers = answers_from(request.GET)
    if is_in_danger(answers):
        return JsonResponse(_urgent_help_json(request, answers.get("borough", "")))
    form = ResultsForm(answers)
    if not form.is_valid():
        errors = {
            name: [str(message) for message in messages] for name, messages in form.errors.items()
        }
        return JsonResponse({"errors": errors}, status=400)
    results = match_services(form.to_answers())
    return JsonResponse(
        {
            "urgent_help_shown": results.urgent_help_shown,
            "count": results.count,
            "matches": [_match_json(request, match) for match in results.matches],
            "next_steps": list(results.next_steps),
        }
    )


def _match_json(request, match):
    service = match.service
    return {
        "id": service.pk,
        "slug": service.slug,
        "name": service.name,
        "thrive_category": match.thrive_category.slug if match.thrive_category else None,
        "rank": match.rank,
        "reasons": list(match.reasons),
        "how_to_get_in": match.how_to_get_in,
        "check_first": list(match.to_check),
        "url": request.build_absolute_uri(service.get_absolute_url()),
    }


# What /urgent-help/ shows, in its order: 999, NHS 111 option 2, then someone to talk to now.
URGENT_LINES = ("emergency", "nhs-111", *TALK_NOW)


def _urgent_help_json(request, borough):
    """Someone is in danger now: urgent help instead of results, as the page redirects to
    /urgent-help/. No other answer is needed; a known borough adds its local 24-hour line."""
    borough = borough if borough in BOROUGH_NAMES else ""
    url = reverse("pages:urgent_help") + (f"?borough={borough}" if borough else "")
    local_line = local_urgent_line(borough)
    return {
        "urgent_help_shown": True,
        "urgent_help_url": request.build_absolute_uri(url),
        "lines": [_line_json(name, NATIONAL_LINES[name]) for name in URGENT_LINES],
        **({"local_line": _line_json(borough, local_line)} if local_line else {}),
        "count": 0,
        "matches": [],
        "next_steps": [],
    }


def _line_json(key, line):
    return {"key": key, **{name: value for name, value in asdict(line).items() if value}}
