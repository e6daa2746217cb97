"""Keeping the database fast after bulk writes.

PostgreSQL plans each query from its statistics on the tables. After a bulk load (thousands of
new services and links) those statistics say the tables are still small until autovacuum gets
round to them, minutes later, and in the meantime the planner picks plans that read whole
tables. The bulk commands (`load_directory`, `generate_directory`, `import_openreferral`) call
`analyze()` on what they wrote, so the site is fast straight away. The GIN indexes matter too:
after a bulk write their new entries wait in a pending list that every query reads through (a
borough filter on 50,000 services: 4.6 ms in the index before, 0.3 ms after merging it).
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


# Each GIN index on these tables (the vocabulary and search columns): a bulk write leaves its
# new entries in a "pending list" that every search reads through until it is merged.
GIN_INDEXES = """
    SELECT index.indexrelid::regclass::text FROM pg_index index
    JOIN pg_class class ON class.oid = index.indexrelid
    JOIN pg_am method ON method.oid = class.relam
    WHERE method.amname = 'gin' AND index.indrelid::regclass::text = ANY(%s)
"""


def analyze(*models, using="default"):
    """Refresh the planner's statistics for these models' tables (with their link and history
    tables). PostgreSQL: outside a transaction `VACUUM (ANALYZE)` on just those tables, which
    also clears the dead row versions a bulk write leaves (the generator writes each service
    twice) and merges the GIN indexes' pending entries; inside one (where VACUUM cannot run)
    `ANALYZE` and the pending entries merged. SQLite: `ANALYZE` (the whole file, which is
    small). Returns the tables analysed (empty on other databases)."""
    connection = connections[using]
    tables = list(dict.fromkeys(table for model in models for table in _tables(model)))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            if tables:
                names = ", ".join(map(connection.ops.quote_name, tables))
                if connection.get_autocommit() and not connection.in_atomic_block:
                    cursor.execute(f"VACUUM (ANALYZE) {names}")
                else:
                    cursor.execute(f"ANALYZE {names}")
                    cursor.execute(GIN_INDEXES, [tables])
                    for (index,) in cursor.fetchall():
                        cursor.execute("SELECT gin_clean_pending_list(%s::regclass)", [index])
            return tables
        if connection.vendor == "sqlite":
            cursor.execute("ANALYZE")
            return tables
    return []
