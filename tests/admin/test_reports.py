"""Issue 12, requirement 6 in the admin: an inbox of reports per borough, resolved by whom."""

import pytest

from directory.models import ProblemReport

pytestmark = pytest.mark.django_db

LIST = "/admin/directory/problemreport/"


def test_the_inbox_shows_what_people_said(westminster, westminster_service):
    ProblemReport.objects.create(
        service=westminster_service, problem="contact", details="The number rings out"
    )
    page = westminster.get(LIST).content.decode()
    assert "The number rings out" in page


def test_mark_resolved_records_who_and_when(westminster, westminster_service):
    report = ProblemReport.objects.create(service=westminster_service, problem="closed")
    westminster.post(LIST, {"action": "mark_resolved", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.status == "resolved"
    assert report.resolved_by.username == "wendy"
    assert report.resolved_at is not None
    assert "resolved" in westminster.get(f"{LIST}?status__exact=resolved").content.decode()


def test_resolving_one_report_on_its_page_records_who(westminster, westminster_service):
    report = ProblemReport.objects.create(service=westminster_service, problem="closed")
    response = westminster.post(f"{LIST}{report.pk}/change/", {"status": "resolved"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.resolved_by.username) == ("resolved", "wendy")


def test_a_commissioner_cannot_delete_reports(westminster, westminster_service):
    report = ProblemReport.objects.create(service=westminster_service, problem="closed")
    assert westminster.post(f"{LIST}{report.pk}/delete/", {"post": "yes"}).status_code == 403
    assert "delete_selected" not in westminster.get(LIST).content.decode()
    assert ProblemReport.objects.filter(pk=report.pk).exists()


def test_the_inbox_filters_by_borough(make_commissioner, westminster_service, rbkc_service):
    client = make_commissioner("ada", all_boroughs=True)
    ProblemReport.objects.create(service=westminster_service, problem="other", details="W")
    ProblemReport.objects.create(service=rbkc_service, problem="other", details="K")
    page = client.get(f"{LIST}?borough=kensington-and-chelsea").content.decode()
    assert "Kensington CAMHS" in page
    assert "Westminster Youth" not in page
