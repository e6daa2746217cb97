"""The cells of the directory's spreadsheet (directory/commissioning/spreadsheets.py): how each kind
of value is read from a cell and written to one, and what is said, in plain words, when a cell
cannot be read ("'Westminter' is not a borough — did you mean Westminster?")."""

import datetime
import difflib

from django.core.exceptions import ValidationError
from django.utils.text import slugify
from import_export import widgets

from directory.models import Borough, Organisation, ServiceLink

DELIMITER = ","  # between several values in one cell: "anxiety, low-mood"


def did_you_mean(value, choices):
    """' — did you mean X?' for the choice closest to `value`, else ''. `choices` maps what
    is compared (lower case) to what is suggested."""
    close = difflib.get_close_matches(str(value).lower(), list(choices), n=1, cutoff=0.6)
    return f" — did you mean {choices[close[0]]}?" if close else ""


# What makes a spreadsheet program read a cell as a formula (OWASP, "CSV injection"): an
# export writes such a cell with an apostrophe before it, and an import reads it back without.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def escape_formula(value):
    """The cell's text as an export writes it: never a formula when opened."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return f"'{value}"
    return value


def text_of(value):
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # a spreadsheet's number, such as a phone number typed as digits
    text = str(value).strip()
    if text.startswith("'") and text[1:].startswith(FORMULA_START):
        text = text[1:].strip()  # as escape_formula wrote it
    return text


class TextWidget(widgets.CharWidget):
    def clean(self, value, row=None, **kwargs):
        return text_of(value)


class FlagWidget(widgets.Widget):
    """yes or no; blank is no."""

    YES = {"yes", "y", "true", "1"}
    NO = {"no", "n", "false", "0", ""}

    def clean(self, value, row=None, **kwargs):
        word = text_of(value).lower()
        if isinstance(value, bool):
            return value
        if word in self.YES:
            return True
        if word in self.NO:
            return False
        raise ValueError(f"'{text_of(value)}' is not yes or no.")

    def render(self, value, obj=None, **kwargs):
        return "yes" if value else "no"


class AgeWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        text = text_of(value)
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
        text = text_of(value).lower()
        if text in self.choices:
            return text
        by_label = {label.lower(): key for key, label in self.choices.items()}
        if text in by_label:
            return by_label[text]
        suggestion = did_you_mean(text, {key: key for key in self.choices})
        options = ", ".join(self.choices)
        raise ValueError(
            f"'{text_of(value)}' is not a {self.what}{suggestion or f' (one of: {options})'}"
        )

    def render(self, value, obj=None, **kwargs):
        return value or ""


class DateWidget(widgets.Widget):
    def clean(self, value, row=None, **kwargs):
        if isinstance(value, datetime.datetime):
            return value.date()
        if isinstance(value, datetime.date):
            return value
        text = text_of(value)
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
        slug = text_of(value)
        if not slug:
            raise ValueError("Give the organisation that runs it (its slug).")
        organisation = Organisation.objects.filter(slug=slug).first()
        if organisation is not None:
            return organisation
        name = text_of((row or {}).get("organisation_name"))
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
        words = [word.strip() for word in text_of(value).split(self.separator) if word.strip()]
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
        return chosen  # the rows read once above: no query a cell

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


def pages_of(service):
    if service.pk is None:
        return {}
    return dict(service.links.values_list("borough__slug", "url"))


def write_pages(pages):
    return f"{DELIMITER} ".join(f"{slug}={url}" for slug, url in sorted(pages.items()))


def read_pages(value):
    """{borough slug: url} from "westminster=https://…, kensington-and-chelsea=https://…"."""
    pages, problems = {}, []
    boroughs = dict(Borough.objects.values_list("slug", "name"))
    for part in text_of(value).split(DELIMITER):
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
