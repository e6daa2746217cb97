"""Stable ids for the Open Referral API: uuid5 of each row's key (directory/models/fields.py),
so the same entry has the same id in every database the data is loaded into."""

import uuid

from django.db import migrations

import directory.models.fields

# Frozen copies of STABLE_ID_NAMESPACE and each model's stable_key().
NAMESPACE = uuid.UUID("5f0f4c1e-6b1a-4f59-9d4e-2b7c8a1d3e10")


def fill_ids(apps, schema_editor):
    Organisation = apps.get_model("directory", "Organisation")
    Service = apps.get_model("directory", "Service")
    Location = apps.get_model("directory", "Location")
    for organisation in Organisation.objects.only("slug"):
        organisation.uuid = uuid.uuid5(NAMESPACE, f"organisation:{organisation.slug}")
        organisation.save(update_fields=["uuid"])
    for service in Service.objects.only("slug"):
        service.uuid = uuid.uuid5(NAMESPACE, f"service:{service.slug}")
        service.save(update_fields=["uuid"])
    for location in Location.objects.select_related("service"):
        key = f"location:{location.service.slug}:{location.name}:{location.address}:{location.postcode}"
        location.uuid = uuid.uuid5(NAMESPACE, key)
        location.save(update_fields=["uuid"])


class Migration(migrations.Migration):
    dependencies = [("directory", "0009_service_changes_links_postcodes")]

    operations = [
        migrations.AddField(
            model_name="organisation",
            name="uuid",
            field=directory.models.fields.StableIdField(
                editable=False, null=True, verbose_name="Open Referral id"
            ),
        ),
        migrations.AddField(
            model_name="service",
            name="uuid",
            field=directory.models.fields.StableIdField(
                editable=False, null=True, verbose_name="Open Referral id"
            ),
        ),
        migrations.AddField(
            model_name="location",
            name="uuid",
            field=directory.models.fields.StableIdField(
                editable=False, null=True, verbose_name="Open Referral id"
            ),
        ),
        migrations.RunPython(fill_ids, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="organisation",
            name="uuid",
            field=directory.models.fields.StableIdField(
                editable=False, unique=True, verbose_name="Open Referral id"
            ),
        ),
        migrations.AlterField(
            model_name="service",
            name="uuid",
            field=directory.models.fields.StableIdField(
                editable=False, unique=True, verbose_name="Open Referral id"
            ),
        ),
        migrations.AlterField(
            model_name="location",
            name="uuid",
            field=directory.models.fields.StableIdField(
                db_index=True, editable=False, verbose_name="Open Referral id"
            ),
        ),
    ]
