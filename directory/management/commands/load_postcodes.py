from django.core.management.base import BaseCommand, CommandError

from directory.postcodes.loading import PostcodeFileError, load_postcodes_file


class Command(BaseCommand):
    help = (
        "Load London's full postcodes and their boroughs from the ONS Postcode Directory or "
        "the National Statistics Postcode Lookup (CSV). Replaces the table: safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The ONSPD or NSPL CSV file (e.g. ONSPD_NOV_2025_UK.csv)")

    def handle(self, *args, path, **options):
        try:
            # ONS files are UTF-8, sometimes with a byte-order mark.
            with open(path, encoding="utf-8-sig", newline="") as handle:
                report = load_postcodes_file(handle)
        except FileNotFoundError as error:
            raise CommandError(f"No postcode file at {path}") from error
        except (PostcodeFileError, UnicodeDecodeError) as error:
            raise CommandError(f"{path} is not a postcode directory: {error}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {report.loaded} London postcodes from {path} ({report.rows} rows read, "
                f"{report.outside_london} outside London, {report.unreadable} skipped)"
            )
        )
        if report.unknown_codes:
            self.stderr.write(
                "Unknown London authority codes (no such borough): "
                + ", ".join(sorted(report.unknown_codes))
            )
