import pytest
from django.core.management import call_command


@pytest.fixture
def real_directory(db):
    """The real dataset from fixtures/, loaded the way a deployment loads it."""
    call_command("load_directory", verbosity=0)
