import json
import os

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import override_settings

from directory import caching
from tests.real_directory import load_real_directory

# Tests that touch the database, by the fixtures that give them access.
DATABASE_FIXTURES = {"db", "transactional_db", "django_db_reset_sequences", "live_server"}


def pytest_collection_modifyitems(config, items):
    """A module that loads the real directory once (`real_directory_read`) keeps it for all of
    its tests, so a test there that uses the database without asking for it would see it or
    not depending on the order the tests run in. Refuse such a module: put the test that
    wants an empty directory in another module."""
    modules = {}
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if not names & DATABASE_FIXTURES and not item.get_closest_marker("django_db"):
            continue
        modules.setdefault(item.nodeid.split("::")[0], []).append(
            (item.name, "real_directory_for_module" in names)
        )
    problems = [
        f"{module}: {', '.join(name for name, reads in tests if not reads)}"
        for module, tests in modules.items()
        if any(reads for _, reads in tests) and not all(reads for _, reads in tests)
    ]
    if problems:
        raise pytest.UsageError(
            "These tests use the database in a module that loads the real directory for its "
            "other tests (real_directory_read), so what they see depends on the order the "
            "tests run in; move them to another module:\n  " + "\n  ".join(problems)
        )


def _is_transactional(item):
    marker = item.get_closest_marker("django_db")
    names = set(getattr(item, "fixturenames", ()))
    return bool(
        names & {"transactional_db", "live_server", "django_db_reset_sequences"}
        or (marker and (marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")))
    )


_MIGRATIONS_ROWS = []  # the rows the migrations made, as JSON (one item, set once a session)


@pytest.fixture(scope="session", autouse=True)
def _rows_the_migrations_made(django_db_setup, django_db_blocker):
    """The test database as the migrations left it (the vocabularies, the search phrases, the
    eligibility rules...), kept to put back after each transactional test (below)."""
    from django.db import connection

    with django_db_blocker.unblock():
        rows = json.loads(connection.creation.serialize_db_to_string())
    # Content types and permissions are made again by the flush itself (post_migrate).
    rows = [
        row for row in rows if row["model"] not in {"contenttypes.contenttype", "auth.permission"}
    ]
    # Kept here, not on the connection: Django's connections belong to a thread, and under
    # pytest-xdist the tests may not run in the thread that set this up.
    _MIGRATIONS_ROWS.append(json.dumps(rows))


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (live_server, transactional_db) ends by emptying every table, the
    migrations' rows included. Put those rows back at once, so the tests after it see the
    database they would see had they run first: what a test sees must not depend on the order
    (pytest-randomly's, or the files an xdist worker is given)."""
    yield
    if nextitem is None or not _is_transactional(item):
        return  # (after the last test the test database is gone: nothing to put back)
    from django.db import connection
    from pytest_django.plugin import blocking_manager_key

    contents = _MIGRATIONS_ROWS[-1] if _MIGRATIONS_ROWS else None
    if contents:
        with item.config.stash[blocking_manager_key].unblock():
            connection.creation.deserialize_db_from_string(contents)


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


@pytest.fixture(scope="module")
def real_directory_for_module(django_db_setup, django_db_blocker):
    """The real dataset, loaded once for a whole module of tests that only read it: loading it
    for each test took minutes on PostgreSQL. It is loaded inside a transaction that is rolled
    back when the module ends, so nothing it made (services, their history, new languages)
    reaches other modules; each test still runs in a savepoint of its own, rolled back after
    it. Only for tests that use `db` (not transactional_db or live_server: their server
    thread would not see uncommitted rows, and their flush would empty it)."""
    with django_db_blocker.unblock():
        loaded = transaction.atomic()
        loaded.__enter__()
        try:
            load_real_directory()
        except BaseException:
            transaction.set_rollback(True)
            loaded.__exit__(None, None, None)
            raise
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        loaded.__exit__(None, None, None)


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
