from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from directory.admin_sign_in import reset_second_factor


class Command(BaseCommand):
    help = (
        "Removes a staff user's authenticator app (a lost or new phone): they set up a new one "
        "after their password when they next sign in. Their open sessions lose the admin."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, username, **options):
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user called {username}.")
        removed = reset_second_factor(user)
        if removed:
            self.stdout.write(f"{username} will set up a new code at their next sign-in.")
        else:
            self.stdout.write(f"{username} had no code set up; they set one up at sign-in.")
