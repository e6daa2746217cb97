from django.shortcuts import get_object_or_404, render

from ..models import Service


def service_detail(request, slug):
    service = get_object_or_404(Service.objects.published().with_detail_data(), slug=slug)
    return render(request, "directory/service_detail.html", {"service": service})
