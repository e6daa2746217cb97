"""Issue 22, requirement 5: an import's files are the import's own. The confirmation takes only
a file this user's preview made, within the hour; any other name is refused in plain words
(never a 500, never another file read or deleted); previews' files are removed when confirmed,
when they had a problem, on expiry and by `manage.py clear_import_previews`. And (item 10) a
preview never confirmed leaves the public pages' cache as it was."""

import os
import tempfile
import time
from io import StringIO
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command
from import_export.tmp_storages import TempFolderStorage

from directory import caching
from directory.commissioning import spreadsheet_previews
from directory.models import Service

from .spreadsheets import CONFIRM, FORMAT, as_file, export, messages, page_text, preview

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def preview_folder(settings, tmp_path):
    settings.FINDHELP_IMPORT_PREVIEW_DIR = str(tmp_path / "previews")
    return tmp_path / "previews"


def kept(folder):
    if not folder.exists():
        return []
    return sorted(path.name for path in folder.iterdir() if not path.name.startswith("."))


def confirmation(page, **changed):
    form = page.context["confirm_form"]
    return {**{name: form.initial.get(name, "") for name in form.fields}, **changed}


def a_preview(client):
    rows = export(client)
    rows[0]["opening_hours"] = "Mondays"
    page = preview(client, rows)
    assert page.context["confirm_form"] is not None
    return page


def opening_hours():
    return list(Service.objects.values_list("opening_hours", flat=True))


def test_only_the_user_whose_preview_it_is_can_confirm_it(
    westminster, make_commissioner, westminster_service, preview_folder
):
    page = a_preview(westminster)
    assert len(kept(preview_folder)) == 1
    colleague = make_commissioner("wanda", "westminster")
    response = colleague.post(CONFIRM, confirmation(page))
    assert response.status_code == 200
    assert spreadsheet_previews.NOT_YOURS in page_text(response)
    assert opening_hours() == [""]
    assert len(kept(preview_folder)) == 1  # still there for its owner
    done = westminster.post(CONFIRM, confirmation(page), follow=True)
    assert messages(done) == ["Imported: 0 services added, 1 changed, 0 unchanged."]
    assert opening_hours() == ["Mondays"]
    assert kept(preview_folder) == []  # removed once imported
    # The same confirmation again: the file is gone, and it says so.
    response = westminster.post(CONFIRM, confirmation(page))
    assert response.status_code == 200
    assert spreadsheet_previews.GONE in page_text(response)


def test_a_tampered_or_missing_name_never_reads_or_deletes_another_file(
    westminster, westminster_service, django_user_model
):
    wendy = django_user_model.objects.get(username="wendy")
    secret = TempFolderStorage(encoding="utf-8", read_mode="r")
    secret.save(b"slug,name\nsecret-first-line,Secret\n")  # the attack: the server's temp folder
    victim = Path(tempfile.gettempdir()) / secret.name
    page = a_preview(westminster)
    signed = page.context["confirm_form"].initial["import_file_name"]
    try:
        for name in [
            victim.name,
            str(victim),
            f"../{victim.name}",
            signed[:-2] + ("AA" if not signed.endswith("AA") else "BB"),  # tampered signature
            spreadsheet_previews.sign(f"../../{victim.name}", wendy),  # not a preview's name
            "",
        ]:
            response = westminster.post(CONFIRM, confirmation(page, import_file_name=name))
            assert response.status_code == 200, name
            text = page_text(response)
            assert spreadsheet_previews.NOT_YOURS in text or "This field is required" in text
            assert "secret-first-line" not in text
            assert victim.exists()
        response = westminster.post(CONFIRM, {"format": FORMAT["csv"], "resource": "0"})
        assert response.status_code == 200
    finally:
        victim.unlink(missing_ok=True)
    assert opening_hours() == [""]


def test_a_preview_expires_after_an_hour_and_its_file_is_removed(
    westminster, westminster_service, preview_folder, monkeypatch
):
    page = a_preview(westminster)
    later = time.time() + spreadsheet_previews.PREVIEW_SECONDS + 1
    monkeypatch.setattr(spreadsheet_previews.time, "time", lambda: later)
    response = westminster.post(CONFIRM, confirmation(page))
    assert response.status_code == 200
    assert spreadsheet_previews.EXPIRED in page_text(response)
    assert 'href="/admin/directory/service/import/"' in page_text(response)  # upload again
    assert kept(preview_folder) == []
    assert opening_hours() == [""]


def test_a_preview_with_a_problem_keeps_no_file(westminster, westminster_service, preview_folder):
    row = {**export(westminster)[0], "borough": "Westminter"}
    page = preview(westminster, [row])
    assert page.context.get("confirm_form") is None
    assert kept(preview_folder) == []


def test_expired_previews_are_removed_by_a_command_and_by_each_new_preview(
    westminster, westminster_service, preview_folder
):
    a_preview(westminster)
    a_preview(westminster)
    old, recent = kept(preview_folder)
    two_hours_ago = time.time() - 2 * 3600
    os.utime(preview_folder / old, (two_hours_ago, two_hours_ago))
    out = StringIO()
    call_command("clear_import_previews", stdout=out)
    assert out.getvalue().startswith("Removed 1 import preview file(s)")
    assert kept(preview_folder) == [recent]
    os.utime(preview_folder / recent, (two_hours_ago, two_hours_ago))
    a_preview(westminster)  # sweeps the expired one away as it keeps its own
    assert recent not in kept(preview_folder) and len(kept(preview_folder)) == 1
    call_command("clear_import_previews", "--all", stdout=StringIO())
    assert kept(preview_folder) == []


def test_a_preview_never_confirmed_leaves_the_page_cache_as_it_was(
    westminster, westminster_service
):
    cache.clear()
    before = caching.generation()
    page = a_preview(westminster)
    assert cache.get(caching.GENERATION_KEY) == before
    westminster.post(CONFIRM, confirmation(page))
    assert cache.get(caching.GENERATION_KEY) != before  # a confirmed import moves it on


def test_a_direct_post_of_another_file_to_the_confirmation_imports_nothing(
    westminster, westminster_service, rbkc_service
):
    storage = TempFolderStorage(encoding="utf-8-sig", read_mode="r")
    storage.save(as_file([{**export(westminster)[0], "phone": "020 7946 0998"}]).read())
    try:
        response = westminster.post(
            CONFIRM,
            {
                "import_file_name": storage.name,
                "original_file_name": "services.csv",
                "format": FORMAT["csv"],
                "resource": "0",
            },
        )
        assert response.status_code == 200
        assert spreadsheet_previews.NOT_YOURS in page_text(response)
    finally:
        storage.remove()
    westminster_service.refresh_from_db()
    assert westminster_service.phone == "020 7946 0001"
