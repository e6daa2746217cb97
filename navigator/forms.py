"""One form per question, and ResultsForm for a whole set of answers (results page and API).

Every form reads the query string (method="get"); field names are the URL parameters.
"""

from dataclasses import replace

from django import forms

from directory import caching
from directory.facts import DeliverySlug, Who
from directory.field_options import Option
from directory.local_coverage import borough_listings
from directory.models import EligibilityCriterion
from directory.postcodes.districts import NOT_IN_LONDON
from directory.postcodes.lookup import PostcodeNotRecognised, find_district, resolve_postcode
from directory.vocabulary_rows import vocabulary_rows
from directory.whole_numbers import has_other_digits
from pages.london import BOROUGH_NAMES

from .answers import AGE, NONE_APPLY, NOT_SURE, UNKNOWN_BOROUGH, Answers, answered_age, is_in_danger
from .needs import need_suits
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
BOROUGH_CHOICES = sorted(BOROUGH_NAMES.items(), key=lambda item: item[1])
UNKNOWN_BOROUGH_LABEL = "I don't know, or not in London"
MIN_AGE, MAX_ANSWERED_AGE = 0, 120


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
        names = [name for name in self.fields if name in _VOCABULARY_FIELDS]
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


def _borough_field(choices):
    return forms.ChoiceField(
        choices=choices,
        error_messages={
            "required": "Select a borough",
            "invalid_choice": "Select a London borough from the list",
        },
    )


class WhereForm(QuestionForm):
    borough = _borough_field(
        [("", "Choose a borough"), *BOROUGH_CHOICES, (UNKNOWN_BOROUGH, UNKNOWN_BOROUGH_LABEL)]
    )
    postcode = forms.CharField(
        required=False,
        max_length=10,
        error_messages={
            "max_length": "Enter a postcode, like W10 or SW6 1AA",
            "null_characters_not_allowed": "Enter a postcode, like W10 or SW6 1AA",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["borough"].required = False

    def borough_groups(self):
        """The borough choices as the select groups them: where we list local services, and
        where only national ones (so people know before they go on), in one query."""
        covered = {b.slug for b in vocabulary_rows()["borough"] if b.has_local_services}
        listings = caching.get_or_set("borough-listings", borough_listings)
        options = self.options("borough")
        first, boroughs, unknown = options[0], options[1:-1], options[-1]
        return [
            ("", [first]),
            (
                "Local services listed",
                [_with_count(o, listings.get(o.value)) for o in boroughs if o.value in covered],
            ),
            (
                "National and regional services only",
                [o for o in boroughs if o.value not in covered],
            ),
            ("", [unknown]),
        ]

    def clean_postcode(self):
        postcode = self.cleaned_data["postcode"].strip()
        if not postcode:
            return None
        try:
            return resolve_postcode(postcode)
        except PostcodeNotRecognised:
            raise forms.ValidationError(
                "Enter a real postcode, like W10 or SW6 1AA, or choose a borough",
                code="invalid",
            ) from None

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        district = cleaned.get("postcode")
        if cleaned.get("borough"):
            cleaned["postcode"] = ""
        elif district is None:
            raise forms.ValidationError(
                "Choose a borough, enter a postcode, or choose \u201c"
                + UNKNOWN_BOROUGH_LABEL
                + "\u201d",
                code="required",
            )
        elif not district.in_london:
            cleaned.update(borough=UNKNOWN_BOROUGH, postcode="")
        elif district.is_split:
            cleaned.update(borough="", postcode=district.code)  # ask which next
        else:
            cleaned.update(borough=district.boroughs[0], postcode="")
        return cleaned


def borough_label(slug):
    return "Somewhere outside London" if slug == NOT_IN_LONDON else BOROUGH_NAMES[slug]


class WhichBoroughForm(QuestionForm):
    """For a postcode district split between boroughs: which one?"""

    borough = forms.ChoiceField(
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select the borough you live in",
            "invalid_choice": "Select one of the boroughs listed",
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.district = _district_or_none(self.answers.get("postcode", ""))
        boroughs = self.district.boroughs if self.district else ()
        if NOT_IN_LONDON not in boroughs:
            boroughs = (*boroughs, NOT_IN_LONDON)
        self.fields["borough"].choices = [(slug, borough_label(slug)) for slug in boroughs]

    def answer_params(self):
        return {"borough": [self.cleaned_data["borough"]], "postcode": []}


def _district_or_none(postcode):
    try:
        district = find_district(postcode)
    except PostcodeNotRecognised:
        return None
    return district if district.is_split else None


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


_VOCABULARY_FIELDS = ("need", "applies")


class ResultsForm(DangerForm, WhoForm, AgeForm, NeedForm, ImpactForm, AppliesForm, PreferencesForm):
    """All the answers at once, as /help/results/ and /api/v1/navigator receive them."""

    borough = _borough_field([*BOROUGH_CHOICES, (UNKNOWN_BOROUGH, UNKNOWN_BOROUGH_LABEL)])

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


def _with_count(option, listing):
    """A borough's option, saying how many services we list there: "Westminster (52 services)"."""
    if listing is None or not listing.count:
        return option
    services = "service" if listing.count == 1 else "services"
    return replace(option, label=f"{option.label} ({listing.count} {services})")
