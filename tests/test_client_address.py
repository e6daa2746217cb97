"""Issue 22, requirement 7: one definition of the client's address, behind trusted proxies only
(config/client.py), used by the sign-in lockout and the report form's rate limit."""

import pytest
from django.conf import settings
from django.test import Client

from config.client import client_address
from directory.commissioning.reporting import RATE_LIMIT
from directory.models import ProblemReport
from tests.factories import make_service

PROXY = "10.0.0.10"  # the load balancer
ALICE, MALLORY = "198.51.100.1", "203.0.113.66"


@pytest.fixture
def behind_a_proxy(settings):
    settings.FINDHELP_TRUSTED_PROXIES = (PROXY,)


def address(rf, remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return client_address(rf.get("/", **headers))


def test_with_no_proxies_named_the_header_is_never_read(rf):
    assert settings.FINDHELP_TRUSTED_PROXIES == ()  # the default
    assert address(rf, MALLORY, forwarded=ALICE) == MALLORY
    assert address(rf, PROXY, forwarded=ALICE) == PROXY


def test_a_forged_header_from_an_untrusted_address_is_ignored(rf, behind_a_proxy):
    assert address(rf, MALLORY, forwarded=ALICE) == MALLORY
    assert address(rf, MALLORY, forwarded=f"{ALICE}, {PROXY}") == MALLORY


def test_the_address_a_trusted_proxy_saw_is_used(rf, behind_a_proxy):
    assert address(rf, PROXY, forwarded=ALICE) == ALICE
    # A client's own X-Forwarded-For comes first; the proxy adds the address it saw last.
    assert address(rf, PROXY, forwarded=f"{ALICE}, {MALLORY}") == MALLORY
    assert address(rf, PROXY, forwarded="junk, 2001:db8::7") == "2001:db8::7"
    assert address(rf, PROXY) == PROXY  # a request the proxy sent without the header


def test_two_proxies_are_named_outermost_first(rf, settings):
    settings.FINDHELP_TRUSTED_PROXIES = ("192.0.2.0/24", PROXY)  # a CDN, then the balancer
    assert address(rf, PROXY, forwarded=f"{ALICE}, 192.0.2.44") == ALICE
    assert address(rf, PROXY, forwarded=f"{ALICE}, {MALLORY}") == PROXY  # not through the CDN


def test_a_bad_proxy_setting_stops_the_site_starting(monkeypatch):
    from django.core.exceptions import ImproperlyConfigured

    from config.settings import trusted_proxies_setting

    monkeypatch.setenv("FINDHELP_TRUSTED_PROXIES", "10.0.0.10, load-balancer")
    with pytest.raises(ImproperlyConfigured, match="load-balancer"):
        trusted_proxies_setting()
    monkeypatch.setenv("FINDHELP_TRUSTED_PROXIES", "10.0.0.10, 10.1.0.0/16")
    assert trusted_proxies_setting() == ("10.0.0.10", "10.1.0.0/16")


def test_django_axes_asks_the_same_function():
    assert settings.AXES_CLIENT_IP_CALLABLE == "config.client.client_address"
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


LOGIN = "/admin/login/?next=/admin/"


def sign_in(remote, password, forwarded=None):
    headers = {"REMOTE_ADDR": remote}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    client = Client(**headers)
    return client.post(LOGIN, {"username": "wendy", "password": password})


def is_locked(response):
    return response.status_code == 429 and "Signing in is paused" in response.content.decode()


@pytest.fixture
def wendy(django_user_model):
    return django_user_model.objects.create_user(
        "wendy", password="the right password", is_staff=True
    )


def test_a_stranger_cannot_lock_someone_out_by_their_username(db, wendy, behind_a_proxy):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        last = sign_in(PROXY, "wrong", forwarded=MALLORY)
    assert is_locked(last)
    assert is_locked(sign_in(PROXY, "the right password", forwarded=MALLORY))
    # Wendy, through the same load balancer from her own address, is not locked out.
    assert not is_locked(sign_in(PROXY, "the right password", forwarded=ALICE))


def test_a_forged_header_does_not_lock_out_the_address_it_names(db, wendy, behind_a_proxy):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(MALLORY, "wrong", forwarded=ALICE)  # straight to the app, header forged
    assert is_locked(sign_in(MALLORY, "the right password"))
    assert not is_locked(sign_in(PROXY, "the right password", forwarded=ALICE))


@pytest.fixture
def kooth(db):
    return make_service(slug="kooth", name="Kooth")


def report(remote, forwarded=None):
    headers = {"REMOTE_ADDR": remote, "HTTP_ORIGIN": "http://testserver"}
    if forwarded:
        headers["HTTP_X_FORWARDED_FOR"] = forwarded
    return Client(**headers).post("/services/kooth/report/", {"problem": "other", "details": "x"})


def test_the_report_limit_counts_each_client_behind_the_proxy(kooth, behind_a_proxy):
    for _ in range(RATE_LIMIT):
        assert report(PROXY, forwarded=MALLORY).status_code == 302
    assert report(PROXY, forwarded=MALLORY).status_code == 429
    assert report(PROXY, forwarded=f"{ALICE}, {MALLORY}").status_code == 429  # a forged prefix
    assert report(PROXY, forwarded=ALICE).status_code == 302  # the rest of the public
    assert ProblemReport.objects.get().times_reported == RATE_LIMIT + 1


def test_a_forged_header_cannot_dodge_the_report_limit(kooth, behind_a_proxy):
    for number in range(RATE_LIMIT):
        assert report(MALLORY, forwarded=f"192.0.2.{number}").status_code == 302
    assert report(MALLORY, forwarded="192.0.2.99").status_code == 429
