from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from directory import caching
from directory.loading import DirectoryDataError, load_directory_file
from directory.maintenance import analyze
from directory.models import Language, Location, Organisation, Service, ServiceLink

DEFAULT_PATH = Path(settings.BASE_DIR) / "fixtures" / "directory.json"


class Command(BaseCommand):
    help = "Load the real directory from fixtures/. Safe to run again: nothing duplicates."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_PATH))

    def handle(self, *args, path, **options):
        try:
            report = load_directory_file(path)
        except FileNotFoundError as error:
            raise CommandError(f"No directory file at {path}") from error
        except (ValueError, KeyError) as error:
            raise CommandError(f"{path} is not a valid directory file: {error}") from error
        except DirectoryDataError as error:
            raise CommandError(
                f"{path} has {len(error.problems)} problem(s); nothing was loaded:\n{error}"
            ) from error
        # Fresh planner statistics for what was written; pages cached before are out of date.
        analyze(Organisation, Service, Location, ServiceLink, Language)
        caching.invalidate()
        self.stdout.write(
            self.style.SUCCESS(
                f"Loaded {report.created + report.updated} services "
                f"({report.created} new, {report.updated} updated) from {path}"
            )
        )
