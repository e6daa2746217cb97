import pytest
from django.core.management import call_command

from directory.models import Service
from directory.phone import is_valid_uk_phone
from directory.search.engine import search
from tests.factories import make_service

pytestmark = pytest.mark.django_db


def generate(count=200, **options):
    call_command("generate_directory", services=count, verbosity=0, **options)


def snapshot():
    """What a visitor could see of every generated service."""
    services = Service.objects.filter(slug__startswith="gen-").with_detail_data().order_by("slug")
    return [
        (
            s.slug,
            s.name,
            s.summary,
            s.organisation.name,
            s.min_age,
            s.max_age,
            s.is_national,
            s.status,
            s.phone,
            s.website,
            sorted(b.slug for b in s.boroughs.all()),
            sorted(n.slug for n in s.needs.all()),
            sorted(t.slug for t in s.thrive_categories.all()),
            sorted(r.slug for r in s.referral_routes.all()),
        )
        for s in services
    ]


def test_makes_the_number_asked_for_mostly_published():
    generate(200)

    generated = Service.objects.filter(slug__startswith="gen-")
    assert generated.count() == 200
    assert generated.published().count() >= 170


def test_every_generated_service_is_valid_and_can_be_contacted():
    generate(200)

    for service in Service.objects.filter(slug__startswith="gen-").with_detail_data():
        service.full_clean()
        assert service.phone or service.website, service.slug
        assert not service.phone or is_valid_uk_phone(service.phone)
        assert 1 <= service.thrive_categories.count() <= 2
        assert 1 <= service.needs.count() <= 4
        assert service.audiences.exists()
        assert service.is_national or 1 <= service.boroughs.count() <= 3


def test_services_spread_across_london_with_a_few_national_ones():
    generate(1000)

    generated = Service.objects.filter(slug__startswith="gen-")
    boroughs_covered = generated.values("boroughs").exclude(boroughs=None).distinct().count()
    assert boroughs_covered == 33
    assert 5 <= generated.national().count() <= 50
    assert generated.for_age(3).exists() and generated.for_age(24).exists()


def test_the_same_seed_gives_the_same_directory():
    generate(150, seed=7)
    first = snapshot()

    generate(150, seed=7, clear=True)

    assert snapshot() == first
    generate(150, seed=8, clear=True)
    assert snapshot() != first


def test_clear_then_generate_does_not_duplicate():
    generate(200)
    generate(200, clear=True)

    assert Service.objects.filter(slug__startswith="gen-").count() == 200


def test_running_again_tops_up_to_the_count_asked_for():
    generate(100)
    generate(250)

    assert Service.objects.filter(slug__startswith="gen-").count() == 250


def test_clear_leaves_real_services_alone():
    real = make_service(slug="kooth", name="Kooth")
    generate(50)

    generate(0, clear=True)

    assert list(Service.objects.all()) == [real]


def test_generated_services_are_found_by_search_and_filters():
    generate(30)
    service = Service.objects.filter(slug__startswith="gen-").with_card_data().first()
    need = service.needs.first()
    borough = service.boroughs.first() if not service.is_national else None

    by_need = Service.objects.with_needs(need.slug)
    assert by_need.filter(pk=service.pk).exists()
    if borough:
        assert Service.objects.in_borough(borough.slug).filter(pk=service.pk).exists()
    assert service in search(Service.objects.all(), service.name)
