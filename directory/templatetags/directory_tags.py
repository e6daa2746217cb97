from django import template

from ..helplines import ADULT_TALK_NOW, NATIONAL_LINES, TALK_NOW, TAP_NOW, national_lines
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
def helplines(style, local_line=None, borough_name=""):
    """The crisis lines from directory/helplines.py. An inclusion tag, not an include, so it
    needs no request context and works on the 500 page too."""
    return {
        "style": style,
        "emergency": NATIONAL_LINES["emergency"],
        "nhs_111": NATIONAL_LINES["nhs-111"],
        "talk_now": national_lines(HELPLINE_STYLES[style]),
        "local_line": local_line,
        "borough_name": borough_name,
    }


@register.simple_tag(takes_context=True)
def shortlist_add_url(context, slug):
    """This page again, with the service added to the shortlist its address carries, back at
    the service's card. JavaScript adds it in place instead (site.js)."""
    request = context["request"]
    shortlist = Shortlist.from_query(request.GET).with_service(slug)
    query = shortlist.query_on(request.GET)
    return f"{request.path}?{query.urlencode()}#service-{slug}"


@register.inclusion_tag("admin/directory/borough_rows.html", takes_context=True)
def admin_borough_rows(context):
    """The admin home's table of the user's boroughs (directory/admin/home.py)."""
    from ..admin.home import borough_rows

    return {"rows": borough_rows(context["request"].user)}
