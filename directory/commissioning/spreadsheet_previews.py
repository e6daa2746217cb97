"""An import's file, kept from its preview until it is confirmed: this user's only, for an hour.

django-import-export writes the uploaded file to a temporary storage at the preview and names
it in the confirmation form; the confirmation reads that name back, opens the file and deletes
it. Out of the box the name is a path in the server's temp folder, so a tampered name read and
deleted any file there. Here:

- the files are kept in a folder of their own (`FINDHELP_IMPORT_PREVIEW_DIR`, by default
  `findhelp-import-previews` in the temp folder), under random names; `PreviewStorage` opens
  nothing else;
- the confirmation form carries the name signed (Django's signing, with the secret key)
  together with the user's id and the time: another user's name, a changed one or one older
  than `PREVIEW_SECONDS` is refused in plain words (`opened`), never a 500;
- a file is removed when it is confirmed, when its preview had a problem (nothing to confirm),
  when an expired name is presented, at every new preview for any older than an hour, and by
  `manage.py clear_import_previews`.
"""

import re
import tempfile
import time
import uuid
from pathlib import Path

from django.conf import settings
from django.core import signing
from import_export.tmp_storages import BaseStorage

PREVIEW_SECONDS = 60 * 60  # a preview must be confirmed within this
SALT = "findhelp.import-preview"
NAME = re.compile(r"[0-9a-f]{32}")


class PreviewRefused(Exception):
    """What to tell the user when a confirmation names no file of theirs."""


NOT_YOURS = (
    "This import's preview is not one of yours, or its form was changed. Nothing was imported: "
    "upload the file again."
)
EXPIRED = (
    "This import's preview is more than an hour old, so it has expired. Nothing was imported: "
    "upload the file again."
)
GONE = (
    "This import's file is no longer kept: it was imported already, or its preview expired. "
    "Nothing was imported this time: upload the file again if it is still needed."
)


def folder():
    configured = getattr(settings, "FINDHELP_IMPORT_PREVIEW_DIR", "")
    path = Path(configured or Path(tempfile.gettempdir()) / "findhelp-import-previews")
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    return path


class PreviewStorage(BaseStorage):
    """django-import-export's temporary storage (IMPORT_EXPORT_TMP_STORAGE_CLASS's interface),
    in the previews' own folder under random names. A name that is not one it made is never
    opened or deleted."""

    def save(self, data):
        clear_expired()  # each new preview sweeps away the ones never confirmed
        self.name = uuid.uuid4().hex
        if isinstance(data, str):
            data = data.encode(self.encoding or "utf-8")
        self.path().write_bytes(data)

    def read(self):
        try:
            with open(self.path(), self.read_mode, encoding=self.encoding) as file:
                return file.read()
        except FileNotFoundError:
            raise PreviewRefused(GONE) from None

    def remove(self):
        self.path().unlink(missing_ok=True)

    def path(self):
        if not (isinstance(self.name, str) and NAME.fullmatch(self.name)):
            raise PreviewRefused(NOT_YOURS)
        return folder() / self.name


def sign(name, user):
    """The name the confirmation form carries: the file's, bound to the user and the time."""
    return signing.dumps({"name": name, "user": str(user.pk), "at": time.time()}, salt=SALT)


def opened(signed, user):
    """The file's name from a confirmation form's signed name, when it is this user's and
    unexpired and its file is still kept; otherwise PreviewRefused, saying why. An expired
    preview's file is removed."""
    try:
        value = signing.loads(signed or "", salt=SALT)
    except signing.BadSignature:
        raise PreviewRefused(NOT_YOURS) from None
    if not isinstance(value, dict) or value.get("user") != str(user.pk):
        raise PreviewRefused(NOT_YOURS)
    storage = PreviewStorage(name=value.get("name"))
    path = storage.path()
    if time.time() - float(value.get("at", 0)) > PREVIEW_SECONDS:
        storage.remove()
        raise PreviewRefused(EXPIRED)
    if not path.exists():
        raise PreviewRefused(GONE)
    return storage.name


def clear_expired(older_than=PREVIEW_SECONDS):
    """Removes the previews' files older than `older_than` seconds; returns how many."""
    cutoff = time.time() - older_than
    removed = 0
    for path in folder().iterdir():
        try:
            if NAME.fullmatch(path.name) and path.stat().st_mtime < cutoff:
                path.unlink()
                removed += 1
        except FileNotFoundError:  # removed meanwhile (its confirmation, another sweep)
            continue
    return removed
