"""The directory as a spreadsheet (CSV or XLSX), through django-import-export: one row per
service, keyed by its slug; one column per field and one per vocabulary (directory/vocabulary.py).

A vocabulary's cell holds its rows' slugs (a borough's name is accepted too), several separated
by DELIMITER. A row is checked the way the admin's form checks a change: the model's validators
(`full_clean`), what publishing needs (directory/validation.py), and who may change what
(directory/roles.py, through the ServiceAdmin's own permission methods). Each problem is said in
plain words, with a suggestion when a value is close to a known one.
"""

import datetime
import difflib

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.text import slugify
from import_export import fields, resources, widgets
from import_export.resources import Diff

from .models import Borough, Organisation, Service, ServiceLink
from .roles import (
    ADMINISTRATOR_FIELDS,
    borough_change_problems,
    can_view_service,
    managed_boroughs,
)
from .validation import publishing_problems
from .vocabulary import VOCABULARIES

DELIMITER = ","  # between several values in one cell: "anxiety, low-mood"

TEXT_COLUMNS = [
    "name",
    "summary",
    "description",
    "eligibility_note",
    "referral_note",
    "cost_note",
    "phone",
    "sms_number",
    "sms_keyword",
    "email",
    "website",
    "referral_url",
    "opening_hours",
    "change_note",
    "source_note",
]
FLAG_COLUMNS = ["is_national", "is_crisis", "may_have_changed"]
# The columns, in the order the template and an export give them.
COLUMNS = [
    "slug",
    "name",
    "organisation",
    "organisation_name",
    "status",
    "summary",
    "description",
    "min_age",
    "max_age",
    "is_national",
    *[vocabulary.key for vocabulary in VOCABULARIES],
    "borough_pages",
    "eligibility_note",
    "referral_note",
    "cost",
    "cost_note",
    "is_crisis",
    "phone",
    "sms_number",
    "sms_keyword",
    "email",
    "website",
    "referral_url",
    "opening_hours",
    "may_have_changed",
    "change_note",
    "last_reviewed_on",
    "source_note",
]
# A problem found by a model field or relation, said against the column that holds it.
COLUMN_OF = {vocabulary.relation: vocabulary.key for vocabulary in VOCABULARIES}


def did_you_mean(value, choices):
    """' — did you mean X?' for the choice closest to `value`, else ''. `choices` maps what
    is compared (lower case) to what is suggested."""
    close = difflib.get_close_matches(str(value).lower(), list(choices), n=1, cutoff=0.6)
    return f" — did you mean {choices[close[0]]}?" if close else ""


def _text(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet's number, such as a phone number typed as digits
    return str(value).strip()


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return _text(value)


class FlagWidget(widgets.Widget):
    """yes or no; blank is no."""

    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0", ""}

    def clean(self, value, row=None, **kwargs):
        word = _text(value).lower()
        if isinstance(value, bool):
            return value
        if word in self.YES:
            return True
        if word in self.NO:
            return False
        raise ValueError(f"'{_text(value)}' is not yes or no.")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class AgeWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = _text(value)
        if not text:
            return None
        try:
            return int(text)
        except ValueError:
            raise ValueError(f"'{text}' is not an age: give a whole number from 0 to 25.") from None

    def render(self, value, obj=None, **kwargs):
        return "" if value is None else str(value)


class ChoiceWidget(widgets.Widget):
    def __init__(self, choices, what):
        self.choices = dict(choices)  # value → label
        self.what = what
        super().__init__()

    def clean(self, value, row=None, **kwargs):
        text = _text(value).lower()
        if text in self.choices:
            return text
        by_label = {label.lower(): key for key, label in self.choices.items()}
        if text in by_label:
            return by_label[text]
        suggestion = did_you_mean(text, {key: key for key in self.choices})
        options = ", ".join(self.choices)
        raise ValueError(
            f"'{_text(value)}' is not a {self.what}{suggestion or f' (one of: {options})'}"
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = _text(value)
        if not text:
            return None
        try:
            return datetime.date.fromisoformat(text)
        except ValueError:
            raise ValueError(f"'{text}' is not a date: write it as 2026-11-22.") from None

    def render(self, value, obj=None, **kwargs):
        return value.isoformat() if value else ""


class OrganisationWidget(widgets.ForeignKeyWidget):
    """The organisation's slug. A new slug makes a new organisation, named by the
    organisation_name column."""

    def __init__(self):
        super().__init__(Organisation, field="slug")

    def clean(self, value, row=None, **kwargs):
        slug = _text(value)
        if not slug:
            raise ValueError("Give the organisation that runs it (its slug).")
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is not None:
            return organisation
        name = _text((row or {}).get("organisation_name"))
        if name and slug == slugify(slug):
            return Organisation.objects.create(slug=slug, name=name)
        known = dict(Organisation.objects.values_list("slug", "slug"))
        raise ValueError(
            f"'{slug}' is not an organisation{did_you_mean(slug, known) or '.'} To add a new one, "
            "give a slug (lower case, hyphens) and its name in organisation_name."
        )


class VocabularyWidget(widgets.ManyToManyWidget):
    """A vocabulary's slugs (or names), separated by DELIMITER."""

    def __init__(self, vocabulary):
        super().__init__(vocabulary.model, separator=DELIMITER, field="slug")
        self.vocabulary = vocabulary
        self.rows = None  # read once per import: each resource has its own copy of the widget

    def clean(self, value, row=None, **kwargs):
        words = [word.strip() for word in _text(value).split(self.separator) if word.strip()]
        if self.rows is None:
            self.rows = list(self.model.objects.all())
        rows = self.rows
        known = {}
        for row_ in rows:
            shown = str(getattr(row_, self.vocabulary.shown_field))
            known[row_.slug] = row_
            known.setdefault(shown.lower(), row_)
        chosen, problems = [], []
        for word in words:
            found = known.get(word) or known.get(word.lower()) or known.get(slugify(word))
            if found is None:
                problems.append(f"'{word}' is not {self._a()}{self._suggest(word, rows)}")
            elif found not in chosen:
                chosen.append(found)
        if problems:
            raise ValueError(" ".join(problems))
        return self.model.objects.filter(pk__in=[row_.pk for row_ in chosen])

    def render(self, value, obj=None, **kwargs):
        return f"{DELIMITER} ".join(row_.slug for row_ in value.all()) if value is not None else ""

    def _a(self):
        singular = self.vocabulary.model._meta.verbose_name
        return f"{'an' if singular[0] in 'aeiou' else 'a'} {singular}"

    def _suggest(self, word, rows):
        choices = {}
        for row_ in rows:
            shown = str(getattr(row_, self.vocabulary.shown_field))
            says = shown if slugify(shown) == row_.slug else f"{row_.slug} ({shown})"
            choices[row_.slug] = says
            choices[shown.lower()] = says
        return did_you_mean(word, choices)


def _pages_of(service):
    if service.pk is None:
        return {}
    return dict(service.links.values_list("borough__slug", "url"))


def _write_pages(pages):
    return f"{DELIMITER} ".join(f"{slug}={url}" for slug, url in sorted(pages.items()))


def _read_pages(value):
    """{borough slug: url} from "westminster=https://…, kensington-and-chelsea=https://…"."""
    pages, problems = {}, []
    boroughs = dict(Borough.objects.values_list("slug", "name"))
    for part in _text(value).split(DELIMITER):
        part = part.strip()
        if not part:
            continue
        slug, equals, url = (piece.strip() for piece in part.partition("="))
        if not equals or not url:
            problems.append(f"'{part}' is not a borough's page: write borough=address.")
        elif slug not in boroughs:
            choices = {**{s: s for s in boroughs}, **{n.lower(): s for s, n in boroughs.items()}}
            problems.append(f"'{slug}' is not a borough{did_you_mean(slug, choices)}")
        else:
            try:
                ServiceLink._meta.get_field("url").run_validators(url)
            except ValidationError as error:
                problems += [f"{slug}: {message}" for message in error.messages]
            pages[slug] = url
    return pages, problems


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


def _columns_alike():
    """The columns read and written alike: text, yes or no, and one per vocabulary."""
    return {
        **{name: fields.Field(name, name, TextWidget()) for name in TEXT_COLUMNS},
        **{name: fields.Field(name, name, FlagWidget()) for name in FLAG_COLUMNS},
        **{
            vocabulary.key: fields.Field(
                vocabulary.relation, vocabulary.key, VocabularyWidget(vocabulary)
            )
            for vocabulary in VOCABULARIES
        },
    }


ColumnsAlike = type(
    "ColumnsAlike", (resources.Resource,), {"__module__": __name__, **_columns_alike()}
)


class ServiceResource(ColumnsAlike, resources.ModelResource):
    """One row per service. Made by ServiceAdmin with the request, so that each row passes
    the admin's own permission checks for its user."""

    organisation = fields.Field("organisation", "organisation", OrganisationWidget())
    organisation_name = fields.Field(column_name="organisation_name", widget=TextWidget())
    status = fields.Field("status", "status", ChoiceWidget(Service.Status.choices, "status"))
    cost = fields.Field("cost", "cost", ChoiceWidget(Service.Cost.choices, "cost"))
    min_age = fields.Field("min_age", "min_age", AgeWidget())
    max_age = fields.Field("max_age", "max_age", AgeWidget())
    last_reviewed_on = fields.Field("last_reviewed_on", "last_reviewed_on", DateWidget())
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

    def get_queryset(self):
        return Service.objects.select_related("organisation")

    def dehydrate_organisation_name(self, service):
        return service.organisation.name if service.organisation_id else ""

    def dehydrate_borough_pages(self, service):
        return _write_pages(_pages_of(service))

    def before_import(self, dataset, **kwargs):
        """Blank rows are left out; a column the directory does not know stops the import."""
        for index in reversed(range(len(dataset))):
            if not any(_text(value) for value in dataset[index]):
                del dataset[index]
        headers = [_text(header) for header in dataset.headers or []]
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
        instance._pages = _pages_of(instance)
        if "borough_pages" in row:
            instance._pages, problems = _read_pages(row["borough_pages"])
            if problems:
                errors["borough_pages"] = problems
        instance._unchanged = False
        if not errors and instance.pk is not None:
            before = Service.objects.get(pk=instance.pk)
            instance._unchanged = super().skip_row(
                instance, before, row
            ) and instance._pages == _pages_of(before)
        if not instance._unchanged:
            # What publishing needs is said once the row's values themselves are right.
            for name, problem in self._refusals(instance, publishing=not errors):
                errors.setdefault(name, []).append(problem)
        if errors:
            raise ValidationError(errors)

    def _refusals(self, service, publishing=True):
        """Why this user may not make this row's change: the admin's own permission checks
        (ServiceAdmin, directory/roles.py), then what publishing needs."""
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
        pages_before = _pages_of(before)
        changed_pages = {
            slug
            for slug in set(pages_before) | set(service._pages)
            if pages_before.get(slug) != service._pages.get(slug)
        }
        if not_mine := changed_pages - {borough.slug for borough in managed_boroughs(user)}:
            names = ", ".join(sorted(not_mine))
            problems.append(
                ("borough_pages", f"You do not manage {names}, so you cannot change its page.")
            )
        links = {
            name: service._links.get(name, getattr(before, name).all() if before.pk else [])
            for name in ("thrive_categories", "boroughs")
        }
        values = {field.name: getattr(service, field.attname) for field in Service._meta.fields}
        if publishing:
            problems += publishing_problems(values, links, bool(service._pages))
        return [(name or NON_FIELD_ERRORS, problem) for name, problem in problems]

    def skip_row(self, instance, original, row, import_validation_errors=None):
        return not import_validation_errors and getattr(instance, "_unchanged", False)

    def save_instance(self, instance, is_create, row, **kwargs):
        # One history record per service, once its links are set (as load_directory).
        instance.skip_history_when_saving = True
        super().save_instance(instance, is_create, row, **kwargs)

    def save_m2m(self, instance, row, **kwargs):
        super().save_m2m(instance, row, **kwargs)
        if instance.pk is None:
            return
        if _pages_of(instance) != instance._pages:
            instance.links.all().delete()
            boroughs = {borough.slug: borough for borough in Borough.objects.all()}
            for slug, url in instance._pages.items():
                page = ServiceLink(service=instance, borough=boroughs[slug], url=url)
                page.full_clean()
                page.save()
        del instance.skip_history_when_saving
        instance.save(update_fields=["updated_at"])


def column_of(name):
    """The spreadsheet column a model field's or relation's problem belongs to."""
    return COLUMN_OF.get(name, name)


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
