from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_http_methods

from ..forms import ProblemReportForm
from ..models import Service


@require_http_methods(["GET", "HEAD", "POST"])
def report_problem(request, slug):
    service = get_object_or_404(Service.objects.published(), slug=slug)
    form = ProblemReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        form.instance.service = service
        form.save()
        return redirect("directory:report_sent", slug=service.slug)
    status = 400 if form.errors else 200
    return render(
        request, "directory/report_problem.html", {"service": service, "form": form}, status=status
    )


def report_sent(request, slug):
    service = get_object_or_404(Service.objects.published(), slug=slug)
    return render(request, "directory/report_sent.html", {"service": service})
