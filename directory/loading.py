"""Writes the directory from a JSON document (fixtures/directory.json's format).

Upserts by slug, so loading the same file again changes nothing and duplicates nothing.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.text import slugify

from .commissioning.validation import publishing_problems
from .models import Location, Organisation, Service, ServiceLink
from .vocabulary import BY_RELATION, VOCABULARIES
from .writes import save_service

SCALAR_FIELDS = [
    "name",
    "summary",
    "description",
    "status",
    "is_national",
    "min_age",
    "max_age",
    "referral_note",
    "cost",
    "cost_note",
    "is_crisis",
    "phone",
    "sms_number",
    "sms_keyword",
    "email",
    "website",
    "referral_url",
    "opening_hours",
    "eligibility_note",
    "may_have_changed",
    "change_note",
    "contact_source_url",
    "no_direct_contact_note",
    "essential",
]

# Dates, as ISO text in the file ("2026-12-01").
DATE_FIELDS = ["source_date", "contact_source_read_on"]

# Set only from the admin by the person who checked the entry with the service: a data file
# cannot confirm anything (docs/data.md).
ADMIN_ONLY_KEYS = {
    "confirmed_on": "a confirmation is set only from the admin, by the person who made it",
    "confirmed_by": "a confirmation is set only from the admin, by the person who made it",
    "last_reviewed_on": "no longer used: give the source's date as source_date; a "
    "confirmation is set only from the admin",
}


# What else an entry may carry besides its fields and its vocabularies.
ENTRY_KEYS = {"slug", "organisation", "locations", "links", "source", *DATE_FIELDS}


class DirectoryDataError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    problems: list = field(default_factory=list)


def _lookup_table(vocabulary):
    return {row.slug: row for row in vocabulary.model.objects.all()}


def _rows_named(vocabulary, names):
    """An open vocabulary's rows for these names (languages), created where they are new."""
    rows = []
    for name in names:
        row, _ = vocabulary.model.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        rows.append(row)
    return rows


def _date(value):
    """An ISO date from the file, or None; a clear message for anything else."""
    if not value:
        return None
    try:
        return datetime.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise ValueError(f"not a date: {value!r} (write it as 2026-12-01)") from None


def _service_fields(entry, organisations):
    fields = {key: entry[key] for key in SCALAR_FIELDS if key in entry}
    fields["organisation"] = organisations[entry["organisation"]]
    for key in DATE_FIELDS:
        fields[key] = _date(entry.get(key))
    fields["source_note"] = entry.get("source", "")
    return fields


def load_directory_data(data):
    """Create or update every organisation and service in `data`. All or nothing."""
    report = LoadReport()
    tables = {v.key: _lookup_table(v) for v in VOCABULARIES if not v.open}
    with transaction.atomic():
        organisations = {}
        for org in data.get("organisations", []):
            organisations[org["slug"]], _ = Organisation.objects.update_or_create(
                slug=org["slug"],
                defaults={
                    "name": org["name"],
                    "website": org.get("website", ""),
                    "description": org.get("description", ""),
                },
            )
        for entry in data.get("services", []):
            where = f"service {entry.get('slug', '?')!r}"
            if entry.get("organisation") not in organisations:
                organisation = entry.get("organisation")
                report.problems.append(f"{where}: unknown organisation {organisation!r}")
                continue
            for key in sorted(set(entry) & ADMIN_ONLY_KEYS.keys()):
                report.problems.append(f"{where}: {key}: {ADMIN_ONLY_KEYS[key]}")
            known = (
                ENTRY_KEYS
                | ADMIN_ONLY_KEYS.keys()
                | set(SCALAR_FIELDS)
                | {v.key for v in VOCABULARIES}
            )
            for key in sorted(set(entry) - known):
                report.problems.append(f"{where}: unknown field {key!r}")
            links = entry.get("links", [])
            unknown = sorted({link.get("borough") for link in links} - tables["borough"].keys())
            if unknown:
                report.problems.append(f"{where}: unknown link borough: {', '.join(unknown)}")
                continue
            related = {}
            for vocabulary in VOCABULARIES:
                if vocabulary.open:
                    continue
                key, table = vocabulary.key, tables[vocabulary.key]
                slugs = entry.get(key, [])
                unknown = sorted(set(slugs) - table.keys())
                if unknown:
                    report.problems.append(f"{where}: unknown {key}: {', '.join(unknown)}")
                related[vocabulary] = [table[s] for s in slugs if s in table]
            service = Service.objects.filter(slug=entry["slug"]).first() or Service(
                slug=entry["slug"]
            )
            is_new = service.pk is None
            try:
                values = _service_fields(entry, organisations)
            except ValueError as error:
                report.problems.append(f"{where}: {error}")
                continue
            for name, value in values.items():
                setattr(service, name, value)
            try:
                service.full_clean(exclude=["organisation"])
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    # The model's only checks across fields are its ages' constraints.
                    name = "min_age, max_age" if name == NON_FIELD_ERRORS else name
                    report.problems.append(f"{where}: {name}: {' '.join(messages)}")
                continue
            links_known = {v.relation: related[v] for v in VOCABULARIES if not v.open}
            values = {name: getattr(service, name) for name in [*SCALAR_FIELDS, *DATE_FIELDS]}
            addresses = [place for place in entry.get("locations", []) if place.get("address")]
            unpublishable = publishing_problems(
                values, links_known, has_borough_pages=bool(links), has_address=bool(addresses)
            )
            for name, message in unpublishable:
                key = BY_RELATION[name].key if name in BY_RELATION else name or "publishing"
                report.problems.append(f"{where}: {key}: {message}")
            if unpublishable:
                continue
            save_service(
                service,
                {
                    vocabulary.relation: (
                        _rows_named(vocabulary, entry.get(vocabulary.key, []))
                        if vocabulary.open
                        else related[vocabulary]
                    )
                    for vocabulary in VOCABULARIES
                },
            )
            service.locations.all().delete()
            Location.objects.bulk_create(
                Location(service=service, **location)
                for location in entry.get("locations", [])
                if location.get("address")
            )
            service.links.all().delete()
            for link in links:
                row = ServiceLink(service=service, borough=tables["borough"][link["borough"]])
                row.url = link["url"]
                try:
                    row.full_clean()
                except ValidationError as error:
                    report.problems.append(f"{where}: link: {' '.join(error.messages)}")
                    continue
                row.save()
            if is_new:
                report.created += 1
            else:
                report.updated += 1
        if report.problems:
            raise DirectoryDataError(report.problems)
    return report


def load_directory_file(path):
    with open(path, encoding="utf-8") as handle:
        return load_directory_data(json.load(handle))
