import os
from getpass import getpass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from directory.commissioning.roles import (
    ADMINISTRATORS_GROUP,
    COMMISSIONER_PERMISSIONS,
    COMMISSIONERS_GROUP,
)
from directory.models import Borough, Commissioner


class Command(BaseCommand):
    help = (
        "Creates or updates a commissioner, who manages the services of their boroughs; "
        "--all-boroughs makes a directory administrator. The password comes from "
        "COMMISSIONER_PASSWORD when it is set, else it is asked for (a new user only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument(
            "--borough", action="append", default=[], metavar="SLUG", dest="boroughs"
        )
        parser.add_argument("--all-boroughs", action="store_true")
        parser.add_argument("--email", default="")

    def handle(self, username, boroughs, all_boroughs, email, **options):
        if not boroughs and not all_boroughs:
            raise CommandError("Give at least one --borough SLUG, or --all-boroughs.")
        found = list(Borough.objects.filter(slug__in=boroughs))
        if unknown := sorted(set(boroughs) - {borough.slug for borough in found}):
            raise CommandError(f"Not a borough: {', '.join(unknown)}")
        user_model = get_user_model()
        existing = user_model.objects.filter(username=username).first()
        password = os.environ.get("COMMISSIONER_PASSWORD")
        if password is None and existing is None:
            password = getpass(f"Password for {username}: ")
            if not password:
                raise CommandError("A new commissioner needs a password.")
        with transaction.atomic():
            user = existing or user_model(username=username)
            user.is_staff = True
            user.is_active = True
            if email:
                user.email = email
            if password:
                # Django's password validators (settings.AUTH_PASSWORD_VALIDATORS): long
                # enough, not common, not all digits, not like the username or email.
                try:
                    validate_password(password, user=user)
                except ValidationError as error:
                    raise CommandError(
                        "The password is refused: " + " ".join(error.messages)
                    ) from None
                user.set_password(password)
            user.save()
            user.groups.remove(
                *Group.objects.filter(name__in=[COMMISSIONERS_GROUP, ADMINISTRATORS_GROUP])
            )
            user.groups.add(administrators_group() if all_boroughs else commissioners_group())
            commissioner, _ = Commissioner.objects.update_or_create(
                user=user, defaults={"all_boroughs": all_boroughs}
            )
            commissioner.boroughs.set(found)
        what = "all boroughs" if all_boroughs else ", ".join(b.name for b in found)
        verb = "Updated" if existing else "Created"
        self.stdout.write(f"{verb} {username}, who manages {what}.")


def commissioners_group():
    """The group holding a commissioner's Django permissions, kept as COMMISSIONER_PERMISSIONS
    says."""
    group, _ = Group.objects.get_or_create(name=COMMISSIONERS_GROUP)
    permissions = [
        Permission.objects.get(content_type__app_label="directory", codename=f"{action}_{model}")
        for model, actions in COMMISSIONER_PERMISSIONS.items()
        for action in actions
    ]
    group.permissions.set(permissions)
    return group


def administrators_group():
    """The group holding every permission on the directory's models."""
    group, _ = Group.objects.get_or_create(name=ADMINISTRATORS_GROUP)
    group.permissions.set(Permission.objects.filter(content_type__app_label="directory"))
    return group
