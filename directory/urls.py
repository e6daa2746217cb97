from django.urls import path

from .views import detail, home, listing, report, shortlist

app_name = "directory"

urlpatterns = [
    path("", home.home, name="home"),
    path("services/", listing.service_list, name="service_list"),
    path("services/sealed/<str:token>/", detail.service_detail_sealed, name="service_sealed"),
    path("services/<slug:slug>/", detail.service_detail, name="service_detail"),
    path("services/<slug:slug>/report/", report.report_problem, name="report_problem"),
    path("services/<slug:slug>/report/sent/", report.report_sent, name="report_sent"),
    path("shortlist/", shortlist.shortlist, name="shortlist"),
]
