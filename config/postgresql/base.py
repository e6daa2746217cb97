"""Django's PostgreSQL backend, with a health check that costs no round trip while the
connection is quiet.

Django checks a kept connection before a request uses it (CONN_HEALTH_CHECKS) by sending
`SELECT 1`: a round trip to the database on every request that uses it. An idle connection
receives nothing from the server unless the server is ending it (a restart, a failover,
pg_terminate_backend: it sends the reason, then closes), so a socket with nothing to read is
taken as healthy, and only one with something waiting gets the full `SELECT 1` check.
A connection that died without a word (the network cut) is no worse off than before: the
`SELECT 1` would have waited on it just the same.
"""

import select

from django.db.backends.postgresql import base


class DatabaseWrapper(base.DatabaseWrapper):
    def is_usable(self):
        if self.connection is None or self.connection.closed:
            return False
        try:
            readable, _, _ = select.select([self.connection.fileno()], [], [], 0)
        except (OSError, ValueError):
            return False
        return not readable or super().is_usable()
