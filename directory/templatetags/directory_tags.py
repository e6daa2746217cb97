import functools
import secrets
from urllib.parse import quote_plus

from django import template
from django.template.loader import get_template
from django.utils.html import escape, format_html
from django.utils.safestring import mark_safe

from pages.helplines import ADULT_TALK_NOW, NATIONAL_LINES, TALK_NOW, TAP_NOW, national_lines

from .. import caching
from ..admin.home import borough_rows
from ..phone import display_phone, phone_href
from ..shortlist import Shortlist

register = template.Library()

# Which lines to talk to each style offers, after 999 and NHS 111.
HELPLINE_STYLES = {
    "cards": TALK_NOW,  # /urgent-help/: care cards, then a card per line
    "list": TALK_NOW,  # the 500 page and the navigator's urgent help card: a plain list
    "adult": ADULT_TALK_NOW,  # support for adults over 25
    "buttons": TAP_NOW,  # large call and text buttons, first on a phone's screen
}


@register.filter
def phone_display(value):
    """As the number is written on the page: 0800 023 4650."""
    return display_phone(value)


@register.filter
def tel_href(value):
    return phone_href(value)


@register.inclusion_tag("includes/helplines.html")
def helplines(style, local_line=None, borough_name="", age=None, for_someone_else=False):
    """The crisis lines from pages/helplines.py. An inclusion tag, not an include, so it
    needs no request context and works on the 500 page too. With the young person's `age`
    (the navigator knows it), only the lines for that age (Childline: under 19);
    `for_someone_else`: a grown-up is asking about them."""
    return {
        "style": style,
        "emergency": NATIONAL_LINES["emergency"],
        "nhs_111": NATIONAL_LINES["nhs-111"],
        "talk_now": national_lines(HELPLINE_STYLES[style], age, for_someone_else),
        "local_line": local_line,
        "borough_name": borough_name,
    }


@register.simple_tag
def filter_fields(fields):
    """The directory's filters after the search box, each as templates/includes/
    service_filter_field.html draws it."""
    return mark_safe("".join(_drawn_filter_field(field) for field in fields[1:]))


@functools.lru_cache(maxsize=1024)
def _drawn_filter_field(field):
    """Kept by what the field holds (its choices, which are chosen, any error): a page of
    results mostly shows the same filters as others, chosen or not, and drawing them all
    was a third of a search page's time. The search words are not among them."""
    return get_template("includes/service_filter_field.html").render({"field": field})


# Stand-ins for the parts of a card that differ from page to page, unguessable so that no
# service's own text can contain them.
_CARRIED_QUERY = f"carried-query-{secrets.token_hex(8)}"
_SHORTLIST_BUTTON = f"shortlist-button-{secrets.token_hex(8)}"


@register.simple_tag(takes_context=True)
def service_card(context, service, heading_level=2):
    """One service's card (includes/service_card.html), with the shortlist this page
    carries. The rest of the card is drawn once until the directory changes: the same
    services come up in many searches, and drawing their cards was much of each page."""
    card = _drawn_card(service, heading_level)
    shortlist = context["shortlist"]
    card = card.replace(_CARRIED_QUERY, escape(shortlist.carried_query), 1)
    return mark_safe(card.replace(_SHORTLIST_BUTTON, shortlist_button(context, service), 1))


def _drawn_card(service, heading_level):
    return caching.get_or_set_local(
        ("card", service.pk, heading_level), lambda: _draw_card(service, heading_level)
    )


def _draw_card(service, heading_level):
    context = {
        "service": service,
        "heading_level": heading_level,
        "carried_query": _CARRIED_QUERY,
        "shortlist_button": _SHORTLIST_BUTTON,
    }
    return get_template("includes/service_card.html").render(context)


@register.simple_tag(takes_context=True)
def shortlist_add_url(context, slug):
    """This page again, with the service added to the shortlist its address carries, back at
    the service's card. JavaScript adds it in place instead (site.js)."""
    request = context["request"]
    shortlist, unchanged, adding = _shortlist_queries(request)
    if shortlist.with_service(slug) is shortlist:  # on it already, or the list is full
        query = unchanged
    else:
        query = adding.replace(_NEW_SLUG, quote_plus(slug), 1)
    return f"{request.path}?{query}#service-{slug}"


# Where the service to add goes in the page's query, made once a page, not once a card.
_NEW_SLUG = f"new-{secrets.token_hex(8)}"


def _shortlist_queries(request):
    """This page's shortlist, and its query with the shortlist as it is and with _NEW_SLUG
    added to it."""
    kept = getattr(request, "_shortlist_queries", None)
    if kept is None:
        shortlist = Shortlist.from_query(request.GET)
        kept = (
            shortlist,
            shortlist.query_on(request.GET).urlencode(),
            Shortlist((*shortlist.slugs, _NEW_SLUG)).query_on(request.GET).urlencode(),
        )
        request._shortlist_queries = kept
    return kept


@register.simple_tag(takes_context=True)
def shortlist_button(context, service, add_url="", style="link"):
    """ "Add to shortlist" for one service, or "On your shortlist" when it is. Without
    JavaScript the link carries the list in the address (by default back to this page, at the
    service's card); site.js keeps it in the tab instead. A tag, not an include: it is drawn
    for every card, and an include per card is slow."""
    shortlist = context["shortlist"]
    if service.slug in shortlist:
        inner = format_html(
            '<span class="app-shortlist-add__added">On your shortlist</span> · '
            '<a href="{}" data-shortlist-view>View your shortlist ({})</a>',
            shortlist.url,
            len(shortlist),
        )
    else:
        classes = "app-shortlist-add__link"
        if style == "button":
            classes = f"nhsuk-button nhsuk-button--secondary {classes}"
        inner = format_html(
            '<a class="{}" href="{}" data-shortlist-add="{}" data-shortlist-name="{}">'
            'Add to shortlist<span class="nhsuk-u-visually-hidden">: {}</span></a>',
            classes,
            add_url or shortlist_add_url(context, service.slug),
            service.slug,
            service.name,
            service.name,
        )
    return format_html(
        '<p class="app-shortlist-add app-no-print" data-shortlist-item="{}">{}</p>',
        service.slug,
        inner,
    )


@register.inclusion_tag("admin/directory/borough_rows.html", takes_context=True)
def admin_borough_rows(context):
    """The admin home's table of the user's boroughs (directory/admin/home.py)."""
    return {"rows": borough_rows(context["request"].user)}
