"""Issue 12, requirement 7: signing in takes a password and then a code from an authenticator
app (set up at the first sign-in); repeated failures, of either, lock the client out."""

import re
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from .helpers import sign_in as sign_in_verified
from .test_admin_csp import check as check_nothing_inline

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
CODE = "/admin/login/code/?next=%2Fadmin%2F"


@pytest.fixture
def commissioner(django_user_model):
    return django_user_model.objects.create_user(
        "wendy", password="the right password", is_staff=True
    )


@pytest.fixture
def phone(commissioner):
    return TOTPDevice.objects.create(user=commissioner, name="Wendy's phone", confirmed=True)


def sign_in(client, password):
    return client.post(LOGIN, {"username": "wendy", "password": password})


def give_code(client, code):
    return client.post(CODE, {"code": code})


def right_code(device):
    return f"{totp(device.bin_key):06d}"


def wrong_code(device):
    return f"{(totp(device.bin_key) + 500_000) % 1_000_000:06d}"


def test_the_right_password_alone_asks_for_the_code(client, phone):
    response = sign_in(client, "the right password")
    assert response.status_code == 302
    assert response["Location"] == CODE
    assert "_auth_user_id" not in client.session  # not signed in yet
    assert client.get("/admin/")["Location"] == "/admin/login/?next=/admin/"
    page = client.get(CODE).content.decode()
    assert "Enter your sign-in code" in page
    assert "Signing in as <strong>wendy</strong>" in page
    assert "the code it shows for Find Help." in page
    check_nothing_inline(client.get(CODE), CODE)


def test_the_right_code_signs_in(client, phone):
    sign_in(client, "the right password")
    response = give_code(client, right_code(phone))
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_a_wrong_code_is_refused(client, phone):
    sign_in(client, "the right password")
    response = give_code(client, wrong_code(phone))
    assert response.status_code == 200
    assert "That code is not right" in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302
    phone.refresh_from_db()
    assert phone.throttling_failure_count == 1  # django-otp makes the next try wait…
    page = give_code(client, right_code(phone)).content.decode()
    assert "Too many wrong codes. Wait a few seconds" in page  # …even with the right code
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("code", ["", "12345", "abcdef"])
def test_a_code_that_is_not_six_digits_is_explained(client, phone, code):
    sign_in(client, "the right password")
    page = give_code(client, code).content.decode()
    assert "Enter the 6" in page
    assert 'class="errornote"' in page


def test_the_code_step_without_a_password_goes_back_to_sign_in(client, phone):
    assert client.get(CODE)["Location"] == "/admin/login/"
    assert give_code(client, right_code(phone))["Location"] == "/admin/login/"
    assert "_auth_user_id" not in client.session


def test_a_code_long_after_the_password_is_not_taken(client, phone, monkeypatch):
    sign_in(client, "the right password")
    session = client.session
    session["findhelp_password_given"]["at"] -= 11 * 60
    session.save()
    assert give_code(client, right_code(phone))["Location"] == "/admin/login/"
    assert "_auth_user_id" not in client.session


def test_the_first_sign_in_sets_up_an_authenticator(client, commissioner):
    assert sign_in(client, "the right password")["Location"] == CODE
    page = client.get(CODE).content.decode()
    assert "Set up your sign-in code" in page
    assert re.search(
        r'<img class="sign-in-qr" src="data:image/svg\+xml;base64,[A-Za-z0-9+/=]+"', page
    )
    key = re.search(r'<code id="totp-key">([A-Z2-7 ]+)</code>', page).group(1)
    check_nothing_inline(client.get(CODE), CODE)
    assert client.get(CODE).content.decode().count(key) == 1  # the same key when reloaded
    device = TOTPDevice.objects.get(user=commissioner)
    assert not device.confirmed
    assert give_code(client, wrong_code(device)).status_code == 200
    assert "_auth_user_id" not in client.session
    device.throttle_reset()
    response = give_code(client, right_code(device))
    assert response["Location"] == "/admin/"
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200


def test_after_repeated_failures_even_the_right_password_is_refused(client, commissioner):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    response = sign_in(client, "the right password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_wrong_codes_count_as_failed_sign_ins(client, phone):
    sign_in(client, "the right password")
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert give_code(client, wrong_code(phone)).status_code == 200
    locked = give_code(client, wrong_code(phone))
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    phone.throttle_reset()
    assert give_code(client, right_code(phone)).status_code == 429
    assert "_auth_user_id" not in client.session
    assert sign_in(client, "the right password").status_code == 429


def test_a_full_sign_in_before_the_limit_resets_the_count(client, phone):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "the right password").status_code == 302
    assert give_code(client, right_code(phone))["Location"] == "/admin/"
    client.logout()
    assert sign_in(client, "wrong").status_code == 200


def test_a_right_password_alone_does_not_reset_the_count(client, phone):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "the right password").status_code == 302
    assert give_code(client, wrong_code(phone)).status_code == 429


def test_with_the_second_factor_off_the_password_signs_in(client, commissioner, settings):
    settings.FINDHELP_ADMIN_2FA = False
    response = sign_in(client, "the right password")
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200
    assert client.get(CODE)["Location"] == "/admin/login/"


def test_a_staff_session_ends_after_an_hour_without_a_request(client, commissioner):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    sign_in_verified(client, commissioner)
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == settings.SESSION_COOKIE_AGE == 3600


def test_reset_second_factor_sends_the_user_to_set_up_again(client, commissioner, phone):
    sign_in_verified(client, commissioner)
    assert client.get("/admin/").status_code == 200
    out = StringIO()
    call_command("reset_second_factor", "wendy", stdout=out)
    assert "new code" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=commissioner).exists()
    assert client.get("/admin/").status_code == 302  # no longer verified
    client.logout()
    sign_in(client, "the right password")
    assert "Set up your sign-in code" in client.get(CODE).content.decode()


def test_an_administrator_resets_a_commissioners_code(make_commissioner):
    from directory.models import Commissioner

    make_commissioner("wendy", "westminster")
    administrator = make_commissioner("ada", all_boroughs=True)
    wendy = Commissioner.objects.get(user__username="wendy")
    assert TOTPDevice.objects.filter(user=wendy.user).exists()
    response = administrator.post(
        "/admin/directory/commissioner/",
        {"action": "reset_sign_in_code", "_selected_action": [wendy.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=wendy.user).exists()
    assert TOTPDevice.objects.filter(user__username="ada").exists()


def test_the_public_still_get_no_session_cookie(client):
    assert client.get("/services/").cookies == {}


@pytest.mark.parametrize(
    ("environment", "on"),
    [
        ({}, True),  # production
        ({"DJANGO_ADMIN_2FA": "0"}, False),
        ({"DJANGO_DEBUG": "1"}, False),  # a local trial
        ({"DJANGO_DEBUG": "1", "DJANGO_ADMIN_2FA": "1"}, True),
    ],
)
def test_the_second_factor_is_on_unless_debug_or_turned_off(environment, on):
    from tests.test_settings import PRODUCTION, run_manage

    script = "from django.conf import settings; print(settings.FINDHELP_ADMIN_2FA)"
    result = run_manage("shell", "-c", script, env={**PRODUCTION, **environment})
    assert result.stdout.strip().splitlines()[-1] == str(on), result.stderr


# Issue 22, item 10: the session's key is new after the password and again after the code;
# a refused `next` goes to the admin's home; the lockout page has the site's own name.


def test_a_planted_session_id_does_not_carry_someone_elses_sign_in(commissioner, settings):
    from django.test import Client

    attacker = Client()
    attacker.get(LOGIN)
    attacker.post(LOGIN, {"username": "nobody", "password": "x"})  # any session will do
    attacker.session.save()
    planted = attacker.session.session_key
    victim = Client()
    victim.cookies[settings.SESSION_COOKIE_NAME] = planted  # planted in the victim's browser
    assert sign_in(victim, "the right password").status_code == 302
    assert victim.session.session_key != planted
    # The planted id opens nothing: not the victim's code step, nor their authenticator's key.
    attacker.cookies[settings.SESSION_COOKIE_NAME] = planted
    response = attacker.get(CODE)
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert not TOTPDevice.objects.filter(user=commissioner).exists()
    # The victim's own setting up goes on, and signing in takes a new key again.
    page = victim.get(CODE)
    assert "Set up your sign-in code" in page.content.decode()
    before_code = victim.session.session_key
    device = TOTPDevice.objects.get(user=commissioner)
    assert give_code(victim, right_code(device))["Location"] == "/admin/"
    assert victim.session.session_key not in (planted, before_code)


@pytest.mark.parametrize("next_url", ["https://evil.example/", "//evil.example/", ""])
def test_a_refused_next_goes_to_the_admins_home(client, phone, next_url):
    response = client.post(
        f"/admin/login/?next={next_url}", {"username": "wendy", "password": "the right password"}
    )
    assert response.status_code == 302
    code_step = response["Location"]
    assert "profile" not in code_step
    response = client.post(code_step, {"code": right_code(phone)})
    assert response["Location"] == "/admin/"


def test_the_lockout_page_has_the_sites_own_name(client, commissioner):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        locked = sign_in(client, "wrong")
    page = locked.content.decode()
    assert locked.status_code == 429
    assert "<title>Signing in is paused | Find Help admin</title>" in page
    assert "Find Help admin</a>" in page
    assert "Django" not in page
