"""Bringing in another directory's Open Referral UK 3.0 services (manage.py
import_openreferral).

Each service arrives as a draft for a commissioner to review: an import never publishes, and
never overwrites an entry a commissioner has published or archived since. Importing the same
feed again updates the drafts it made before, found by the feed's name and its own ids.

It takes services only, and loses nothing without saying so:

- each file, page or record is recognised (`kind_of`): a service, a page of services, an
  organisation, a taxonomy, a term, a location or a service at a location; what is not a
  service is reported, never turned into one;
- a file that cannot be read, or a detail request that fails, is reported and the rest goes on;
- an API is paged until `total_pages`, a page seen before, or MAX_PAGES, whichever is first;
- a service met more than once is reported, and the fullest copy is kept, whatever the order
  (a page's one-to-one fields never replace a fully nested record);
- every value not kept as it came (a field we do not hold, an age clamped to 0-25, a term or
  service area that maps onto nothing, a phone number that is not a UK one, text cut to fit)
  is reported;
- each service is written in one transaction with its organisation and links, so a service
  that fails leaves nothing behind; one whose fields and links have not changed is not
  written at all (no history row).

Their taxonomy terms are mapped onto our vocabularies where a term's id, slug, name, label or
synonym matches one of ours; what could not be mapped is reported, never guessed.

The parts: sources.py reads the feed (files, folders, an API's pages) and keeps the fullest copy
of each service; record_values.py reads one record's values as our fields; term_mapping.py maps
its terms and service areas onto our vocabularies; this module writes each service (through
directory/writes.py) and counts what happened in the report.
"""

import re
import urllib.parse
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from directory.models import Language, Location, Organisation, Service
from directory.models.service import MAX_AGE
from directory.writes import save_service

from .models import ImportedOrganisation, ImportedService
from .record_values import Values, fields_of, note_dropped_fields
from .sources import MAX_PAGES, ImportReport, fullest_copies, read_source
from .taxonomy import TAXONOMIES
from .term_mapping import TermMap, dicts, links_of


class Skip(Exception):
    """This service is not written; the transaction around it is rolled back."""


def _organisation(record, source_name, source):
    data = record.get("organization") if isinstance(record.get("organization"), dict) else {}
    source_id = str(data.get("id") or record.get("organization_id") or "")
    name = " ".join(str(data.get("name") or "").split())[:200] or "Unknown organisation"
    known = (
        ImportedOrganisation.objects.filter(source_name=source_name, source_id=source_id).first()
        if source_id
        else None
    )
    if known:
        return known.organisation
    slug = f"{slugify(name)[:80]}-{slugify(source_name)[:8]}-{(source_id or slugify(name))[:8]}"
    organisation, _ = Organisation.objects.get_or_create(
        slug=slug.strip("-"),
        defaults={
            "name": name,
            "description": str(data.get("description") or "").strip(),
            "website": str(data.get("website") or "").strip()[:200],
        },
    )
    if source_id:
        ImportedOrganisation.objects.create(
            source_name=source_name, source_id=source_id[:100], source=source[:500],
            organisation=organisation,
        )  # fmt: skip
    return organisation


def _field_values(service):
    return {
        f.attname: getattr(service, f.attname)
        for f in Service._meta.concrete_fields
        if f.editable and f.attname not in ("id", "updated_at", "created_at")
    }


def _snapshot(service):
    """A service's fields and links, to tell whether an import changed anything."""
    fields = _field_values(service)
    links = {
        taxonomy.key: sorted(
            getattr(service, taxonomy.vocabulary.relation).values_list("pk", flat=True)
        )
        for taxonomy in TAXONOMIES
    }
    links["languages"] = sorted(service.languages.values_list("pk", flat=True))
    links["locations"] = sorted(
        tuple(row) for row in service.locations.values_list("name", "address", "postcode")
    )
    return fields, links


def import_record(record, source_name, source, terms, report):
    source_id = str(record.get("id") or "")[:100]
    name = " ".join(str(record.get("name") or "").split())
    if not source_id or not name:
        report.skipped.append((source_id or "?", "no id or no name"))
        return
    known = (
        ImportedService.objects.filter(source_name=source_name, source_id=source_id)
        .select_related("service")
        .first()
    )
    if known and known.service.status != Service.Status.DRAFT:
        report.kept.append((name, known.service.get_status_display().lower()))
        return
    try:
        if float(record.get("minimum_age")) > MAX_AGE:
            report.skipped.append((source_id, f"{name}: for ages over {MAX_AGE} only"))
            return
    except (TypeError, ValueError):
        pass
    values = Values(record)
    try:
        with transaction.atomic():
            outcome, has_thrive = _write(
                record, source_name, source, source_id, known, terms, values
            )
    except Skip as why:
        report.skipped.append((source_id, f"{name}: {why}"))
        return
    setattr(report, outcome, getattr(report, outcome) + 1)
    report.dropped.update(set(values.losses))
    report.unmapped.update(set(values.unmapped))
    if not has_thrive:
        report.notes.append((name, "no THRIVE category: choose one before publishing"))


def _write(record, source_name, source, source_id, known, terms, values):
    """Writes one service (inside the caller's transaction): ("created", "updated" or
    "unchanged", whether it has a THRIVE category); raises Skip to roll everything back."""
    fields = fields_of(record, values)
    linked, is_national = links_of(record, terms, values)
    note_dropped_fields(record, values)
    service = known.service if known else Service(status=Service.Status.DRAFT)
    before = _snapshot(service) if known else None
    if not known:
        slug = f"{slugify(fields['name'])[:90]}-{slugify(source_name)[:8]}-{slugify(source_id)[:8]}"
        service.slug = slug.strip("-")[:120]
    service.organisation = _organisation(record, source_name, source)
    for name, value in fields.items():
        setattr(service, name, value)
    service.is_national = is_national
    service.source_note = f"Imported from {source_name} (Open Referral id {source_id})"[:250]
    try:
        service.full_clean(exclude=["organisation"], validate_unique=False)
    except ValidationError as error:
        raise Skip(
            "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
        ) from error
    languages = _languages(record)
    locations = list(_locations(record))
    has_thrive = bool(linked["thrive"])
    if known:
        after_links = {
            **{key: sorted(row.pk for row in rows) for key, rows in linked.items()},
            "languages": sorted(row.pk for row in languages),
            "locations": sorted((loc.name, loc.address, loc.postcode) for loc in locations),
        }
        if (_field_values(service), after_links) == before:
            return "unchanged", has_thrive
    relations = {taxonomy.key: taxonomy.vocabulary.relation for taxonomy in TAXONOMIES}
    save_service(
        service,
        {**{relations[key]: rows for key, rows in linked.items()}, "languages": languages},
    )
    service.locations.all().delete()
    for location in locations:
        location.service = service
    Location.objects.bulk_create(locations)
    if known:
        known.source = source[:500]
        known.save()
        return "updated", has_thrive
    ImportedService.objects.create(
        source_name=source_name, source_id=source_id, source=source[:500], service=service
    )
    return "created", has_thrive


def _languages(record):
    rows = []
    for language in dicts(record.get("languages")):
        name = str(language.get("name") or "").strip()[:120]
        if name:
            row = Language.objects.filter(name__iexact=name).first()
            if row is None:
                row, _ = Language.objects.get_or_create(slug=slugify(name), defaults={"name": name})
            rows.append(row)
    return rows


def _locations(record):
    for item in dicts(record.get("service_at_locations")):
        location = item.get("location") if isinstance(item.get("location"), dict) else {}
        for address in dicts(location.get("addresses")):
            lines = [address.get(k) for k in ("address_1", "address_2")]
            text = "\n".join(str(line).strip() for line in lines if line)
            if text:
                yield Location(
                    name=str(location.get("name") or "").strip()[:200],
                    address=text,
                    postcode=str(address.get("postal_code") or "").strip()[:10],
                )


def default_name(source):
    """A feed's name when none is given: the address's host and path, or the file or
    folder's name."""
    if re.match(r"^https?://", source):
        url = urllib.parse.urlsplit(source)
        return f"{url.netloc}{url.path}".rstrip("/")[:100]
    return Path(source).resolve().name[:100]


def import_source(source, timeout=10.0, delay=1.0, name=None, max_pages=MAX_PAGES):
    """Import every service in the source (a file, a folder of files or an ORUK API's base
    address) as drafts. Raises SourceError only when the source cannot be reached at all."""
    report = ImportReport()
    source_name = (name or default_name(source))[:100]
    terms = TermMap()
    found = read_source(source, report, timeout=timeout, delay=delay, max_pages=max_pages)
    for record, where in fullest_copies(found, report):
        import_record(record, source_name, where, terms, report)
    report.source_name = source_name
    return report
