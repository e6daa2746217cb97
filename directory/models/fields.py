from django.contrib.postgres.fields import ArrayField
from django.db import models


class DerivedSlugsField(ArrayField):
    """Slugs PostgreSQL's triggers derive from a service's links (directory/index.py).

    Elsewhere the column exists but stays empty, so nothing here may need PostgreSQL's array
    syntax there: ArrayField casts every value it writes (`%s::text[]`), which SQLite rejects.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("base_field", models.TextField())
        kwargs.update(null=True, blank=True, editable=False)
        super().__init__(**kwargs)

    def get_placeholder(self, value, compiler, connection):
        if connection.vendor == "postgresql":
            return super().get_placeholder(value, compiler, connection)
        return "%s"
