"""Keeping the database fast after bulk writes.

PostgreSQL plans each query from its statistics on the tables. After a bulk load (thousands of
new services and links) those statistics say the tables are still small until autovacuum gets
round to them, minutes later, and in the meantime the planner picks plans that read whole
tables. The bulk commands (`load_directory`, `generate_directory`, `import_openreferral`) call
`analyze()` on what they wrote, so the site is fast straight away.
"""

from django.db import connections


def _tables(model):
    """The model's table, its many-to-many link tables, and its history tables
    (django-simple-history's record of the model and of each of its links)."""
    tables = [model._meta.db_table]
    for field in model._meta.local_many_to_many:
        through = field.remote_field.through
        if through._meta.auto_created:
            tables.append(through._meta.db_table)
    manager = getattr(model._meta, "simple_history_manager_attribute", None)
    historical = getattr(model, manager).model if manager else None
    if historical is not None:
        tables.append(historical._meta.db_table)
        # Each history-of-links table (HistoricalService_needs…) points at the history row.
        tables += [
            relation.related_model._meta.db_table
            for relation in historical._meta.related_objects
            if relation.related_model._meta.db_table.startswith(historical._meta.db_table)
        ]
    return tables


def analyze(*models, using="default"):
    """Refresh the planner's statistics for these models' tables (with their link and history
    tables). PostgreSQL: `ANALYZE` on just those tables; SQLite: `ANALYZE` (the whole file,
    which is small). Returns the tables analysed (empty on other databases)."""
    connection = connections[using]
    tables = list(dict.fromkeys(table for model in models for table in _tables(model)))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if tables:
                cursor.execute(f"ANALYZE {', '.join(map(connection.ops.quote_name, tables))}")
            return tables
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
            return tables
    return []
