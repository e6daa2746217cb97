"""A system check: every slug the code relies on (directory/facts.py) is in the database.

A vocabulary row the code names, renamed or deleted, would quietly switch code off: renaming
`self-harm` would switch off the navigator's crisis handling. So start-up refuses while one is
missing: `manage.py migrate` and `manage.py check --database default` (which the deployment
runs before gunicorn starts: README, "Running in production") fail with an Error naming it.
Like Django's own database checks it runs only when a database is named; plain `manage.py
check` and runserver do not ask the database.

It never stands in the way of the migrations that make the rows: while any migration is still
to be applied (a fresh database, `migrate` itself) it checks nothing, and a database that
cannot be reached is a Warning, not a crash.
"""

from django.apps import apps
from django.core import checks
from django.db import DatabaseError, connections
from django.db.migrations.executor import MigrationExecutor

from .facts import DECLARED_SLUGS

MISSING = "directory.E001"
UNCHECKED = "directory.W001"


def _waiting_for_migrations(connection):
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))


def missing_slugs(using="default"):
    """{model name: sorted slugs the code declares that its table does not have}."""
    missing = {}
    for model_name, declared in DECLARED_SLUGS.items():
        model = apps.get_model("directory", model_name)
        found = set(
            model.objects.using(using)
            .filter(slug__in=declared.values)
            .values_list("slug", flat=True)
        )
        absent = sorted(set(declared.values) - found)
        if absent:
            missing[model_name] = absent
    return missing


def declared_slugs_in_database(app_configs=None, databases=None, **kwargs):
    errors = []
    for alias in databases or ():
        connection = connections[alias]
        try:
            if _waiting_for_migrations(connection):
                continue
            missing = missing_slugs(alias)
        except DatabaseError as error:
            errors.append(
                checks.Warning(
                    f"Could not check the vocabulary slugs the code relies on in the "
                    f"{alias!r} database: {error}",
                    hint="Run `manage.py check --database default` once it answers.",
                    id=UNCHECKED,
                )
            )
            continue
        for model_name, slugs in missing.items():
            verbose = apps.get_model("directory", model_name)._meta.verbose_name
            errors.append(
                checks.Error(
                    f"Missing from the {alias!r} database's {verbose} rows: {', '.join(slugs)}. "
                    "The code relies on them (directory/facts.py).",
                    hint="Put the rows back (or their slugs, if renamed), or change "
                    "directory/facts.py and every use of them in a migration and a release.",
                    obj=model_name,
                    id=MISSING,
                )
            )
    return errors
