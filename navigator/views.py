from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from .answers import answers_from, is_in_danger, needs_grown_up, query_string, with_answers
from .decorators import no_store
from .flow import (
    QUESTIONS,
    QUESTIONS_BY_SLUG,
    first_unanswered,
    next_question,
    previous_question,
    results_url,
)
from .forms import ResultsForm
from .matching import match_services


@require_safe
@no_store
def question(request, slug="danger"):
    question = QUESTIONS_BY_SLUG.get(slug)
    if question is None:
        raise Http404("No such question")
    answers = answers_from(request.GET)
    if slug == "danger" and request.resolver_match.url_name != "start":
        return redirect(question.url(answers))
    missing = first_unanswered(answers, before=question)
    if missing:
        return redirect(missing.url(answers))
    # Asked or not depends on the earlier answers, not on this question's own.
    if not question.condition(with_answers(answers, dict.fromkeys(question.params, ()))):
        following = next_question(question, answers)
        return redirect(following.url(answers) if following else results_url(answers))

    submitted = request.GET.get("answered") == question.slug
    form = question.form(answers if submitted else None, answers)
    if submitted and form.is_valid():
        answers = with_answers(answers, form.answer_params())
        exit_url = question.exit(answers)
        if exit_url:
            return redirect(exit_url)
        following = next_question(question, answers)
        return redirect(following.url(answers) if following else results_url(answers))

    previous = previous_question(question, answers)
    return render(
        request,
        question.template,
        {
            "question": question,
            "form": form,
            "carried_answers": _pairs(answers, without=question.params),
            "back_url": previous.url(answers) if previous else reverse("directory:home"),
            "who": answers.get("who", ""),
            "needs_grown_up": needs_grown_up(answers),
        },
    )


def _pairs(answers, without):
    return [
        (name, value) for name, values in answers.lists() if name not in without for value in values
    ]


@require_safe
@no_store
def results(request):
    answers = answers_from(request.GET)
    if is_in_danger(answers):
        return redirect("pages:urgent_help")
    form = ResultsForm(answers)
    if not form.is_valid():
        if form.bad_parameters():
            return render(
                request,
                "navigator/results_invalid.html",
                {"problems": [m for name in form.bad_parameters() for m in form.errors[name]]},
                status=400,
            )
        missing = first_unanswered(answers) or QUESTIONS[0]
        return redirect(missing.url(answers))
    parsed = form.to_answers()
    if parsed.is_over_25:
        return redirect("navigator:adult_support")
    last_question = QUESTIONS[-1]
    return render(
        request,
        "navigator/results.html",
        {
            "results": match_services(parsed),
            "change_url": QUESTIONS[0].url(answers),
            "preferences_url": last_question.url(answers),
            "share_url": request.build_absolute_uri(
                f"{reverse('navigator:results')}?{query_string(answers)}"
            ),
            "needs_grown_up": needs_grown_up(answers),
        },
    )


@require_safe
@no_store
def adult_support(request):
    return render(request, "navigator/adult_support.html")
