"""The PostgreSQL backend: the columns the database derives on each service, and full-text
search over them.

Each vocabulary a service is linked to is copied into an array of slugs on the service row
(`need_slugs`, `borough_slugs`…) with a GIN index, so "in Camden, for anxiety, self-referral"
is one bitmap over one table rather than a join per filter. The weighted search vector and the
words search corrects typos to (SearchWord) are derived the same way. Triggers made by
migration 0006 recompute them whenever a service, its links, a need, an organisation or a slug
changes, so no code path can leave them stale.
"""

from contextlib import contextmanager

from django.db import connections
from django.db.models import Q


class PostgreSQLBackend:
    derives_columns = True

    def __init__(self, using="default"):
        self.using = using

    def linked_to(self, model, vocabulary, values):
        slugs = [value if isinstance(value, str) else value.slug for value in values]
        return Q(**{f"{vocabulary.column}__overlap": slugs})

    @contextmanager
    def deferred(self):
        """Inside, link-table changes do not recompute their services' derived columns.

        For bulk loads, which then call rebuild() once for what they wrote. Only within a
        transaction: the setting ends with it.
        """
        with connections[self.using].cursor() as cursor:
            cursor.execute("SELECT set_config('findhelp.defer_index', 'on', true)")
            try:
                yield
            finally:
                cursor.execute("SELECT set_config('findhelp.defer_index', 'off', true)")

    def rebuild(self, queryset):
        table = queryset.model._meta.db_table
        ids_sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with connections[queryset.db].cursor() as cursor:
            # Touching the row fires the trigger that derives everything from the source data.
            cursor.execute(f"UPDATE {table} SET id = id WHERE id IN ({ids_sql})", params)
            return cursor.rowcount

    def search_results(self, queryset, query, groups, boroughs=()):
        from .postgresql_search import PostgreSQLSearchResults

        return PostgreSQLSearchResults(queryset, query, groups, boroughs)

    def slugs_placeholder(self, default):
        return default
