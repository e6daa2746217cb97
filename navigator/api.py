"""/api/v1/navigator: the navigator's results as JSON, from the same parameters as the page."""

from django.http import JsonResponse
from django.views.decorators.http import require_safe

from .answers import answers_from
from .decorators import no_store
from .forms import ResultsForm
from .matching import match_services


@require_safe
@no_store
def navigator_results(request):
    form = ResultsForm(answers_from(request.GET))
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
