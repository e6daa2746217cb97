from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.core import checks

from .checks import declared_slugs_in_database


class DirectoryConfig(AppConfig):
    default = True  # the app's config; FindHelpAdminConfig below is django.contrib.admin's
    default_auto_field = "django.db.models.BigAutoField"
    name = "directory"
    verbose_name = "Service directory"

    def ready(self):
        # Start-up refuses while a slug the code relies on is missing (directory/checks.py).
        checks.register(declared_slugs_in_database, checks.Tags.database)
        # Imported here, not at the top: the signal wiring reads the models, which Django
        # loads only after every app's config (directory/signals.py).
        from .signals import connect_signals

        connect_signals()


class FindHelpAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin, whose default site (`admin.site`, where every ModelAdmin
    registers) is ours: it asks staff for a second factor (directory/admin_site.py)."""

    default = False
    default_site = "directory.admin_site.FindHelpAdminSite"
