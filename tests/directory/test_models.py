import pytest
from django.db import IntegrityError, transaction

from directory.models import AgeBand, Borough, Need, Service, ThriveCategory
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def test_a_service_cannot_have_a_minimum_age_above_its_maximum():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_service(min_age=16, max_age=11)


def test_a_service_cannot_be_for_people_older_than_25():
    with pytest.raises(IntegrityError), transaction.atomic():
        make_service(min_age=18, max_age=30)


def test_a_service_can_be_for_a_single_age():
    service = make_service(min_age=5, max_age=5)
    assert Service.objects.for_age(5).get() == service


def test_service_slugs_are_unique():
    make_service(slug="kooth")
    with pytest.raises(IntegrityError), transaction.atomic():
        make_service(slug="kooth")


def test_an_age_band_cannot_run_backwards():
    with pytest.raises(IntegrityError), transaction.atomic():
        AgeBand.objects.create(slug="bad", name="Bad", min_age=10, max_age=5)


def test_the_thrive_categories_exist_in_their_framework_order():
    assert list(ThriveCategory.objects.values_list("slug", flat=True)) == [
        "thriving",
        "getting-advice",
        "getting-help",
        "getting-more-help",
        "getting-risk-support",
    ]


def test_all_33_london_boroughs_exist_with_their_ons_codes():
    assert Borough.objects.count() == 33
    assert Borough.objects.get(slug="kensington-and-chelsea").gss_code == "E09000020"
    assert Borough.objects.get(slug="westminster").gss_code == "E09000033"
    assert Borough.objects.get(slug="hammersmith-and-fulham").gss_code == "E09000013"
    assert Borough.objects.get(slug="city-of-london").gss_code == "E09000001"
    codes = set(Borough.objects.values_list("gss_code", flat=True))
    assert codes == {f"E090000{n:02d}" for n in range(1, 34)}


def test_every_need_in_the_design_vocabulary_has_a_label_and_synonyms():
    design_slugs = {
        "anxiety", "low-mood", "self-harm", "suicidal-thoughts", "eating-difficulties",
        "behaviour", "early-years", "neurodiversity", "drugs-and-alcohol", "bereavement",
        "trauma", "domestic-abuse", "family-relationships", "gender-and-sexuality",
        "school-stress", "body-image", "sleep", "young-carers", "parenting",
    }  # fmt: skip
    needs = {need.slug: need for need in Need.objects.all()}
    assert design_slugs <= needs.keys()
    for slug in design_slugs:
        assert needs[slug].label
        assert needs[slug].synonyms
    assert "adhd" in needs["neurodiversity"].synonyms
    assert "autism" in needs["neurodiversity"].synonyms


def test_age_bands_cover_0_to_25_without_gaps():
    bands = list(AgeBand.objects.order_by("min_age"))
    assert bands[0].min_age == 0
    assert bands[-1].max_age == 25
    for earlier, later in zip(bands, bands[1:], strict=False):
        assert later.min_age == earlier.max_age + 1


def test_service_links_to_its_public_page():
    service = make_service(slug="kooth")
    assert service.get_absolute_url() == "/services/kooth/"
    assert str(service) == service.name


def test_the_boroughs_in_the_database_are_the_ones_the_pages_without_it_use(db):
    """The data migration froze London's boroughs; urgent help reads pages/london.py.
    A change to either needs a migration for the other."""
    from directory.models import Borough
    from pages.london import BOROUGHS, borough_slug

    in_database = set(
        Borough.objects.values_list("name", "slug", "gss_code", "integrated_care_board")
    )
    assert in_database == {(name, borough_slug(name), code, icb) for name, code, icb in BOROUGHS}
