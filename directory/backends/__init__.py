"""What differs between databases, behind one small interface.

PostgreSQL (production) keeps derived columns on each service by trigger (migration 0006) and
searches with full-text indexes; every other database (SQLite, the one-command demo) reads the
link tables and searches with a portable fallback. Code elsewhere asks `backend(using)` and never
looks at the database vendor itself.

A backend has:
- `derives_columns`: whether the database keeps the derived columns;
- `linked_to(vocabulary, values)`: a condition, "linked to any of these rows" (slugs or rows);
- `deferred()`: a context manager inside which link changes skip recomputing derived columns;
- `rebuild(queryset)`: recompute the derived columns of these services (returns how many);
- `search_results(queryset, query, groups, boroughs)`: the SearchResults for a search;
- `slugs_placeholder(default)`: the SQL placeholder for writing a derived slugs column.
"""

from django.db import connections

from .portable import PortableBackend
from .postgresql import PostgreSQLBackend

BACKENDS = {"postgresql": PostgreSQLBackend}


def backend(using="default"):
    """The backend for a database alias, or for a connection object."""
    connection = connections[using] if isinstance(using, str) else using
    return BACKENDS.get(connection.vendor, PortableBackend)(connection.alias)
