"""Writes the directory from a JSON document (fixtures/directory.json's format).

Upserts by slug, so loading the same file again changes nothing and duplicates nothing.
"""

import datetime
import json
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .models import (
    Audience,
    Borough,
    DeliveryMode,
    EligibilityCriterion,
    Language,
    Location,
    Need,
    Organisation,
    ReferralRoute,
    Service,
    ThriveCategory,
)

RELATIONS = {
    "thrive": ("thrive_categories", ThriveCategory),
    "needs": ("needs", Need),
    "boroughs": ("boroughs", Borough),
    "audiences": ("audiences", Audience),
    "referral_routes": ("referral_routes", ReferralRoute),
    "delivery": ("delivery_modes", DeliveryMode),
    "eligibility": ("eligibility_criteria", EligibilityCriterion),
}

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
]


class DirectoryDataError(Exception):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class LoadReport:
    created: int = 0
    updated: int = 0
    problems: list = field(default_factory=list)


def _lookup_table(model):
    return {row.slug: row for row in model.objects.all()}


def _languages(names):
    rows = []
    for name in names:
        language, _ = Language.objects.get_or_create(slug=slugify(name), defaults={"name": name})
        rows.append(language)
    return rows


def _service_fields(entry, organisations):
    fields = {key: entry[key] for key in SCALAR_FIELDS if key in entry}
    fields["organisation"] = organisations[entry["organisation"]]
    reviewed = entry.get("last_reviewed_on")
    fields["last_reviewed_on"] = datetime.date.fromisoformat(reviewed) if reviewed else None
    fields["source_note"] = entry.get("source", "")
    return fields


def load_directory_data(data):
    """Create or update every organisation and service in `data`. All or nothing."""
    report = LoadReport()
    tables = {key: _lookup_table(model) for key, (_, model) in RELATIONS.items()}
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
            related = {}
            for key, (attribute, _) in RELATIONS.items():
                slugs = entry.get(key, [])
                unknown = sorted(set(slugs) - tables[key].keys())
                if unknown:
                    report.problems.append(f"{where}: unknown {key}: {', '.join(unknown)}")
                related[attribute] = [tables[key][s] for s in slugs if s in tables[key]]
            service = Service.objects.filter(slug=entry["slug"]).first() or Service(
                slug=entry["slug"]
            )
            is_new = service.pk is None
            for name, value in _service_fields(entry, organisations).items():
                setattr(service, name, value)
            try:
                service.full_clean(exclude=["organisation"])
            except ValidationError as error:
                for name, messages in error.message_dict.items():
                    report.problems.append(f"{where}: {name}: {' '.join(messages)}")
                continue
            service.save()
            for attribute, rows in related.items():
                getattr(service, attribute).set(rows)
            service.languages.set(_languages(entry.get("languages", [])))
            service.locations.all().delete()
            Location.objects.bulk_create(
                Location(service=service, **location)
                for location in entry.get("locations", [])
                if location.get("address")
            )
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
