"""Where a service is written: every writer that is not the admin's form (load_directory,
the spreadsheet import, the Open Referral import, the tests' factories) saves a service
through `save_service`.

A save makes exactly one history record (django-simple-history), taken once the service's
links to the vocabularies are set, so the record holds the links as they are after the save:
that is what the admin's history shows and what a revert offers back (directory/admin/
services.py). Setting each vocabulary's links one by one would otherwise record a version
for each of them, every one but the last showing links half-written.

Each write moves the cache's generation on (directory/caching.py's signals): the service's
save, each link set on a service that was already there, and the history record's signal,
sent once the links of a new service are written. Bulk writes that send no signals
(generate_directory) move it on themselves.

What a service must hold before it is saved is the caller's to check (the model's
`full_clean`, and directory/commissioning/validation.py for publishing): each caller words its
problems for its own reader.
"""

from django.db.models.signals import post_save

from .models import Service

# The relations a service's links are given by: its many-to-many fields.
RELATIONS = frozenset(field.name for field in Service._meta.many_to_many)


def save_service(service, links=None, *, user=None, reason=None, force_insert=False):
    """Save `service` and set its links, with one history record made once the links are set.

    `links` maps a relation's name (`Service.boroughs`' "boroughs", each vocabulary's
    `relation`) to the rows the service is linked to; a relation not given is left as it
    is. `user` and `reason` are the record's history_user and history_change_reason (by
    default: the signed-in user of the request, through django-simple-history's middleware,
    and no reason). Returns the service."""
    links = dict(links or {})
    unknown = set(links) - RELATIONS
    if unknown:
        raise ValueError(f"not a relation of a service: {', '.join(sorted(unknown))}")
    created = service._state.adding
    service.skip_history_when_saving = True
    try:
        service.save(force_insert=force_insert)
        for relation, rows in links.items():
            if created:
                _link_new_service(service, relation, rows)
            else:
                getattr(service, relation).set(list(rows))
    finally:
        del service.skip_history_when_saving
    _record_version(service, created=created, user=user, reason=reason)
    return service


def _link_new_service(service, relation, rows):
    """A new service has no links yet, so its links are written in one insert, where `set`
    would first read the links it has and the ones it is about to add (three queries a
    relation: the loader and the import write hundreds of services at a time)."""
    manager = getattr(service, relation)
    ids = {getattr(row, "pk", row) for row in rows}
    if ids:
        manager.through._default_manager.bulk_create(
            [
                manager.through(
                    **{manager.source_field_name: service, manager.target_field_name + "_id": pk}
                )
                for pk in sorted(ids)
            ]
        )


def _record_version(service, *, created, user, reason):
    """The history record of a service saved with `skip_history_when_saving` (its fields and
    links as they are now), made by the save's own signal, sent again: the cache is moved on
    with it, and the row is not written a second time."""
    given = {"_history_user": user, "_change_reason": reason}
    given = {name: value for name, value in given.items() if value is not None}
    for name, value in given.items():
        setattr(service, name, value)
    try:
        post_save.send(
            Service,
            instance=service,
            created=created,
            update_fields=None,
            raw=False,
            using=service._state.db,
        )
    finally:
        for name in given:
            delattr(service, name)
