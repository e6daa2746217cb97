"""scripts/backup and scripts/restore: a backup restores into a new database with the services
in it. PostgreSQL only (pg_dump and pg_restore); CI runs the suite on PostgreSQL."""

import subprocess
from pathlib import Path

import psycopg2
import pytest
from django.db import connection

from directory.models import Service
from tests.factories import make_service

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="backups are pg_dump/pg_restore of PostgreSQL, the production database",
)


def url(settings, name):
    user, password = settings["USER"], settings["PASSWORD"]
    credentials = f"{user}:{password}@" if password else f"{user}@"
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    return f"postgres://{credentials}{host}:{port}/{name}"


def run(script, *args, database):
    return subprocess.run(
        [str(ROOT / "scripts" / script), *args],
        env={"PATH": "/usr/bin:/bin", "DATABASE_URL": database},
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def new_database():
    """An empty database beside the test database, dropped afterwards."""
    settings = connection.settings_dict
    name = f"{settings['NAME']}_restored"
    admin = psycopg2.connect(
        dbname="postgres",
        user=settings["USER"],
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
        cursor.execute(f'CREATE DATABASE "{name}"')
    yield url(settings, name)
    with admin.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.close()


@pytest.fixture
def committed(transactional_db):
    """Rows pg_dump's own connection can see."""


def test_a_backup_restores_into_a_new_database(committed, tmp_path, new_database):
    make_service(name="Riverside Counselling", slug="riverside", phone="020 7946 0001")
    make_service(name="Harbour Youth Hub", slug="harbour", borough=["camden"])
    source = url(connection.settings_dict, connection.settings_dict["NAME"])
    backup = tmp_path / "findhelp.dump"

    made = run("backup", str(backup), database=source)
    assert made.returncode == 0, made.stderr
    assert backup.stat().st_size > 0

    restored = run("restore", str(backup), database=new_database)
    assert restored.returncode == 0, restored.stderr
    assert f"{Service.objects.count()} services" in restored.stdout

    with psycopg2.connect(new_database) as copy, copy.cursor() as cursor:
        cursor.execute("SELECT slug, phone FROM directory_service ORDER BY slug")
        assert cursor.fetchall() == [("harbour", ""), ("riverside", "020 7946 0001")]
        cursor.execute(
            "SELECT b.slug FROM directory_service_boroughs sb "
            "JOIN directory_borough b ON b.id = sb.borough_id "
            "JOIN directory_service s ON s.id = sb.service_id WHERE s.slug = 'harbour'"
        )
        assert cursor.fetchall() == [("camden",)]
        # The derived search columns and their triggers came too.
        cursor.execute("SELECT search_vector IS NOT NULL FROM directory_service LIMIT 1")
        assert cursor.fetchone() == (True,)

    again = run("restore", str(backup), database=new_database)
    assert again.returncode == 3  # will not overwrite a directory without --replace
    replaced = run("restore", "--replace", str(backup), database=new_database)
    assert replaced.returncode == 0, replaced.stderr
