"""The questions and their order, defined once.

Each question names the URL parameters it sets, its form, its template, when it is asked
(`condition`) and where an answer leaves the questions altogether (`exit`), in the manner of a
form wizard's condition_dict. Everything else (the next and previous question, the first one
still unanswered) is worked out from this table; navigator/flow.py routes requests through it.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import reverse

from . import borough_forms, forms
from .answers import answered_age, is_in_danger, is_over_25, with_answers, with_query


def always(answers):
    return True


def no_exit(answers):
    return None


@dataclass(frozen=True)
class Question:
    slug: str
    title: str  # the page title: generic, never an answer
    params: tuple
    form_class: type
    template: str
    condition: Callable = always
    exit: Callable = no_exit
    required: bool = True
    # A follow-up to the question before it (which borough, for a split postcode district):
    # it shares that question's number, so the count of questions does not change under you.
    follow_up: bool = False

    def url(self, answers):
        path = (
            reverse("navigator:start")
            if self is QUESTIONS[0]
            else reverse("navigator:question", args=[self.slug])
        )
        return with_query(path, answers)

    def form(self, data=None, answers=None):
        return self.form_class(data, answers=answers)

    def is_asked(self, answers):
        """Whether the earlier answers call for this question (its own answer aside)."""
        return self.condition(with_answers(answers, dict.fromkeys(self.params, ())))

    def is_answered(self, answers):
        if not any(answers.get(name) for name in self.params):
            return False
        return self.form(answers, answers).is_valid()


def urgent_help_if_in_danger(answers):
    return reverse("pages:urgent_help") if is_in_danger(answers) else None


def _adult_support_if_over_25(answers):
    age = answered_age(answers)
    return reverse("navigator:adult_support") if age is not None and is_over_25(age) else None


def _district_needs_a_borough(answers):
    return bool(answers.get("postcode")) and not answers.get("borough")


QUESTIONS = (
    Question(
        "danger",
        "Is anyone in danger now?",
        ("urgent",),
        forms.DangerForm,
        "navigator/questions/danger.html",
        exit=urgent_help_if_in_danger,
    ),
    Question("who", "Who needs help?", ("who",), forms.WhoForm, "navigator/questions/who.html"),
    Question(
        "age",
        "How old are they?",
        ("age",),
        forms.AgeForm,
        "navigator/questions/age.html",
        exit=_adult_support_if_over_25,
    ),
    Question(
        "where",
        "Where do they live?",
        ("borough", "postcode"),
        borough_forms.WhereForm,
        "navigator/questions/where.html",
    ),
    Question(
        "which-borough",
        "Which borough do they live in?",
        ("borough",),
        borough_forms.WhichBoroughForm,
        "navigator/questions/which_borough.html",
        condition=_district_needs_a_borough,
        follow_up=True,
    ),
    Question(
        "need", "What is it about?", ("need",), forms.NeedForm, "navigator/questions/need.html"
    ),
    Question(
        "impact",
        "How much does it affect everyday life?",
        ("impact",),
        forms.ImpactForm,
        "navigator/questions/impact.html",
    ),
    Question(
        "applies",
        "Do any of these apply?",
        ("applies",),
        forms.AppliesForm,
        "navigator/questions/applies.html",
        required=False,
    ),
    Question(
        "preferences",
        "How would they like to get support?",
        ("delivery", "free"),
        forms.PreferencesForm,
        "navigator/questions/preferences.html",
        required=False,
    ),
)
QUESTIONS_BY_SLUG = {question.slug: question for question in QUESTIONS}


def first_unanswered(answers, before=None):
    """The first question that is asked for these answers and not yet validly answered."""
    for question in QUESTIONS:
        if question is before:
            return None
        if question.required and question.condition(answers) and not question.is_answered(answers):
            return question
    return None


def next_question(question, answers):
    later = QUESTIONS[QUESTIONS.index(question) + 1 :]
    return next((q for q in later if q.condition(answers)), None)


def previous_question(question, answers):
    earlier = reversed(QUESTIONS[: QUESTIONS.index(question)])
    return next((q for q in earlier if q.condition(answers)), None)
