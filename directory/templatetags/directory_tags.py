from django import template

from ..helplines import ADULT_TALK_NOW, NATIONAL_LINES, TALK_NOW, TAP_NOW, national_lines
from ..phone import display_phone, phone_href

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
