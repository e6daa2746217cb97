"""Search: a stored, weighted full-text vector on each service, and GIN indexes for it and for
trigram matching on service names. The indexes and the extension are PostgreSQL-only; on
SQLite this adds an unused column and nothing else."""

import django.contrib.postgres.search
from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXES = [
    (
        "directory_service_search_vector_gin",
        "CREATE INDEX IF NOT EXISTS directory_service_search_vector_gin "
        "ON directory_service USING gin (search_vector)",
    ),
    (
        "directory_service_name_trgm_gin",
        "CREATE INDEX IF NOT EXISTS directory_service_name_trgm_gin "
        "ON directory_service USING gin (name gin_trgm_ops)",
    ),
]


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _, sql in INDEXES:
        schema_editor.execute(sql)
    # Vectors for existing services are computed by 0006_derived_columns, whose triggers keep
    # them up to date from then on.


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _ in INDEXES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0003_problemreport"),
    ]

    operations = [
        TrigramExtension(),
        migrations.AddField(
            model_name="service",
            name="search_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        migrations.RunPython(create_indexes, drop_indexes),
    ]
