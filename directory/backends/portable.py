"""The portable backend (SQLite and any other database): link tables, no derived columns."""

from contextlib import nullcontext

from django.db.models import Q


def _slugs_and_rows(values):
    slugs = [value for value in values if isinstance(value, str)]
    rows = [value for value in values if not isinstance(value, str)]
    return slugs, rows


class PortableBackend:
    derives_columns = False

    def __init__(self, using="default"):
        self.using = using

    def linked_to(self, model, vocabulary, values):
        """Ids of `model`s linked through the vocabulary to any of these rows, read from the
        link table alone."""
        slugs, rows = _slugs_and_rows(values)
        field = model._meta.get_field(vocabulary.relation)
        target = field.m2m_reverse_field_name()
        condition = Q()
        if slugs:
            condition |= Q(**{f"{target}__slug__in": slugs})
        if rows:
            condition |= Q(**{f"{target}__in": rows})
        links = field.remote_field.through.objects
        service_id = f"{field.m2m_field_name()}_id"
        matching = links.filter(condition) if condition else links.none()
        return Q(pk__in=matching.values(service_id))

    def deferred(self):
        return nullcontext()

    def rebuild(self, queryset):
        return 0

    def search_results(self, queryset, query, groups, boroughs=()):
        from .portable_search import PortableSearchResults

        return PortableSearchResults(queryset, query, groups, boroughs)

    def slugs_placeholder(self, default):
        # The derived columns are never written here, but Django still inserts NULL into them:
        # as a plain parameter, since PostgreSQL's array cast is not SQL that SQLite knows.
        return "%s"
