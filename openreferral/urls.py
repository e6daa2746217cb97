"""/api/v1/: the Open Referral UK 3.0 read API. Paths have no trailing slash, as in the
profile's OpenAPI file; one is accepted too."""

from django.urls import path, re_path

from . import openapi, views

app_name = "openreferral"

UUID = r"(?P<id>[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})"


def collection(name, view, url_name):
    return re_path(rf"^{name}/?$", view, name=url_name)


def item(name, view, url_name):
    return re_path(rf"^{name}/{UUID}/?$", view, name=url_name)


urlpatterns = [
    path("", views.root, name="root"),
    path("openapi.json", openapi.openapi_document, name="openapi"),
    collection("services", views.service_list, "service_list"),
    item("services", views.service_detail, "service_detail"),
    collection("organizations", views.organization_list, "organization_list"),
    item("organizations", views.organization_detail, "organization_detail"),
    collection("service_at_locations", views.service_at_location_list, "service_at_location_list"),
    item("service_at_locations", views.service_at_location_detail, "service_at_location_detail"),
    collection("taxonomies", views.taxonomy_list, "taxonomy_list"),
    item("taxonomies", views.taxonomy_detail, "taxonomy_detail"),
    collection("taxonomy_terms", views.taxonomy_term_list, "taxonomy_term_list"),
    item("taxonomy_terms", views.taxonomy_term_detail, "taxonomy_term_detail"),
]
