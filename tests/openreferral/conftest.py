"""The ORUK 3.0 schemas, read from the copy of the profile beside the clone
(../shared/openreferral, or OPENREFERRAL_SCHEMA_DIR): never copied into the repository."""

import json
import os
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

from directory.models import Location
from tests.factories import make_service

ENVIRONMENT_VARIABLE = "OPENREFERRAL_SCHEMA_DIR"


def profile_dir():
    """Where the ORUK profile (schema/, examples/) is, or None."""
    candidates = [
        os.environ.get(ENVIRONMENT_VARIABLE),
        Path(settings.BASE_DIR).parent / "shared" / "openreferral",
        "/work/shared/openreferral",
    ]
    for candidate in candidates:
        if candidate and (Path(candidate) / "schema" / "openapi.json").is_file():
            return Path(candidate)
    return None


@pytest.fixture(scope="session")
def oruk_profile():
    found = profile_dir()
    if found is None:
        pytest.skip(
            "The Open Referral UK profile is not beside the clone (../shared/openreferral): "
            f"set {ENVIRONMENT_VARIABLE} to a copy of it to validate against its schemas"
        )
    return found


@pytest.fixture(scope="session")
def oruk_schemas(oruk_profile):
    from tests.openreferral.validation import SchemaSet

    return SchemaSet(oruk_profile / "schema")


@pytest.fixture
def api(db):
    """A client that gets JSON and, like a real client, sees a 500 rather than the error."""
    client = Client(raise_request_exception=False)

    def get(path, status=200, **headers):
        response = client.get(path, headers=headers)
        assert response.status_code == status, response.content[:500]
        return response

    get.client = client
    return get


@pytest.fixture
def service_with_a_place(db):
    """A published service with everything filled in, at one place."""
    return make_service_with_a_place()


def make_service_with_a_place():
    service = make_service(
        name="Place Service",
        slug="place-service",
        need=("anxiety", "low-mood"),
        borough=("westminster",),
        delivery=("in-person",),
        language=(),
        phone="020 7946 0000",
        sms_number="07700 900123",
        sms_keyword="HELLO",
        email="hello@example.org",
        opening_hours="Monday to Friday, 9am to 5pm",
        cost="paid",
        cost_note="£5 a session",
        eligibility_note="For young people who live in Westminster.",
        referral_note="Call us.",
    )
    Location.objects.create(
        service=service, name="Youth Hub", address="1 High Street\nLondon", postcode="W2 1AA"
    )
    return service


def load_json(path):
    with open(path, encoding="utf-8") as handle:
        return json.load(handle)
