from django.urls import path

from . import views

app_name = "navigator"

urlpatterns = [
    path("help/", views.start, name="start"),
]
