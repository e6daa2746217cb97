"""Bringing in another directory's Open Referral UK 3.0 services (manage.py
import_openreferral).

Each service arrives as a draft for a commissioner to review: an import never publishes, and
never overwrites an entry a commissioner has published or archived since. Importing the same
feed again updates the drafts it made before, found by the source's own ids. Their taxonomy
terms are mapped onto our vocabularies where a term's id, slug, name, label or synonym matches
one of ours; what could not be mapped is reported, never guessed.
"""

import json
import re
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from directory.models import Language, Location, Organisation, Service
from directory.models.service import MAX_AGE
from directory.phone import validate_uk_phone

from .models import ImportedOrganisation, ImportedService
from .taxonomy import TAXONOMIES

NATIONAL_AREAS = {"england", "national", "uk", "united kingdom", "great britain", "nationwide"}
FEED_PAGE_SIZE = 50
USER_AGENT = "FindHelp-import_openreferral (+https://github.com/openreferral/uk-profile)"


class SourceError(Exception):
    """The source cannot be read: no such file, not JSON, not ORUK, or the server failed."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    kept: list = field(default_factory=list)  # published or archived here: left alone
    skipped: list = field(default_factory=list)  # (source id, why)
    unmapped: Counter = field(default_factory=Counter)  # "taxonomy: term" -> services
    notes: list = field(default_factory=list)  # (service name, what a reviewer should know)


# Reading sources ---------------------------------------------------------------------------


def records_in(document):
    """The service records in one ORUK document: a service, a page of them, or a list."""
    if isinstance(document, list):
        return [item for item in document if isinstance(item, dict)]
    if isinstance(document, dict):
        if isinstance(document.get("contents"), list):
            return records_in(document["contents"])
        if "id" in document and "name" in document:
            return [document]
    raise SourceError("not an Open Referral service, page of services or list of services")


def read_file(path):
    try:
        return records_in(json.loads(Path(path).read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise SourceError(f"{path}: {error}") from error
    except SourceError as error:
        raise SourceError(f"{path}: {error}") from error


def read_folder(path):
    records = []
    for file in sorted(Path(path).glob("*.json")):
        records += read_file(file)
    return records


class Feed:
    """An ORUK API, read politely: a timeout on every request and a pause between them."""

    def __init__(self, base_url, timeout=10.0, delay=1.0, max_pages=1000):
        self.base_url = base_url.rstrip("/")
        self.timeout, self.delay, self.max_pages = timeout, delay, max_pages
        self.requests = 0

    def get(self, path, **params):
        if self.requests and self.delay:
            time.sleep(self.delay)
        self.requests += 1
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        url = f"{self.base_url}{path}{query}"
        request = urllib.request.Request(
            url, headers={"Accept": "application/json", "User-Agent": USER_AGENT}
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return json.load(response)
        except (OSError, ValueError) as error:  # URLError, timeouts, HTTP errors, bad JSON
            raise SourceError(f"{url}: {error}") from error

    def records(self):
        """Every service, page by page; each fetched whole (/services/{id}), since a page
        holds only one-to-one fields."""
        for number in range(1, self.max_pages + 1):
            page = self.get("/services", page=number, per_page=FEED_PAGE_SIZE)
            for summary in records_in(page):
                yield self.get(f"/services/{urllib.parse.quote(str(summary['id']))}")
            if page.get("last_page", True) or page.get("empty") or not page.get("contents"):
                return


def read_source(source, timeout=10.0, delay=1.0):
    if re.match(r"^https?://", source):
        return Feed(source, timeout=timeout, delay=delay).records()
    path = Path(source)
    if path.is_dir():
        return read_folder(path)
    if path.is_file():
        return read_file(path)
    raise SourceError(f"{source}: no such file, folder or http(s) address")


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
    terms = [a.get("taxonomy_term") for a in record.get("attributes") or []]
    terms += record.get("taxonomy_terms") or []
    return [term for term in terms if isinstance(term, dict)]


# Writing our rows ---------------------------------------------------------------------------


def _text(value, limit=None):
    text = " ".join(str(value or "").split()) if limit else str(value or "").strip()
    return text[:limit] if limit else text


def _summary(record):
    description = _text(record.get("description"), 2000)
    first = re.split(r"(?<=[.!?])\s", description, maxsplit=1)[0] if description else ""
    return _text(first or record.get("name"), 300)


def _age(value, default):
    try:
        return max(0, min(MAX_AGE, int(float(value))))
    except (TypeError, ValueError):
        return default


def _for_adults_only(record):
    try:
        return float(record.get("minimum_age")) > MAX_AGE
    except (TypeError, ValueError):
        return False


def _phones(record):
    phones = list(record.get("phones") or [])
    for contact in record.get("contacts") or []:
        phones += contact.get("phones") or []
    return [phone.get("number") for phone in phones if isinstance(phone, dict)]


def _uk_phone(numbers):
    for number in numbers:
        try:
            validate_uk_phone(number)
        except ValidationError:
            continue
        return number
    return ""


def _organisation(record, source):
    data = record.get("organization") or {}
    source_id = str(data.get("id") or record.get("organization_id") or "")
    name = _text(data.get("name"), 200) or "Unknown organisation"
    known = ImportedOrganisation.objects.filter(source_id=source_id).first() if source_id else None
    if known:
        return known.organisation
    slug = f"{slugify(name)[:80]}-{(source_id or slugify(name))[:8]}".strip("-")
    organisation, _ = Organisation.objects.get_or_create(
        slug=slug,
        defaults={
            "name": name,
            "description": _text(data.get("description")),
            "website": _text(data.get("website"))[:200],
        },
    )
    if source_id:
        ImportedOrganisation.objects.create(
            source_id=source_id, source=source, organisation=organisation
        )
    return organisation


def _is_paid(record):
    for option in record.get("cost_options") or []:
        try:
            if float(option.get("amount") or 0) > 0:
                return True
        except (TypeError, ValueError):
            continue
    return False


def import_record(record, source, terms, report):
    source_id = str(record.get("id") or "")
    name = _text(record.get("name"), 200)
    if not source_id or not name:
        report.skipped.append((source_id or "?", "no id or no name"))
        return
    known = ImportedService.objects.filter(source_id=source_id).select_related("service").first()
    if known and known.service.status != Service.Status.DRAFT:
        report.kept.append((name, known.service.get_status_display().lower()))
        return
    if _for_adults_only(record):
        report.skipped.append((source_id, f"{name}: for ages over {MAX_AGE} only"))
        return

    linked = {taxonomy.key: [] for taxonomy in TAXONOMIES}
    for term in _terms_of(record):
        found = terms.find(term)
        if found:
            linked[found[0]].append(found[1])
        else:
            report.unmapped[_term_label(term)] += 1
    is_national = False
    for area in record.get("service_areas") or []:
        if _words(area.get("name")) in NATIONAL_AREAS:
            is_national = True
        elif borough := terms.borough(area):
            linked["borough"].append(borough)

    with transaction.atomic():
        service = known.service if known else Service(status=Service.Status.DRAFT)
        if not known:
            service.slug = f"{slugify(name)[:100]}-{slugify(source_id)[:8]}".strip("-")
        service.organisation = _organisation(record, source)
        numbers = _phones(record)
        service.phone = _uk_phone(numbers)
        fields = {
            "name": name,
            "summary": _summary(record),
            "description": _text(record.get("description")),
            "min_age": _age(record.get("minimum_age"), 0),
            "max_age": _age(record.get("maximum_age"), MAX_AGE),
            "website": _text(record.get("url"))[:200],
            "email": _text(record.get("email"))[:254],
            "eligibility_note": _text(record.get("eligibility_description")),
            "referral_note": _text(record.get("application_process")),
            "cost": Service.Cost.PAID if _is_paid(record) else Service.Cost.FREE,
            "cost_note": _text(record.get("fees_description") or record.get("fees"), 250),
            "opening_hours": _text(
                "; ".join(s.get("description") or "" for s in record.get("schedules") or []),
                250,
            ),
            "is_national": is_national,
            "source_note": _text(f"Imported from {source} (Open Referral id {source_id})", 250),
        }
        for name_, value in fields.items():
            setattr(service, name_, value)
        if service.min_age > service.max_age:
            service.min_age, service.max_age = 0, MAX_AGE
        try:
            service.full_clean(exclude=["organisation"])
        except ValidationError as error:
            problems = "; ".join(f"{k}: {' '.join(v)}" for k, v in error.message_dict.items())
            report.skipped.append((source_id, f"{name}: {problems}"))
            return
        service.save()
        for key, rows in linked.items():
            relation = next(t for t in TAXONOMIES if t.key == key).vocabulary.relation
            getattr(service, relation).set(rows)
        service.languages.set(_languages(record))
        service.locations.all().delete()
        Location.objects.bulk_create(_locations(record, service))
        if known:
            known.source = source[:500]
            known.save()
            report.updated += 1
        else:
            ImportedService.objects.create(
                source_id=source_id, source=source[:500], service=service
            )
            report.created += 1
    if numbers and not service.phone:
        report.notes.append((name, f"no UK phone number among {', '.join(numbers)}"))
    if not linked["thrive"]:
        report.notes.append((name, "no THRIVE category: choose one before publishing"))


def _languages(record):
    rows = []
    for language in record.get("languages") or []:
        name = _text(language.get("name"), 120)
        if name:
            row, _ = Language.objects.get_or_create(slug=slugify(name), defaults={"name": name})
            rows.append(row)
    return rows


def _locations(record, service):
    for item in record.get("service_at_locations") or []:
        location = item.get("location") or {}
        for address in location.get("addresses") or []:
            lines = [address.get(k) for k in ("address_1", "address_2", "city", "region")]
            text = "\n".join(_text(line) for line in lines if line)
            if text:
                yield Location(
                    service=service,
                    name=_text(location.get("name"), 200),
                    address=text,
                    postcode=_text(address.get("postal_code"), 10),
                )


def import_source(source, timeout=10.0, delay=1.0):
    """Import every service in the source (a file, a folder of files or an ORUK API's base
    address) as drafts. Raises SourceError when the source cannot be read."""
    report = ImportReport()
    terms = TermMap()
    for record in read_source(source, timeout=timeout, delay=delay):
        import_record(record, source, terms, report)
    return report
