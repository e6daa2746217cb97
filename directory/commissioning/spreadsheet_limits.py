"""How big a spreadsheet import may be, and how many run at once (docs/admin.md, "Limits").

An import runs in the request (its preview, then its confirmation), one row at a time with the
admin's checks, so it holds a worker while it runs. The file's size and rows bound the work of
reading it; IMPORT_SECONDS bounds the rest, ending every import well inside gunicorn's worker
timeout (config/gunicorn.py, 30 s) with a plain message; and one import at a time per instance
leaves every other worker to the public pages (figures in docs/admin.md).

- The file's size is checked first: from the request's Content-Length before its body is read
  (`content_length`), then the uploaded file's own size.
- Its rows are then counted without reading the whole file: CSV row by row, XLSX with openpyxl
  in read-only mode; the count stops as soon as it passes the limit.
"""

import contextlib
import csv
import fcntl
import io

from directory.commissioning.spreadsheet_previews import folder

MAX_BYTES = 2 * 1024 * 1024  # 2 MB
MAX_ROWS = 500  # services, not counting the column names or blank rows
# An import (its preview, or its confirmation) that has not finished its rows by then stops,
# and nothing is imported: well inside gunicorn's worker timeout (30 s), so the request ends
# with a plain message, never a killed worker and a 500.
IMPORT_SECONDS = 20
OUT_OF_TIME = (
    f"The import took longer than {IMPORT_SECONDS} seconds, so it was stopped here. Nothing "
    "was imported: split the file into smaller ones (for example one per borough) and "
    "import each."
)
# A form's other fields and the multipart framing around the file: a request whose
# Content-Length is more than the file limit and this cannot hold a file within it.
UPLOAD_OVERHEAD = 64 * 1024


class ImportBusy(Exception):
    pass


BUSY = (
    "Another spreadsheet import is running. Nothing was imported: try again in a minute "
    "(confirm the preview again, or upload the file again)."
)


def megabytes(size):
    return f"{size / (1024 * 1024):.1f} MB"


def content_length(request):
    try:
        return int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return 0


def size_problem(size, upload=False):
    """What to tell the user when a file of `size` bytes (or, with `upload`, a request of that
    size) is too big to import; None when it is not."""
    limit = MAX_BYTES + (UPLOAD_OVERHEAD if upload else 0)
    if size <= limit:
        return None
    return (
        f"The file is {megabytes(size)}; an import takes at most {megabytes(MAX_BYTES)} "
        f"and {MAX_ROWS:,} services. Nothing was imported: split it into smaller files "
        "(for example one per borough) and import each."
    )


def row_problem(upload, extension):
    """What to tell the user when the uploaded file has more than MAX_ROWS services; None
    when it has not, or when it cannot be read (the import then says so itself)."""
    try:
        rows = _count_rows(upload, extension, stop_after=MAX_ROWS)
    except Exception:  # not a readable CSV or XLSX: the import's own reading reports it
        return None
    finally:
        upload.seek(0)
    if rows <= MAX_ROWS:
        return None
    return (
        f"The file has more than {MAX_ROWS:,} services; an import takes at most {MAX_ROWS:,} "
        f"and {megabytes(MAX_BYTES)}. Nothing was imported: split it into smaller files "
        "(for example one per borough) and import each."
    )


def _count_rows(upload, extension, stop_after):
    """The file's rows that are not blank, less the first (the column names), counted up to
    one past `stop_after`."""
    upload.seek(0)
    if extension == "xlsx":
        import openpyxl  # only for .xlsx uploads: a large library, loaded when one comes

        book = openpyxl.load_workbook(upload, read_only=True, data_only=True)
        try:
            lines = book.active.iter_rows(values_only=True)
            return _count(lines, stop_after)
        finally:
            book.close()
    text = io.TextIOWrapper(upload, encoding="utf-8-sig", errors="replace", newline="")
    try:
        return _count(csv.reader(text), stop_after)
    finally:
        text.detach()  # leave the upload open for the import


def _count(lines, stop_after):
    count = 0
    for line in lines:
        if any(cell not in (None, "") and str(cell).strip() for cell in line):
            count += 1
            if count > stop_after + 1:
                break
    return max(count - 1, 0)


@contextlib.contextmanager
def one_import_at_a_time():
    """Holds this instance's import lock (a file lock, shared by its worker processes) or
    raises ImportBusy at once when another import holds it."""
    with open(folder() / ".import.lock", "a") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportBusy(BUSY) from None
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
