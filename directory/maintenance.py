"""Database housekeeping that several features share."""

from django.db import connections, router


def tables_of(*models):
    """The tables behind these models: each model's own, and its many-to-many link tables."""
    tables = []
    for model in models:
        tables.append(model._meta.db_table)
        for field in model._meta.local_many_to_many:
            tables.append(field.remote_field.through._meta.db_table)
    return list(dict.fromkeys(tables))


def analyze(*models, using=None):
    """Refresh the query planner's statistics for these models' tables (and their
    many-to-many tables) after a bulk change, such as an import: PostgreSQL otherwise plans
    with the old row counts until autovacuum gets round to it. SQLite has ANALYZE too; other
    databases are left alone."""
    if not models:
        return
    connection = connections[using or router.db_for_write(models[0])]
    if connection.vendor not in ("postgresql", "sqlite"):
        return
    with connection.cursor() as cursor:
        for table in tables_of(*models):
            cursor.execute(f"ANALYZE {connection.ops.quote_name(table)}")
