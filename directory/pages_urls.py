from django.urls import path

from . import pages

app_name = "pages"

urlpatterns = [
    path("urgent-help/", pages.urgent_help, name="urgent_help"),
    path("sw.js", pages.service_worker, name="service_worker"),
    path("browsing-safely/", pages.browsing_safely, name="browsing_safely"),
    path("privacy/", pages.privacy, name="privacy"),
    path("accessibility/", pages.accessibility, name="accessibility"),
    path("cookies/", pages.cookies, name="cookies"),
]
