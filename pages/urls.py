from django.urls import path

from pages import views

app_name = "pages"

urlpatterns = [
    path("urgent-help/", views.urgent_help, name="urgent_help"),
    path("sw.js", views.service_worker, name="service_worker"),
    path("browsing-safely/", views.browsing_safely, name="browsing_safely"),
    path("privacy/", views.privacy, name="privacy"),
    path("accessibility/", views.accessibility, name="accessibility"),
    path("cookies/", views.cookies, name="cookies"),
]
