"""The navigator's pages. What each request gets is decided in flow.py; these carry it out."""

from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from . import flow
from .answers import answers_from
from .decorators import no_store


@require_safe
@no_store
def question(request, slug="danger"):
    answered = request.GET.get("answered", "")
    step = flow.route_question(
        slug,
        answers_from(request.GET, submitted=flow.submitted_params(answered)),
        answered=answered,
        is_start=request.resolver_match.url_name == "start",
    )
    return _carry_out(request, step)


@require_safe
@no_store
def results(request):
    answers = answers_from(request.GET)
    # The link to share is sealed, like the page's own address (which site.js puts in place of
    # a plain one): the one in plain words is offered apart, for a professional who wants it.
    sealed_url = flow.results_url(answers)
    return _carry_out(
        request,
        flow.route_results(answers),
        sealed_url=sealed_url,
        share_url=request.build_absolute_uri(sealed_url),
        plain_share_url=request.build_absolute_uri(flow.share_url(answers)),
    )


@require_safe
@no_store
def adult_support(request):
    return render(request, "navigator/adult_support.html")


def _carry_out(request, step, **context):
    if isinstance(step, flow.Redirect):
        return redirect(step.url)
    return render(request, step.template, {**step.context, **context}, status=step.status)
