from django.urls import path

from .views import detail, home, listing

app_name = "directory"

urlpatterns = [
    path("", home.home, name="home"),
    path("services/", listing.service_list, name="service_list"),
    path("services/<slug:slug>/", detail.service_detail, name="service_detail"),
]
