"""Bulk writes leave the planner's statistics fresh (directory/maintenance.py)."""

import pytest
from django.core.management import call_command
from django.db import connection

from directory.maintenance import analyze
from directory.models import Location, Organisation, Service, ServiceLink


def test_analyze_names_the_link_and_history_tables(db):
    tables = analyze(Service, Organisation, Location, ServiceLink)
    for table in [
        "directory_service",
        "directory_service_needs",
        "directory_service_boroughs",
        "directory_historicalservice",
        "directory_historicalservice_needs",
        "directory_organisation",
        "directory_location",
        "directory_historicallocation",
        "directory_servicelink",
    ]:
        assert table in tables
    assert len(tables) == len(set(tables))


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="pg_class.reltuples: PostgreSQL's statistics"
)
def test_generate_directory_leaves_the_statistics_fresh(db):
    call_command("generate_directory", services=400, verbosity=0)
    count = Service.objects.count()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT relname, reltuples FROM pg_class WHERE relname IN "
            "('directory_service', 'directory_service_needs')"
        )
        estimates = dict(cursor.fetchall())
    assert 0.9 * count <= estimates["directory_service"] <= 1.1 * count
    links = Service.needs.through.objects.count()
    assert 0.9 * links <= estimates["directory_service_needs"] <= 1.1 * links
    # And the vocabulary indexes hold no pending entries for every filter to read through.
    with connection.cursor() as cursor:
        cursor.execute("SELECT gin_clean_pending_list('directory_service_borough_slugs_gin')")
        assert cursor.fetchone()[0] == 0


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own statistics table")
def test_load_directory_analyses_sqlite(db):
    call_command("load_directory", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM sqlite_stat1 WHERE tbl = 'directory_service'")
        assert cursor.fetchone()[0] > 0
