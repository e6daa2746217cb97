from django.shortcuts import render

from ..models import Service


def service_list(request):
    services = Service.objects.published().with_card_data()
    return render(request, "directory/service_list.html", {"services": services})
