"""Every vocabulary's rows, kept in each app process until the directory changes.

The vocabularies are small (33 boroughs, 17 needs, a few dozen languages) and read on every
page of services. On PostgreSQL each service carries the slugs it is linked to
(`need_slugs`…), so a page's `service.need_list` can be made from those and these rows, in
the vocabulary's own order, without asking the database (ServiceQuerySet.with_vocabulary_lists).

The rows are kept until the directory changes (`caching.get_or_set`, which also keeps a copy
in each app process): any change to a vocabulary moves the generation on, so the next page
reads them afresh. With the cache off (`FINDHELP_PAGE_CACHE=0`) they are read for each page.
"""

from . import caching
from .vocabulary import BY_KEY


def vocabulary_rows(keys):
    """{vocabulary key: its rows in their usual order}, for these keys."""
    return {key: caching.get_or_set(f"vocabulary:{key}", lambda k=key: _read(k)) for key in keys}


def _read(key):
    return list(BY_KEY[key].model.objects.all())


def fill_vocabulary_lists(services, keys):
    """Set `service.<key>_list` on each service from its derived slugs column."""
    if not services:
        return
    rows = vocabulary_rows(keys)
    for key in keys:
        vocabulary = BY_KEY[key]
        for service in services:
            linked = set(getattr(service, vocabulary.column) or ())
            setattr(service, vocabulary.list_attribute, [r for r in rows[key] if r.slug in linked])
