"""The routing through the questions (navigator/questions.py declares them).

`route_question` and `route_results` decide what a request to a question or to the results gets:
a page to render or a URL to redirect to. The views only carry the decision out.
"""

from dataclasses import dataclass, field

from django.http import Http404
from django.urls import reverse

from . import forms, wording
from .answers import (
    TOKEN,
    needs_grown_up,
    query_string,
    with_answers,
    with_plain_query,
    with_query,
)
from .matching import match_services
from .questions import (
    QUESTIONS,
    QUESTIONS_BY_SLUG,
    first_unanswered,
    next_question,
    previous_question,
    urgent_help_if_in_danger,
)
from .tokens import seal


@dataclass(frozen=True)
class Render:
    template: str
    context: dict = field(default_factory=dict)
    status: int = 200


@dataclass(frozen=True)
class Redirect:
    url: str


@dataclass(frozen=True)
class Progress:
    number: int
    total: int


def progress(question, answers):
    """ "Question 3 of 7": where this question is among those asked for these answers. Each
    question's condition decides whether it counts; a follow-up shares the number before it."""
    numbered = [q for q in QUESTIONS if not q.follow_up and (q is question or q.is_asked(answers))]
    position = QUESTIONS.index(question)
    number = sum(1 for q in numbered if QUESTIONS.index(q) <= position)
    return Progress(number, len(numbered))


def start_url(answers):
    """The first question's address carrying answers already known (a borough that a poster's
    QR code names, signposting/): the questions after it start from them. Other apps build
    links into the navigator through this, so they keep working if its addresses change."""
    return QUESTIONS[0].url(answers)


def results_url(answers):
    return with_query(reverse("navigator:results"), answers)


def share_url(answers):
    """The results in plain parameters: the link a GP can send, read or write by hand."""
    return with_plain_query(reverse("navigator:results"), answers)


def submitted_params(answered):
    """The parameters the question named `answered` sends when its form is submitted."""
    question = QUESTIONS_BY_SLUG.get(answered)
    return question.params if question else ()


def _exit_url(answers):
    """Where these answers leave the questions (urgent help, adult support), if they do."""
    return next(filter(None, (question.exit(answers) for question in QUESTIONS)), None)


def _url_after(question, answers):
    following = next_question(question, answers)
    return following.url(answers) if following else results_url(answers)


def route_question(slug, answers, *, answered="", is_start=False):
    """What a question page does: `answered` names the question a form was sent from, and
    `is_start` says the request came to /help/ (the first question's only address)."""
    question = QUESTIONS_BY_SLUG.get(slug)
    if question is None:
        raise Http404("No such question")
    if question is QUESTIONS[0] and not is_start:
        return Redirect(question.url(answers))
    missing = first_unanswered(answers, before=question)
    if missing:
        return Redirect(missing.url(answers))
    if not question.is_asked(answers):
        return Redirect(_url_after(question, answers))

    submitted = answered == question.slug
    form = question.form(answers if submitted else None, answers)
    if submitted and form.is_valid():
        answers = with_answers(answers, form.answer_params())
        return Redirect(question.exit(answers) or _url_after(question, answers))

    previous = previous_question(question, answers)
    return Render(
        question.template,
        {
            "question": question,
            "progress": progress(question, answers),
            "form": form,
            "carried_answers": _carried(answers),
            "back_url": previous.url(answers) if previous else reverse("directory:home"),
            "who": answers.get("who", ""),
            "needs_grown_up": needs_grown_up(answers),
        },
    )


def _carried(answers):
    """The hidden inputs of a question's form: every answer so far, as one token. The
    question's own answer is in it too (the form sends its fields, which win)."""
    query = query_string(answers)
    return [(TOKEN, seal(query))] if query else []


def route_results(answers):
    """What the results page does with a whole set of answers."""
    # Danger comes first: whatever else the link says, and even if it is wrong.
    in_danger = urgent_help_if_in_danger(answers)
    if in_danger:
        return Redirect(in_danger)
    form = forms.ResultsForm(answers)
    if not form.is_valid():
        if form.bad_parameters():
            problems = [m for name in form.bad_parameters() for m in form.errors[name]]
            return Render("navigator/results_invalid.html", {"problems": problems}, status=400)
        missing = first_unanswered(answers) or QUESTIONS[0]
        return Redirect(missing.url(answers))
    # The questions' own exits (over 25), on the answers as the forms read them (" 40" is 40).
    leaving = _exit_url(with_answers(answers, form.answer_params()))
    if leaving:
        return Redirect(leaving)
    validated = form.to_answers()
    return Render(
        "navigator/results.html",
        {
            "results": match_services(validated),
            "summary": answer_summary(form, validated, answers),
            "change_url": QUESTIONS[0].url(answers),
            "preferences_url": QUESTIONS[-1].url(answers),
            "needs_grown_up": needs_grown_up(answers),
        },
    )


@dataclass(frozen=True)
class SummaryRow:
    question: str  # its slug
    key: str
    value: str
    change_url: str


def answer_summary(form, validated, answers):
    """The answers given, each with a link to its question (the answers carried): the top of
    the results. The need labels are the choices the form already read: no query."""
    rows = wording.answer_summary(
        validated,
        need_labels=dict(form.fields["need"].choices),
        impact_labels=dict(forms.IMPACT_CHOICES),
        delivery_labels=dict(forms.DELIVERY_CHOICES),
        applies_labels=dict(form.fields["applies"].choices),
    )
    return [
        SummaryRow(slug, key, value, QUESTIONS_BY_SLUG[slug].url(answers))
        for slug, key, value in rows
    ]
