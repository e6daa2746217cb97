"""Full postcodes and the borough each lies in, from the ONS Postcode Directory
(`manage.py load_postcodes FILE`, directory/postcodes/loading.py). Empty until a deployer loads
the file; the navigator then falls back to the district table in directory/postcodes/."""

import re

from django.db import models

from .vocabularies import Borough


def compact_postcode(value):
    """ "w10 5xy" → "W105XY": how postcodes are stored and looked up."""
    return re.sub(r"\s+", "", value or "").upper()


class PostcodeQuerySet(models.QuerySet):
    def borough_for(self, postcode):
        """The Borough a full postcode lies in, or None when the table does not have it."""
        row = self.select_related("borough").filter(postcode=compact_postcode(postcode)).first()
        return row.borough if row else None


class Postcode(models.Model):
    postcode = models.CharField(max_length=8, unique=True, help_text="Without spaces: W105XY")
    borough = models.ForeignKey(Borough, on_delete=models.CASCADE, related_name="postcodes")

    objects = PostcodeQuerySet.as_manager()

    class Meta:
        ordering = ["postcode"]

    def __str__(self):
        return f"{self.postcode} ({self.borough})"

    def get_absolute_url(self):
        return self.borough.get_absolute_url()
