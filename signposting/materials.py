"""What goes on a borough's poster, wallet cards and waiting-room list.

Reads only: the crisis lines from pages/helplines.py (looked up when a page is drawn, so a
changed number shows at once), the borough from pages/london.py (all 33, no database), and
the services through the directory's own ServiceQuerySet methods (`published`, `in_borough`,
`for_age_range`): local services where the directory has them, national ones where it does not,
and whatever the directory lists for the borough (its Local Offer, its CAMHS) with them.
"""

from dataclasses import dataclass, field

from django import forms
from django.http import QueryDict
from django.urls import reverse

from directory.models import AgeBand, Service, ThriveCategory
from directory.referral_wording import access_routes
from navigator.answers import with_answers
from navigator.flow import start_url
from pages.helplines import NATIONAL_LINES, local_urgent_line
from pages.london import BOROUGH_NAMES

from . import wording

PER_CATEGORY = 3  # services a category shows on the one-page list; the rest are a link away
BOROUGH_CHOICES = sorted(BOROUGH_NAMES.items(), key=lambda item: item[1])


class ChoiceForm(forms.Form):
    """The page's choices: a borough, and optionally an age group and a setting."""

    borough = forms.ChoiceField(
        label="Borough",
        choices=[("", "Choose a borough"), *BOROUGH_CHOICES],
        error_messages={
            "required": "Choose the borough the poster or cards are for",
            "invalid_choice": "Choose a London borough from the list",
        },
    )
    age_band = forms.ModelChoiceField(
        label="Age group (optional)",
        queryset=AgeBand.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label="Any age",
        error_messages={"invalid_choice": "We do not recognise that age group, so it is not used"},
    )
    setting = forms.ChoiceField(
        label="Where it will go (optional)",
        choices=[("", "Anywhere"), *wording.SETTINGS.items()],
        required=False,
        error_messages={"invalid_choice": "We do not recognise that setting, so it is not used"},
    )


@dataclass(frozen=True)
class Choice:
    borough: str  # a borough slug from pages/london.py
    age_band: AgeBand | None = None
    setting: str = ""  # a key of wording.SETTINGS, or ""
    problems: tuple = ()  # what was not understood, and so not used

    @property
    def borough_name(self):
        return BOROUGH_NAMES[self.borough]

    @property
    def query(self):
        """The optional choices as a query string for the links between the materials."""
        query = QueryDict(mutable=True)
        if self.age_band:
            query["age_band"] = self.age_band.slug
        if self.setting:
            query["setting"] = self.setting
        return f"?{query.urlencode()}" if query else ""

    @property
    def for_parents(self):
        return bool(self.age_band) and self.age_band.slug in wording.PARENT_AGE_BANDS


def choice_for(borough, query):
    """The choice a material page's address makes, or None for a borough not in London. An
    age group or setting that is not ours is left out and said (`problems`), never a 500."""
    if borough not in BOROUGH_NAMES:
        return None
    form = ChoiceForm({**query.dict(), "borough": borough})
    form.is_valid()
    return Choice(
        borough=borough,
        age_band=form.cleaned_data.get("age_band"),
        setting=form.cleaned_data.get("setting", ""),
        problems=tuple(message for errors in form.errors.values() for message in errors),
    )


def go_path(choice):
    """The short, stable address a QR code carries: /go/<borough>/, with the setting code."""
    path = reverse("signposting:go", args=[choice.borough])
    return f"{path}?from={choice.setting}" if choice.setting else path


def navigator_url_for(borough):
    """Where /go/<borough>/ sends people: the navigator's first question with the borough
    already answered, in the navigator's own form (navigator.flow.start_url)."""
    return start_url(with_answers(QueryDict(), {"borough": [borough]}))


@dataclass(frozen=True)
class Lines:
    """The lines a poster and a card carry, from pages/helplines.py."""

    local: object  # the borough's 24-hour NHS line, or None (then NHS 111, option 2)
    nhs_111: object
    childline: object
    shout: object
    emergency: object


def lines_for(borough):
    return Lines(
        local=local_urgent_line(borough),
        nhs_111=NATIONAL_LINES["nhs-111"],
        childline=NATIONAL_LINES["childline"],
        shout=NATIONAL_LINES["shout"],
        emergency=NATIONAL_LINES["emergency"],
    )


@dataclass
class Group:
    category: ThriveCategory
    services: list = field(default_factory=list)  # (service, how to get in), at most PER_CATEGORY
    more: int = 0
    directory_url: str = ""


def waiting_room_groups(choice):
    """The borough's services by THRIVE category, local before national, with how to get in.
    Two queries for the services and their links, one for the categories."""
    services = Service.objects.published().in_borough(choice.borough)
    if choice.age_band:
        services = services.for_age_range(choice.age_band.min_age, choice.age_band.max_age)
    services = services.with_card_data().with_match_data().order_by("is_national", "name")
    groups = {
        category.slug: Group(category, directory_url=_directory_url(choice, category))
        for category in ThriveCategory.objects.all()
    }
    for service in services:
        if not service.thrive_list:
            continue
        first = min(service.thrive_list, key=lambda category: category.position)
        group = groups[first.slug]
        if len(group.services) < PER_CATEGORY:
            group.services.append((service, access_routes(service)[:1]))
        else:
            group.more += 1
    return [group for group in groups.values() if group.services]


def has_local_services(groups):
    return any(not service.is_national for group in groups for service, _ in group.services)


def _directory_url(choice, category):
    query = QueryDict(mutable=True)
    query["borough"] = choice.borough
    query["thrive"] = category.slug
    if choice.age_band:
        query["age_band"] = choice.age_band.slug
    return f"{reverse('directory:service_list')}?{query.urlencode()}"
