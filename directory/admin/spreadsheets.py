"""Import and export of services as spreadsheets (CSV, XLSX) in the admin, with
django-import-export: a template to start from, a preview (a dry run), every problem in plain
words, and all or nothing. The rows and their checks are directory/commissioning/spreadsheets.py;
who may import or export what is the ServiceAdmin's own permission methods
(directory/commissioning/roles.py)."""

import tablib
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ExportForm, ImportForm
from import_export.results import RowResult

from ..commissioning import spreadsheet_limits as limits
from ..commissioning import spreadsheet_previews as previews
from ..commissioning.spreadsheet_cells import escape_formula
from ..commissioning.spreadsheets import COLUMNS, DELIMITER, ServiceResource, row_problems
from ..maintenance import analyze
from ..models import Organisation, Service, ServiceLink


class EscapedFormulae:
    """A format whose export escapes every cell that a spreadsheet program would run as a
    formula (=, +, -, @, tab, return first): written with an apostrophe before it, which the
    import takes off again (spreadsheet_cells.escape_formula). django-import-export's own
    setting, IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT, only drops a leading '=' (leaving +, -
    and @, and changing the text) and writes every empty cell as 'None'."""

    def export_data(self, dataset, **kwargs):
        escaped = tablib.Dataset(headers=dataset.headers, title=dataset.title)
        for row in dataset:
            escaped.append([escape_formula(cell) for cell in row])
        return super().export_data(escaped, **kwargs)


class EscapedCSV(EscapedFormulae, CSV):
    pass


class EscapedXLSX(EscapedFormulae, XLSX):
    pass


FORMATS = {"csv": EscapedCSV, "xlsx": EscapedXLSX}


class SpreadsheetImportForm(ImportForm):
    """The import page's form: a file within the limits (spreadsheet_limits.py), its size
    checked first and its rows counted without reading the whole file."""

    def __init__(self, formats, resources, **kwargs):
        super().__init__(formats, resources, **kwargs)
        self.formats = formats

    def clean(self):
        data = super().clean()
        upload, chosen = data.get("import_file"), data.get("format")
        if upload is None or chosen in (None, ""):
            return data
        try:
            file_format = self.formats[int(chosen)]
        except (ValueError, IndexError):
            return data
        problem = limits.size_problem(upload.size) or limits.row_problem(
            upload, file_format().get_extension()
        )
        if problem:
            self.add_error("import_file", problem)
        return data


class ServiceSpreadsheets(ImportExportMixin):
    """For ServiceAdmin: "Import" and "Export" on the services list."""

    resource_classes = [ServiceResource]
    import_form_class = SpreadsheetImportForm
    # The uploaded file, kept from the preview to the confirmation: this user's, for an hour.
    tmp_storage_class = previews.PreviewStorage
    import_template_name = "admin/directory/service/import.html"
    export_form_class = ExportForm  # every column, always: no selectable fields
    import_formats = export_formats = list(FORMATS.values())
    to_encoding = "utf-8-sig"  # a CSV with a byte order mark, so that Excel reads it as UTF-8

    # Who: importing is adding or changing services, each row checked again; exporting is
    # reading, and lists only the services the user sees, as the list is filtered.

    def has_import_permission(self, request):
        return self.has_add_permission(request) or self.has_change_permission(request)

    def has_export_permission(self, request):
        return self.has_view_permission(request)

    def get_valid_export_item_pks(self, request):
        """Services chosen on the list to export: only among those the user sees."""
        return self.get_queryset(request).values_list("pk", flat=True)

    def get_import_resource_kwargs(self, request, **kwargs):
        return {"request": request, "model_admin": self}

    def get_export_resource_kwargs(self, request, **kwargs):
        return {"request": request, "model_admin": self}

    def get_import_data_kwargs(self, **kwargs):
        kwargs = super().get_import_data_kwargs(**kwargs)
        kwargs.pop("request", None)
        return {**kwargs, "rollback_on_validation_errors": True}  # all or nothing

    def get_export_filename(self, request, queryset, file_format):
        return f"services.{file_format.get_extension()}"

    def get_context_data(self, **kwargs):
        return {
            "delimiter": DELIMITER,
            "columns": COLUMNS,
            "max_rows": f"{limits.MAX_ROWS:,}",
            "max_megabytes": limits.MAX_BYTES // (1024 * 1024),
        }

    def get_urls(self):
        app_label, model_name = self.get_model_info()
        return [
            path(
                "import/",
                self.admin_site.admin_view(csrf_exempt(self.import_upload)),
                name=f"{app_label}_{model_name}_import",
            ),
            path(
                "import/template.<str:extension>",
                self.admin_site.admin_view(self.import_template),
                name=f"{app_label}_{model_name}_import_template",
            ),
            *super().get_urls(),
        ]

    def import_template(self, request, extension):
        """An empty spreadsheet with the column names, to fill in and import."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if extension not in FORMATS:
            raise Http404
        file_format = FORMATS[extension]()
        dataset = ServiceResource().export(queryset=Service.objects.none())
        content = file_format.export_data(dataset)
        if not file_format.is_binary():
            content = content.encode(self.to_encoding)
        response = HttpResponse(content, content_type=file_format.get_content_type())
        response["Content-Disposition"] = f'attachment; filename="services-template.{extension}"'
        return response

    # The upload: refused when too large before its body is read (the CSRF check reads it,
    # so it follows the size check here), and at most one import at a time per instance.

    def import_upload(self, request, **kwargs):
        too_large = limits.size_problem(limits.content_length(request), upload=True)
        if request.method == "POST" and too_large:
            return self.import_refused(request, too_large, status=413)
        return csrf_protect(self.import_action)(request, **kwargs)

    def import_refused(self, request, problem, status=200, upload_again=False):
        """The import page, unfilled, saying why nothing was imported (from the confirmation:
        with a link to upload the file again instead of the form)."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        form = self.get_import_form_class(request)(
            self.get_import_formats(), self.get_import_resource_classes(request)
        )
        context = {
            **self.admin_site.each_context(request),
            **self.get_import_context_data(),
            "title": "Import",
            "opts": self.model._meta,
            "form": form,
            "refused": problem,
            "upload_again": upload_again,
        }
        return TemplateResponse(request, [self.import_template_name], context, status=status)

    # The preview and the confirmation say every problem, one plain sentence each.

    def import_action(self, request, **kwargs):
        if request.method == "POST" and not self.has_import_permission(request):
            raise PermissionDenied
        try:
            with limits.one_import_at_a_time():
                response = super().import_action(request, **kwargs)
        except limits.ImportBusy as busy:
            return self.import_refused(request, str(busy), status=429)
        if isinstance(response, TemplateResponse) and response.context_data.get("result"):
            response.context_data["problems"] = row_problems(response.context_data["result"])
        self._forget_unconfirmable_file(response)
        return response

    def _forget_unconfirmable_file(self, response):
        """A preview with a problem has nothing to confirm: its file is removed at once."""
        if not isinstance(response, TemplateResponse) or "confirm_form" in response.context_data:
            return
        form = response.context_data.get("form")
        upload = getattr(form, "cleaned_data", {}).get("import_file")
        name = getattr(upload, "tmp_storage_name", None)
        if name:
            previews.PreviewStorage(name=name).remove()

    def get_confirm_form_initial(self, request, import_form):
        initial = super().get_confirm_form_initial(request, import_form)
        if initial.get("import_file_name"):
            initial["import_file_name"] = previews.sign(initial["import_file_name"], request.user)
        return initial

    def process_import(self, request, **kwargs):
        """The confirmation: only a file this user's own preview made, within the hour."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        if request.method != "POST":
            return super().process_import(request, **kwargs)  # refused there (405)
        try:
            name = previews.opened(request.POST.get("import_file_name", ""), request.user)
            request.POST = request.POST.copy()
            request.POST["import_file_name"] = name
            with limits.one_import_at_a_time():
                return super().process_import(request, **kwargs)
        except previews.PreviewRefused as refused:
            return self.import_refused(request, str(refused), upload_again=True)
        except limits.ImportBusy as busy:
            return self.import_refused(request, str(busy), status=429, upload_again=True)

    def process_result(self, result, request):
        if result.has_errors() or result.has_validation_errors():
            # The data changed between the preview and the confirmation: nothing was saved.
            context = {
                **self.admin_site.each_context(request),
                **self.get_context_data(),
                "title": "Import",
                "opts": self.model._meta,
                "result": result,
                "problems": row_problems(result),
                "nothing_changed": True,
                "out_of_time": any(limits.OUT_OF_TIME in p for p in row_problems(result)),
            }
            return TemplateResponse(request, [self.import_template_name], context)
        if any(row.import_type != RowResult.IMPORT_TYPE_SKIP for row in result):
            analyze(Service, ServiceLink, Organisation, Service.history.model)
        return super().process_result(result, request)

    def add_success_message(self, result, request):
        totals = result.totals
        new, changed = totals[RowResult.IMPORT_TYPE_NEW], totals[RowResult.IMPORT_TYPE_UPDATE]
        same = totals[RowResult.IMPORT_TYPE_SKIP]
        messages.success(
            request,
            f"Imported: {new} {'service' if new == 1 else 'services'} added, {changed} "
            f"changed, {same} unchanged.",
        )
