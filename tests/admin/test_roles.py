"""Requirement 1 of issue 12: a commissioner manages only their boroughs' services."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError

from directory.models import Borough, Commissioner, Need, ProblemReport, Service
from tests.factories import make_service

from .helpers import form_data, sign_in

pytestmark = pytest.mark.django_db

CHANGE = "/admin/directory/service/{}/change/"


def test_a_commissioner_lists_only_the_services_of_their_borough(
    westminster, westminster_service, rbkc_service
):
    page = westminster.get("/admin/directory/service/").content.decode()
    assert "Westminster Youth" in page
    assert "Kensington CAMHS" not in page
    page = westminster.get("/admin/directory/service/?q=kensington").content.decode()
    assert "Kensington CAMHS" not in page


def test_another_boroughs_service_cannot_be_read_changed_or_deleted_by_url(
    westminster, rbkc_service
):
    url = CHANGE.format(rbkc_service.pk)
    assert westminster.get(url).status_code == 403
    response = westminster.post(url, form_data(rbkc_service, phone="020 7946 0999"))
    assert response.status_code == 403
    rbkc_service.refresh_from_db()
    assert rbkc_service.phone == "020 7946 0000"
    assert (
        westminster.get(f"/admin/directory/service/{rbkc_service.pk}/history/").status_code == 403
    )
    assert (
        westminster.post(
            f"/admin/directory/service/{rbkc_service.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
    assert Service.objects.filter(pk=rbkc_service.pk).exists()


def test_a_commissioner_changes_their_own_service(westminster, westminster_service):
    url = CHANGE.format(westminster_service.pk)
    assert westminster.get(url).status_code == 200
    response = westminster.post(url, form_data(westminster_service, phone="020 7946 0999"))
    assert response.status_code == 302, response.content.decode()[:3000]
    westminster_service.refresh_from_db()
    assert westminster_service.phone == "020 7946 0999"


def test_a_commissioner_cannot_add_a_borough_they_do_not_manage(westminster, westminster_service):
    url = CHANGE.format(westminster_service.pk)
    page = westminster.get(url).content.decode()
    hammersmith = Borough.objects.get(slug="hammersmith-and-fulham")
    assert ">Hammersmith and Fulham</option>" not in page  # not offered
    ids = [Borough.objects.get(slug="westminster").pk, hammersmith.pk]
    response = westminster.post(url, form_data(westminster_service, boroughs=ids))
    assert response.status_code == 200  # the form again, not saved
    assert list(westminster_service.boroughs.values_list("slug", flat=True)) == ["westminster"]


def test_a_shared_service_keeps_the_other_boroughs_a_commissioner_does_not_manage(westminster):
    shared = make_service(name="Bi-Borough", borough=("westminster", "kensington-and-chelsea"))
    url = CHANGE.format(shared.pk)
    response = westminster.post(url, form_data(shared, summary="Changed."))
    assert response.status_code == 302, response.content.decode()[:3000]
    assert set(shared.boroughs.values_list("slug", flat=True)) == {
        "westminster",
        "kensington-and-chelsea",
    }
    only_westminster = [Borough.objects.get(slug="westminster").pk]
    response = westminster.post(url, form_data(shared, boroughs=only_westminster))
    assert "you cannot take it off" in response.content.decode()
    assert shared.boroughs.count() == 2


def test_a_new_service_must_be_in_one_of_the_commissioners_boroughs(westminster, rbkc_service):
    data = form_data(rbkc_service, name="New", slug="new")
    response = westminster.post("/admin/directory/service/add/", data)
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()  # not one of theirs
    assert not Service.objects.filter(slug="new").exists()


def test_a_commissioner_cannot_change_national_services_or_crisis_flags(
    westminster, national_service, westminster_service
):
    # A national service covering their borough can be read, not changed.
    url = CHANGE.format(national_service.pk)
    assert westminster.get(url).status_code == 200
    response = westminster.post(url, form_data(national_service, status="archived"))
    assert response.status_code == 403
    national_service.refresh_from_db()
    assert national_service.status == "published"
    # On their own service, crisis and national flags are not theirs to set.
    url = CHANGE.format(westminster_service.pk)
    response = westminster.post(
        url, form_data(westminster_service, is_crisis="on", is_national="on")
    )
    assert response.status_code == 302
    westminster_service.refresh_from_db()
    assert (westminster_service.is_crisis, westminster_service.is_national) == (False, False)


def test_a_commissioner_cannot_change_vocabularies(westminster):
    need = Need.objects.get(slug="anxiety")
    assert westminster.get(f"/admin/directory/need/{need.pk}/change/").status_code == 403
    response = westminster.post(f"/admin/directory/need/{need.pk}/change/", {"name": "Changed"})
    assert response.status_code == 403
    assert westminster.get("/admin/directory/need/add/").status_code == 403
    assert westminster.get("/admin/directory/commissioner/").status_code == 403


def test_a_commissioner_cannot_delete_and_has_no_delete_action(westminster, westminster_service):
    page = westminster.get("/admin/directory/service/").content.decode()
    assert "delete_selected" not in page
    url = f"/admin/directory/service/{westminster_service.pk}/delete/"
    assert westminster.get(url).status_code == 403
    response = westminster.post(
        "/admin/directory/service/",
        {"action": "delete_selected", "_selected_action": [westminster_service.pk], "post": "yes"},
    )
    assert Service.objects.filter(pk=westminster_service.pk).exists()
    assert response.status_code in (200, 302)


def test_a_commissioner_sees_and_resolves_only_their_boroughs_reports(
    westminster, westminster_service, rbkc_service
):
    mine = ProblemReport.objects.create(service=westminster_service, problem="contact", details="A")
    theirs = ProblemReport.objects.create(service=rbkc_service, problem="contact", details="B")
    page = westminster.get("/admin/directory/problemreport/").content.decode()
    assert "Westminster Youth" in page
    assert "Kensington CAMHS" not in page
    url = f"/admin/directory/problemreport/{theirs.pk}/change/"
    assert westminster.get(url).status_code == 403
    assert westminster.post(url, {"status": "resolved"}).status_code == 403
    westminster.post(
        "/admin/directory/problemreport/",
        {"action": "mark_resolved", "_selected_action": [mine.pk, theirs.pk]},
    )
    mine.refresh_from_db()
    theirs.refresh_from_db()
    assert mine.status == "resolved"
    assert theirs.status == "new"


def test_a_directory_administrator_manages_everything(make_commissioner, rbkc_service):
    client = make_commissioner("ada", all_boroughs=True)
    url = CHANGE.format(rbkc_service.pk)
    data = form_data(
        rbkc_service,
        is_crisis="on",
        boroughs=list(
            Borough.objects.filter(
                slug__in=["hammersmith-and-fulham", "kensington-and-chelsea"]
            ).values_list("pk", flat=True)
        ),
    )
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    rbkc_service.refresh_from_db()
    assert rbkc_service.is_crisis
    assert rbkc_service.boroughs.count() == 2
    need = Need.objects.get(slug="anxiety")
    assert client.get(f"/admin/directory/need/{need.pk}/change/").status_code == 200


def test_staff_without_a_borough_see_no_services(client, django_user_model, rbkc_service):
    user = django_user_model.objects.create_user("staff", password="x", is_staff=True)
    from django.contrib.auth.models import Permission

    user.user_permissions.add(*Permission.objects.filter(codename__endswith="_service"))
    sign_in(client, user)
    assert "Kensington CAMHS" not in client.get("/admin/directory/service/").content.decode()
    assert client.get(CHANGE.format(rbkc_service.pk)).status_code == 403


def test_create_commissioner_creates_then_updates(monkeypatch, db):
    monkeypatch.setenv("COMMISSIONER_PASSWORD", "first password")
    call_command("create_commissioner", "wendy", "--borough", "westminster", stdout=StringIO())
    user = get_user_model().objects.get(username="wendy")
    assert user.is_staff and not user.is_superuser
    assert user.check_password("first password")
    call_command(
        "create_commissioner", "wendy", "--borough", "westminster", "--borough",
        "kensington-and-chelsea", stdout=StringIO(),
    )  # fmt: skip
    commissioner = Commissioner.objects.get(user__username="wendy")
    assert set(commissioner.boroughs.values_list("slug", flat=True)) == {
        "westminster",
        "kensington-and-chelsea",
    }
    assert not commissioner.all_boroughs


def test_create_commissioner_asks_for_a_password_when_none_is_set(monkeypatch, db):
    monkeypatch.delenv("COMMISSIONER_PASSWORD", raising=False)
    monkeypatch.setattr(
        "directory.management.commands.create_commissioner.getpass",
        lambda prompt: "typed in, long enough",
    )
    call_command("create_commissioner", "ada", "--all-boroughs", stdout=StringIO())
    user = get_user_model().objects.get(username="ada")
    assert user.check_password("typed in, long enough")
    assert user.commissioner.all_boroughs


def test_create_commissioner_rejects_a_misspelt_borough(monkeypatch, db):
    monkeypatch.setenv("COMMISSIONER_PASSWORD", "x")
    with pytest.raises(CommandError, match="Not a borough: westminter"):
        call_command("create_commissioner", "wendy", "--borough", "westminter")


@pytest.mark.parametrize(
    ("password", "said"),
    [
        ("a", "This password is too short. It must contain at least 8 characters."),
        ("password123", "This password is too common."),
        ("40372918465", "This password is entirely numeric."),
        ("wendy.smith", "The password is too similar to the username."),
    ],
)
def test_create_commissioner_refuses_a_weak_password(monkeypatch, db, password, said):
    """Issue 22, item 10: Django's password validators (AUTH_PASSWORD_VALIDATORS)."""
    monkeypatch.setenv("COMMISSIONER_PASSWORD", password)
    with pytest.raises(CommandError, match="The password is refused") as refused:
        call_command("create_commissioner", "wendy.smith", "--borough", "westminster")
    assert said in str(refused.value)
    assert not get_user_model().objects.filter(username="wendy.smith").exists()
    # An existing user's password is checked too, and left as it was when refused.
    monkeypatch.setenv("COMMISSIONER_PASSWORD", "a long test password")
    call_command(
        "create_commissioner", "wendy.smith", "--borough", "westminster", stdout=StringIO()
    )
    monkeypatch.setenv("COMMISSIONER_PASSWORD", password)
    with pytest.raises(CommandError, match="The password is refused"):
        call_command("create_commissioner", "wendy.smith", "--borough", "westminster")
    assert (
        get_user_model().objects.get(username="wendy.smith").check_password("a long test password")
    )


def test_a_refused_page_is_logged_as_one_line_without_a_traceback(westminster, rbkc_service):
    """Issue 22, item 10: a 403 is the site working as meant; one line, not a traceback."""
    import io
    import logging

    handler = next(h for h in logging.getLogger("django").handlers if h.name == "console")
    stream = io.StringIO()
    old = handler.setStream(stream)
    try:
        assert westminster.get(CHANGE.format(rbkc_service.pk)).status_code == 403
    finally:
        handler.setStream(old)
    lines = stream.getvalue().splitlines()
    assert lines == [f"Forbidden (Permission denied): {CHANGE.format(rbkc_service.pk)}"]
