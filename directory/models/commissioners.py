from django.conf import settings
from django.db import models
from django.urls import reverse

from .vocabularies import Borough


class Commissioner(models.Model):
    """Who a staff user edits the directory for: the boroughs they manage, or all of them.

    A commissioner sees, edits and gets reports for only the services that cover one of their
    boroughs. A directory administrator (`all_boroughs`, or any superuser) manages everything,
    national services and the vocabularies included. directory/commissioning/roles.py reads this.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="commissioner"
    )
    boroughs = models.ManyToManyField(Borough, related_name="commissioners", blank=True)
    all_boroughs = models.BooleanField(
        "directory administrator",
        default=False,
        help_text="Manages every borough, national services and the vocabularies",
    )

    class Meta:
        ordering = ["user__username"]

    def __str__(self):
        return str(self.user)

    def get_absolute_url(self):
        return reverse("admin:directory_commissioner_change", args=[self.pk])
