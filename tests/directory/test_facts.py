"""The facts the code relies on (directory/facts.py): declared once, present in the database
(directory/checks.py), and read with the vocabularies in one query
(directory/vocabulary_rows.py)."""

import ast
from pathlib import Path
from unittest import mock

import pytest
from django.core.checks import Error, Warning
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import OperationalError

from directory import checks
from directory.facts import (
    CRISIS_KIND_NEEDS,
    CRISIS_NEEDS,
    BoroughSlug,
    DeliverySlug,
    NeedSlug,
    ThriveSlug,
    Who,
)
from directory.models import Borough, Need, ThriveCategory
from directory.search import crisis_lexicon, crisis_reader
from directory.vocabulary_rows import _model, thrive_order, vocabulary_rows
from pages.london import BOROUGH_NAMES
from tests.factories import make_service


def test_the_crisis_needs_are_those_the_crisis_readers_kinds_mean():
    assert set(crisis_reader.CRISIS_KINDS) == set(CRISIS_KIND_NEEDS)
    assert all(kind in crisis_lexicon.PATTERNS for kind in CRISIS_KIND_NEEDS)
    assert {NeedSlug.SELF_HARM, NeedSlug.SUICIDAL_THOUGHTS} == CRISIS_NEEDS
    assert crisis_reader.read("I want to kill myself").is_crisis


def test_the_declared_boroughs_are_londons():
    assert set(BoroughSlug.values) == set(BOROUGH_NAMES)


def test_a_fresh_database_passes(db):
    assert checks.declared_slugs_in_database(databases=["default"]) == []
    call_command("check", "--database", "default", "--tag", "database")


def test_without_a_database_named_nothing_is_asked(db, django_assert_num_queries):
    with django_assert_num_queries(0):
        assert checks.declared_slugs_in_database(databases=None) == []


def test_a_renamed_crisis_need_fails_the_check_naming_it(db):
    Need.objects.filter(slug="self-harm").update(slug="self-injury")
    ThriveCategory.objects.filter(slug="getting-risk-support").delete()
    errors = checks.declared_slugs_in_database(databases=["default"])
    assert [type(error) for error in errors] == [Error, Error]
    assert all(error.id == checks.MISSING for error in errors)
    assert "getting-risk-support" in errors[0].msg and "self-harm" in errors[1].msg
    with pytest.raises(SystemCheckError, match="self-harm"):
        call_command("check", "--database", "default")


def test_a_database_still_to_be_migrated_is_not_checked(db):
    Need.objects.filter(slug="self-harm").delete()
    with mock.patch.object(checks, "_waiting_for_migrations", return_value=True):
        assert checks.declared_slugs_in_database(databases=["default"]) == []


def test_a_database_that_does_not_answer_is_a_warning(db):
    down = OperationalError("connection refused")
    with mock.patch.object(checks, "_waiting_for_migrations", side_effect=down):
        (warning,) = checks.declared_slugs_in_database(databases=["default"])
    assert isinstance(warning, Warning) and warning.id == checks.UNCHECKED


def test_one_query_reads_every_vocabulary_as_its_table_says(db, django_assert_num_queries):
    make_service(borough=("camden",))
    make_service(borough=("ealing",), is_national=True)
    with django_assert_num_queries(1):
        rows = vocabulary_rows()
    with django_assert_num_queries(0):
        assert vocabulary_rows() is rows
    for key, found in rows.items():
        model = _model(key)
        expected = list(model.objects.all())
        assert [row.slug for row in found] == [row.slug for row in expected], key
        for row, row_in_table in zip(found, expected, strict=True):
            for field in model._meta.concrete_fields:
                assert getattr(row, field.attname) == getattr(row_in_table, field.attname)


def test_the_thrive_order_is_the_databases(db):
    assert thrive_order() == tuple(ThriveSlug.values)
    thriving = ThriveCategory.objects.get(slug="thriving")
    thriving.position = 99
    thriving.save()  # moves the cache on, as the admin does
    assert thrive_order()[-1] == "thriving"


def test_a_renamed_borough_is_read_afresh(db):
    vocabulary_rows()
    borough = Borough.objects.get(slug="camden")
    borough.name = "Camden Town"
    borough.save()
    assert "Camden Town" in [b.name for b in vocabulary_rows()["borough"]]


def _bench_lists(path):
    """The module-level lists of strings in a benchmark script, which runs without Django."""
    tree = ast.parse((Path(__file__).resolve().parents[2] / path).read_text())
    lists = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            lists[node.targets[0].id] = [ast.literal_eval(item) for item in node.value.elts]
    return lists


def test_the_benchmarks_choose_among_the_declared_values():
    """bench/locustfile.py runs in locust's own process, without Django, so it keeps its own
    lists: they must name only what is declared."""
    locust = _bench_lists("bench/locustfile.py")
    assert set(locust["BOROUGHS"]) == set(BoroughSlug.values)
    assert set(locust["NEEDS"]) <= set(NeedSlug.values)
    assert locust["WHO"] == Who.values
    run = _bench_lists("bench/request_mix.py")
    assert run["WHO"] == Who.values
    assert set(run["THRIVE"]) <= set(ThriveSlug.values)
    assert set(run["DELIVERY"]) <= set(DeliverySlug.values)
