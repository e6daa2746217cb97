from django.core.management.base import BaseCommand, CommandError

from directory import caching
from directory.maintenance import analyze
from directory.models import Language, Location, Organisation, Service
from openreferral.importing import SourceError, import_source


class Command(BaseCommand):
    help = (
        "Import another directory's Open Referral UK 3.0 services as drafts: from a JSON file, "
        "a folder of them, or the base address of an ORUK API (e.g. https://example.org/api/v1)"
    )

    def add_arguments(self, parser):
        parser.add_argument("source", help="A .json file, a folder of them, or an http(s) address")
        parser.add_argument(
            "--timeout", type=float, default=10.0, help="Seconds to wait for each request"
        )
        parser.add_argument(
            "--delay", type=float, default=1.0, help="Seconds between requests to an API"
        )

    def handle(self, *args, source, timeout, delay, **options):
        try:
            report = import_source(source, timeout=timeout, delay=delay)
        except SourceError as error:
            raise CommandError(f"Cannot read the source: {error}") from error
        analyze(Organisation, Service, Location, Language)
        caching.data_changed()
        write = self.stdout.write
        write(
            f"Imported from {source}: {report.created} new, {report.updated} updated, "
            "all as drafts for review (nothing was published)."
        )
        for name, status in report.kept:
            write(f"Kept as it is ({status} here, so not overwritten): {name}")
        for source_id, why in report.skipped:
            write(f"Skipped {source_id}: {why}")
        for name, note in report.notes:
            write(f"To review: {name}: {note}")
        if report.unmapped:
            write("Taxonomy terms not mapped onto our vocabularies (services using each):")
            for term, count in sorted(report.unmapped.items()):
                write(f"  {term} ({count})")
