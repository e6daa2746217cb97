"""Whole numbers read from the public's input (ages, page numbers, ids): ASCII digits only.

Python's `str.isdigit()` is true for "²", "③" and about 125 other characters that `int()`
refuses, and `int()` (so Django's `forms.IntegerField`) reads the digits of other scripts:
"١٢" is 12. An age or a page number is written with 0 to 9; anything else is refused with a
message that says so, never read as something else and never a server error.
"""

import re

from django import forms

WHOLE_NUMBER = re.compile(r"[+-]?[0-9]+")
MAX_DIGITS = 18  # beyond any limit the site has: longer numbers are read as this big
TOO_BIG = 10**MAX_DIGITS
ASCII_SPACE = " \t\n\r\f\v"


def whole_number(value):
    """The whole number `value` spells in ASCII digits (a sign and spaces around allowed), or
    None. A number of more than MAX_DIGITS digits is read as TOO_BIG (or its negative): still
    too big for every check, but never a 4,300-digit `int()`, which Python refuses."""
    if not isinstance(value, str):
        return None
    value = value.strip(ASCII_SPACE)
    if not WHOLE_NUMBER.fullmatch(value):
        return None
    sign = -1 if value.startswith("-") else 1
    digits = value.lstrip("+-").lstrip("0") or "0"
    return sign * TOO_BIG if len(digits) > MAX_DIGITS else sign * int(digits)


def has_other_digits(value):
    """Whether `value` holds a digit that is not 0 to 9 ("١٢", "²", "①", "１"): someone wrote a
    number another way, and the message can say which digits to use."""
    return any(character.isnumeric() and not character.isascii() for character in value)


class WholeNumberField(forms.IntegerField):
    """`forms.IntegerField` for ASCII digits only: "١٢" and "²" are invalid, not 12 and not
    an error. A value written with other digits gets the "other_digits" message, which says
    which digits to use; `min_value`, `max_value` and the other messages work as usual."""

    default_error_messages = {"other_digits": "Write the number with the digits 0 to 9"}

    def to_python(self, value):
        if value in self.empty_values:
            return None
        number = whole_number(str(value))
        if number is None:
            code = "other_digits" if has_other_digits(str(value)) else "invalid"
            raise forms.ValidationError(self.error_messages[code], code=code)
        return number
