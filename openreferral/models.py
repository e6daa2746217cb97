"""What an import remembers: which of our rows came from which record of another directory,
so importing the same feed again updates them instead of adding copies."""

from django.db import models

from directory.models import Organisation, Service


class ImportedRecord(models.Model):
    source_id = models.CharField(
        "id in the source", max_length=100, unique=True, help_text="The ORUK record's own id"
    )
    source = models.CharField(max_length=500, help_text="The file or address it came from")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["source_id"]

    def __str__(self):
        return f"{self.source_id} from {self.source}"

    def get_absolute_url(self):
        return self.target.get_absolute_url()


class ImportedOrganisation(ImportedRecord):
    organisation = models.OneToOneField(
        Organisation, on_delete=models.CASCADE, related_name="imported_from"
    )

    @property
    def target(self):
        return self.organisation


class ImportedService(ImportedRecord):
    service = models.OneToOneField(Service, on_delete=models.CASCADE, related_name="imported_from")

    @property
    def target(self):
        return self.service
