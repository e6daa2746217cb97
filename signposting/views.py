"""The "Print or share" pages for professionals, the QR code downloads, and /go/<borough>/.

Nothing here stores or logs anything about a person: /go/ never reads its `?from=` setting
code (docs/signposting.md), sets no cookie, and redirects."""

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from pages.london import BOROUGH_NAMES

from . import qr, wording
from .materials import (
    ChoiceForm,
    choice_for,
    go_path,
    has_local_services,
    lines_for,
    navigator_url_for,
    waiting_room_groups,
)


@require_safe
def choose(request):
    form = ChoiceForm(request.GET or None)
    choice = None
    if form.is_bound and form.is_valid():
        choice = choice_for(form.cleaned_data["borough"], request.GET)
    return render(
        request,
        "signposting/choose.html",
        {"form": form, "choice": choice, **(_common(request, choice) if choice else {})},
    )


CARDS_PER_SHEET = 10  # 2 across, 5 down: bank-card size (85.6 x 54 mm) on A4


def _material(template, *, groups=False, extra=None):
    @require_safe
    def view(request, borough):
        choice = choice_for(borough, request.GET)
        if choice is None:
            raise Http404("Not a London borough")
        context = {"choice": choice, **_common(request, choice), **(extra or {})}
        if groups:
            context["groups"] = waiting_room_groups(choice)
            context["has_local_services"] = has_local_services(context["groups"])
        return render(request, template, context)

    return view


poster = _material("signposting/poster.html")
cards = _material("signposting/cards.html", extra={"card_range": range(CARDS_PER_SHEET)})
waiting_room = _material("signposting/waiting_room.html", groups=True)


def _common(request, choice):
    site = request.build_absolute_uri("/")
    go_url = request.build_absolute_uri(go_path(choice))
    short = go_url.split("://", 1)[-1].split("?", 1)[0]
    return {
        "lines": lines_for(choice.borough),
        "go_url": go_url,
        "go_short": short,  # as people type it: no scheme, no setting code
        "site_short": site.split("://", 1)[-1].rstrip("/"),
        "qr_description": _describe(choice, short),
        "qr_svg_name": qr_file_name(choice, "svg"),
        "qr_png_name": qr_file_name(choice, "png"),
        "wording": {
            "question": wording.PARENT_QUESTION if choice.for_parents else wording.QUESTION,
            "strapline": (
                wording.PARENT_STRAPLINE if choice.for_parents else wording.STRAPLINE
            ).format(borough=choice.borough_name),
            "scan": wording.SCAN,
            "where_to_ask": wording.WHERE_TO_ASK.get(choice.setting, ""),
            "setting": wording.SETTINGS.get(choice.setting, ""),
        },
    }


def _describe(choice, short):
    return (
        f"QR code. Scan it with a phone's camera to open {short}: questions about where to "
        f"get help, for someone in {choice.borough_name}."
    )


@require_safe
@cache_control(private=True, max_age=3600)
def qr_code_svg(request, borough):
    choice = _choice_or_404(borough, request)
    short = request.build_absolute_uri(go_path(choice)).split("://", 1)[-1]
    body = qr.svg(
        request.build_absolute_uri(go_path(choice)),
        title=f"QR code for {short}",
        description=_describe(choice, short.split("?", 1)[0]),
    )
    return _download(body, "image/svg+xml", choice, "svg")


@require_safe
@cache_control(private=True, max_age=3600)
def qr_code_png(request, borough):
    choice = _choice_or_404(borough, request)
    return _download(
        qr.png(request.build_absolute_uri(go_path(choice))), "image/png", choice, "png"
    )


def _choice_or_404(borough, request):
    choice = choice_for(borough, request.GET)
    if choice is None:
        raise Http404("Not a London borough")
    return choice


def qr_file_name(choice, extension):
    setting = f"-{choice.setting}" if choice.setting else ""
    return f"find-help-{choice.borough}{setting}-qr-code.{extension}"


def _download(body, content_type, choice, extension):
    """Inline, so a page can show it; the page's links say `download` to save it."""
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'inline; filename="{qr_file_name(choice, extension)}"'
    return response


@require_safe
@cache_control(no_store=True)
def go(request, borough):
    """The address a QR code carries. A London borough: the navigator with it answered. Any
    other slug: the navigator from the start, which asks. The `from` code is not read."""
    if borough not in BOROUGH_NAMES:
        return redirect("navigator:start")
    return redirect(navigator_url_for(borough))
