"""What an import remembers: which of our rows came from which record of another directory,
so importing the same feed again updates them instead of adding copies. A record is known by
its source's name and its id there: two feeds may use the same ids."""

from django.db import models

from directory.models import Organisation, Service


class ImportedRecord(models.Model):
    source_name = models.CharField(
        max_length=100,
        default="",
        help_text="The feed's name (import_openreferral --name): ids are unique within it",
    )
    source_id = models.CharField(
        "id in the source", max_length=100, help_text="The ORUK record's own id"
    )
    source = models.CharField(max_length=500, help_text="The file or address it came from")
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True
        ordering = ["source_name", "source_id"]
        constraints = [
            models.UniqueConstraint(
                fields=["source_name", "source_id"], name="%(class)s_one_per_source_id"
            )
        ]

    def __str__(self):
        return f"{self.source_id} from {self.source_name or self.source}"

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
