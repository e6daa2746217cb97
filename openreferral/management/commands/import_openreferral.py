from django.core.management.base import BaseCommand, CommandError

from directory import caching
from directory.maintenance import analyze
from directory.models import Language, Location, Organisation, Service
from openreferral.importing import import_source
from openreferral.sources import MAX_PAGES, SourceError


class Command(BaseCommand):
    help = (
        "Import another directory's Open Referral UK 3.0 services as drafts: from a JSON file, "
        "a folder of them, or the base address of an ORUK API (e.g. https://example.org/api/v1)"
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A .json file, a folder of them, or an http(s) address")
        parser.add_argument(
            "--name",
            help="The feed's name: its ids are unique within it (default: the address's host "
            "and path, or the file or folder's name)",
        )
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="Seconds to wait for each request"
        )
        parser.add_argument(
            "--delay", type=float, default=1.0, help="Seconds between requests to an API"
        )
        parser.add_argument(
            "--max-pages", type=int, default=MAX_PAGES, help="Pages of an API read at most"
        )

    def handle(self, *args, source, name, timeout, delay, max_pages, **options):
        try:
            report = import_source(
                source, timeout=timeout, delay=delay, name=name, max_pages=max_pages
            )
        except SourceError as error:
            raise CommandError(f"Cannot read the source: {error}") from error
        analyze(Organisation, Service, Location, Language)
        caching.invalidate()
        for line in report_lines(source, report):
            self.stdout.write(line)


def report_lines(source, report):
    yield (
        f"Imported from {source} (as {report.source_name!r}): {report.created} new, "
        f"{report.updated} updated, {report.unchanged} unchanged, all as drafts for review "
        "(nothing was published)."
    )
    for where, why in report.failed:
        yield f"Could not read {where}: {why} (the rest was imported)"
    if report.not_services:
        yield "Not services, so not imported (records of each kind):"
        for what, count in sorted(report.not_services.items()):
            yield f"  {what} ({count})"
    if report.duplicates:
        yield "Met more than once in the feed (the fullest copy was kept):"
        for source_id, count in sorted(report.duplicates.items()):
            yield f"  {source_id} ({count} copies)"
    for name, status in report.kept:
        yield f"Kept as it is ({status} here, so not overwritten): {name}"
    for source_id, why in report.skipped:
        yield f"Skipped {source_id}: {why}"
    for name, note in report.notes:
        yield f"To review: {name}: {note}"
    if report.dropped:
        yield "Not kept as it came (services with each):"
        for what, count in sorted(report.dropped.items()):
            yield f"  {what} ({count})"
    if report.unmapped:
        yield "Taxonomy terms not mapped onto our vocabularies (services using each):"
        for term, count in sorted(report.unmapped.items()):
            yield f"  {term} ({count})"
