from django.shortcuts import render

from ..models import Need, ThriveCategory


def home(request):
    return render(
        request,
        "directory/home.html",
        {
            "needs": Need.objects.only("slug", "label"),
            "thrive_categories": ThriveCategory.objects.all(),
        },
    )
