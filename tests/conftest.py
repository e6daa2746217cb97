import pytest
from django.core.cache import cache
from django.core.management import call_command

from directory import caching


@pytest.fixture
def real_directory(db):
    """The real dataset from fixtures/, loaded the way a deployment loads it."""
    call_command("load_directory", verbosity=0)


@pytest.fixture(scope="module")
def real_directory_for_module(django_db_setup, django_db_blocker):
    """The real dataset, loaded once for a whole module of tests that only read it: loading it
    for each test took minutes on PostgreSQL. Each test still runs in a transaction that is
    rolled back; what the loader made is removed at the end, so other modules start from the
    migrations' rows. Use with `db` (or `real_directory_read`)."""
    from directory.models import Language, Organisation, Service

    with django_db_blocker.unblock():
        languages = set(Language.objects.values_list("pk", flat=True))
        call_command("load_directory", verbosity=0)
    yield
    with django_db_blocker.unblock():
        Service.objects.all().delete()
        Organisation.objects.all().delete()
        Language.objects.exclude(pk__in=languages).delete()


@pytest.fixture
def real_directory_read(real_directory_for_module, db):
    """The real dataset, loaded once per module, for a test that only reads it. It stays until
    the module ends, so tests after the first that asks for it see it too: put them last."""


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the report form's rate limit lives there)."""
    cache.clear()
    caching.clear_local()
    yield
    cache.clear()
    caching.clear_local()
