"""The vocabularies a service is linked to, declared once.

Each vocabulary has one name, its `key`: the directory's URL parameter (`?need=anxiety`), the key
in the data files (fixtures/directory.json), the prefix of the column PostgreSQL derives
(`need_slugs`) and of the prefetched list on a service (`service.need_list`). The loader, the
generator, the filters, the admin, the card prefetches and the derived columns all walk this
table, so a vocabulary added here reaches all of them.

Models are named rather than imported, so that the models themselves can read this table.
"""

from dataclasses import dataclass

from django.apps import apps


@dataclass(frozen=True)
class Vocabulary:
    key: str  # the one name: URL parameter, data-file key, derived column and list prefix
    relation: str  # the Service many-to-many field
    model_name: str
    label: str  # as a filter is headed: "What it is about"
    plural_label: str  # as a sentence names several: "topics"
    queryset_method: str = ""  # the ServiceQuerySet method a filter calls: "with_needs"
    chosen_as: str = "{label}"  # a filter in use, as its removable link says it
    empty_label: str = ""  # a single-choice filter's "any" option
    repeatable: bool = False  # whether the URL may carry several values
    shown_field: str = "name"  # the field people see for a row
    filtered: bool = True  # offered as a filter on /services/ (with queryset_method)
    open: bool = False  # rows are created by the data that names them (languages)

    def chosen_text(self, label):
        return self.chosen_as.format(label=label, lower=label.lower())

    @property
    def model(self):
        return apps.get_model("directory", self.model_name)

    @property
    def column(self):
        """The array of linked slugs PostgreSQL keeps on each service
        (directory/models/derived_columns.py)."""
        return f"{self.key}_slugs"

    @property
    def list_attribute(self):
        """The linked rows as a list on a service, filled for a page at once by prefetch."""
        return f"{self.key}_list"


# In the order the filters are offered on /services/.
VOCABULARIES = (
    Vocabulary(
        "borough",
        "boroughs",
        "Borough",
        queryset_method="in_borough",
        label="Where you live",
        plural_label="boroughs",
        empty_label="Any borough",
        chosen_as="In {label}, or national",
    ),
    Vocabulary(
        "need",
        "needs",
        "Need",
        queryset_method="with_needs",
        label="What it is about",
        plural_label="topics",
        repeatable=True,
        shown_field="label",
    ),
    Vocabulary(
        "referral",
        "referral_routes",
        "ReferralRoute",
        queryset_method="with_referral_route",
        label="How to get in",
        plural_label="ways in",
        empty_label="Any way in",
    ),
    Vocabulary(
        "delivery",
        "delivery_modes",
        "DeliveryMode",
        queryset_method="with_delivery",
        label="How you get support",
        plural_label="ways of getting support",
        repeatable=True,
    ),
    Vocabulary(
        "audience",
        "audiences",
        "Audience",
        queryset_method="for_audience",
        label="Who it is for",
        plural_label="groups of people",
        empty_label="Anyone",
        chosen_as="For {lower}",
    ),
    Vocabulary(
        "thrive",
        "thrive_categories",
        "ThriveCategory",
        queryset_method="in_thrive",
        label="Kind of support",
        plural_label="kinds of support",
        repeatable=True,
    ),
    Vocabulary(
        "language",
        "languages",
        "Language",
        queryset_method="in_language",
        label="Language",
        plural_label="languages",
        empty_label="Any language",
        chosen_as="In {label}",
        open=True,
    ),
    Vocabulary(
        "eligibility",
        "eligibility_criteria",
        "EligibilityCriterion",
        label="Who can use it",
        plural_label="eligibility criteria",
        repeatable=True,
        filtered=False,
    ),
)
BY_KEY = {vocabulary.key: vocabulary for vocabulary in VOCABULARIES}
BY_RELATION = {vocabulary.relation: vocabulary for vocabulary in VOCABULARIES}
FILTERED = tuple(vocabulary for vocabulary in VOCABULARIES if vocabulary.filtered)
