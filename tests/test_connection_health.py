"""A kept PostgreSQL connection is checked before each request uses it
(config/postgresql/base.py): one the server has ended is replaced, so the request succeeds;
a quiet one is used as it is, without a round trip to ask."""

import time
from unittest import mock

import psycopg2
import pytest
from django.db import close_old_connections, connection
from django.db.backends.postgresql.base import DatabaseWrapper as DjangoPostgreSQL
from django.test import Client

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the PostgreSQL backend's own health check"
)


def end_from_the_server(pid):
    """pg_terminate_backend, as a restart or a failover ends each connection."""
    params = connection.get_connection_params()
    with psycopg2.connect(**params) as other, other.cursor() as cursor:
        cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
    other.close()
    time.sleep(0.2)  # the server's goodbye reaches this side


@pytest.fixture
def kept_connection(settings, transactional_db):
    """Connections kept between requests, as in production (CONN_MAX_AGE 60)."""
    connection.close()
    connection.settings_dict["CONN_MAX_AGE"] = 60
    yield
    connection.settings_dict["CONN_MAX_AGE"] = 0
    connection.close()


def test_the_site_uses_its_own_postgresql_backend():
    assert connection.settings_dict["ENGINE"] == "config.postgresql"
    assert connection.settings_dict["CONN_HEALTH_CHECKS"] is True


def test_a_connection_the_server_ended_is_replaced_before_the_next_page(kept_connection):
    client = Client()
    assert client.get("/services/?q=counselling").status_code == 200
    pid = connection.connection.info.backend_pid

    end_from_the_server(pid)
    close_old_connections()  # as at the start of every request (the test client skips it)

    assert client.get("/services/?q=counselling").status_code == 200
    assert connection.connection.info.backend_pid != pid


def test_a_quiet_connection_is_used_without_asking_the_server(kept_connection):
    connection.ensure_connection()
    with mock.patch.object(DjangoPostgreSQL, "is_usable", side_effect=AssertionError):
        assert connection.is_usable()


def test_a_connection_the_server_ended_is_not_usable(kept_connection):
    connection.ensure_connection()
    end_from_the_server(connection.connection.info.backend_pid)
    assert not connection.is_usable()
