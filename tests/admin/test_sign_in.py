"""Issue 12, requirement 7 (in part): repeated failed sign-ins lock the client out."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"


@pytest.fixture
def commissioner(django_user_model):
    return django_user_model.objects.create_user(
        "wendy", password="the right password", is_staff=True
    )


def sign_in(client, password):
    return client.post(LOGIN, {"username": "wendy", "password": password})


def test_the_right_password_signs_in(client, commissioner):
    response = sign_in(client, "the right password")
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


def test_after_repeated_failures_even_the_right_password_is_refused(client, commissioner):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "wrong").status_code == 200  # the form again
    locked = sign_in(client, "wrong")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode()
    response = sign_in(client, "the right password")
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_a_success_before_the_limit_resets_the_count(client, commissioner):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "the right password").status_code == 302
    client.logout()
    assert sign_in(client, "wrong").status_code == 200


def test_a_staff_session_ends_after_an_hour_without_a_request(client, commissioner):
    assert settings.SESSION_SAVE_EVERY_REQUEST
    sign_in(client, "the right password")
    response = client.get("/admin/")
    assert response.status_code == 200
    assert response.cookies["sessionid"]["max-age"] == settings.SESSION_COOKIE_AGE == 3600


def test_the_public_still_get_no_session_cookie(client):
    assert client.get("/services/").cookies == {}
