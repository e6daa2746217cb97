"""The importer takes services only and loses nothing without saying so (issue 25,
requirement 5): what each file is, duplicates, the fullest copy, ids per source, every value
not kept, no history row for nothing, nothing half-created, and our own feed round trip."""

import json
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

from directory.models import Location, Organisation, Service
from openreferral.models import ImportedOrganisation, ImportedService
from tests.openreferral.conftest import profile_dir

DATA = Path(__file__).resolve().parent.parent / "data" / "openreferral"
FULL = DATA / "service_full.json"


def run(source, *args):
    out = StringIO()
    call_command("import_openreferral", str(source), "--delay", "0", *args, stdout=out)
    return out.getvalue()


def full_record(**changes):
    record = json.loads(FULL.read_text())
    record.update(changes)
    return record


def write(folder, name, document):
    (folder / name).write_text(json.dumps(document))


def test_the_profiles_examples_import_services_only(db, tmp_path, oruk_profile):
    """The official examples: organisations, taxonomies, terms and services at locations are
    reported by what they are; only services become drafts. A broken file does not stop it."""
    for example in (oruk_profile / "examples").glob("*.json"):
        shutil.copy(example, tmp_path / example.name)
    (tmp_path / "broken.json").write_text("{")
    output = run(tmp_path)
    assert "Could not read" in output and "broken.json" in output
    for line in ("organization_full.json: organisation (1)", "taxonomy.json: taxonomy (1)",
                 "taxonomy_term.json: taxonomy term (1)",
                 "service_at_location_full.json: service at a location (1)"):  # fmt: skip
        assert line in output, output
    names = set(Service.objects.values_list("name", flat=True))
    assert "name" not in names and "Example Organization Inc." not in names
    assert all(service.status == Service.Status.DRAFT for service in Service.objects.all())
    # The example service appears in service_full.json and service_list.json: once here.
    assert "Met more than once" in output
    assert Service.objects.filter(name="Community Counselling").count() == 1


@pytest.mark.parametrize("order", [("a_full.json", "b_page.json"), ("b_full.json", "a_page.json")])
def test_a_list_item_never_overwrites_the_fuller_record(db, tmp_path, order):
    full = full_record(schedules=[{"id": "s", "description": "Mondays 9 to 5"}])
    summary = {key: full[key] for key in ("id", "name", "status", "description")}
    write(tmp_path, order[0], full)
    write(tmp_path, order[1], {"contents": [summary], "total_pages": 1})
    output = run(tmp_path)
    service = Service.objects.get()
    assert service.opening_hours == "Mondays 9 to 5"
    assert service.locations.count() == 1 and service.languages.count() == 1
    assert service.cost == Service.Cost.PAID
    assert f"{full['id']} (2 copies)" in output


def test_ids_are_unique_per_named_source(db):
    run(FULL, "--name", "camden")
    run(FULL, "--name", "westminster")
    assert Service.objects.count() == 2
    assert set(ImportedService.objects.values_list("source_name", flat=True)) == {
        "camden",
        "westminster",
    }
    assert "0 new, 0 updated, 1 unchanged" in run(FULL, "--name", "camden")


def test_duplicates_in_one_feed_are_reported(db, tmp_path):
    write(tmp_path, "page.json", {"contents": [full_record()] * 128})
    output = run(tmp_path)
    assert "1 new, 0 updated" in output
    assert "(128 copies)" in output


def test_every_dropped_or_clamped_value_is_reported(db, tmp_path):
    record = full_record(
        maximum_age=100,
        service_areas=[{"id": "a", "name": "Manchester"}, {"id": "b", "name": "Westminster"}],
        phones=[{"id": "p", "number": "+1 202 555 0100"}],
    )
    write(tmp_path, "one.json", record)
    output = run(tmp_path)
    service = Service.objects.get()
    assert service.max_age == 25
    for line in ("maximum_age 100 stored as 25 (1)", "service area Manchester (not a London",
                 "phone +1 202 555 0100 (not a UK number)", "accreditations (we do not hold it)",
                 "esd-service-types: Counselling (1)"):  # fmt: skip
        assert line in output, output


def test_fees_without_cost_options_are_not_free_and_phones_lose_their_quotes(db, tmp_path):
    quoted = {"id": "p", "number": '"020 7946 0123"'}
    record = full_record(
        cost_options=[], fees="£10 a session", phones=[], contacts=[{"id": "c", "phones": [quoted]}]
    )
    write(tmp_path, "one.json", record)
    output = run(tmp_path)
    service = Service.objects.get()
    assert service.cost == Service.Cost.PAID
    assert service.phone == "020 7946 0123"
    assert "fees without a cost option" in output


def test_no_history_row_when_nothing_changed(db, tmp_path):
    write(tmp_path, "one.json", full_record())
    run(tmp_path, "--name", "feed")
    service = Service.objects.get()
    rows = service.history.count()
    assert "0 updated, 1 unchanged" in run(tmp_path, "--name", "feed")
    assert service.history.count() == rows
    write(tmp_path, "one.json", full_record(name="Community Counselling (renamed)"))
    assert "1 updated" in run(tmp_path, "--name", "feed")
    assert service.history.count() > rows


def test_each_write_is_one_history_row_holding_its_links(db, tmp_path):
    write(tmp_path, "one.json", full_record())
    run(tmp_path, "--name", "feed")
    service = Service.objects.get()
    created = service.history.get()
    assert created.history_type == "+"
    assert {row.borough.slug for row in created.boroughs.all()} == {
        "westminster",
        "kensington-and-chelsea",
    }
    assert [row.language.name for row in created.languages.all()] == ["Polish"]
    write(tmp_path, "one.json", full_record(languages=[]))
    assert "1 updated" in run(tmp_path, "--name", "feed")
    assert service.history.count() == 2
    assert not service.history.first().languages.exists()


def test_a_skipped_service_leaves_nothing_behind(db, tmp_path):
    record = full_record(url="not a web address", organization={"id": "new-org", "name": "New"})
    write(tmp_path, "one.json", record)
    output = run(tmp_path)
    assert "Skipped" in output and "website" in output
    assert not Service.objects.exists()
    assert not Organisation.objects.filter(name="New").exists()
    assert not ImportedOrganisation.objects.exists()


FIELDS = ("summary", "description", "min_age", "max_age", "website", "referral_url", "email",
          "phone", "sms_number", "sms_keyword", "eligibility_note", "referral_note", "cost",
          "cost_note", "opening_hours", "is_national", "is_crisis")  # fmt: skip
LINKS = ("needs", "thrive_categories", "boroughs", "audiences", "referral_routes",
         "delivery_modes", "eligibility_criteria", "languages")  # fmt: skip


def snapshot(service):
    return {
        **{name: getattr(service, name) for name in FIELDS},
        **{name: sorted(getattr(service, name).values_list("slug", flat=True)) for name in LINKS},
        "organisation": (service.organisation.name, service.organisation.website),
        "places": sorted(service.locations.values_list("name", "address", "postcode")),
    }


def test_our_own_feed_round_trips_field_by_field(client, real_directory, tmp_path):
    """Every published service, exported by our API and imported into an empty directory,
    comes back the same: description, assured date, eligibility criteria and crisis flag
    included."""
    for service in Service.objects.published()[:10]:
        Location.objects.create(service=service, name="Hub", address="1 High St\nLondon",
                                postcode="W2 1AA")  # fmt: skip
    before = {s.name: snapshot(s) for s in Service.objects.published()}
    assert sum(bool(s["eligibility_criteria"]) for s in before.values()) > 20
    assert sum(s["is_crisis"] for s in before.values()) > 3
    page = client.get("/api/v1/services?full=true&per_page=1000").json()
    assert page["total_items"] == len(before)
    write(tmp_path, "export.json", page)
    ImportedService.objects.all().delete()
    Service.objects.all().delete()
    Organisation.objects.all().delete()
    output = run(tmp_path)
    assert f"{len(before)} new" in output
    after = {s.name: snapshot(s) for s in Service.objects.all()}
    assert set(after) == set(before)
    differences = {
        (name, key): (value, after[name][key])
        for name, fields in before.items()
        for key, value in fields.items()
        if after[name][key] != value
    }
    assert differences == {}


def test_the_profile_is_found(oruk_profile):
    assert profile_dir() == oruk_profile
