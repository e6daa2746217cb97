"""Where the directory has local listings: the boroughs that a published, local service covers.
Elsewhere people see national services only, and are told so before they answer anything else
(the home page, the navigator's borough question)."""

from .models import Borough, Service


def boroughs_with_local_services():
    """Boroughs covered by at least one published service that is not national."""
    links = Service.boroughs.through.objects.filter(
        service__status=Service.Status.PUBLISHED, service__is_national=False
    )
    return Borough.objects.filter(pk__in=links.values("borough_id"))
