from django.urls import path

from . import views

app_name = "navigator"

urlpatterns = [
    path("help/", views.question, name="start"),
    path("help/results/", views.results, name="results"),
    path("help/over-25/", views.adult_support, name="adult_support"),
    path("help/<slug:slug>/", views.question, name="question"),
]
