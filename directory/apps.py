from django.apps import AppConfig
from django.db.backends.signals import connection_created


def _register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        from .backends.portable_search import register_functions

        register_functions(connection)


class DirectoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "directory"
    verbose_name = "Service directory"

    def ready(self):
        # Search's word stems on SQLite (directory/backends/portable_search.py).
        connection_created.connect(_register_sqlite_functions)
        # A change to the directory moves the cache's generation on (directory/caching.py).
        from .caching import connect_signals

        connect_signals()
