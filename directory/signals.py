"""The directory's signal wiring, connected once when the app is ready (DirectoryConfig.ready).

- A change to anything a public page shows (a service, what it links to, a vocabulary, a
  search phrase) moves the cache's generation on (directory/caching.py), so nothing cached
  before it is sent again; as does the cache answering again after an outage.
- Each new SQLite connection gets the function that search's portable implementation reads
  word stems with (directory/search/portable.py).
"""

from django.db.backends.signals import connection_created
from django.db.models.signals import m2m_changed, post_delete, post_save

from config import redis_cache
from directory import caching
from directory.models import (
    AgeBand,
    EligibilityCriterion,
    Location,
    Organisation,
    SearchPhrase,
    SearchWord,
    Service,
    ServiceLink,
)
from directory.search.portable import register_functions
from directory.vocabulary import VOCABULARIES


def watched_models():
    """Every model a public page shows: services and what they link to."""
    models = {Service, Organisation, Location, ServiceLink, AgeBand, EligibilityCriterion}
    models |= {SearchPhrase, SearchWord}
    return models | {vocabulary.model for vocabulary in VOCABULARIES}


def register_sqlite_functions(sender, connection, **kwargs):
    if connection.vendor == "sqlite":
        register_functions(connection)


def connect_signals():
    connection_created.connect(register_sqlite_functions, dispatch_uid="findhelp-sqlite-stems")
    if caching.after_an_outage not in redis_cache.on_recovery:
        redis_cache.on_recovery.append(caching.after_an_outage)

    for model in watched_models():
        uid = f"findhelp-cache-{model._meta.label}"
        post_save.connect(caching.invalidate, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(caching.invalidate, sender=model, dispatch_uid=f"{uid}-delete")
    for field in Service._meta.local_many_to_many:
        m2m_changed.connect(
            caching.invalidate,
            sender=field.remote_field.through,
            dispatch_uid=f"findhelp-cache-{field.name}-links",
        )
