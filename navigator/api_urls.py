from django.urls import path

from . import api

app_name = "navigator_api"

urlpatterns = [
    path("navigator", api.navigator_results, name="results"),
]
