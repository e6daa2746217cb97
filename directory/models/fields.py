from django.contrib.postgres.fields import ArrayField
from django.db import models

from ..backends import backend


class DerivedSlugsField(ArrayField):
    """Slugs PostgreSQL's triggers derive from a service's links (directory/backends/).

    Elsewhere the column exists but stays empty, and the backend says how a value is written
    there: ArrayField casts every value it writes (`%s::text[]`), which SQLite rejects.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("base_field", models.TextField())
        kwargs.update(null=True, blank=True, editable=False)
        super().__init__(**kwargs)

    def get_placeholder(self, value, compiler, connection):
        default = super().get_placeholder(value, compiler, connection)
        return backend(connection).slugs_placeholder(default)
