"""Who may edit what in the admin: the one definition, read by the admin's service pages
(directory/admin/services.py, service_forms.py), spreadsheet imports and the admin home.

A directory administrator (a superuser, or a Commissioner with `all_boroughs`) manages every
service, national ones included, and the vocabularies. A commissioner manages the services
that cover one of their boroughs, except national services; other staff manage nothing.
"""

from directory.models import Borough, Commissioner, ProblemReport, Service


def commissioner_of(user):
    try:
        return user.commissioner
    except (AttributeError, Commissioner.DoesNotExist):
        return None


def is_administrator(user):
    if not (user.is_active and user.is_staff):
        return False
    if user.is_superuser:
        return True
    commissioner = commissioner_of(user)
    return commissioner is not None and commissioner.all_boroughs


def managed_boroughs(user):
    """The boroughs this user manages, as a QuerySet."""
    if is_administrator(user):
        return Borough.objects.all()
    commissioner = commissioner_of(user)
    if commissioner is None or not (user.is_active and user.is_staff):
        return Borough.objects.none()
    return commissioner.boroughs.all()


def visible_services(user, services=None):
    """The services this user may see: all for an administrator, else those covering one of
    their boroughs."""
    services = Service.objects.all() if services is None else services
    if is_administrator(user):
        return services
    mine = Service.objects.local_to(*managed_boroughs(user))
    return services.filter(pk__in=mine.values("pk"))


def editable_services(user, services=None):
    """The services this user may change: those they see, less national ones for a
    commissioner."""
    services = visible_services(user, services)
    if is_administrator(user):
        return services
    return services.filter(is_national=False)


def can_view_service(user, service):
    return visible_services(user).filter(pk=service.pk).exists()


def can_change_service(user, service):
    return editable_services(user).filter(pk=service.pk).exists()


# Fields only a directory administrator sets: they decide who is sent to a service anywhere.
ADMINISTRATOR_FIELDS = ("is_crisis", "is_national")


def _names(boroughs):
    return ", ".join(sorted(borough.name for borough in boroughs))


def borough_change_problems(user, before, chosen):
    """Why this user may not change a service's boroughs from `before` to `chosen` (sets of
    boroughs), in plain words; none for an administrator. A commissioner adds and removes only
    their own boroughs, and at least one of theirs must remain."""
    if is_administrator(user):
        return []
    mine = set(managed_boroughs(user))
    problems = []
    if added := chosen - before - mine:
        problems.append(
            f"You do not manage {_names(added)}. Ask a directory administrator to add it."
        )
    if removed := (before - chosen) - mine:
        problems.append(
            f"You do not manage {_names(removed)}, so you cannot take it off this service."
        )
    if not chosen & mine:
        problems.append(f"Choose at least one of your boroughs ({_names(mine)}).")
    return problems


def page_change_problems(user, before, after):
    """Why this user may not change a service's pages for each borough from `before` to
    `after` ({borough slug: address}), in plain words; none for an administrator. A
    commissioner adds, changes and removes only their own boroughs' pages. The one rule for
    the spreadsheet import (all of a row's pages) and the admin's form (one row at a time)."""
    if is_administrator(user):
        return []
    changed = {slug for slug in set(before) | set(after) if before.get(slug) != after.get(slug)}
    if not_mine := changed - {borough.slug for borough in managed_boroughs(user)}:
        names = ", ".join(sorted(not_mine))
        return [f"You do not manage {names}, so you cannot change its page."]
    return []


def visible_reports(user, reports=None):
    """Reports on the services this user sees."""
    reports = ProblemReport.objects.all() if reports is None else reports
    if is_administrator(user):
        return reports
    return reports.filter(service__in=visible_services(user).values("pk"))


# The Django permissions a commissioner's group holds, by model: the checks above narrow them
# to their boroughs. Vocabularies and deletion are not among them.
COMMISSIONERS_GROUP = "Commissioners"
ADMINISTRATORS_GROUP = "Directory administrators"
COMMISSIONER_PERMISSIONS = {
    "service": ("view", "add", "change"),
    "location": ("view", "add", "change", "delete"),
    "servicelink": ("view", "add", "change", "delete"),
    "problemreport": ("view", "change"),
    "organisation": ("view", "add"),
}
