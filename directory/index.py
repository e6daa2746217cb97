"""The columns PostgreSQL derives on each service so that filters and search stay fast at tens
of thousands of services.

Each vocabulary a service is linked to is copied into an array of slugs on the service row
(`need_slugs`, `borough_slugs`…) with a GIN index, so "in Camden, for anxiety, self-referral"
is one bitmap over one table rather than a join per filter. The weighted search vector and the
words search corrects typos to (SearchWord) are derived the same way. Triggers made by
migration 0006 recompute them whenever a service, its links, a need, an organisation or a slug
changes, so no code path can leave them stale. On other databases (SQLite) they stay empty and
the QuerySet methods read the link tables instead.
"""

from contextlib import contextmanager

from django.db import connections

# Service relation -> the derived column holding the linked rows' slugs.
FACET_COLUMNS = {
    "boroughs": "borough_slugs",
    "needs": "need_slugs",
    "thrive_categories": "thrive_slugs",
    "audiences": "audience_slugs",
    "referral_routes": "referral_slugs",
    "delivery_modes": "delivery_slugs",
    "languages": "language_slugs",
    "eligibility_criteria": "eligibility_slugs",
}

# Every column the triggers derive, none of them read or written by Django.
DERIVED_COLUMNS = ("search_vector", "name_vector", *FACET_COLUMNS.values())


def derives_columns(using="default"):
    """Whether this database keeps the derived columns (PostgreSQL does)."""
    return connections[using].vendor == "postgresql"


@contextmanager
def deferred(using="default"):
    """Inside, link-table changes do not recompute their services' derived columns.

    For bulk loads, which then call rebuild() once for what they wrote. Only within a
    transaction: the setting ends with it.
    """
    if not derives_columns(using):
        yield
        return
    with connections[using].cursor() as cursor:
        cursor.execute("SELECT set_config('findhelp.defer_index', 'on', true)")
        try:
            yield
        finally:
            cursor.execute("SELECT set_config('findhelp.defer_index', 'off', true)")


def rebuild(queryset):
    """Recompute the derived columns of the services in `queryset`. Returns how many."""
    if not derives_columns(queryset.db):
        return 0
    table = queryset.model._meta.db_table
    ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
    with connections[queryset.db].cursor() as cursor:
        # Touching the row fires the trigger that derives everything from the source data.
        cursor.execute(f"UPDATE {table} SET id = id WHERE id IN ({ids_sql})", params)
        return cursor.rowcount
