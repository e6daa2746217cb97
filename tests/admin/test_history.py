"""Issue 12, requirement 3: every change to a service recorded; viewable and revertible."""

import pytest

from directory.models import Borough, Service

from .helpers import form_data

pytestmark = pytest.mark.django_db

CHANGE = "/admin/directory/service/{}/change/"
HISTORY = "/admin/directory/service/{}/history/"


def change_phone(client, service, phone):
    response = client.post(CHANGE.format(service.pk), form_data(service, phone=phone))
    assert response.status_code == 302, response.content.decode()[:3000]


def test_a_change_records_who_when_and_the_old_and_new_values(westminster, westminster_service):
    change_phone(westminster, westminster_service, "020 7946 0999")
    latest = westminster_service.history.first()
    assert latest.history_user.username == "wendy"
    delta = latest.diff_against(latest.prev_record)
    changes = {change.field: (change.old, change.new) for change in delta.changes}
    assert changes["phone"] == ("020 7946 0001", "020 7946 0999")
    page = westminster.get(HISTORY.format(westminster_service.pk)).content.decode()
    assert "020 7946 0001" in page and "020 7946 0999" in page
    assert "wendy" in page


def test_a_change_to_a_services_boroughs_is_recorded(make_commissioner, westminster_service):
    client = make_commissioner("ada", all_boroughs=True)
    both = Borough.objects.filter(slug__in=["westminster", "kensington-and-chelsea"])
    data = form_data(westminster_service, boroughs=list(both.values_list("pk", flat=True)))
    assert client.post(CHANGE.format(westminster_service.pk), data).status_code == 302
    latest = westminster_service.history.first()
    assert {row.borough.slug for row in latest.boroughs.all()} == {
        "westminster",
        "kensington-and-chelsea",
    }


def test_a_commissioner_reverts_a_change_to_their_service(westminster, westminster_service):
    before = westminster_service.history.first()
    change_phone(westminster, westminster_service, "020 7946 0999")
    url = f"{HISTORY.format(westminster_service.pk)}{before.history_id}/"
    page = westminster.get(url).content.decode()
    assert "020 7946 0001" in page
    response = westminster.post(
        url, form_data(Service.objects.get(pk=before.id), phone=before.phone)
    )
    assert response.status_code == 302
    westminster_service.refresh_from_db()
    assert westminster_service.phone == "020 7946 0001"


def test_another_boroughs_history_cannot_be_read_or_reverted(westminster, rbkc_service):
    rbkc_service.phone = "020 7946 0555"
    rbkc_service.save()
    first = rbkc_service.history.last()
    assert westminster.get(HISTORY.format(rbkc_service.pk)).status_code == 403
    url = f"{HISTORY.format(rbkc_service.pk)}{first.history_id}/"
    assert westminster.get(url).status_code == 403
    assert westminster.post(url, form_data(rbkc_service, phone=first.phone)).status_code == 403
    rbkc_service.refresh_from_db()
    assert rbkc_service.phone == "020 7946 0555"


def test_a_national_service_cannot_be_reverted_by_a_commissioner(westminster, national_service):
    national_service.status = "archived"
    national_service.save()
    published = national_service.history.last()
    url = f"{HISTORY.format(national_service.pk)}{published.history_id}/"
    response = westminster.post(url, form_data(national_service, status="published"))
    assert response.status_code == 403
    national_service.refresh_from_db()
    assert national_service.status == "archived"


def test_reverting_offers_the_boroughs_as_they_were(make_commissioner, westminster_service):
    client = make_commissioner("ada", all_boroughs=True)
    before = westminster_service.history.first()
    rbkc = Borough.objects.get(slug="kensington-and-chelsea")
    westminster_service.boroughs.add(rbkc)
    page = client.get(f"{HISTORY.format(westminster_service.pk)}{before.history_id}/")
    form = page.context["adminform"].form
    assert form.initial["boroughs"] == [Borough.objects.get(slug="westminster").pk]
    assert westminster_service.boroughs.count() == 2  # only offered, until saved
