"""What every question page's form shares: choices from the vocabularies, initial values from
the answers so far, options for the templates and the URL parameters an answer sets."""

from django import forms

from directory.field_options import Option
from directory.models import EligibilityCriterion
from directory.vocabulary_rows import vocabulary_rows

from .answers import NONE_APPLY, NOT_SURE


def vocabulary_choices(names):
    """{field name: ((slug, label), …)} for these fields ("need", "applies"), in their order,
    from the one reader of the vocabularies (directory/vocabulary_rows.py)."""
    rows = vocabulary_rows()
    choices = {
        "need": tuple((need.slug, need.label) for need in rows["need"]),
        "applies": tuple(
            (criterion.slug, criterion.question_label)
            for criterion in rows["eligibility"]
            if criterion.rule == EligibilityCriterion.Rule.RESTRICTS
        ),
    }
    return {name: choices[name] for name in names}


class QuestionForm(forms.Form):
    """A question page's form. `answers` are the answers so far (for wording and choices)."""

    hints = {}  # field name -> {value: hint}

    def __init__(self, data=None, *, answers=None, **kwargs):
        self.answers = answers if answers is not None else {}
        kwargs.setdefault("initial", self.initial_from(self.answers))
        super().__init__(data, **kwargs)
        names = [name for name in self.fields if name in VOCABULARY_FIELDS]
        if names:
            for name, choices in vocabulary_choices(names).items():
                self.fields[name].choices = self.vocabulary_field_choices(name, choices)

    def vocabulary_field_choices(self, name, choices):
        """A vocabulary field's choices: the vocabulary's rows, and whatever the form adds."""
        return choices

    def initial_from(self, answers):
        initial = {}
        for name, form_field in self.base_fields.items():
            if not hasattr(answers, "getlist"):
                continue
            if isinstance(form_field, forms.MultipleChoiceField):
                initial[name] = answers.getlist(name)
            elif isinstance(form_field, forms.BooleanField):
                initial[name] = answers.get(name) == "1"
            else:
                initial[name] = answers.get(name, "")
        return initial

    extra_option_fields = ()  # fields without choices that are still shown as options

    @property
    def choice_options(self):
        """{field name: [Option]} for templates, which cannot call options(name)."""
        names = [n for n, f in self.fields.items() if hasattr(f, "choices")]
        return {name: self.options(name) for name in [*names, *self.extra_option_fields]}

    def options(self, name):
        bound = self[name]
        value = bound.value()
        selected = {str(v) for v in value} if isinstance(value, list | tuple) else {str(value)}
        hints = self.hints.get(name, {})
        options = []
        for index, (choice_value, label) in enumerate(bound.field.choices):
            options.append(
                Option(
                    id=name if index == 0 else f"{name}-{index + 1}",
                    value=str(choice_value),
                    label=str(label),
                    checked=str(choice_value) in selected,
                    hint=hints.get(choice_value, ""),
                    divider_before=choice_value in (NOT_SURE, NONE_APPLY),
                )
            )
        return options

    def answer_params(self):
        """The URL parameters this answer sets: {name: [values]}; an empty list removes one."""
        return {name: _as_list(value) for name, value in self.cleaned_data.items()}

    @property
    def error_links(self):
        """(anchor, message) for the error summary, in field order."""
        links = [(f"#{self.first_field_id}", message) for message in self.non_field_errors()]
        for name, errors in self.errors.items():
            if name != forms.forms.NON_FIELD_ERRORS:
                links.extend((f"#{name}", message) for message in errors)
        return links

    @property
    def first_field_id(self):
        return next(iter(self.fields))


def _as_list(value):
    if value in (None, "", False):
        return []
    if value is True:
        return ["1"]
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    return [str(value)]


VOCABULARY_FIELDS = ("need", "applies")
