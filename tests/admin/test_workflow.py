"""Requirement 2 of issue 12: draft, published, archived; what publishing needs; review."""

import datetime

import pytest
from django.utils import timezone

from directory.models import ProblemReport, Service
from tests.factories import make_service

from .helpers import form_data

pytestmark = pytest.mark.django_db

CHANGE = "/admin/directory/service/{}/change/"


def test_publishing_needs_a_way_to_get_in_touch_and_a_place(westminster, westminster_service):
    draft = make_service(name="Half done", status="draft", website="", borough=("westminster",))
    url = CHANGE.format(draft.pk)
    # A draft may be saved without them.
    response = westminster.post(url, form_data(draft, summary="Still writing."))
    assert response.status_code == 302
    response = westminster.post(url, form_data(draft, status="published"))
    page = response.content.decode()
    assert response.status_code == 200
    assert "To publish, give at least one way to get in touch" in page
    draft.refresh_from_db()
    assert draft.status == "draft"
    response = westminster.post(url, form_data(draft, status="published", phone="020 7946 0123"))
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.status == "published"


def test_publishing_needs_a_borough_or_national_and_a_thrive_category(make_commissioner):
    client = make_commissioner("ada", all_boroughs=True)
    service = make_service(status="draft", borough=(), thrive=())
    response = client.post(CHANGE.format(service.pk), form_data(service, status="published"))
    page = response.content.decode()
    assert "To publish, choose the boroughs it covers." in page
    assert "This field is required" in page  # the THRIVE category, required always
    response = client.post(
        CHANGE.format(service.pk), form_data(service, status="published", summary="")
    )
    assert "This field is required" in response.content.decode()
    service.refresh_from_db()
    assert service.status == "draft"


def test_confirming_sets_today_and_who_on_the_commissioners_services_only(
    westminster, westminster_service, national_service
):
    response = westminster.post(
        "/admin/directory/service/",
        {
            "action": "mark_reviewed",
            "_selected_action": [westminster_service.pk, national_service.pk],
        },
    )
    assert response.status_code == 302
    westminster_service.refresh_from_db()
    national_service.refresh_from_db()
    assert westminster_service.confirmed_on == timezone.localdate()
    assert westminster_service.confirmed_by == "wendy"
    assert national_service.confirmed_on is None
    assert national_service.confirmed_by == ""
    page = westminster.get(westminster_service.get_absolute_url()).content.decode()
    assert "Confirmed with the service on" in page


def test_marking_reviewed_from_the_due_list_says_only_what_was_done(
    westminster, westminster_service
):
    response = westminster.post(
        "/admin/directory/service/?review=due",
        {"action": "mark_reviewed", "_selected_action": [westminster_service.pk]},
        follow=True,
    )
    page = response.content.decode()
    assert "1 marked as confirmed with the service today." in page
    assert "not changed" not in page


def test_a_commissioner_archives_instead_of_deleting(westminster, westminster_service):
    westminster.post(
        "/admin/directory/service/",
        {"action": "archive", "_selected_action": [westminster_service.pk]},
    )
    westminster_service.refresh_from_db()
    assert westminster_service.status == "archived"
    assert not Service.objects.published().filter(pk=westminster_service.pk).exists()


def test_the_admin_home_shows_each_borough_with_counts_and_links(
    make_commissioner, westminster_service, rbkc_service
):
    client = make_commissioner("wendy", "westminster", "kensington-and-chelsea")
    make_service(name="Westminster draft", status="draft", borough=("westminster",))
    make_service(
        name="Reviewed",
        borough=("westminster",),
        confirmed_on=timezone.localdate() - datetime.timedelta(days=30),
        confirmed_by="wendy",
    )
    ProblemReport.objects.create(service=westminster_service, problem="contact")
    ProblemReport.objects.create(service=westminster_service, problem="other", status="resolved")
    page = client.get("/admin/").content.decode()
    assert "Your boroughs" in page
    assert "Hammersmith and Fulham" not in page
    westminster_row = page[page.index(">Westminster</th>") :].split("</tr>")[0]
    counts = [cell.split(">")[-1] for cell in westminster_row.split("</a>")[:-1]]
    assert counts == ["2", "1", "2", "1"]  # published, draft, due for review, open reports
    assert "?borough=westminster&amp;status__exact=published" in westminster_row
    listed = client.get("/admin/directory/service/?borough=westminster&status__exact=draft")
    assert "Westminster draft" in listed.content.decode()
    assert "Westminster Youth" not in listed.content.decode()
    reports = client.get("/admin/directory/problemreport/?borough=westminster&status__exact=new")
    assert reports.status_code == 200


def test_the_admin_home_lists_every_borough_for_an_administrator(make_commissioner):
    page = make_commissioner("ada", all_boroughs=True).get("/admin/").content.decode()
    assert ">Hammersmith and Fulham</th>" in page
    assert ">Westminster</th>" in page


def test_an_archived_service_leaves_the_public_pages_at_once_and_the_history_says_so(
    client, westminster, westminster_service
):
    page = f"/services/{westminster_service.slug}/"
    assert client.get(page).status_code == 200  # now in the page cache
    assert westminster_service.name in client.get("/services/").content.decode()
    versions = westminster_service.history.count()

    westminster.post(
        "/admin/directory/service/",
        {"action": "archive", "_selected_action": [westminster_service.pk]},
    )

    assert client.get(page).status_code == 404
    assert westminster_service.name not in client.get("/services/").content.decode()
    assert westminster_service.history.count() == versions + 1
    assert westminster_service.history.first().status == "archived"
    assert westminster_service.history.first().history_user.username == "wendy"
