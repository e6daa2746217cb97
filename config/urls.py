from django.contrib import admin
from django.urls import include, path

from config import database

urlpatterns = [
    path("healthz", database.healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("", include("pages.urls")),
    path("", include("directory.urls")),
    path("", include("navigator.urls")),
    path("", include("signposting.urls")),  # /signposting/ and /go/<borough>/ (issue 26)
    path("api/v1/", include("navigator.api_urls")),
    path("api/v1/", include("openreferral.urls")),
]

handler500 = database.server_error
