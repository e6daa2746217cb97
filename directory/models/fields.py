import uuid

from django.contrib.postgres.fields import ArrayField
from django.db import models

from .derived_columns import derived_columns


class DerivedSlugsField(ArrayField):
    """Slugs PostgreSQL's triggers derive from a service's links
    (directory/models/derived_columns.py).

    Elsewhere the column exists but stays empty, and the backend says how a value is written
    there: ArrayField casts every value it writes (`%s::text[]`), which SQLite rejects.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("base_field", models.TextField())
        kwargs.update(null=True, blank=True, editable=False)
        super().__init__(**kwargs)

    def get_placeholder(self, value, compiler, connection):
        default = super().get_placeholder(value, compiler, connection)
        return derived_columns(connection).slugs_placeholder(default)


# Fixed for good: every stable id is derived under it, so changing it changes every id.
STABLE_ID_NAMESPACE = uuid.UUID("5f0f4c1e-6b1a-4f59-9d4e-2b7c8a1d3e10")


def stable_uuid(key):
    """The id a thing with this key has in every database: "service:kooth-bi-borough" gives
    the same UUID wherever the data is loaded."""
    return uuid.uuid5(STABLE_ID_NAMESPACE, key)


class StableIdField(models.UUIDField):
    """An id for other systems (the Open Referral API), from the row's `stable_key()`.

    Set when the row is first written (bulk_create too, as auto_now is) and never changed, so
    loading the same data into any database gives the same ids, and renaming a slug later does
    not break a link another directory holds.
    """

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("editable", False)
        super().__init__(*args, **kwargs)

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value is None:
            value = stable_uuid(model_instance.stable_key())
            setattr(model_instance, self.attname, value)
        return value
