import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture
def real_directory(db):
    """The real dataset from fixtures/, loaded the way a deployment loads it."""
    call_command("load_directory", verbosity=0)


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache (the report form's rate limit lives there)."""
    cache.clear()
    yield
    cache.clear()
