import datetime

from django.contrib.postgres.search import SearchVectorField
from django.core.validators import MaxValueValidator
from django.db import models
from django.urls import reverse
from django.utils.functional import cached_property
from simple_history.models import HistoricalRecords

from ..phone import validate_uk_phone
from ..vocabulary import VOCABULARIES
from ..wording import MAY_HAVE_CHANGED, join_words
from .fields import DerivedSlugsField, StableIdField
from .history import ServiceHistoricalRecords
from .querysets import DERIVED_COLUMNS, REVIEW_INTERVAL_DAYS, ServiceManager
from .vocabularies import (
    Audience,
    Borough,
    DeliveryMode,
    EligibilityCriterion,
    Language,
    Need,
    ReferralRoute,
    ThriveCategory,
)

MAX_AGE = 25

# The source documents (fixtures/SOURCES.md), by the key an entry's source starts with, as a
# page names them.
SOURCE_TITLES = {
    "000": "North East London\u2019s \u201cAll About Me\u201d conference report",
    "001": "the Bi-Borough mental health plan",
    "002": "Hammersmith and Fulham council committee minutes",
    "national": "the service\u2019s own website",
}


def _add_related_list(model, name, relation):
    """`model.<name>`: a relation's rows as a list, cached on the instance. Django's own
    cached_property: prefetch_related(Prefetch(relation, to_attr=name)) recognises it and
    fills it instead."""
    rows = cached_property(lambda instance: list(getattr(instance, relation).all()))
    setattr(model, name, rows)
    rows.__set_name__(model, name)


class Organisation(models.Model):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    website = models.URLField(blank=True)
    description = models.TextField(blank=True)
    uuid = StableIdField("Open Referral id", unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("admin:directory_organisation_change", args=[self.pk])

    def stable_key(self):
        return f"organisation:{self.slug}"


class Essential(models.TextChoices):
    """What every borough lists, whatever else it has (docs/data.md)."""

    CAMHS = "camhs", "CAMHS single point of access"
    LOCAL_OFFER = "local-offer", "Local Offer"
    FAMILY_INFORMATION = "family-information", "Family Information Service"
    ONLINE = "online", "Online service for young people"


# Every borough must list these; ONLINE only where the borough commissions one.
REQUIRED_ESSENTIALS = (Essential.CAMHS, Essential.LOCAL_OFFER, Essential.FAMILY_INFORMATION)


class Service(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        ARCHIVED = "archived", "Archived"

    class Cost(models.TextChoices):
        FREE = "free", "Free"
        PAID = "paid", "Paid"

    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="services"
    )
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=120, unique=True)
    summary = models.CharField(max_length=300, help_text="One plain sentence")
    description = models.TextField(blank=True)

    thrive_categories = models.ManyToManyField(ThriveCategory, related_name="services")
    needs = models.ManyToManyField(Need, related_name="services", blank=True)
    boroughs = models.ManyToManyField(Borough, related_name="services", blank=True)
    is_national = models.BooleanField(
        "national", default=False, help_text="Available to young people anywhere in England"
    )
    min_age = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_AGE)])
    max_age = models.PositiveSmallIntegerField(validators=[MaxValueValidator(MAX_AGE)])

    audiences = models.ManyToManyField(Audience, related_name="services")
    referral_routes = models.ManyToManyField(ReferralRoute, related_name="services", blank=True)
    referral_note = models.TextField("how to get in", blank=True)
    delivery_modes = models.ManyToManyField(DeliveryMode, related_name="services", blank=True)
    cost = models.CharField(max_length=10, choices=Cost.choices, default=Cost.FREE)
    cost_note = models.CharField(max_length=250, blank=True)
    languages = models.ManyToManyField(Language, related_name="services", blank=True)
    is_crisis = models.BooleanField(
        "crisis service", default=False, help_text="Urgent or 24/7 help for someone in crisis"
    )

    phone = models.CharField(max_length=30, blank=True, validators=[validate_uk_phone])
    sms_number = models.CharField(
        "text number", max_length=30, blank=True, validators=[validate_uk_phone]
    )
    sms_keyword = models.CharField("text keyword", max_length=30, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    referral_url = models.URLField("referral form link", blank=True)
    opening_hours = models.CharField(max_length=250, blank=True)

    eligibility_criteria = models.ManyToManyField(
        EligibilityCriterion, related_name="services", blank=True
    )
    eligibility_note = models.TextField(blank=True, help_text="Who can use it, in plain words")

    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    may_have_changed = models.BooleanField(
        default=False,
        help_text=f"Its page says \u201c{MAY_HAVE_CHANGED}\u201d until someone confirms it is "
        "running as described (a pilot past its date, vacant posts, fixed-term funding)",
    )
    change_note = models.CharField(
        "why it may have changed",
        max_length=300,
        blank=True,
        help_text="One plain sentence, shown on its page: what the source says",
    )
    # Where the facts come from (a document or page, and its date) is kept apart from whether
    # a person has confirmed them with the service (docs/data.md).
    source_note = models.CharField(
        max_length=250, blank=True, help_text="Where the facts in this entry come from"
    )
    source_date = models.DateField(
        null=True,
        blank=True,
        help_text="The date of that document or page (the first of the month where only the "
        "month is known)",
    )
    contact_source_url = models.URLField(
        "where the contact details come from",
        blank=True,
        help_text="The provider's or council's own public page the phone, email, form, "
        "website and address were read from",
    )
    contact_source_read_on = models.DateField("contact details read on", null=True, blank=True)
    no_direct_contact_note = models.TextField(
        "why there is no direct contact",
        blank=True,
        help_text="Where no public source gives a direct way in: say so, and the best route "
        "(the borough's Family Information Service, ask your GP)",
    )
    essential = models.CharField(
        "borough essential",
        max_length=20,
        choices=Essential.choices,
        blank=True,
        help_text="Every borough lists its CAMHS single point of access, Local Offer and Family "
        "Information Service, and the online service it commissions where there is one",
    )
    # Set only from the admin, by the signed-in person who checked the entry with the service
    # (never from a data file): the review queue runs from this date.
    confirmed_on = models.DateField("confirmed with the service on", null=True, blank=True)
    confirmed_by = models.CharField(
        "confirmed by", max_length=150, blank=True, help_text="Who confirmed it"
    )
    uuid = StableIdField("Open Referral id", unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    # Derived by PostgreSQL's triggers from the fields and links above, whatever writes them
    # (migration 0006, directory/models/derived_columns.py); whatever Django writes here is
    # replaced. Empty and unused on SQLite. Each vocabulary's `<key>_slugs` column is added
    # below the class, from directory/vocabulary.py.
    search_vector = SearchVectorField(null=True, editable=False)
    name_vector = SearchVectorField(null=True, editable=False)

    objects = ServiceManager()
    # Every change, who made it and when, each field's old and new value, its links to the
    # vocabularies included (django-simple-history; docs/admin.md says why).
    history = ServiceHistoricalRecords(
        excluded_fields=[*DERIVED_COLUMNS, "created_at", "updated_at"],
        m2m_fields=[vocabulary.relation for vocabulary in VOCABULARIES],
    )

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__lte=models.F("max_age")),
                name="service_min_age_not_above_max_age",
                violation_error_message="The youngest age cannot be above the oldest age.",
            ),
            models.CheckConstraint(
                condition=models.Q(max_age__lte=MAX_AGE),
                name="service_max_age_at_most_25",
                violation_error_message="Services here are for ages 0 to 25: the oldest age "
                "must be 25 or under.",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["draft", "published", "archived"]),
                name="service_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(confirmed_on__isnull=True) | ~models.Q(confirmed_by=""),
                name="service_confirmed_by_a_person",
                violation_error_message="A confirmation needs the person who made it.",
            ),
        ]
        indexes = [
            models.Index(fields=["status", "min_age", "max_age"]),
            # The directory lists published services by name, 20 at a time.
            models.Index(fields=["status", "name"], name="service_status_name_idx"),
            models.Index(
                fields=["id"], condition=models.Q(is_national=True), name="service_national_idx"
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:service_detail", args=[self.slug])

    def stable_key(self):
        return f"service:{self.slug}"

    @property
    def review_due_on(self):
        """When the entry should next be checked with the service: 12 months after a person
        last confirmed it; None (due now) if no one has."""
        if self.confirmed_on is None:
            return None
        return self.confirmed_on + datetime.timedelta(days=REVIEW_INTERVAL_DAYS)

    @property
    def age_range_text(self):
        if self.min_age == 0:
            return f"up to {self.max_age}"
        return f"{self.min_age} to {self.max_age}"

    @property
    def area_text(self):
        """Where it is available, as a card says it (reads the prefetched boroughs)."""
        if self.is_national:
            return "Anywhere in England"
        return join_words(borough.name for borough in self.borough_list) or "Ask the service"

    @property
    def ways_in_text(self):
        """Who can ask for help from it, as a card says it (reads the prefetched routes)."""
        names = [route.name for route in self.referral_list]
        return ". ".join(names) or "Contact the service to ask how"

    @property
    def source_text(self):
        """Where its facts come from, as its page says it: "the Bi-Borough mental health plan,
        2022"."""
        document = self.source_note.split(";")[0].strip()
        key = document.split(":")[0].strip()
        title = SOURCE_TITLES.get(key, document)
        if title and self.source_date:
            return f"{title}, {self.source_date.year}"
        return title

    @property
    def has_direct_contact(self):
        """A way to reach the service itself: a phone, text, email, referral form or a place
        to walk in (a website alone may be a landing page)."""
        direct = [self.phone, self.sms_number, self.email, self.referral_url]
        return any(direct) or bool(self.location_list)

    @property
    def has_contact(self):
        direct = [self.phone, self.sms_number, self.email, self.website, self.referral_url]
        return any(direct) or bool(self.link_list)

    @property
    def may_have_changed_text(self):
        """What its page and card say when it may not be running as described."""
        return MAY_HAVE_CHANGED


# Each vocabulary's derived slugs column, and its linked rows as a list (`service.need_list`).
# with_card_data() and the QuerySet methods after it fill the lists for a whole page at once
# (Prefetch to_attr: far cheaper than Django's manager for every service and relation);
# without them, each is one query.
for _vocabulary in VOCABULARIES:
    DerivedSlugsField().contribute_to_class(Service, _vocabulary.column)
    _add_related_list(Service, _vocabulary.list_attribute, _vocabulary.relation)
_add_related_list(Service, "location_list", "locations")
_add_related_list(Service, "link_list", "links")


class ServiceLink(models.Model):
    """The page for one borough's families, for a service that covers several: each council
    has its own page, and a family should land on their own council's site."""

    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="links")
    borough = models.ForeignKey(Borough, on_delete=models.PROTECT, related_name="+")
    url = models.URLField("page for this borough")
    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "borough__name"]
        constraints = [
            models.UniqueConstraint(fields=["service", "borough"], name="service_link_per_borough")
        ]

    def __str__(self):
        return f"{self.service}: {self.borough}"

    def get_absolute_url(self):
        return self.service.get_absolute_url()


class Location(models.Model):
    service = models.ForeignKey(Service, on_delete=models.CASCADE, related_name="locations")
    name = models.CharField(max_length=200, blank=True)
    address = models.TextField()
    postcode = models.CharField(max_length=10, blank=True)
    # The loader replaces a service's locations on every load: the same place gets the same id.
    uuid = StableIdField("Open Referral id", db_index=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["service", "name"]

    def __str__(self):
        return self.name or self.address.splitlines()[0]

    def get_absolute_url(self):
        return self.service.get_absolute_url()

    def stable_key(self):
        return f"location:{self.service.slug}:{self.name}:{self.address}:{self.postcode}"
