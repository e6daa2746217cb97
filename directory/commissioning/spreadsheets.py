"""The directory as a spreadsheet (CSV or XLSX), through django-import-export: one row per
service, keyed by its slug; one column per field and one per vocabulary (directory/vocabulary.py).

A vocabulary's cell holds its rows' slugs (a borough's name is accepted too), several separated
by DELIMITER; how each cell is read is directory/commissioning/spreadsheet_cells.py. A row is
checked the way the admin's form checks a change: the model's validators (`full_clean`), what
publishing needs (directory/commissioning/validation.py), and who may change what
(directory/commissioning/roles.py, through the ServiceAdmin's own permission methods). Each problem
is said in plain words, with a suggestion when a value is close to a known one.

The columns themselves are directory/commissioning/spreadsheet_columns.py; what an import says (each
row's changes for the preview, its problems) is directory/commissioning/spreadsheet_results.py; each
row is saved through directory/writes.py.
"""

import time

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from import_export import fields, resources, widgets
from import_export.results import RowResult

from directory import caching
from directory.commissioning.roles import (
    ADMINISTRATOR_FIELDS,
    borough_change_problems,
    can_view_service,
    page_change_problems,
)
from directory.commissioning.spreadsheet_cells import (
    DELIMITER,
    AgeWidget,
    ChoiceWidget,
    DateWidget,
    OrganisationWidget,
    TextWidget,
    did_you_mean,
    pages_of,
    read_pages,
    text_of,
    write_pages,
)
from directory.commissioning.spreadsheet_columns import COLUMNS, ColumnsAlike
from directory.commissioning.spreadsheet_limits import IMPORT_SECONDS, OUT_OF_TIME
from directory.commissioning.spreadsheet_results import PlainDiff, row_problems
from directory.commissioning.validation import publishing_problems
from directory.models import Borough, Essential, Service, ServiceLink
from directory.writes import save_service

__all__ = ["COLUMNS", "DELIMITER", "ServiceResource", "row_problems"]


class ServiceResource(ColumnsAlike, resources.ModelResource):
    """One row per service. Made by ServiceAdmin with the request, so that each row passes
    the admin's own permission checks for its user."""

    organisation = fields.Field("organisation", "organisation", OrganisationWidget())
    organisation_name = fields.Field(column_name="organisation_name", widget=TextWidget())
    status = fields.Field("status", "status", ChoiceWidget(Service.Status.choices, "status"))
    cost = fields.Field("cost", "cost", ChoiceWidget(Service.Cost.choices, "cost"))
    min_age = fields.Field("min_age", "min_age", AgeWidget())
    max_age = fields.Field("max_age", "max_age", AgeWidget())
    # No column confirms a service: only the admin's action does, recording who.
    source_date = fields.Field("source_date", "source_date", DateWidget())
    contact_source_read_on = fields.Field(
        "contact_source_read_on", "contact_source_read_on", DateWidget()
    )
    essential = fields.Field(
        "essential",
        "essential",
        ChoiceWidget([("", "none"), *Essential.choices], "borough essential"),
    )
    borough_pages = fields.Field(column_name="borough_pages", widget=TextWidget())

    class Meta:
        model = Service
        fields = COLUMNS
        import_order = COLUMNS
        export_order = COLUMNS
        import_id_fields = ["slug"]
        skip_unchanged = True  # the same file twice changes nothing, and records no history
        report_skipped = True
        clean_model_instances = True
        use_transactions = True
        store_instance = True

    def __init__(self, request=None, model_admin=None, **kwargs):
        super().__init__(**kwargs)
        self.request = request
        self.model_admin = model_admin

    def get_diff_class(self):
        return PlainDiff

    def import_data(self, dataset, dry_run=False, **kwargs):
        # An import that runs out of time stops, and nothing is imported (import_row).
        self.deadline = time.monotonic() + IMPORT_SECONDS
        self.out_of_time = False
        if not dry_run:
            return super().import_data(dataset, dry_run=dry_run, **kwargs)
        # A preview is rolled back: the public pages' cache stays as it is.
        with caching.invalidate_only_on_commit():
            return super().import_data(dataset, dry_run=dry_run, **kwargs)

    def import_row(self, row, instance_loader, **kwargs):
        if time.monotonic() <= getattr(self, "deadline", float("inf")):
            return super().import_row(row, instance_loader, **kwargs)
        # Out of time: the first row left says so (a problem, so nothing is imported), the
        # rest are passed over without any work.
        result = self.get_row_result_class()()
        result.import_type = RowResult.IMPORT_TYPE_SKIP
        if not self.out_of_time:
            self.out_of_time = True
            result.import_type = RowResult.IMPORT_TYPE_ERROR
            result.errors.append(self.get_error_result_class()(ValueError(OUT_OF_TIME), row=row))
        return result

    def get_queryset(self):
        return Service.objects.select_related("organisation")

    def dehydrate_organisation_name(self, service):
        return service.organisation.name if service.organisation_id else ""

    def dehydrate_borough_pages(self, service):
        return write_pages(pages_of(service))

    def before_import(self, dataset, **kwargs):
        """Blank rows are left out; a column the directory does not know stops the import."""
        for index in reversed(range(len(dataset))):
            if not any(text_of(value) for value in dataset[index]):
                del dataset[index]
        headers = [text_of(header) for header in dataset.headers or []]
        unknown = [header for header in headers if header and header not in COLUMNS]
        if unknown:
            choices = {column: column for column in COLUMNS}
            raise ValueError(
                " ".join(
                    f"The column '{header}' is not one the directory knows"
                    f"{did_you_mean(header, choices) or '.'}"
                    for header in unknown
                )
                + " Start from the template."
            )

    # Each row: read, check as the admin's form would, then save with one history record.

    def import_instance(self, instance, row, **kwargs):
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        instance._links = {}
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row:
                try:
                    instance._links[field.attribute] = list(field.clean(row))
                except ValueError as error:
                    errors[field.attribute] = [str(error)]
        instance._pages = pages_of(instance)
        if "borough_pages" in row:
            instance._pages, problems = read_pages(row["borough_pages"])
            if problems:
                errors["borough_pages"] = problems
        instance._unchanged = False
        if not errors and instance.pk is not None:
            before = Service.objects.get(pk=instance.pk)
            instance._unchanged = super().skip_row(
                instance, before, row
            ) and instance._pages == pages_of(before)
        if not instance._unchanged:
            # What publishing needs is said once the row's values themselves are right.
            for name, problem in self._refusals(instance, publishing=not errors):
                errors.setdefault(name, []).append(problem)
        if errors:
            raise ValidationError(errors)

    def _refusals(self, service, publishing=True):
        """Why this user may not make this row's change: the admin's own permission checks
        (ServiceAdmin, directory/commissioning/roles.py), then what publishing needs."""
        if self.request is None or self.model_admin is None:
            return [(NON_FIELD_ERRORS, "Imports are made in the admin, by a signed-in user.")]
        user = self.request.user
        if service.pk is None:
            if not self.model_admin.has_add_permission(self.request):
                return [(NON_FIELD_ERRORS, "You may not add services.")]
            before = Service()
            boroughs_before = set()
        else:
            before = Service.objects.get(pk=service.pk)
            if not can_view_service(user, before):
                return [
                    (
                        NON_FIELD_ERRORS,
                        f"'{service.slug}' is another borough's service: you cannot change it.",
                    )
                ]
            if not self.model_admin.has_change_permission(self.request, before):
                return [
                    (
                        NON_FIELD_ERRORS,
                        f"You cannot change '{before.name}': a national service is changed "
                        "by a directory administrator.",
                    )
                ]
            boroughs_before = set(before.boroughs.all())
        problems = []
        for name in ADMINISTRATOR_FIELDS:
            readonly = self.model_admin.get_readonly_fields(self.request, before.pk and before)
            if name not in readonly:
                continue
            if getattr(service, name) != getattr(before, name):
                label = Service._meta.get_field(name).verbose_name
                problems.append(
                    (name, f"Only a directory administrator can mark a service as {label}.")
                )
        boroughs = set(service._links.get("boroughs", boroughs_before))
        if boroughs != boroughs_before:
            for problem in borough_change_problems(user, boroughs_before, boroughs):
                problems.append(("boroughs", problem))
        for problem in page_change_problems(user, pages_of(before), service._pages):
            problems.append(("borough_pages", problem))
        links = {
            name: service._links.get(name, getattr(before, name).all() if before.pk else [])
            for name in ("thrive_categories", "boroughs", "delivery_modes")
        }
        values = {field.name: getattr(service, field.attname) for field in Service._meta.fields}
        if publishing:
            # A sheet has no addresses: a service keeps those it has (the admin edits them).
            has_address = bool(before.pk) and before.locations.exists()
            problems += publishing_problems(values, links, bool(service._pages), has_address)
        return [(name or NON_FIELD_ERRORS, problem) for name, problem in problems]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return not import_validation_errors and getattr(instance, "_unchanged", False)

    def do_instance_save(self, instance, is_create):
        # One history record per service, once its links are set (directory/writes.py).
        save_service(instance, instance._links, force_insert=is_create)

    def save_m2m(self, instance, row, **kwargs):
        # The links to the vocabularies are set with the service (do_instance_save); its
        # borough pages here.
        if instance.pk is None or pages_of(instance) == instance._pages:
            return
        instance.links.all().delete()
        boroughs = {borough.slug: borough for borough in Borough.objects.all()}
        for slug, url in instance._pages.items():
            page = ServiceLink(service=instance, borough=boroughs[slug], url=url)
            page.full_clean()
            page.save()
