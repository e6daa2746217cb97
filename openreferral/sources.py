"""Reading another directory's Open Referral UK feed: files, folders and APIs, each record
recognised by what it is, and what could not be read reported, never fatal.

import_openreferral's first half (importing.py writes what this reads)."""

import json
import re
import time
import urllib.parse
import urllib.request
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

FEED_PAGE_SIZE = 50
MAX_PAGES = 200  # at FEED_PAGE_SIZE, 10,000 services: beyond any directory we would take in
USER_AGENT = "FindHelp-import_openreferral (+https://github.com/openreferral/uk-profile)"
# What a record is, by the fields only that kind has (checked in this order).
KINDS = (
    ("service at a location", lambda r: "location" in r and ("service" in r or "service_id" in r)),
    ("service", lambda r: "status" in r or "organization_id" in r or "service_areas" in r),
    ("taxonomy term", lambda r: "taxonomy_id" in r or "term" in r or "term_uri" in r),
    ("taxonomy", lambda r: "taxonomy_terms" in r or {"uri", "version"} <= set(r)),
    ("location", lambda r: bool({"location_type", "addresses", "latitude"} & set(r))),
    (
        "organisation",
        lambda r: bool(
            {"services", "organization_identifiers", "logo", "parent_organization_id"} & set(r)
        ),
    ),
)
SERVICE_SIGNS = ("minimum_age", "maximum_age", "contacts", "cost_options", "fees", "url")


class SourceError(Exception):
    """The source cannot be read at all: no such file or folder, or no such address."""


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    kept: list = field(default_factory=list)  # published or archived here: left alone
    skipped: list = field(default_factory=list)  # (source id, why)
    failed: list = field(default_factory=list)  # (file or address, why): the rest went on
    not_services: Counter = field(default_factory=Counter)  # "where: kind" -> records
    duplicates: Counter = field(default_factory=Counter)  # source id -> copies met
    dropped: Counter = field(default_factory=Counter)  # "what was not kept" -> services
    unmapped: Counter = field(default_factory=Counter)  # "taxonomy: term" -> services
    notes: list = field(default_factory=list)  # (service name, what a reviewer should know)


# Reading sources ---------------------------------------------------------------------------


def kind_of(record):
    """What an ORUK record is: "service", "organisation", "taxonomy"…, or "unknown"."""
    if not isinstance(record, dict):
        return "unknown"
    for kind, test in KINDS:
        if test(record):
            return kind
    if "id" in record and "name" in record and any(k in record for k in SERVICE_SIGNS):
        return "service"
    return "unknown"


def services_in(document, where, report, assume="unknown"):
    """The service records in one document (a service, a page of records, or a list);
    everything else in it is counted in the report by what it is. A record that shows no
    kind is taken as `assume` (a service, on a /services page)."""
    if isinstance(document, dict) and isinstance(document.get("contents"), list):
        items = document["contents"]
    elif isinstance(document, list):
        items = document
    else:
        items = [document]
    services = []
    for item in items:
        kind = kind_of(item)
        if kind == "unknown" and isinstance(item, dict) and item.get("id"):
            kind = assume
        if kind == "service":
            services.append(item)
        else:
            report.not_services[f"{where}: {kind}"] += 1
    return services


def read_file(path, report):
    try:
        document = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        report.failed.append((str(path), str(error)))
        return []
    return [(record, str(path)) for record in services_in(document, Path(path).name, report)]


class Feed:
    """An ORUK API, read politely: a timeout on every request and a pause between them."""

    def __init__(self, base_url, report, timeout=10.0, delay=1.0, max_pages=MAX_PAGES):
        self.base_url = base_url.rstrip("/")
        self.report = report
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
        """Every service, page by page, each fetched whole (/services/{id}), since a page
        holds only one-to-one fields. Stops at the last page the feed names, at a page whose
        services were all seen before (a feed that ignores `page`), or at max_pages."""
        seen = set()
        for number in range(1, self.max_pages + 1):
            try:
                page = self.get("/services", page=number, per_page=FEED_PAGE_SIZE)
            except SourceError as error:
                if number == 1:
                    raise
                self.report.failed.append((f"page {number}", str(error)))
                return
            summaries = services_in(page, f"/services page {number}", self.report, "service")
            ids = [str(summary.get("id")) for summary in summaries]
            if not ids or set(ids) <= seen:
                if ids:
                    self.report.notes.append(
                        ("the feed", f"page {number} repeats services already read: stopped")
                    )
                return
            for summary_id in ids:
                if summary_id in seen:
                    yield {"id": summary_id}, "repeated"  # counted as a duplicate
                    continue
                seen.add(summary_id)
                try:
                    record = self.get(f"/services/{urllib.parse.quote(summary_id)}")
                except SourceError as error:
                    self.report.failed.append((f"service {summary_id}", str(error)))
                    continue
                where = f"/services/{summary_id}"
                for service in services_in(record, where, self.report, "service"):
                    yield service, self.base_url
            total_pages = page.get("total_pages") if isinstance(page, dict) else None
            if isinstance(total_pages, int) and number >= total_pages:
                return
            if isinstance(page, dict) and (page.get("last_page") is True or page.get("empty")):
                return
        self.report.notes.append(("the feed", f"stopped after {self.max_pages} pages"))


def read_source(source, report, timeout=10.0, delay=1.0, max_pages=MAX_PAGES):
    """(record, where) for each service in the source. Raises SourceError only when the
    source itself cannot be reached."""
    if re.match(r"^https?://", source):
        return list(Feed(source, report, timeout, delay, max_pages).records())
    path = Path(source)
    if path.is_dir():
        found = []
        for file in sorted(path.glob("*.json")):
            found += read_file(file, report)
        return found
    if path.is_file():
        return read_file(path, report)
    raise SourceError(f"{source}: no such file, folder or http(s) address")


def fullness(record):
    """How much a copy of a record holds: a fully nested one beats a page's summary."""
    return sum(1 for value in record.values() if value not in (None, "", [], {}))


def fullest_copies(found, report):
    """One copy of each service, the fullest, in the order first met; each id met more than
    once is reported."""
    chosen, counts = {}, Counter()
    for record, where in found:
        source_id = str(record.get("id") or "")
        counts[source_id] += 1
        if where == "repeated":
            continue
        if source_id not in chosen or fullness(record) > fullness(chosen[source_id][0]):
            chosen[source_id] = (record, where)
    for source_id, count in counts.items():
        if count > 1 and source_id:
            report.duplicates[source_id] = count
    return list(chosen.values())
