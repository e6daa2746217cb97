"""UK phone numbers: ordinary numbers checked with libphonenumber, plus the short codes
national helplines use (which ordinary validators reject)."""

import re
from functools import lru_cache

import phonenumbers
from django.core.exceptions import ValidationError

# Short codes people are routinely given: emergency, NHS 111, the 116 helplines, text lines.
# Only numbers in use in the UK: 116 117 (the EU's non-emergency medical number) is not, so it is
# rejected like any other number that reaches no one.
SHORT_CODES = {
    "999": "999",
    "111": "111",
    "116111": "116 111",  # Childline
    "116123": "116 123",  # Samaritans
    "85258": "85258",  # Shout
    "88247": "88247",  # Papyrus HOPELINE247 text
}


def _digits(value):
    return re.sub(r"[\s\-().]", "", value or "")


def parse_uk_number(value):
    """The libphonenumber object for a valid ordinary UK number, else None."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    if number.country_code != 44 or not phonenumbers.is_valid_number(number):
        return None
    return number


def is_short_code(value):
    return _digits(value) in SHORT_CODES


def is_valid_uk_phone(value):
    return is_short_code(value) or parse_uk_number(value) is not None


def validate_uk_phone(value):
    if value and not is_valid_uk_phone(value):
        raise ValidationError(
            "Enter a UK phone number, like 020 7946 0000 or 0800 1111, or a helpline short "
            "code such as 116 123",
            code="invalid_phone",
        )


@lru_cache(maxsize=4096)  # a page shows the same few numbers again and again
def display_phone(value):
    """How a number is written on the page: '0800 023 4650', '116 123'."""
    if is_short_code(value):
        return SHORT_CODES[_digits(value)]
    number = parse_uk_number(value)
    if number is None:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)


@lru_cache(maxsize=4096)
def phone_href(value):
    """The tel:/sms: target: short codes as dialled, other numbers in E.164."""
    if is_short_code(value):
        return _digits(value)
    number = parse_uk_number(value)
    if number is None:
        return _digits(value)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
