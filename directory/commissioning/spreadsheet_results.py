"""What a spreadsheet import says (directory/commissioning/spreadsheets.py): each row's changes, for
the preview, and every problem, one plain sentence each."""

from django.core.exceptions import NON_FIELD_ERRORS
from import_export.resources import Diff

from directory.commissioning.spreadsheet_columns import column_of


class PlainDiff(Diff):
    """What a row changes, as (column, before, after), for the preview. (The library's own
    diff is coloured with inline styles, which the admin's Content Security Policy blocks.)"""

    def __init__(self, resource, instance, new):  # the base reads the values without dehydrate_
        self.left = self._read_field_values(resource, instance)
        self.right = []
        self.new = new
        self.columns = [field.column_name for field in resource.get_import_fields()]

    def compare_with(self, resource, instance):
        self.right = self._read_field_values(resource, instance)

    @classmethod
    def _read_field_values(cls, resource, instance):
        return [resource.export_field(field, instance) for field in resource.get_import_fields()]

    def as_html(self):
        return [
            (column, "" if self.new else before, after)
            for column, before, after in zip(self.columns, self.left, self.right, strict=False)
            if before != after or (self.new and after)
        ]


def row_problems(result):
    """Every problem in an import's result, one plain sentence each: "Row 7, borough: …".
    Rows are counted as a spreadsheet shows them: the column names are row 1."""
    problems = [str(error.error) for error in result.base_errors]
    for number, errors in result.row_errors():
        problems += [f"Row {number + 1}: {error.error}" for error in errors]
    for row in result.invalid_rows:
        for name, messages in row.error_dict.items():
            where = f"Row {row.number + 1}"
            if name != NON_FIELD_ERRORS:
                where += f", {column_of(name)}"
            problems += [f"{where}: {message}" for message in messages]
    return problems
