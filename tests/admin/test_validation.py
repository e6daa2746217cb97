"""Issue 12, requirement 5 (the admin form's part): clear messages for ages."""

import pytest

from .helpers import form_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("ages", "message"),
    [
        ({"min_age": 18, "max_age": 11}, "The youngest age cannot be above the oldest age."),
        ({"min_age": 11, "max_age": 30}, "Ensure this value is less than or equal to 25."),
    ],
)
def test_impossible_ages_get_a_plain_message(westminster, westminster_service, ages, message):
    url = f"/admin/directory/service/{westminster_service.pk}/change/"
    response = westminster.post(url, form_data(westminster_service, **ages))
    assert response.status_code == 200
    assert message in response.content.decode()
    westminster_service.refresh_from_db()
    assert (westminster_service.min_age, westminster_service.max_age) == (11, 18)
