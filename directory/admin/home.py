"""The admin home's table: each of the user's boroughs with its services published, in
draft and due for review, and its open reports, each a link to the filtered list."""

from dataclasses import dataclass

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.http import urlencode

from ..commissioning.roles import managed_boroughs
from ..models import ProblemReport, Service


@dataclass(frozen=True)
class Cell:
    count: int
    url: str


@dataclass(frozen=True)
class BoroughRow:
    name: str
    published: Cell
    draft: Cell
    due_for_review: Cell
    open_reports: Cell


def _link(model, **parameters):
    return f"{reverse(f'admin:directory_{model}_changelist')}?{urlencode(parameters)}"


def borough_rows(user):
    """One row per borough the user manages, counted in one query."""
    due = Service.objects.due_for_review().exclude(status=Service.Status.ARCHIVED)
    boroughs = managed_boroughs(user).annotate(
        published=Count(
            "services", filter=Q(services__status=Service.Status.PUBLISHED), distinct=True
        ),
        draft=Count("services", filter=Q(services__status=Service.Status.DRAFT), distinct=True),
        due=Count("services", filter=Q(services__in=due.values("pk")), distinct=True),
        reports=Count(
            "services__problem_reports",
            filter=Q(services__problem_reports__status=ProblemReport.Status.NEW),
            distinct=True,
        ),
    )
    return [
        BoroughRow(
            name=borough.name,
            published=Cell(
                borough.published, _link("service", borough=borough.slug, status__exact="published")
            ),
            draft=Cell(
                borough.draft, _link("service", borough=borough.slug, status__exact="draft")
            ),
            due_for_review=Cell(borough.due, _link("service", borough=borough.slug, review="due")),
            open_reports=Cell(
                borough.reports, _link("problemreport", borough=borough.slug, status__exact="new")
            ),
        )
        for borough in boroughs.order_by("name")
    ]
