"""Fixed vocabularies: slug-keyed rows created by data migrations, so they exist everywhere."""

from django.db import models
from django.urls import reverse

from .derived_columns import derived_columns


class Lookup(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=120)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        abstract = True
        ordering = ["position", "name"]

    def __str__(self):
        return self.name


class ThriveCategory(Lookup):
    """A THRIVE Framework grouping (Anna Freud Centre), in its fixed order."""

    description = models.CharField(
        max_length=250, help_text="One plain-English line for young people"
    )

    class Meta(Lookup.Meta):
        verbose_name = "THRIVE category"
        verbose_name_plural = "THRIVE categories"

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?thrive={self.slug}"


# A service covering this many boroughs or more is regional, not a borough's own
# (directory/local_coverage.py).
REGIONAL_FROM = 4


class BoroughQuerySet(models.QuerySet):
    def with_local_services(self):
        """Boroughs covered by at least one published service of their own: not national, and
        covering fewer than REGIONAL_FROM boroughs (directory/local_coverage.py)."""
        service = self.model._meta.get_field("services").related_model
        own = service.objects.using(self.db).published().filter(is_national=False)
        local = derived_columns(self.db).covering_fewer_boroughs(own, REGIONAL_FROM)
        links = service.boroughs.through.objects.filter(service_id__in=local.values("pk"))
        return self.filter(pk__in=links.values("borough_id"))


class Borough(models.Model):
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(unique=True)
    gss_code = models.CharField("ONS GSS code", max_length=9, unique=True)
    integrated_care_board = models.CharField(max_length=120)

    objects = BoroughQuerySet.as_manager()

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?borough={self.slug}"


class AgeBand(Lookup):
    """A range people think in ("11 to 15"); matches a service when the ranges overlap."""

    min_age = models.PositiveSmallIntegerField()
    max_age = models.PositiveSmallIntegerField()

    class Meta(Lookup.Meta):
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_age__lte=models.F("max_age")),
                name="ageband_min_age_not_above_max_age",
            )
        ]

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?age={self.min_age}"


class Need(Lookup):
    """A topic, with the words a young person would use and the words they might search."""

    label = models.CharField(max_length=120, help_text="As a young person would say it")
    synonyms = models.JSONField(default=list, blank=True, help_text="Extra search words")

    class Meta(Lookup.Meta):
        pass

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?need={self.slug}"


class EligibilityCriterion(Lookup):
    """Who a service is for, beyond age and place. `rule` says how the navigator and the
    directory respect it (docs/navigator.md, "Eligibility")."""

    class Rule(models.TextChoices):
        RESTRICTS = "restricts", "Only for people it applies to: the navigator asks about it"
        CHECK = "check", "A condition people may not know: results say it plainly"
        ANSWERED = "answered", "Covered by another question (where they live, who is asking)"

    NONE_APPLY = "none"  # the navigator's and the directory's value for "None of these"

    description = models.CharField(max_length=250, blank=True)
    rule = models.CharField(
        max_length=10,
        choices=Rule.choices,
        default=Rule.CHECK,
        help_text="A service with a criterion that restricts is shown only to people who say "
        "it applies to them",
    )
    question_label = models.CharField(
        max_length=120,
        blank=True,
        help_text='How "Do any of these apply?" offers it, for a criterion that restricts',
    )
    check_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="What a result says so people can check it, for a condition they may not know",
    )

    class Meta(Lookup.Meta):
        verbose_name_plural = "eligibility criteria"

    def get_absolute_url(self):
        return reverse("admin:directory_eligibilitycriterion_change", args=[self.pk])


class Audience(Lookup):
    class Meta(Lookup.Meta):
        pass

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?audience={self.slug}"


class ReferralRoute(Lookup):
    """Who can ask for help from the service: the person themselves, a parent, school, GP…"""

    class Meta(Lookup.Meta):
        pass

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?referral={self.slug}"


class DeliveryMode(Lookup):
    class Meta(Lookup.Meta):
        pass

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?delivery={self.slug}"


class Language(Lookup):
    class Meta(Lookup.Meta):
        ordering = ["name"]

    def get_absolute_url(self):
        return reverse("directory:service_list") + f"?language={self.slug}"
