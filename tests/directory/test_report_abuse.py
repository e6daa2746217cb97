"""Issue 12, requirement 6: the public report form without a cookie, bots, floods, repeats."""

import pytest
from django.test import Client

from directory.commissioning.reporting import RATE_LIMIT
from directory.models import ProblemReport, RateLimit
from tests.factories import make_service

pytestmark = pytest.mark.django_db

URL = "/services/kooth/report/"


@pytest.fixture
def kooth():
    return make_service(slug="kooth", name="Kooth")


@pytest.fixture
def browser():
    return Client(HTTP_ORIGIN="http://testserver")


def test_the_report_page_sets_no_cookie_when_shown_or_sent(browser, kooth):
    shown = browser.get(URL)
    assert shown.cookies == {}
    assert "csrfmiddlewaretoken" not in shown.content.decode()
    sent = browser.post(URL, {"problem": "contact", "details": "Wrong number"})
    assert sent.status_code == 302
    assert sent.cookies == {}
    assert browser.get(sent["Location"]).cookies == {}
    assert ProblemReport.objects.count() == 1


def test_a_post_from_another_site_is_refused(kooth):
    other = Client(HTTP_ORIGIN="https://evil.example")
    assert other.post(URL, {"problem": "contact"}).status_code == 403
    assert Client().post(URL, {"problem": "contact"}).status_code == 403  # no Origin nor Referer
    referred = Client(HTTP_REFERER="http://testserver/services/kooth/report/")
    assert referred.post(URL, {"problem": "contact"}).status_code == 302
    assert ProblemReport.objects.count() == 1


def test_a_bot_filling_the_honeypot_is_thanked_and_ignored(browser, kooth):
    response = browser.post(URL, {"problem": "other", "details": "buy", "website": "spam.example"})
    assert response.status_code == 302
    assert ProblemReport.objects.count() == 0


def test_identical_reports_are_folded_into_one(browser, kooth):
    for details in ["The number is  wrong", "the number is wrong"]:
        browser.post(URL, {"problem": "contact", "details": details})
    browser.post(URL, {"problem": "contact", "details": "Something else"})
    folded = ProblemReport.objects.get(details="The number is wrong")
    assert folded.times_reported == 2
    assert folded.last_reported_at is not None
    assert ProblemReport.objects.count() == 2


def test_a_flood_from_one_client_is_limited_without_storing_its_address(browser, kooth):
    for number in range(RATE_LIMIT):
        assert browser.post(URL, {"problem": "other", "details": f"{number}"}).status_code == 302
    response = browser.post(URL, {"problem": "other", "details": "one too many"})
    assert response.status_code == 429
    assert "Too many reports" in response.content.decode()
    assert ProblemReport.objects.count() == RATE_LIMIT
    keys = list(RateLimit.objects.values_list("key", flat=True))
    assert len(keys) == 1 and "127.0.0.1" not in keys[0]
    # Another client is not held back.
    other = Client(HTTP_ORIGIN="http://testserver", REMOTE_ADDR="192.0.2.7")
    assert other.post(URL, {"problem": "other", "details": "x"}).status_code == 302
