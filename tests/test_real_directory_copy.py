"""The copy of the real directory the tests load after the first (tests/real_directory.py) is
what `manage.py load_directory` writes: every table, every service's fields and links, and on
PostgreSQL the columns its triggers derive."""

from django.core.management import call_command
from django.db import transaction

from directory.models import SearchWord, Service
from tests.real_directory import load_real_directory, loaded_by_the_command, tables, write_back

# Keys the database's sequences give (they differ after a rollback on PostgreSQL), and times.
VOLATILE = {"id", "organisation_id", "created_at", "updated_at"}


def _fields():
    return [field.attname for field in Service._meta.concrete_fields]


def _links(field):
    names = {row.pk: str(row) for row in field.related_model.objects.all()}
    through = field.remote_field.through.objects.values_list(
        f"{field.m2m_field_name()}__slug", f"{field.m2m_reverse_field_name()}_id"
    )
    return sorted((slug, names[key]) for slug, key in through)


def _what_a_reader_sees():
    services = {
        service["slug"]: {name: value for name, value in service.items() if name not in VOLATILE}
        for service in Service.objects.values(*_fields(), "organisation__slug")
    }
    links = {field.name: _links(field) for field in Service._meta.many_to_many}
    counts = {model._meta.label: model._base_manager.count() for model in tables()}
    words = set(SearchWord.objects.values_list("word", flat=True))
    return services, links, counts, words


def test_the_copy_of_the_real_directory_is_what_the_command_writes(db):
    if not loaded_by_the_command():
        first = transaction.savepoint()
        load_real_directory()
        transaction.savepoint_rollback(first)
    command = transaction.savepoint()
    call_command("load_directory", verbosity=0)
    expected = _what_a_reader_sees()
    transaction.savepoint_rollback(command)
    assert not Service.objects.exists()

    write_back()

    assert _what_a_reader_sees() == expected
    assert len(expected[0]) > 150
