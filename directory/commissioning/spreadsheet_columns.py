"""The directory's spreadsheet's columns (directory/commissioning/spreadsheets.py): which there are,
in what order, and how the columns read and written alike (text, yes or no, a vocabulary's slugs)
are read. How each kind of cell is read is directory/commissioning/spreadsheet_cells.py."""

from import_export import fields, resources

from directory.commissioning.spreadsheet_cells import FlagWidget, TextWidget, VocabularyWidget
from directory.vocabulary import VOCABULARIES

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
    "contact_source_url",
    "no_direct_contact_note",
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
    "contact_source_url",
    "contact_source_read_on",
    "no_direct_contact_note",
    "may_have_changed",
    "change_note",
    "source_note",
    "source_date",
    "essential",
]
# A problem found by a model field or relation, said against the column that holds it.
COLUMN_OF = {vocabulary.relation: vocabulary.key for vocabulary in VOCABULARIES}


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


def column_of(name):
    """The spreadsheet column a model field's or relation's problem belongs to."""
    return COLUMN_OF.get(name, name)
