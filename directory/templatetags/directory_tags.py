from django import template

from ..phone import display_phone, phone_href

register = template.Library()


@register.filter
def phone_display(value):
    """0800 023 4650, 116 123."""
    return display_phone(value)


@register.filter
def tel_href(value):
    return phone_href(value)
