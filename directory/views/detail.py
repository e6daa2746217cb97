from django.shortcuts import get_object_or_404, render

from ..models import Essential, Service
from ..referral_wording import access_routes, can_self_refer
from ..shortlist import Shortlist
from .sealed import sealed_service_url, service_from_token


def best_routes(service):
    """Where a service has no direct contact: its boroughs' Family Information Services, with a
    phone or email to try instead (one query, none when it has a direct contact)."""
    if service.has_direct_contact or service.is_national:
        return []
    return list(
        Service.objects.published()
        .filter(essential=Essential.FAMILY_INFORMATION, boroughs__in=service.borough_list)
        .exclude(pk=service.pk)
        .distinct()
        .order_by("name")
    )


def service_detail(request, slug):
    service = get_object_or_404(Service.objects.published().with_detail_data(), slug=slug)
    shortlist = Shortlist.from_query(request.GET)
    return render(
        request,
        "directory/service_detail.html",
        {
            "service": service,
            "access_routes": access_routes(service),
            "can_self_refer": can_self_refer(service),
            "shortlist": shortlist,
            "add_to_shortlist_url": shortlist.with_service(service.slug).url,
            "best_routes": best_routes(service),
            "sealed_url": sealed_service_url(service.slug),
        },
    )


service_detail_sealed = service_from_token(service_detail)
