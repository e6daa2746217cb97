from io import StringIO

import pytest
from django.core.management import call_command

from tests.admin.helpers import sign_in
from tests.factories import make_service


@pytest.fixture
def make_commissioner(db, monkeypatch, django_user_model):
    """A client signed in (past the second factor) for a new commissioner of these boroughs,
    made the way a deployment makes one (manage.py create_commissioner)."""

    def make(username, *boroughs, all_boroughs=False, client=None):
        from django.test import Client

        monkeypatch.setenv("COMMISSIONER_PASSWORD", "a long test password")
        arguments = [f"--borough={slug}" for slug in boroughs]
        if all_boroughs:
            arguments.append("--all-boroughs")
        call_command("create_commissioner", username, *arguments, stdout=StringIO())
        client = client or Client()
        return sign_in(client, django_user_model.objects.get(username=username))

    return make


@pytest.fixture
def westminster(make_commissioner):
    return make_commissioner("wendy", "westminster")


@pytest.fixture
def rbkc_service(db):
    return make_service(
        name="Kensington CAMHS", phone="020 7946 0000", borough=("kensington-and-chelsea",)
    )


@pytest.fixture
def westminster_service(db):
    return make_service(name="Westminster Youth", phone="020 7946 0001", borough=("westminster",))


@pytest.fixture
def national_service(db):
    return make_service(name="Kooth", is_national=True, borough=("westminster",))
