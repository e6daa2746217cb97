from dataclasses import dataclass

from django.shortcuts import render

from ..local_coverage import local_borough_slugs
from ..vocabulary_rows import vocabulary_rows


@dataclass(frozen=True)
class Row:
    slug: str
    name: str
    description: str = ""


def home_rows():
    """The needs, the THRIVE categories and the boroughs with local listings, from the one
    reader of the vocabularies (directory/vocabulary_rows.py) and local_borough_slugs()."""
    rows = vocabulary_rows()
    local = local_borough_slugs()
    return (
        [Row(need.slug, need.label) for need in rows["need"]],
        [Row(c.slug, c.name, c.description) for c in rows["thrive"]],
        [Row(b.slug, b.name) for b in rows["borough"] if b.slug in local],
    )


def home(request):
    needs, thrive_categories, covered = home_rows()
    return render(
        request,
        "directory/home.html",
        {"needs": needs, "thrive_categories": thrive_categories, "covered_boroughs": covered},
    )
