"""Issue 23, requirement 2: migration 0012 turns old review dates into confirmations only where
a signed-in person set them in the admin; the day a data file was written confirms nothing."""

import datetime
import uuid

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [("directory", "0011_commissioners_reports_history")]
AFTER = [("directory", "0012_honest_dates_and_contact_sources")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


# Transactional: migrating needs the schema changes committed. (Not serialized_rollback: after
# any earlier transactional test the content types have new keys, and Django's put-back of the
# rows it serialised at the start fails on them; tests/conftest.py puts the migrations' rows
# back after each transactional test itself.)
@pytest.mark.django_db(transaction=True)
def test_only_a_review_a_person_made_in_the_admin_becomes_a_confirmation():
    old = _migrate(BEFORE)
    try:
        user = old.get_model("auth", "User").objects.create(
            username="wendy", first_name="Wendy", last_name="Green"
        )
        organisation = old.get_model("directory", "Organisation").objects.create(
            name="Org", slug="org", uuid=uuid.uuid4()
        )
        service_model = old.get_model("directory", "Service")
        history = old.get_model("directory", "HistoricalService")
        reviewed = datetime.date(2026, 11, 22)
        common = {"organisation": organisation, "summary": "S.", "min_age": 0, "max_age": 25}
        by_hand = service_model.objects.create(
            name="Checked", slug="checked", uuid=uuid.uuid4(), last_reviewed_on=reviewed, **common
        )
        from_file = service_model.objects.create(
            name="Loaded", slug="loaded", uuid=uuid.uuid4(), last_reviewed_on=reviewed, **common
        )
        for service, person in [(by_hand, user), (from_file, None)]:
            kept = {field.attname for field in history._meta.concrete_fields}
            fields = {
                field.attname: getattr(service, field.attname)
                for field in service_model._meta.concrete_fields
                if field.attname in kept
            }
            history.objects.create(
                **fields, history_date=timezone.now(), history_type="~", history_user=person
            )
        new = _migrate(AFTER)
        services = new.get_model("directory", "Service").objects
        checked, loaded = services.get(slug="checked"), services.get(slug="loaded")
        assert (checked.confirmed_on, checked.confirmed_by) == (reviewed, "Wendy Green")
        assert (loaded.confirmed_on, loaded.confirmed_by) == (None, "")
    finally:
        executor = MigrationExecutor(connection)
        executor.loader.build_graph()
        executor.migrate(executor.loader.graph.leaf_nodes())
