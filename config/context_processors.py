from django.conf import settings


def site(request):
    """The deploying organisation's settings, for the header and the quick exit."""
    return {
        "service_name": settings.FINDHELP_SERVICE_NAME,
        "show_nhs_logo": settings.FINDHELP_SHOW_NHS_LOGO,
        "exit_url": settings.FINDHELP_EXIT_URL,
    }
