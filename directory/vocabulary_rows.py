"""The one reader of the vocabulary tables: every row of every vocabulary, in one query, kept
until the directory changes.

The vocabularies are small (33 boroughs, 19 needs, a few dozen languages) and read on every
page: the directory's filters (directory/filters.py), the navigator's questions
(navigator/forms.py), the home page, the Open Referral taxonomies (openreferral/taxonomy.py),
the THRIVE categories' order for ranking, and, on PostgreSQL, a page's `service.need_list` and
friends, made from the slugs each service carries (`need_slugs`…) and these rows without
asking the database (ServiceQuerySet.with_vocabulary_lists). All of them read `vocabulary_rows()`:
one UNION of every vocabulary table and the age bands, kept under one cache key
(`caching.get_or_set`, which also keeps a copy in each app process). Any change to a vocabulary
or a service moves the generation on, so the next page reads them afresh. With the cache off
(`FINDHELP_PAGE_CACHE=0`) they are read each time they are asked for.

Which boroughs have local listings is not a vocabulary's: it depends on every service, and
reading it costs more than all the vocabularies together, so it is read apart, only by the pages
that show it (directory/local_coverage.py's `local_borough_slugs`).
"""

import functools
import json

from django.apps import apps
from django.db import connection, models
from django.db.models import BigIntegerField, F, IntegerField, TextField, Value
from django.db.models.functions import Cast

from . import caching
from .vocabulary import BY_KEY, VOCABULARIES

CACHE_NAME = "vocabulary-rows"
AGE_BAND = "age_band"  # the age bands: not a vocabulary a service links to, read with them
KEYS = (*(vocabulary.key for vocabulary in VOCABULARIES), AGE_BAND)
COMMON_FIELDS = ("id", "slug", "name", "position")


def _model(key):
    return apps.get_model("directory", "AgeBand") if key == AGE_BAND else BY_KEY[key].model


def _own_fields(model):
    """A vocabulary model's fields beyond the common ones, as (text, whole number, JSON)."""
    texts, numbers, documents = [], [], []
    for field in model._meta.concrete_fields:
        if field.name in COMMON_FIELDS:
            continue
        if isinstance(field, models.JSONField):
            documents.append(field.name)
        elif isinstance(field, models.IntegerField):
            numbers.append(field.name)
        else:
            texts.append(field.name)
    return texts, numbers, documents


def _slots():
    """How many text, number and JSON columns the UNION needs: the most any model has."""
    shapes = [_own_fields(_model(key)) for key in KEYS]
    return tuple(max(len(shape[kind]) for shape in shapes) for kind in range(3))


def _as_text(field_name):
    return Cast(F(field_name), TextField()) if field_name else Value("", TextField())


def _as_number(field_name):
    return Cast(F(field_name), IntegerField()) if field_name else Value(0, IntegerField())


def _padded(names, length):
    return [*names, *[None] * (length - len(names))]


def _select(number, key, slots):
    """One model's rows as the UNION's columns: part, sort_position, name, position, the
    text, number and JSON columns (padded), id and slug."""
    model = _model(key)
    texts, numbers, documents = _own_fields(model)
    text_slots, number_slots, document_slots = slots
    by_position = model._meta.ordering[0] == "position"
    columns = {
        "part": Value(number, IntegerField()),
        "sort_position": _as_number("position" if by_position else None),
        "row_name": _as_text("name"),
        "row_position": _as_number("position" if _has_position(model) else None),
        **{f"text_{i}": _as_text(n) for i, n in enumerate(_padded(texts, text_slots))},
        **{f"number_{i}": _as_number(n) for i, n in enumerate(_padded(numbers, number_slots))},
        **{f"document_{i}": _as_text(n) for i, n in enumerate(_padded(documents, document_slots))},
    }
    columns["row_id"] = Cast(F("id"), BigIntegerField())
    columns["row_slug"] = _as_text("slug")
    # Every column an annotation, so that each part of the UNION lists them in this order.
    return model.objects.order_by().annotate(**columns).values_list(*columns)


def _has_position(model):
    return any(field.name == "position" for field in model._meta.concrete_fields)


def _instance(key, row, shapes, slots):
    """A model instance from one row of the UNION."""
    model = _model(key)
    text_slots, number_slots, _ = slots
    _, _, name, position = row[:4]
    own_texts, own_numbers, own_documents = shapes[key]
    texts = row[4 : 4 + text_slots]
    numbers = row[4 + text_slots : 4 + text_slots + number_slots]
    documents = row[4 + text_slots + number_slots : -2]
    values = {"id": row[-2], "slug": row[-1], "name": name}
    if _has_position(model):
        values["position"] = position
    values.update(zip(own_texts, texts, strict=False))
    values.update(zip(own_numbers, numbers, strict=False))
    for field, text in zip(own_documents, documents, strict=False):
        values[field] = json.loads(text) if text else None
    names = [field.attname for field in model._meta.concrete_fields]  # from_db's order
    return model.from_db(connection.alias, names, [values[name] for name in names])


@functools.cache
def _union_sql(vendor):
    """The UNION compiled once per database kind: compiling nine querysets takes the ORM
    longer than the database takes to run them."""
    slots = _slots()
    selects = [_select(number, key, slots) for number, key in enumerate(KEYS)]
    union = selects[0].union(*selects[1:], all=True).order_by("part", "sort_position", "row_name")
    return union.query.get_compiler(connection=connection).as_sql()


def _read():
    slots = _slots()
    shapes = {key: _own_fields(_model(key)) for key in KEYS}
    sql, params = _union_sql(connection.vendor)
    rows = {key: [] for key in KEYS}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            key = KEYS[row[0]]
            rows[key].append(_instance(key, row, shapes, slots))
    return {key: tuple(found) for key, found in rows.items()}  # shared: never changed


def vocabulary_rows():
    """{vocabulary key (and "age_band"): its rows in their usual order}: every vocabulary's
    model instances, from the cache until the directory changes, or in one query."""
    return caching.get_or_set(CACHE_NAME, _read)


def thrive_order():
    """Every THRIVE category's slug, in the categories' own order (ThriveCategory.position)."""
    return tuple(row.slug for row in vocabulary_rows()["thrive"])


def fill_vocabulary_lists(services, keys):
    """Set `service.<key>_list` on each service from its derived slugs column."""
    if not services:
        return
    rows = vocabulary_rows()
    for key in keys:
        vocabulary = BY_KEY[key]
        for service in services:
            linked = set(getattr(service, vocabulary.column) or ())
            setattr(service, vocabulary.list_attribute, [r for r in rows[key] if r.slug in linked])
