"""The real directory (fixtures/directory.json) in the test database, loaded by load_directory
once per test process and put back from memory every time after.

Loading it runs every check and writes every history record, one service at a time: about 13
seconds on SQLite, and the suite asked for it some forty times a run. The first load in each
process (each pytest-xdist worker) is the real command; it notes the rows it added and changed,
table by table, and later loads write those rows back in one insert per table. What a test
then reads is what the command wrote; tests of the loader itself still run the command.

Only into a database whose tables the load writes, and the tables they point at, hold the same
rows (by primary key) as when the command first ran, in practice as the migrations left them:
anything else gets the real command. (Other tables may differ: a transactional test's flush
makes the content types and permissions again, with new keys.)
"""

from django.apps import apps
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction

from directory import caching
from directory.models import SearchWord, Service
from directory.models.derived_columns import derived_columns

# Once per process: the primary keys each table held before the first load, and what the load
# did to each table it changed: [(model, rows added, rows changed)].
_before = {}
_loaded = []


def tables():
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def _rows(model):
    pk = model._meta.pk.attname
    return {row[pk]: row for row in model._base_manager.values()}


def _keys(models):
    return {model: frozenset(model._base_manager.values_list("pk", flat=True)) for model in models}


def _pointed_at(model):
    return {field.related_model for field in model._meta.concrete_fields if field.is_relation}


def _what_the_command_does():
    before = {model: _rows(model) for model in tables()}
    call_command("load_directory", verbosity=0)
    for model, old in before.items():
        new = _rows(model)
        if set(old) - set(new):
            raise AssertionError(f"load_directory deleted rows of {model.__name__}")
        added = [row for key, row in new.items() if key not in old]
        changed = [row for key, row in new.items() if key in old and old[key] != row]
        if added or changed:
            _loaded.append((model, added, changed))
    written = {model for model, _, _ in _loaded}
    watched = written.union(*(_pointed_at(model) for model in written))
    _before.update({model: frozenset(before[model]) for model in watched})


def write_back():
    columns = derived_columns(connection)
    with transaction.atomic(), columns.deferred():
        for model, added, changed in _loaded:
            # PostgreSQL's triggers add the search words as the services are written.
            model._base_manager.bulk_create(
                [model(**row) for row in added], ignore_conflicts=model is SearchWord
            )
            pk = model._meta.pk.attname
            for row in changed:
                model._base_manager.filter(pk=row[pk]).update(**row)
        columns.rebuild(Service.objects.all())
        models = [model for model, _, _ in _loaded]
        with connection.cursor() as cursor:
            for statement in connection.ops.sequence_reset_sql(no_style(), models):
                cursor.execute(statement)
        caching.invalidate()


def loaded_by_the_command():
    """Whether this process has run the command once and can write its rows back."""
    return bool(_before)


def load_real_directory():
    """The database as `manage.py load_directory` leaves it."""
    if not _before:
        _what_the_command_does()
    elif _keys(_before) == _before:
        write_back()
    else:
        call_command("load_directory", verbosity=0)
