from django.apps import AppConfig


class PagesConfig(AppConfig):
    """The site's own pages (urgent help, privacy, accessibility…) and the crisis lines they
    show: no models, no database."""

    name = "pages"
    verbose_name = "The site's own pages"
