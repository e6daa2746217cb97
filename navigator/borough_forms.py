"""Where they live: the borough question (a borough, or a postcode that names one) and, for a
postcode district split between boroughs, which one."""

from dataclasses import replace

from django import forms

from directory import caching
from directory.local_coverage import borough_listings, local_borough_slugs
from directory.postcodes.districts import NOT_IN_LONDON
from directory.postcodes.lookup import PostcodeNotRecognised, find_district, resolve_postcode
from pages.london import BOROUGH_NAMES

from .answers import UNKNOWN_BOROUGH
from .question_form import QuestionForm

BOROUGH_CHOICES = sorted(BOROUGH_NAMES.items(), key=lambda item: item[1])
UNKNOWN_BOROUGH_LABEL = "I don't know, or not in London"


def borough_field(choices):
    return forms.ChoiceField(
        choices=choices,
        error_messages={
            "required": "Select a borough",
            "invalid_choice": "Select a London borough from the list",
        },
    )


class WhereForm(QuestionForm):
    borough = borough_field(
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
        covered = local_borough_slugs()
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


def _with_count(option, listing):
    """A borough's option, saying how many services we list there: "Westminster (52 services)"."""
    if listing is None or not listing.count:
        return option
    services = "service" if listing.count == 1 else "services"
    return replace(option, label=f"{option.label} ({listing.count} {services})")
