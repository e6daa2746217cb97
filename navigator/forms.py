"""One form per question, and ResultsForm for a whole set of answers (results page and API).

Every form reads the query string (method="get"); field names are the URL parameters.
"""

from dataclasses import replace

from django import forms

from directory.facts import DeliverySlug, Who
from directory.field_options import Option
from directory.whole_numbers import has_other_digits

from .answers import AGE, NONE_APPLY, NOT_SURE, UNKNOWN_BOROUGH, Answers, answered_age, is_in_danger
from .borough_forms import BOROUGH_CHOICES, UNKNOWN_BOROUGH_LABEL, borough_field
from .needs import need_suits
from .question_form import QuestionForm
from .wording import need_label

WHO_CHOICES = Who.choices
IMPACT_CHOICES = [
    ("a-little", "A little"),
    ("quite-a-lot", "Quite a lot"),
    ("a-lot", "A lot"),
]
IMPACT_HINTS = {
    "a-little": "Things are mostly OK, but advice or someone to talk to would help",
    "quite-a-lot": "It is getting in the way of school, work, sleep, friends or family",
    "a-lot": "It is hard to get through most days",
}
DELIVERY_CHOICES = [
    (DeliverySlug.ONLINE, "Online or chat"),
    (DeliverySlug.PHONE, "Phone"),
    (DeliverySlug.TEXT, "Text message"),
    (DeliverySlug.IN_PERSON, "Face to face"),
]
MIN_AGE, MAX_ANSWERED_AGE = 0, 120


class DangerForm(QuestionForm):
    urgent = forms.ChoiceField(
        choices=[("yes", "Yes"), ("no", "No")],
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select yes if anyone is in danger now or thinking about ending their life",
            "invalid_choice": "Select yes or no",
        },
    )


class WhoForm(QuestionForm):
    who = forms.ChoiceField(
        choices=WHO_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select who you are looking for help for",
            "invalid_choice": "Select who you are looking for help for",
        },
    )


class AgeForm(QuestionForm):
    age = forms.CharField(
        max_length=10,
        error_messages={
            "required": "Enter an age in years",
            "max_length": "Enter an age in whole years, like 15",
            "null_characters_not_allowed": "Enter an age in whole years, like 15",
        },
    )

    def clean_age(self):
        value = self.cleaned_data["age"].strip()
        if not AGE.fullmatch(value):
            if has_other_digits(value):
                raise forms.ValidationError(
                    "Write the age with the digits 0 to 9, like 15", code="other_digits"
                )
            raise forms.ValidationError("Enter an age in whole years, like 15", code="invalid")
        age = int(value)
        if not MIN_AGE <= age <= MAX_ANSWERED_AGE:
            raise forms.ValidationError(
                f"Enter an age between {MIN_AGE} and {MAX_ANSWERED_AGE}", code="out_of_range"
            )
        return age


class NeedForm(QuestionForm):
    need = forms.MultipleChoiceField(
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "required": "Select what it is about, or select \u201cI'm not sure\u201d",
            "invalid_choice": "Select what it is about from the list",
        },
    )

    def vocabulary_field_choices(self, name, choices):
        if name == "need":
            return [*choices, (NOT_SURE, "I'm not sure")]
        return super().vocabulary_field_choices(name, choices)

    def clean_need(self):
        needs = list(dict.fromkeys(self.cleaned_data["need"]))
        specific = [n for n in needs if n != NOT_SURE]
        # Without JavaScript "not sure" can be ticked alongside real needs: the needs win.
        return specific or [NOT_SURE]

    def options(self, name):
        """The needs offered to who it is for, at their age (navigator/needs.py): a young
        person is not offered parenting support. Any need may still be sent (a link written
        by hand), and one already chosen is always shown, so it can be unticked."""
        options = super().options(name)
        if name != "need" or not hasattr(self.answers, "getlist"):
            return options
        who, age = self.answers.get("who", ""), answered_age(self.answers)
        offered = [
            option
            for option in options
            if option.checked
            or option.value == NOT_SURE
            or not who
            or need_suits(option.value, who, age)
        ]
        # The first one offered carries the field's id, which the error summary links to.
        # Each is worded for who is asking ("Hurting themselves", to a parent).
        return [
            replace(
                option,
                id=name if index == 0 else f"{name}-{index + 1}",
                label=need_label(option.value, option.label, who),
            )
            for index, option in enumerate(offered)
        ]


class ImpactForm(QuestionForm):
    hints = {"impact": IMPACT_HINTS}

    impact = forms.ChoiceField(
        choices=IMPACT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select how much it affects everyday life",
            "invalid_choice": "Select how much it affects everyday life",
        },
    )


class AppliesForm(QuestionForm):
    """Eligibility that restricts who can use a service: "Do any of these apply?" Optional;
    no answer means none apply."""

    applies = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": "Select what applies from the list, or \u201cNone of these\u201d"
        },
    )

    def vocabulary_field_choices(self, name, choices):
        if name == "applies":
            return [*choices, (NONE_APPLY, "None of these")]
        return super().vocabulary_field_choices(name, choices)

    def clean_applies(self):
        applies = list(dict.fromkeys(self.cleaned_data["applies"]))
        specific = [slug for slug in applies if slug != NONE_APPLY]
        # Without JavaScript "None of these" can be ticked alongside others: the others win.
        return specific or ([NONE_APPLY] if applies else [])


class PreferencesForm(QuestionForm):
    delivery = forms.MultipleChoiceField(
        required=False,
        choices=DELIVERY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Select how you would like to get support from the list"},
    )
    free = forms.CharField(required=False)
    extra_option_fields = ("free",)

    def clean_free(self):
        value = self.cleaned_data["free"].strip()
        if value not in ("", "1"):
            raise forms.ValidationError(
                "Tick the box to only show free services, or leave it empty", code="invalid"
            )
        return value

    def options(self, name):
        if name != "free":
            return super().options(name)
        return [Option("free", "1", "Only show free services", self["free"].value() == "1")]


class ResultsForm(DangerForm, WhoForm, AgeForm, NeedForm, ImpactForm, AppliesForm, PreferencesForm):
    """All the answers at once, as /help/results/ and /api/v1/navigator receive them."""

    borough = borough_field([*BOROUGH_CHOICES, (UNKNOWN_BOROUGH, UNKNOWN_BOROUGH_LABEL)])

    def to_answers(self):
        data = self.cleaned_data
        needs = tuple(n for n in data["need"] if n != NOT_SURE)
        return Answers(
            who=data["who"],
            age=data["age"],
            borough=data["borough"],
            needs=needs,
            impact=data["impact"],
            applies=tuple(slug for slug in data.get("applies") or () if slug != NONE_APPLY),
            delivery=tuple(dict.fromkeys(data.get("delivery") or ())),
            free_only=data.get("free") == "1",
            urgent=is_in_danger(data),
        )

    def bad_parameters(self):
        """Fields given a value that is wrong (not merely missing)."""
        return [name for name in self.errors if self.data.get(name, "").strip()]
