"""The filtering vocabulary: the one definition of who a service is for.

The directory's FilterSet and the navigator's matcher both call these methods.
"""

import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.db.models.query import ModelIterable
from django.utils import timezone

from ..facts import ReferralSlug
from ..vocabulary import BY_KEY, VOCABULARIES
from ..vocabulary_rows import fill_vocabulary_lists
from .derived_columns import derived_columns
from .vocabularies import EligibilityCriterion

REVIEW_INTERVAL_DAYS = 365

# Every column PostgreSQL derives on a service, none of them read or written by Django.
DERIVED_COLUMNS = ("search_vector", "name_vector", *(v.column for v in VOCABULARIES))


def _prefetch(*keys):
    """Each vocabulary's linked rows as the plain list `service.<key>_list`."""
    return [Prefetch(BY_KEY[key].relation, to_attr=BY_KEY[key].list_attribute) for key in keys]


class ServiceQuerySet(models.QuerySet):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._listed_vocabularies = ()

    def _clone(self):
        clone = super()._clone()
        clone._listed_vocabularies = self._listed_vocabularies
        return clone

    def _fetch_all(self):
        fetched = self._result_cache is not None
        super()._fetch_all()
        if not fetched and self._listed_vocabularies and self._iterable_class is ModelIterable:
            fill_vocabulary_lists(self._result_cache, self._listed_vocabularies)

    def with_vocabulary_lists(self, *keys):
        """Each vocabulary's linked rows as the plain list `service.<key>_list`, for a whole
        page at once. On PostgreSQL, from the slugs the database derives on each service and
        the vocabularies kept in memory (directory/vocabulary_rows.py): no query at all. The
        derived columns are what every filter already reads, so the lists and the filters
        cannot disagree. Elsewhere, one prefetch query a vocabulary."""
        if not derived_columns(self.db).derives_columns:
            return self.prefetch_related(*_prefetch(*keys))
        keys = tuple(dict.fromkeys((*self._listed_vocabularies, *keys)))
        wanted = {BY_KEY[key].column for key in keys}
        clone = self.defer(None).defer(*(c for c in DERIVED_COLUMNS if c not in wanted))
        clone._listed_vocabularies = keys
        return clone

    def published(self):
        return self.filter(status=self.model.Status.PUBLISHED)

    def drafts(self):
        return self.filter(status=self.model.Status.DRAFT)

    def archived(self):
        return self.filter(status=self.model.Status.ARCHIVED)

    def for_age(self, age):
        """Services whose age range includes this age."""
        return self.filter(min_age__lte=age, max_age__gte=age)

    def for_age_range(self, min_age, max_age):
        """Services whose age range overlaps this one (an age band, say)."""
        return self.filter(min_age__lte=max_age, max_age__gte=min_age)

    def linked_to(self, key, values):
        """A condition, for filters and annotations: linked through the vocabulary `key`
        ("need", "borough"…) to any of these rows (instances or slugs).

        On PostgreSQL it reads the slugs the database copies onto each service, so several of
        these combine as one index bitmap; elsewhere it reads the link table.
        """
        return derived_columns(self.db).linked_to(self.model, BY_KEY[key], values)

    def _having(self, key, values):
        """Services linked to any of these rows of the vocabulary `key`."""
        return self.filter(self.linked_to(key, values))

    def local_to(self, *boroughs):
        """Services that cover one of these boroughs (not counting national ones)."""
        return self._having("borough", boroughs)

    def national(self):
        return self.filter(is_national=True)

    def in_borough(self, *boroughs):
        """Services available to someone living in the borough: local to it, or national."""
        return self.filter(self.linked_to("borough", boroughs) | Q(is_national=True))

    def in_thrive(self, *categories):
        return self._having("thrive", categories)

    def with_needs(self, *needs):
        """Services that help with any of these needs."""
        return self._having("need", needs)

    def for_audience(self, *audiences):
        return self._having("audience", audiences)

    def with_referral_route(self, *routes):
        return self._having("referral", routes)

    def self_referral(self):
        return self.with_referral_route(ReferralSlug.SELF)

    def with_delivery(self, *modes):
        return self._having("delivery", modes)

    def in_language(self, *languages):
        return self._having("language", languages)

    def open_to(self, *applies):
        """Services open to someone to whom these eligibility criteria (slugs) apply: every
        service without a criterion that restricts, and those with one when a criterion that
        restricts it applies. `applies=()` means none apply."""
        links = self.model.eligibility_criteria.through.objects
        restricted = links.filter(eligibilitycriterion__rule=EligibilityCriterion.Rule.RESTRICTS)
        let_in = links.filter(eligibilitycriterion__slug__in=applies).values("service_id")
        return self.exclude(pk__in=restricted.exclude(service_id__in=let_in).values("service_id"))

    def free(self):
        return self.filter(cost=self.model.Cost.FREE)

    def crisis(self):
        return self.filter(is_crisis=True)

    def due_for_review(self, today=None):
        """Never confirmed with the service by a person, or last confirmed 12 months ago or
        more."""
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=REVIEW_INTERVAL_DAYS)
        return self.filter(Q(confirmed_on__isnull=True) | Q(confirmed_on__lte=cutoff))

    def with_card_data(self):
        """What a service card shows (organisation, places, ways in), in a fixed number of
        queries, as Service.borough_list and referral_list."""
        return self.select_related("organisation").with_vocabulary_lists("referral", "borough")

    def with_match_data(self):
        """What the navigator explains a match with: ways in, THRIVE categories, needs,
        delivery and eligibility criteria, as Service.referral_list and friends."""
        return self.with_vocabulary_lists("referral", "thrive", "need", "delivery", "eligibility")

    def with_detail_data(self):
        """Everything the service page shows."""
        return (
            self.with_card_data()
            .with_match_data()
            .with_vocabulary_lists("language", "audience")
            .prefetch_related(Prefetch("locations", to_attr="location_list"))
            .with_links()
        )

    def with_links(self):
        """Each borough's page, for a service covering several, as Service.link_list."""
        links = self.model._meta.get_field("links").related_model.objects  # ServiceLink
        return self.prefetch_related(
            Prefetch("links", queryset=links.select_related("borough"), to_attr="link_list")
        )


class ServiceManager(models.Manager.from_queryset(ServiceQuerySet)):
    """Services without the columns the database derives for itself
    (directory/models/derived_columns.py): Python never reads them, so they are not fetched, and
    save() never writes them."""

    def get_queryset(self):
        return super().get_queryset().defer(*DERIVED_COLUMNS)
