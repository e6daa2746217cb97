"""The filtering vocabulary: the one definition of who a service is for.

The directory's FilterSet and the navigator's matcher both call these methods.
"""

import datetime

from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone

from .. import index

REVIEW_INTERVAL_DAYS = 365


def _slugs_and_objects(values):
    """Split a mix of model instances and slugs."""
    slugs = [v for v in values if isinstance(v, str)]
    objects = [v for v in values if not isinstance(v, str)]
    return slugs, objects


class ServiceQuerySet(models.QuerySet):
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

    def linked_to(self, relation, values):
        """A condition, for filters and annotations: linked through `relation` to any of these
        rows (instances or slugs).

        On PostgreSQL it reads the slugs the database copies onto each service
        (directory/index.py), so several of these combine as one index bitmap; elsewhere it
        reads the link table.
        """
        if index.derives_columns(self.db):
            slugs = [v if isinstance(v, str) else v.slug for v in values]
            return Q(**{f"{index.FACET_COLUMNS[relation]}__overlap": slugs})
        return Q(pk__in=self._related_ids(relation, values))

    def _related_ids(self, relation, values):
        """Ids of services related to any of these rows, read from the link table alone."""
        slugs, objects = _slugs_and_objects(values)
        field = self.model._meta.get_field(relation)
        target = field.m2m_reverse_field_name()
        condition = Q()
        if slugs:
            condition |= Q(**{f"{target}__slug__in": slugs})
        if objects:
            condition |= Q(**{f"{target}__in": objects})
        links = field.remote_field.through.objects
        if not condition:
            return links.none().values(f"{field.m2m_field_name()}_id")
        return links.filter(condition).values(f"{field.m2m_field_name()}_id")

    def _having(self, relation, values):
        """Services related to any of these rows."""
        return self.filter(self.linked_to(relation, values))

    def local_to(self, *boroughs):
        """Services that cover one of these boroughs (not counting national ones)."""
        return self._having("boroughs", boroughs)

    def national(self):
        return self.filter(is_national=True)

    def in_borough(self, *boroughs):
        """Services available to someone living in the borough: local to it, or national."""
        return self.filter(self.linked_to("boroughs", boroughs) | Q(is_national=True))

    def in_thrive(self, *categories):
        return self._having("thrive_categories", categories)

    def with_needs(self, *needs):
        """Services that help with any of these needs."""
        return self._having("needs", needs)

    def for_audience(self, *audiences):
        return self._having("audiences", audiences)

    def with_referral_route(self, *routes):
        return self._having("referral_routes", routes)

    def self_referral(self):
        return self.with_referral_route("self")

    def with_delivery(self, *modes):
        return self._having("delivery_modes", modes)

    def in_language(self, *languages):
        return self._having("languages", languages)

    def with_eligibility(self, *criteria):
        return self._having("eligibility_criteria", criteria)

    def free(self):
        return self.filter(cost=self.model.Cost.FREE)

    def crisis(self):
        return self.filter(is_crisis=True)

    def due_for_review(self, today=None):
        """Never reviewed, or last reviewed 12 months ago or more."""
        today = today or timezone.localdate()
        cutoff = today - datetime.timedelta(days=REVIEW_INTERVAL_DAYS)
        return self.filter(Q(last_reviewed_on__isnull=True) | Q(last_reviewed_on__lte=cutoff))

    def with_card_data(self):
        """What a service card shows (organisation, places, ways in), in a fixed number of
        queries, as Service.borough_list and referral_route_list."""
        from .lookups import Borough

        return self.select_related("organisation").prefetch_related(
            Prefetch("referral_routes", to_attr="referral_route_list"),
            Prefetch(
                "boroughs", queryset=Borough.objects.only("name", "slug"), to_attr="borough_list"
            ),
        )

    def with_match_data(self):
        """What the navigator explains a match with: ways in, THRIVE categories, needs,
        audiences and delivery, as Service.referral_route_list and friends."""
        return self.prefetch_related(
            Prefetch("referral_routes", to_attr="referral_route_list"),
            Prefetch("thrive_categories", to_attr="thrive_category_list"),
            Prefetch("needs", to_attr="need_list"),
            Prefetch("audiences", to_attr="audience_list"),
            Prefetch("delivery_modes", to_attr="delivery_mode_list"),
        )

    def with_detail_data(self):
        """Everything the service page shows."""
        return (
            self.with_card_data()
            .with_match_data()
            .prefetch_related(
                Prefetch("languages", to_attr="language_list"),
                Prefetch("eligibility_criteria", to_attr="eligibility_criterion_list"),
                Prefetch("locations", to_attr="location_list"),
            )
        )


class ServiceManager(models.Manager.from_queryset(ServiceQuerySet)):
    """Services without the columns the database derives for itself (directory/index.py):
    Python never reads them, so they are not fetched, and save() never writes them."""

    def get_queryset(self):
        return super().get_queryset().defer(*index.DERIVED_COLUMNS)
