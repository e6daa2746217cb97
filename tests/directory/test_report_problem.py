import re

import pytest
from django.test import Client

from directory.models import ProblemReport
from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def client():
    """A browser on this site's own pages: its posts carry the site's Origin."""
    return Client(HTTP_ORIGIN="http://testserver")


@pytest.fixture
def kooth():
    return make_service(slug="kooth", name="Kooth")


def test_a_member_of_the_public_can_report_a_wrong_phone_number(client, kooth):
    page = client.get("/services/kooth/report/").content.decode()
    assert "What is wrong with the page about Kooth?" in page
    response = client.post(
        "/services/kooth/report/", {"problem": "contact", "details": "The number is 0800 1111"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/services/kooth/report/sent/"
    report = ProblemReport.objects.get()
    assert (report.service, report.problem, report.status) == (kooth, "contact", "new")
    assert report.details == "The number is 0800 1111"
    assert "Thank you" in client.get(response["Location"]).content.decode()


def test_the_choices_are_the_problems_only(client, kooth):
    page = client.get("/services/kooth/report/").content.decode()
    offered = re.findall(r'name="problem" type="radio" value="([^"]*)"', page)
    assert offered == [value for value, _ in ProblemReport.Problem.choices]
    assert "---------" not in page


def test_a_report_without_a_choice_keeps_what_was_typed_and_says_what_to_do(client, kooth):
    response = client.post("/services/kooth/report/", {"details": "It closed in May"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Select what is wrong with the page" in page
    assert "It closed in May" in page
    assert ProblemReport.objects.count() == 0


def test_an_overlong_report_gets_a_clear_message(client, kooth):
    response = client.post("/services/kooth/report/", {"problem": "other", "details": "x" * 2001})
    assert response.status_code == 400
    assert "2,000 characters or fewer" in response.content.decode()


def test_a_made_up_choice_is_rejected_not_an_error(client, kooth):
    response = client.post("/services/kooth/report/", {"problem": "<script>"})
    assert response.status_code == 400


def test_reports_cannot_be_made_about_unpublished_services(client):
    make_service(slug="draft", status="draft")
    assert client.post("/services/draft/report/", {"problem": "other"}).status_code == 404


def test_the_report_sent_page_says_what_happens_next_and_how_long(client, kooth, settings):
    page = client.get("/services/kooth/report/sent/").content.decode()
    assert "What happens next" in page
    assert "usually within 10 working days" in page
    assert "We cannot reply to you" in page
    assert "council or NHS team" in page
    settings.FINDHELP_REPORT_DAYS = 5
    assert (
        "usually within 5 working days"
        in client.get("/services/kooth/report/sent/").content.decode()
    )
    assert client.get("/services/kooth/report/sent/").cookies == {}


def test_the_report_sent_page_of_a_national_service_names_the_directory_team(client):
    make_service(slug="childline", name="Childline", is_national=True)
    page = client.get("/services/childline/report/sent/").content.decode()
    assert "the directory's own team for a national service" in page
