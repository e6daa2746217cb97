import copy
import datetime
import json

import pytest
from django.core.management import CommandError, call_command

from directory.loading import DirectoryDataError, load_directory_data
from directory.models import Location, Organisation, Service

pytestmark = pytest.mark.django_db

DOCUMENT = {
    "organisations": [{"slug": "kooth", "name": "Kooth plc", "website": "https://www.kooth.com"}],
    "services": [
        {
            "slug": "kooth",
            "name": "Kooth",
            "organisation": "kooth",
            "summary": "Free online counselling.",
            "description": "",
            "status": "published",
            "thrive": ["getting-advice", "getting-help"],
            "need": ["anxiety", "low-mood"],
            "borough": ["westminster", "kensington-and-chelsea"],
            "is_national": False,
            "min_age": 11,
            "max_age": 25,
            "audience": ["young-people"],
            "referral": ["self"],
            "delivery": ["online"],
            "cost": "free",
            "language": ["English"],
            "is_crisis": False,
            "phone": "",
            "website": "https://www.kooth.com",
            "locations": [
                {"name": "Hub", "address": "1 High Street, London", "postcode": "W2 1AA"}
            ],
            "eligibility": ["lives-in-borough"],
            "eligibility_note": "For young people in Westminster.",
            "contact_source_url": "https://www.kooth.com/",
            "contact_source_read_on": "2026-12-01",
            "source": "001: Our EWMH offer",
            "source_date": "2022-04-01",
            "essential": "online",
        }
    ],
}


def test_loading_twice_duplicates_nothing():
    first = load_directory_data(copy.deepcopy(DOCUMENT))
    second = load_directory_data(copy.deepcopy(DOCUMENT))
    assert (first.created, first.updated) == (1, 0)
    assert (second.created, second.updated) == (0, 1)
    assert Service.objects.count() == 1
    assert Organisation.objects.count() == 1
    assert Location.objects.count() == 1
    service = Service.objects.get()
    assert service.boroughs.count() == 2
    assert sorted(service.needs.values_list("slug", flat=True)) == ["anxiety", "low-mood"]


def test_loads_the_sources_and_their_dates_and_the_borough_essential():
    load_directory_data(copy.deepcopy(DOCUMENT))
    service = Service.objects.get()
    assert service.source_date == datetime.date(2022, 4, 1)
    assert service.contact_source_url == "https://www.kooth.com/"
    assert service.contact_source_read_on == datetime.date(2026, 12, 1)
    assert service.essential == "online"
    assert service.confirmed_on is None
    assert service.confirmed_by == ""


@pytest.mark.parametrize("key", ["confirmed_on", "confirmed_by", "last_reviewed_on"])
def test_a_data_file_cannot_confirm_a_service(key):
    document = copy.deepcopy(DOCUMENT)
    document["services"][0][key] = "2026-11-22"
    with pytest.raises(DirectoryDataError) as error:
        load_directory_data(document)
    assert "only from the admin" in str(error.value)
    assert not Service.objects.exists()


def test_a_date_that_is_not_a_date_is_a_clear_problem():
    document = copy.deepcopy(DOCUMENT)
    document["services"][0]["source_date"] = "April 2022"
    with pytest.raises(DirectoryDataError) as error:
        load_directory_data(document)
    assert "not a date: 'April 2022' (write it as 2026-12-01)" in str(error.value)


def test_an_unknown_essential_is_refused():
    document = copy.deepcopy(DOCUMENT)
    document["services"][0]["essential"] = "gp"
    with pytest.raises(DirectoryDataError) as error:
        load_directory_data(document)
    assert "essential" in str(error.value)


def test_loading_again_updates_a_changed_entry():
    load_directory_data(copy.deepcopy(DOCUMENT))
    changed = copy.deepcopy(DOCUMENT)
    changed["services"][0]["max_age"] = 18
    changed["services"][0]["borough"] = ["westminster"]
    load_directory_data(changed)
    service = Service.objects.get()
    assert service.max_age == 18
    assert list(service.boroughs.values_list("slug", flat=True)) == ["westminster"]


def test_each_boroughs_page_and_the_may_have_changed_flag_are_loaded_and_replaced():
    document = copy.deepcopy(DOCUMENT)
    entry = document["services"][0]
    entry["links"] = [
        {"borough": "westminster", "url": "https://example.org/westminster"},
        {"borough": "kensington-and-chelsea", "url": "https://example.org/rbkc"},
    ]
    entry["may_have_changed"] = True
    entry["change_note"] = "A pilot in 2022."
    load_directory_data(copy.deepcopy(document))
    load_directory_data(document)
    service = Service.objects.get()
    assert dict(service.links.values_list("borough__slug", "url")) == {
        "westminster": "https://example.org/westminster",
        "kensington-and-chelsea": "https://example.org/rbkc",
    }
    assert service.may_have_changed
    assert service.change_note == "A pilot in 2022."


@pytest.mark.parametrize(
    ("link", "problem"),
    [
        ({"borough": "narnia", "url": "https://example.org/"}, "unknown link borough: narnia"),
        ({"borough": "westminster", "url": "not a url"}, "link: Enter a valid URL"),
    ],
)
def test_a_bad_link_is_reported_and_nothing_is_loaded(link, problem):
    document = copy.deepcopy(DOCUMENT)
    document["services"][0]["links"] = [link]
    with pytest.raises(DirectoryDataError, match=problem):
        load_directory_data(document)
    assert Service.objects.count() == 0


def test_bad_data_is_reported_and_nothing_is_loaded():
    broken = copy.deepcopy(DOCUMENT)
    broken["services"][0]["phone"] = "020 7946 000"
    broken["services"][0]["need"] = ["anxiety", "worries"]
    with pytest.raises(DirectoryDataError) as error:
        load_directory_data(broken)
    message = str(error.value)
    assert "phone" in message
    assert "unknown need: worries" in message
    assert Service.objects.count() == 0


def test_a_field_the_loader_does_not_know_is_reported_not_dropped():
    misspelt = copy.deepcopy(DOCUMENT)
    misspelt["services"][0]["needs"] = misspelt["services"][0].pop("need")
    with pytest.raises(DirectoryDataError, match="unknown field 'needs'"):
        load_directory_data(misspelt)
    assert Service.objects.count() == 0


def test_the_command_says_what_is_wrong_with_a_bad_file(tmp_path):
    path = tmp_path / "directory.json"
    path.write_text("{not json")
    with pytest.raises(CommandError, match="not a valid directory file"):
        call_command("load_directory", str(path))
    with pytest.raises(CommandError, match="No directory file"):
        call_command("load_directory", str(tmp_path / "missing.json"))


def test_the_real_dataset_loads_twice_without_duplicating(real_directory):
    count = Service.objects.count()
    locations = Location.objects.count()
    call_command("load_directory", verbosity=0)
    assert Service.objects.count() == count
    assert Location.objects.count() == locations
    assert Service.objects.published().count() >= 45


def test_the_command_reads_a_given_file(tmp_path):
    path = tmp_path / "directory.json"
    path.write_text(json.dumps(DOCUMENT))
    call_command("load_directory", str(path), verbosity=0)
    assert Service.objects.get().slug == "kooth"
