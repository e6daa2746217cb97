from django.core.management.base import BaseCommand

from directory.commissioning.spreadsheet_previews import PREVIEW_SECONDS, clear_expired, folder


class Command(BaseCommand):
    help = (
        "Removes the files of spreadsheet import previews never confirmed: those older than "
        "an hour (they have expired), or, with --all, every one (previews open now then need "
        "their file uploaded again). Run it from cron, e.g. hourly; each new preview also "
        "sweeps the expired ones."
    )

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="remove unexpired ones too")

    def handle(self, all, **options):
        removed = clear_expired(older_than=0 if all else PREVIEW_SECONDS)
        self.stdout.write(f"Removed {removed} import preview file(s) from {folder()}.")
