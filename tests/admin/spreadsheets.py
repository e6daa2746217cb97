"""Spreadsheets as a commissioner's browser sends and receives them: export from the list,
upload for a preview, confirm."""

import csv
import html
import io

import openpyxl

EXPORT = "/admin/directory/service/export/"
IMPORT = "/admin/directory/service/import/"
CONFIRM = "/admin/directory/service/process_import/"
FORMAT = {"csv": "0", "xlsx": "1"}  # the order the import and export pages offer them


def read_sheet(content, kind="csv"):
    """The rows of a downloaded spreadsheet, as dicts by column name (all text)."""
    if kind == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(content)).active
        rows = [
            ["" if cell is None else str(cell) for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
        return rows[0], [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]
    reader = csv.DictReader(io.StringIO(content.decode("utf-8-sig")))
    rows = list(reader)
    return reader.fieldnames, rows


def export(client, query="", kind="csv", **data):
    response = client.post(f"{EXPORT}{query}", {"format": FORMAT[kind], "resource": "0", **data})
    assert response.status_code == 200, response.content.decode()[:2000]
    return read_sheet(response.content, kind)[1]


def as_file(rows, kind="csv"):
    headers = list(rows[0])
    data = io.BytesIO()
    if kind == "xlsx":
        book = openpyxl.Workbook()
        book.active.append(headers)
        for row in rows:
            book.active.append([row[header] for header in headers])
        book.save(data)
    else:
        text = io.StringIO()
        writer = csv.DictWriter(text, headers)
        writer.writeheader()
        writer.writerows(rows)
        data.write(text.getvalue().encode())
    data.seek(0)
    data.name = f"services.{kind}"
    return data


def preview(client, rows, kind="csv"):
    """Upload a spreadsheet: the preview page (nothing changes yet)."""
    return client.post(
        IMPORT, {"format": FORMAT[kind], "resource": "0", "import_file": as_file(rows, kind)}
    )


def confirm(client, page):
    """Press "Confirm import" on a preview page."""
    form = page.context["confirm_form"]
    data = {name: form.initial.get(name, "") for name in form.fields}
    return client.post(CONFIRM, data, follow=True)


def import_(client, rows, kind="csv"):
    page = preview(client, rows, kind)
    assert page.context.get("confirm_form") is not None, problems(page)
    return confirm(client, page)


def page_text(page):
    return html.unescape(page.content.decode())


def problems(page):
    """The problems the page lists, as the user reads them (each checked to be on the page)."""
    listed = list(page.context.get("problems") or []) if page.context else []
    text = page_text(page)
    assert all(problem in text for problem in listed)
    return listed


def messages(page):
    return [str(message) for message in page.context["messages"]]
