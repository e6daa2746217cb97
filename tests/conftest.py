import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from directory import caching
from tests.real_directory import load_real_directory, tables

# Tests that touch the database, by the fixtures that give them access.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(config, items):
    """A module that writes rows once for all of its tests (a fixture made by `for_module`,
    such as `real_directory_read`'s real directory) keeps them until its last test, so a test
    there that uses the database without asking for them would see them or not depending on
    the order the tests run in. Refuse such a module: put the test that wants an empty
    directory in another module."""
    modules = {}
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if not names & DATABASE_FIXTURES and not item.get_closest_marker("django_db"):
            continue
        modules.setdefault(item.nodeid.split("::")[0], []).append(
            (item.name, any(name.endswith("_for_module") for name in names))
        )
    problems = [
        f"{module}: {', '.join(name for name, reads in tests if not reads)}"
        for module, tests in modules.items()
        if any(reads for _, reads in tests) and not all(reads for _, reads in tests)
    ]
    if problems:
        raise pytest.UsageError(
            "These tests use the database in a module that writes rows once for its other "
            "tests (a *_for_module fixture), so what they see depends on the order the tests "
            "run in; move them to another module:\n  " + "\n  ".join(problems)
        )


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    return bool(
        names & {"transactional_db", "live_server", "django_db_reset_sequences"}
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


# The rows the migrations made (the vocabularies, the search phrases, the eligibility rules...),
# as [(model, [row values])]: set once a session, kept here and not on the connection because
# Django's connections belong to a thread, and under pytest-xdist the tests may not run in the
# thread that set this up. Content types and permissions are left out: the flush makes them
# again itself (post_migrate).
_MIGRATIONS_ROWS = []
_MADE_BY_THE_FLUSH = {"contenttypes.contenttype", "auth.permission"}


@pytest.fixture(scope="session", autouse=True)
def _rows_the_migrations_made(django_db_setup, django_db_blocker):
    """The test database as the migrations left it, kept to put back after each transactional
    test (below)."""
    with django_db_blocker.unblock():
        for model in tables():
            if model._meta.label_lower in _MADE_BY_THE_FLUSH:
                continue
            rows = list(model._base_manager.values())
            if rows:
                _MIGRATIONS_ROWS.append((model, rows))


def _put_back_the_migrations_rows():
    first_model = _MIGRATIONS_ROWS[0][0] if _MIGRATIONS_ROWS else None
    if first_model is None or first_model._base_manager.exists():
        return  # no flush ran: the test was skipped before its database was set up
    with transaction.atomic():
        for model, rows in _MIGRATIONS_ROWS:
            model._base_manager.bulk_create([model(**row) for row in rows])
    caching.invalidate()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (live_server, transactional_db) ends by emptying every table, the
    migrations' rows included. Put those rows back at once, so the tests after it see the
    database they would see had they run first: what a test sees must not depend on the order
    (pytest-randomly's, or the files an xdist worker is given)."""
    yield
    if nextitem is None or not _is_transactional(item):
        return  # (after the last test the test database is gone: nothing to put back)
    from pytest_django.plugin import blocking_manager_key

    with item.config.stash[blocking_manager_key].unblock():
        _put_back_the_migrations_rows()


@pytest.fixture(scope="session", autouse=True)
def _flush_only_the_tables_in_use():
    """On PostgreSQL, a transactional test's flush deletes the rows of the tables that hold
    any, instead of Django's TRUNCATE of every table: TRUNCATE makes each of some seventy
    tables and their indexes new files, about 0.4 s a test, where a test has written to a
    dozen tables at most. What is left is the same: every table empty."""
    from django.db import connection

    if connection.vendor != "postgresql":
        yield
        return
    operations = type(connection.ops)
    truncate_every_table = operations.sql_flush

    def sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
        if reset_sequences or not tables:
            return truncate_every_table(
                self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
            )
        name = self.quote_name
        in_use = " UNION ALL ".join(
            f"SELECT {index} WHERE EXISTS (SELECT 1 FROM {name(table)})"
            for index, table in enumerate(tables)
        )
        with self.connection.cursor() as cursor:
            cursor.execute(in_use)
            used = [tables[index] for (index,) in cursor.fetchall()]
        # Django's foreign keys are checked at the commit, by which time every row is gone.
        return [f"DELETE FROM {name(table)};" for table in used]

    operations.sql_flush = sql_flush
    yield
    operations.sql_flush = truncate_every_table


@pytest.fixture(scope="session", autouse=True)
def _import_previews_of_this_run(tmp_path_factory):
    """The spreadsheet import's previews and its one-import-at-a-time lock (a file lock in the
    previews' folder) in a folder of this run's own, one for each pytest-xdist worker: two
    runs of the suite, or two workers, must not wait for each other's import."""
    from django.conf import settings

    folder = str(tmp_path_factory.mktemp("import-previews"))
    settings.FINDHELP_IMPORT_PREVIEW_DIR = folder
    os.environ["FINDHELP_IMPORT_PREVIEW_DIR"] = folder  # and for the servers tests start


@pytest.fixture(scope="session", autouse=True)
def _quick_password_hashes():
    """Passwords hashed with one round of MD5 instead of PBKDF2's million: each commissioner
    made and each sign-in cost about a second of CPU, for nothing the tests check (the hash
    is Django's). The site's own settings, and the servers tests start, keep PBKDF2."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture
def real_directory(db):
    """The real dataset from fixtures/, as a deployment's `load_directory` leaves it."""
    load_real_directory()


def for_module(name, build):
    """A fixture `name` of what `build()` writes, made once for a whole module of tests that
    only read it: making it for each test took minutes on PostgreSQL for the real dataset. It
    is written inside a transaction that is rolled back when the module ends, so nothing it
    made (services, their history, new languages) reaches other modules; each test still runs
    in a savepoint of its own, rolled back after it. Only for tests that use `db` (not
    transactional_db or live_server: their server thread would not see uncommitted rows, and
    their flush would empty it). `name` ends in "_for_module": every test of a module that
    uses one and the database must ask for it (checked when tests are collected)."""

    @pytest.fixture(scope="module", name=name)
    def made_once(django_db_setup, django_db_blocker):
        with django_db_blocker.unblock():
            loaded = transaction.atomic()
            loaded.__enter__()
            try:
                made = build()
            except BaseException:
                transaction.set_rollback(True)
                loaded.__exit__(None, None, None)
                raise
        yield made
        with django_db_blocker.unblock():
            transaction.set_rollback(True)
            loaded.__exit__(None, None, None)

    return made_once


real_directory_for_module = for_module("real_directory_for_module", load_real_directory)


@pytest.fixture
def real_directory_read(real_directory_for_module, db):
    """The real dataset, loaded once per module, for a test that only reads it. Every test in
    a module that uses it and the database must ask for it (checked when tests are collected),
    so none depends on the order the tests run in."""


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the report form's rate limit lives there)."""
    cache.clear()
    caching.clear_local()
    yield
    cache.clear()
    caching.clear_local()
