"""The vocabulary rows the code relies on (directory/facts.py) in the admin: an administrator
may rename them for people, not change their slug or delete them."""

import pytest

from directory.models import Audience, Need, ThriveCategory

from .helpers import sign_in

pytestmark = pytest.mark.django_db

NEED = "/admin/directory/need/{}/{}/"


@pytest.fixture
def administrator(client, django_user_model):
    user = django_user_model.objects.create_superuser("ada", "ada@example.org", "a long password")
    return sign_in(client, user)


def need_form(need, **changes):
    data = {
        "name": need.name,
        "slug": need.slug,
        "position": need.position,
        "label": need.label,
        "synonyms": '["self harm"]',
    }
    return {**data, **changes}


def test_a_declared_slug_is_read_only_but_its_words_can_change(administrator):
    need = Need.objects.get(slug="self-harm")
    page = administrator.get(NEED.format(need.pk, "change")).content.decode()
    assert 'name="slug"' not in page and 'name="label"' in page
    response = administrator.post(
        NEED.format(need.pk, "change"), need_form(need, slug="self-injury", label="Hurting self")
    )
    assert response.status_code == 302
    need.refresh_from_db()
    assert (need.slug, need.label) == ("self-harm", "Hurting self")


def test_a_declared_row_cannot_be_deleted_one_by_one_or_in_bulk(administrator):
    need = Need.objects.get(slug="self-harm")
    assert administrator.get(NEED.format(need.pk, "delete")).status_code == 403
    assert administrator.post(NEED.format(need.pk, "delete"), {"post": "yes"}).status_code == 403
    administrator.post(
        "/admin/directory/need/",
        {"action": "delete_selected", "_selected_action": [need.pk], "post": "yes"},
    )
    assert Need.objects.filter(slug="self-harm").exists()
    category = ThriveCategory.objects.get(slug="getting-risk-support")
    url = f"/admin/directory/thrivecategory/{category.pk}/delete/"
    assert administrator.get(url).status_code == 403
    audience = Audience.objects.get(slug="young-people")
    assert administrator.get(f"/admin/directory/audience/{audience.pk}/delete/").status_code == 403


def test_a_new_row_can_be_added_renamed_and_deleted(administrator):
    response = administrator.post(
        "/admin/directory/need/add/",
        {"name": "Loneliness", "slug": "loneliness", "position": 30, "label": "Feeling alone",
         "synonyms": "[]"},
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    need = Need.objects.get(slug="loneliness")
    page = administrator.get(NEED.format(need.pk, "change")).content.decode()
    assert 'name="slug"' in page
    response = administrator.post(NEED.format(need.pk, "change"), need_form(need, slug="lonely"))
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.slug == "lonely"
    assert administrator.post(NEED.format(need.pk, "delete"), {"post": "yes"}).status_code == 302
    assert not Need.objects.filter(pk=need.pk).exists()
