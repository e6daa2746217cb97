import pytest

from directory.models import Audience, DeliveryMode, Need, Organisation, Service, ThriveCategory
from tests.admin.helpers import sign_in
from tests.factories import make_service

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("commissioner", "c@example.org", "pw")
    return sign_in(client, user)


def test_every_model_has_a_working_admin_list(staff_client):
    make_service()
    for model in ["service", "organisation", "borough", "need", "thrivecategory", "ageband",
                  "eligibilitycriterion", "audience", "referralroute", "deliverymode",
                  "language", "problemreport", "postcode"]:  # fmt: skip
        response = staff_client.get(f"/admin/directory/{model}/")
        assert response.status_code == 200, model


def test_service_list_filters_by_review_due_and_searches(staff_client):
    make_service(name="Never reviewed Kooth")
    page = staff_client.get("/admin/directory/service/?review=due&q=kooth").content.decode()
    assert "Never reviewed Kooth" in page


def test_service_list_shows_the_entries_that_may_have_changed_for_review(staff_client):
    make_service(name="A pilot from 2022", may_have_changed=True, change_note="A pilot.")
    make_service(name="A service that is running")
    page = staff_client.get("/admin/directory/service/?may_have_changed__exact=1").content.decode()
    assert "A pilot from 2022" in page
    assert "A service that is running" not in page


def test_a_service_added_in_the_admin_can_be_found_by_its_need(staff_client):
    organisation = Organisation.objects.create(name="Mind", slug="mind")
    anxiety = Need.objects.get(slug="anxiety")
    response = staff_client.post(
        "/admin/directory/service/add/",
        {
            "name": "Calm Club",
            "slug": "calm-club",
            "organisation": organisation.pk,
            "status": "published",
            "summary": "Groups for young people.",
            "min_age": 11,
            "max_age": 18,
            "cost": "free",
            "website": "https://calm.example.org/",
            # Publishing needs where the contact came from, and how support is given.
            "contact_source_url": "https://calm.example.org/contact",
            "contact_source_read_on": "2026-12-01",
            "delivery_modes": [DeliveryMode.objects.get(slug="online").pk],
            "is_national": "on",
            "thrive_categories": [ThriveCategory.objects.get(slug="getting-help").pk],
            "audiences": [Audience.objects.get(slug="young-people").pk],
            "needs": [anxiety.pk],
            "locations-TOTAL_FORMS": 0,
            "locations-INITIAL_FORMS": 0,
            "links-TOTAL_FORMS": 0,
            "links-INITIAL_FORMS": 0,
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from directory.search.engine import search

    found = search(Service.objects.published(), "worried")
    assert [service.slug for service in found] == ["calm-club"]
