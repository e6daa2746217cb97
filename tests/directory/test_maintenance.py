"""directory.maintenance.analyze: refreshes the planner's statistics after a bulk change."""

import pytest
from django.db import connection

from directory.maintenance import analyze, tables_of
from directory.models import Service, ServiceLink

pytestmark = pytest.mark.django_db


def test_analyze_names_each_model_table_and_its_link_tables():
    tables = tables_of(Service, ServiceLink)
    assert tables[0] == Service._meta.db_table
    assert Service.needs.through._meta.db_table in tables
    assert ServiceLink._meta.db_table in tables


def test_analyze_runs_on_this_database(django_assert_num_queries):
    expected = len(tables_of(Service)) if connection.vendor in ("postgresql", "sqlite") else 0
    with django_assert_num_queries(expected):
        analyze(Service)
