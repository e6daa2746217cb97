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
"""

import re
import urllib.parse
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.dateparse import parse_date
from django.utils.text import slugify

from directory.models import Language, Location, Organisation, Service
from directory.models.service import MAX_AGE
from directory.phone import validate_uk_phone
from directory.writes import save_service

from .models import ImportedOrganisation, ImportedService
from .sources import MAX_PAGES, ImportReport, fullest_copies, read_source
from .taxonomy import TAXONOMIES

NATIONAL_AREAS = {"england", "national", "uk", "united kingdom", "great britain", "nationwide"}
READ_FIELDS = {
    "id", "name", "status", "description", "summary", "url", "email", "minimum_age",
    "maximum_age", "eligibility_description", "application_process", "fees",
    "fees_description", "cost_options", "schedules", "service_areas", "service_at_locations",
    "languages", "attributes", "taxonomy_terms", "contacts", "phones", "organization",
    "organization_id", "assured_date", "last_modified", "crisis", "referral_url",
}  # fmt: skip
# What the record is, by the fields only that kind has (checked in this order).
# Mapping onto our vocabularies --------------------------------------------------------------


def _words(text):
    return " ".join(re.sub(r"[-_/]+", " ", str(text or "")).lower().split())


class TermMap:
    """Their taxonomy terms -> our vocabulary rows, by our term ids (a feed of ours), or a
    slug, name, label, synonym or ONS code that matches."""

    def __init__(self):
        self.terms = {}
        self.boroughs = {}
        for taxonomy in TAXONOMIES:
            for row in taxonomy.vocabulary.model.objects.all():
                found = (taxonomy.key, row)
                self.terms[taxonomy.term_id(row.slug)] = found
                words = [row.slug, row.name, getattr(row, "label", "")]
                words += getattr(row, "synonyms", None) or []
                words += [getattr(row, "gss_code", "")]
                for word in filter(None, map(_words, words)):
                    self.terms.setdefault(word, found)
                    if taxonomy.key == "borough":
                        self.boroughs[word] = row

    def find(self, term):
        for candidate in (term.get("id"), _words(term.get("term")), _words(term.get("name"))):
            if candidate and candidate in self.terms:
                return self.terms[candidate]
        return None

    def borough(self, area):
        for candidate in (area.get("extent"), area.get("name"), area.get("service_area")):
            row = self.boroughs.get(_words(candidate))
            if row:
                return row
        uri = area.get("uri") or ""
        return self.boroughs.get(_words(uri.rsplit("/", 1)[-1])) if uri else None


def _term_label(term):
    taxonomy = term.get("taxonomy") or term.get("taxonomy_id") or "no taxonomy"
    return f"{taxonomy}: {term.get('name') or term.get('term') or term.get('id')}"


def _terms_of(record):
    """Taxonomy terms on the service: its attributes' (ORUK 3.0), and a bare list (2.0)."""
    terms = [a.get("taxonomy_term") for a in _dicts(record.get("attributes"))]
    terms += _dicts(record.get("taxonomy_terms"))
    return [term for term in terms if isinstance(term, dict)]


def _dicts(value):
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


# Reading one service's values ---------------------------------------------------------------


class Values:
    """A service record's values as our fields, noting each one not kept as it came."""

    def __init__(self, record):
        self.record, self.losses, self.unmapped = record, [], []

    def lose(self, what):
        self.losses.append(what)

    def text(self, name, limit=None, value=None):
        value = self.record.get(name) if value is None else value
        text = str(value or "").strip()
        if limit and len(text) > limit:
            self.lose(f"{name} cut to {limit} characters")
            text = text[:limit].rstrip()
        return text

    def age(self, name, default):
        value = self.record.get(name)
        if value in (None, ""):
            return default
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.lose(f"{name} not a number")
            return default
        kept = max(0, min(MAX_AGE, int(number)))
        if kept != number:
            self.lose(f"{name} {value:g} stored as {kept}" if isinstance(value, (int, float))
                      else f"{name} {value} stored as {kept}")  # fmt: skip
        return kept


def _clean_number(number):
    """A phone number as written, without the quotes or spaces some feeds leave around it."""
    return str(number or "").strip().strip("\"'\u201c\u201d\u2018\u2019 ").strip()


def _phones(record):
    """(number, description) of the service's phones and its contacts' phones."""
    phones = _dicts(record.get("phones"))
    for contact in _dicts(record.get("contacts")):
        phones += _dicts(contact.get("phones"))
    seen, found = set(), []
    for phone in phones:
        number = _clean_number(phone.get("number"))
        if number and number not in seen:
            seen.add(number)
            found.append((number, str(phone.get("description") or "")))
    return found


def _is_uk_phone(number):
    try:
        validate_uk_phone(number)
    except ValidationError:
        return False
    return True


TEXT_KEYWORD = re.compile(r"^Text\b(?:\s+(?P<keyword>\S+)\s+to\b)?", re.IGNORECASE)


def _phone_fields(record, values):
    """Our phone, text number and keyword from their phones; numbers that are not UK ones
    are reported."""
    fields = {"phone": "", "sms_number": "", "sms_keyword": ""}
    for number, description in _phones(record):
        if not _is_uk_phone(number):
            values.lose(f"phone {number} (not a UK number)")
            continue
        text = TEXT_KEYWORD.match(description)
        if text and not fields["sms_number"]:
            fields["sms_number"] = number
            fields["sms_keyword"] = (text.group("keyword") or "")[:30]
        elif not fields["phone"]:
            fields["phone"] = number
        else:
            values.lose(f"phone {number} (we keep one)")
    return fields


def _email(record, values):
    email = values.text("email")
    if not email:
        for contact in _dicts(record.get("contacts")):
            if contact.get("email"):
                email = str(contact["email"]).strip()
                break
    try:
        Service._meta.get_field("email").run_validators(email)
    except ValidationError:
        values.lose(f"email {email} (not an address)")
        return ""
    return email if len(email) <= 254 else ""


def _cost(record, values):
    """Paid when a cost option has an amount above 0, or fees are described without a cost
    option that says it is free; free when a cost option says so or nothing says anything."""
    options = _dicts(record.get("cost_options"))
    fees = values.text("fees") or values.text("fees_description")
    free_option = False
    for option in options:
        try:
            if float(option.get("amount") or 0) > 0:
                return Service.Cost.PAID
        except (TypeError, ValueError):
            pass
        if _words(option.get("option")) in ("paid", "charged", "fee"):
            return Service.Cost.PAID
        if _words(option.get("option")) == "free" or option.get("amount") in (0, "0"):
            free_option = True
    if free_option:
        return Service.Cost.FREE
    if fees and not re.fullmatch(r"(?i)\s*(free|no charge|none|£?0(\.00)?)[.!]?\s*", fees):
        values.lose("fees without a cost option: marked paid, check the note")
        return Service.Cost.PAID
    return Service.Cost.FREE


def _description_and_summary(record, values):
    description = values.text("description")
    summary = values.text("summary")
    if summary and description.startswith(summary):
        description = description[len(summary) :].lstrip("\n")  # our own feed: summary first
    elif not summary:
        words = " ".join(description.split())
        first = re.split(r"(?<=[.!?])\s", words, maxsplit=1)[0] if words else ""
        summary = first or values.text("name")
    if len(summary) > 300:
        values.lose("summary cut to 300 characters")
        summary = summary[:300].rstrip()
    return description, summary


def _assured(record, values):
    value = record.get("assured_date")
    if not value:
        return None
    try:
        day = parse_date(str(value)[:10])
    except ValueError:
        day = None
    if day is None:
        values.lose(f"assured_date {value} (not a date)")
    return day


def _fields(record, values):
    description, summary = _description_and_summary(record, values)
    min_age, max_age = values.age("minimum_age", 0), values.age("maximum_age", MAX_AGE)
    if min_age > max_age:
        values.lose(f"ages {min_age}-{max_age} (youngest above oldest): stored as 0-{MAX_AGE}")
        min_age, max_age = 0, MAX_AGE
    schedules = "; ".join(
        str(schedule.get("description") or "") for schedule in _dicts(record.get("schedules"))
    )
    url, referral_url = values.text("url"), values.text("referral_url")
    if len(url) > 200:
        values.lose("url (longer than 200 characters)")
        url = ""
    if len(referral_url) > 200:
        values.lose("referral_url (longer than 200 characters)")
        referral_url = ""
    return {
        "name": values.text("name", 200),
        "summary": summary,
        "description": description,
        "min_age": min_age,
        "max_age": max_age,
        "website": url,
        "referral_url": referral_url,
        "email": _email(record, values),
        "eligibility_note": values.text("eligibility_description"),
        "referral_note": values.text("application_process"),
        "cost": _cost(record, values),
        "cost_note": values.text("fees", 250, record.get("fees") or record.get("fees_description")),
        "opening_hours": values.text("schedules", 250, schedules),
        "is_crisis": record.get("crisis") is True,
        "source_date": _assured(record, values),
        **_phone_fields(record, values),
    }


def _links(record, terms, values):
    """Our vocabulary rows for their terms and service areas, and whether it is national."""
    linked = {taxonomy.key: [] for taxonomy in TAXONOMIES}
    for term in _terms_of(record):
        found = terms.find(term)
        if found:
            linked[found[0]].append(found[1])
        else:
            values.unmapped.append(_term_label(term))
    is_national = False
    for area in _dicts(record.get("service_areas")):
        if _words(area.get("name") or area.get("service_area")) in NATIONAL_AREAS:
            is_national = True
        elif borough := terms.borough(area):
            linked["borough"].append(borough)
        else:
            name = " ".join(str(area.get("name") or area.get("extent") or "?").split())
            name = name if len(name) <= 60 else f"{name[:59]}…"
            values.lose(f"service area {name} (not a London borough)")
    return linked, is_national


# What we read of the records nested in a service: any other value is reported as dropped.
NESTED_READ = {
    "contacts": {"id", "service_id", "email", "phones", "attributes"},
    "languages": {"id", "service_id", "name"},
    "cost_options": {"id", "service_id", "option", "amount"},
    "schedules": {"id", "service_id", "description"},
}


def _dropped_fields(record, values):
    for name, value in record.items():
        if name not in READ_FIELDS and value not in (None, "", [], {}):
            values.lose(f"{name} (we do not hold it)")
    for name, read in NESTED_READ.items():
        for item in _dicts(record.get(name)):
            for key, value in item.items():
                if key not in read and value not in (None, "", [], {}):
                    values.lose(f"{name}[].{key} (we do not hold it)")
        if name == "languages" and any(not item.get("name") for item in _dicts(record.get(name))):
            values.lose("a language with no name")


# Writing our rows ---------------------------------------------------------------------------


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
    fields = _fields(record, values)
    linked, is_national = _links(record, terms, values)
    _dropped_fields(record, values)
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
    for language in _dicts(record.get("languages")):
        name = str(language.get("name") or "").strip()[:120]
        if name:
            row = Language.objects.filter(name__iexact=name).first()
            if row is None:
                row, _ = Language.objects.get_or_create(slug=slugify(name), defaults={"name": name})
            rows.append(row)
    return rows


def _locations(record):
    for item in _dicts(record.get("service_at_locations")):
        location = item.get("location") if isinstance(item.get("location"), dict) else {}
        for address in _dicts(location.get("addresses")):
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
