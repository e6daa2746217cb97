from dataclasses import dataclass

from django.db.models import CharField, F, IntegerField, Value
from django.shortcuts import render

from .. import caching
from ..local_coverage import boroughs_with_local_services
from ..models import Need, ThriveCategory

NEEDS, THRIVE, COVERED = range(3)


@dataclass(frozen=True)
class Row:
    slug: str
    name: str
    description: str = ""


def _annotated(queryset, part, name, description=None, position="position"):
    return (
        queryset.order_by()
        .annotate(
            part=Value(part, output_field=IntegerField()),
            sort=F(position) if position else Value(0, output_field=IntegerField()),
            shown=F(name),
            note=F(description) if description else Value("", output_field=CharField()),
        )
        .values_list("part", "sort", "slug", "shown", "note")
    )


def home_rows():
    """The needs, the THRIVE categories and the boroughs with local listings, in one query."""
    rows = _annotated(Need.objects.all(), NEEDS, "label").union(
        _annotated(ThriveCategory.objects.all(), THRIVE, "name", "description"),
        _annotated(boroughs_with_local_services(), COVERED, "name", position=None),
        all=True,
    )
    parts = ([], [], [])
    for part, _, slug, shown, note in rows.order_by("part", "sort", "shown"):
        parts[part].append(Row(slug, shown, note))
    return parts


def home(request):
    needs, thrive_categories, covered = caching.get_or_set("home-rows", home_rows)
    return render(
        request,
        "directory/home.html",
        {"needs": needs, "thrive_categories": thrive_categories, "covered_boroughs": covered},
    )
