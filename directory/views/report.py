from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from ..commissioning.reporting import RATE_WINDOW, is_same_origin, over_rate_limit, record_report
from ..forms import ProblemReportForm
from ..models import Service


@csrf_exempt  # no CSRF cookie for the public: the Origin header is checked instead
@require_http_methods(["GET", "HEAD", "POST"])
def report_problem(request, slug):
    service = get_object_or_404(Service.objects.published(), slug=slug)
    form = ProblemReportForm(request.POST or None)
    if request.method == "POST":
        if not is_same_origin(request):
            raise PermissionDenied("Reports are sent from this site's own page.")
        if over_rate_limit(request):
            context = {"service": service, "minutes": RATE_WINDOW // 60}
            return render(request, "directory/report_limited.html", context, status=429)
        if form.is_valid():
            if not form.is_bot():
                record_report(service, form.cleaned_data["problem"], form.cleaned_data["details"])
            return redirect("directory:report_sent", slug=service.slug)
    status = 400 if form.errors else 200
    return render(
        request, "directory/report_problem.html", {"service": service, "form": form}, status=status
    )


def report_sent(request, slug):
    service = get_object_or_404(Service.objects.published(), slug=slug)
    context = {"service": service, "working_days": settings.FINDHELP_REPORT_DAYS}
    return render(request, "directory/report_sent.html", context)
