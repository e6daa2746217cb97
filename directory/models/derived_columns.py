"""What differs between databases for the columns derived on each service, behind one small
interface. (Django's database backend is `config/postgresql/`; search's implementations for each
database are in `directory/search/`.)

PostgreSQL (production) keeps derived columns on each service by trigger (migration 0006);
every other database (SQLite, the one-command demo) reads the link tables. Code elsewhere asks
`derived_columns(using)` and never looks at the database vendor itself.

On PostgreSQL each vocabulary a service is linked to is copied into an array of slugs on the service
row
(`need_slugs`, `borough_slugs`…) with a GIN index, so "in Camden, for anxiety, self-referral"
is one bitmap over one table rather than a join per filter. The weighted search vector and the
words search corrects typos to (SearchWord) are derived the same way. Triggers made by
migration 0006 recompute them whenever a service, its links, a need, an organisation or a slug
changes, so no code path can leave them stale.

Each implementation has:
- `derives_columns`: whether the database keeps the derived columns;
- `linked_to(model, vocabulary, values)`: a condition, "linked to any of these rows" (slugs or
rows);
- `deferred()`: a context manager inside which link changes skip recomputing derived columns;
- `rebuild(queryset)`: recompute the derived columns of these services (returns how many);
- `slugs_placeholder(default)`: the SQL placeholder for writing a derived slugs column.
"""

from contextlib import contextmanager, nullcontext

from django.db import connections
from django.db.models import Count, F, Func, IntegerField, Q


def _slugs_and_rows(values):
    slugs = [value for value in values if isinstance(value, str)]
    rows = [value for value in values if not isinstance(value, str)]
    return slugs, rows


class PortableColumns:
    derives_columns = False

    def __init__(self, using="default"):
        self.using = using

    def linked_to(self, model, vocabulary, values):
        """Ids of `model`s linked through the vocabulary to any of these rows, read from the
        link table alone."""
        slugs, rows = _slugs_and_rows(values)
        field = model._meta.get_field(vocabulary.relation)
        target = field.m2m_reverse_field_name()
        condition = Q()
        if slugs:
            condition |= Q(**{f"{target}__slug__in": slugs})
        if rows:
            condition |= Q(**{f"{target}__in": rows})
        links = field.remote_field.through.objects
        service_id = f"{field.m2m_field_name()}_id"
        matching = links.filter(condition) if condition else links.none()
        return Q(pk__in=matching.values(service_id))

    def deferred(self):
        return nullcontext()

    def rebuild(self, queryset):
        return 0

    def slugs_placeholder(self, default):
        # The derived columns are never written here, but Django still inserts NULL into them:
        # as a plain parameter, since PostgreSQL's array cast is not SQL that SQLite knows.
        return "%s"

    def covering_fewer_boroughs(self, services, count):
        """Services covering fewer than `count` boroughs, counted in the link table."""
        return services.annotate(borough_count=Count("boroughs")).filter(borough_count__lt=count)


class PostgreSQLColumns:
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

    def slugs_placeholder(self, default):
        return default

    def covering_fewer_boroughs(self, services, count):
        """Services covering fewer than `count` boroughs: their derived slugs, not a count of
        the link table grouped by service (half the time on a large directory)."""
        boroughs = Func(F("borough_slugs"), function="cardinality", output_field=IntegerField())
        return services.alias(borough_count=boroughs).filter(borough_count__lt=count)


COLUMNS_BY_VENDOR = {"postgresql": PostgreSQLColumns}


def derived_columns(using="default"):
    """The derived columns' implementation for a database alias, or for a connection object."""
    connection = connections[using] if isinstance(using, str) else using
    return COLUMNS_BY_VENDOR.get(connection.vendor, PortableColumns)(connection.alias)
