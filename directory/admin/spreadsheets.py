"""Import and export of services as spreadsheets (CSV, XLSX) in the admin, with
django-import-export: a template to start from, a preview (a dry run), every problem in plain
words, and all or nothing. The rows and their checks are directory/spreadsheets.py; who may
import or export what is the ServiceAdmin's own permission methods (directory/roles.py)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.urls import path
from import_export.admin import ImportExportMixin
from import_export.formats.base_formats import CSV, XLSX
from import_export.forms import ExportForm
from import_export.results import RowResult

from ..maintenance import analyze
from ..models import Organisation, Service, ServiceLink
from ..spreadsheets import COLUMNS, DELIMITER, ServiceResource, row_problems

FORMATS = {"csv": CSV, "xlsx": XLSX}


class ServiceSpreadsheets(ImportExportMixin):
    """For ServiceAdmin: "Import" and "Export" on the services list."""

    resource_classes = [ServiceResource]
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
        return {"delimiter": DELIMITER, "columns": COLUMNS}

    def get_urls(self):
        app_label, model_name = self.get_model_info()
        return [
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

    # The preview and the confirmation say every problem, one plain sentence each.

    def import_action(self, request, **kwargs):
        response = super().import_action(request, **kwargs)
        if isinstance(response, TemplateResponse) and response.context_data.get("result"):
            response.context_data["problems"] = row_problems(response.context_data["result"])
        return response

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
