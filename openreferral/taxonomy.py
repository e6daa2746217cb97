"""Our vocabularies as Open Referral taxonomies, and their terms' stable ids.

A taxonomy is one of the directory's filtering vocabularies (directory/vocabulary.py); its terms
are that vocabulary's rows. Ids are uuid5 of the vocabulary key and the row's slug, so they are
the same in every database and survive reloading the data.
"""

from dataclasses import dataclass

from directory.models.fields import stable_uuid
from directory.vocabulary import BY_KEY
from directory.vocabulary_rows import vocabulary_rows

# The public address of each London borough's ONS code (its term_uri).
GSS_URI = "http://statistics.data.gov.uk/id/statistical-geography/{}"


@dataclass(frozen=True)
class Taxonomy:
    key: str  # the vocabulary key: "need"
    name: str  # as an ORUK taxonomy is named: "findhelp-needs"
    description: str

    @property
    def id(self):
        return str(stable_uuid(f"taxonomy:{self.key}"))

    @property
    def vocabulary(self):
        return BY_KEY[self.key]

    def term_id(self, slug):
        return str(stable_uuid(f"taxonomy_term:{self.key}:{slug}"))


TAXONOMIES = (
    Taxonomy(
        "thrive",
        "thrive-framework",
        "THRIVE Framework groupings (Anna Freud Centre): Thriving, Getting Advice, Getting Help, "
        "Getting More Help, Getting Risk Support",
    ),
    Taxonomy("need", "findhelp-needs", "What a service helps with, as a young person says it"),
    Taxonomy("audience", "findhelp-audiences", "Who a service is for"),
    Taxonomy("referral", "findhelp-referral-routes", "Who can ask for help from a service"),
    Taxonomy("delivery", "findhelp-delivery-modes", "How a service gives support"),
    Taxonomy(
        "eligibility",
        "findhelp-eligibility",
        "Who a service is for, beyond age and place (in care, SEND, young carer…)",
    ),
    Taxonomy(
        "borough",
        "london-boroughs",
        "The London boroughs a service covers, with their ONS GSS codes",
    ),
)
BY_ID = {taxonomy.id: taxonomy for taxonomy in TAXONOMIES}
BY_NAME = {taxonomy.name: taxonomy for taxonomy in TAXONOMIES}


def term_slugs(taxonomy):
    """A taxonomy's slugs, from the vocabularies' rows (directory/vocabulary_rows.py)."""
    return [row.slug for row in vocabulary_rows()[taxonomy.key]]


def term_index():
    """{term id: (taxonomy, slug)} for every term."""
    return {
        taxonomy.term_id(slug): (taxonomy, slug)
        for taxonomy in TAXONOMIES
        for slug in term_slugs(taxonomy)
    }


def term_description(row):
    """A term's required description: the THRIVE line, a need as a young person says it, a
    borough's ONS code, or its name."""
    if getattr(row, "gss_code", ""):
        return f"London borough, ONS code {row.gss_code}"
    for attribute in ("description", "label"):
        value = getattr(row, attribute, "")
        if value:
            return value
    return row.name


def term_record(taxonomy, row):
    record = {
        "id": taxonomy.term_id(row.slug),
        "name": row.name,
        "description": term_description(row),
        "taxonomy": taxonomy.name,
        "taxonomy_id": taxonomy.id,
        "term": row.slug,
    }
    if taxonomy.key == "borough":
        record["term_uri"] = GSS_URI.format(row.gss_code)
    return record


def taxonomy_record(taxonomy, rows=None):
    record = {"id": taxonomy.id, "name": taxonomy.name, "description": taxonomy.description}
    if rows is not None:
        record["taxonomy_terms"] = [term_record(taxonomy, row) for row in rows]
    return record


def all_terms(taxonomies=TAXONOMIES):
    """Every term of these taxonomies, in order, from the vocabularies' rows."""
    rows = vocabulary_rows()
    return [(taxonomy, row) for taxonomy in taxonomies for row in rows[taxonomy.key]]
