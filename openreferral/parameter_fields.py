"""The form fields that check the API's query parameters (openreferral/query_parameters.py
says which parameter takes which). Each reads what the published clients send, and refuses
with a message that names what is wrong."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

MAX_AGE_ASKED = 150  # any age a person can be; the directory's services stop at 25
MAX_IDS = 50  # values of one id filter that are looked up
TRUE_WORDS = ("1", "true", "yes")
FALSE_WORDS = ("0", "false", "no")


class IdsField(forms.Field):
    """Ids, repeated or comma-separated: each kept as text (stripped), at most MAX_IDS. Ids we
    do not hold are not an error: they match nothing."""

    widget = forms.MultipleHiddenInput

    def to_python(self, value):
        values = value if isinstance(value, list) else [value] if value else []
        ids = [part.strip() for item in values for part in str(item).split(",") if part.strip()]
        if len(ids) > MAX_IDS:
            raise forms.ValidationError(f"At most {MAX_IDS} ids")
        if any(len(item) > 200 or "\x00" in item for item in ids):
            raise forms.ValidationError("An id is at most 200 characters")
        return ids


class BooleanWordField(forms.Field):
    """true/false, 1/0, yes/no; absent is False."""

    def to_python(self, value):
        if value in (None, ""):
            return False
        word = str(value).strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise forms.ValidationError("Write true or false")


class AgeField(forms.FloatField):
    """An age as ORUK declares it, a number: "5", "5.0" and "5.5" are all read (a person of
    5.5 is 5 in whole years). ASCII digits only, as everywhere on the site."""

    def __init__(self, **kwargs):
        super().__init__(required=False, min_value=0, max_value=MAX_AGE_ASKED, **kwargs)

    def to_python(self, value):
        if isinstance(value, str) and not value.isascii():
            raise forms.ValidationError("Write the number with the digits 0 to 9")
        number = super().to_python(value)
        if number is not None and number != number:  # NaN
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return number

    def clean(self, value):
        number = super().clean(value)
        return None if number is None else int(number)


class DateTimeField(forms.Field):
    """An ISO 8601 date or date-time (ORUK's `modified_after`); a date means its midnight, a
    time without an offset is London's."""

    def to_python(self, value):
        if value in (None, ""):
            return None
        text = str(value).strip().replace(" ", "+")  # an unencoded + arrives as a space
        try:
            moment = parse_datetime(text)
            if moment is None and (day := parse_date(text)) is not None:
                moment = datetime.datetime.combine(day, datetime.time())
        except ValueError:
            moment = None
        if moment is None:
            raise forms.ValidationError("Write a date or date-time like 2026-11-30T09:00:00Z")
        try:
            if timezone.is_naive(moment):
                moment = timezone.make_aware(moment)
            # In UTC: PostgreSQL refuses offsets beyond ±15:59 ("-16:18" is valid ISO 8601).
            return moment.astimezone(datetime.UTC)
        except (OverflowError, ValueError):
            raise forms.ValidationError("This date is out of range") from None


class VocabularyField(forms.MultipleChoiceField):
    """One of the directory's vocabularies, repeatable. A value written as another
    directory's term (a CURIE, `esdNeeds:123`, or a number) matches nothing; an unknown slug
    of ours is a mistake worth a 400."""

    def __init__(self, rows):
        super().__init__(required=False, choices=rows)

    def validate(self, value):
        super().validate([item for item in value if not _is_foreign(item)])

    def clean(self, value):
        values = super().clean(value)
        return [item for item in values if not _is_foreign(item)] or (None if values else [])


def _is_foreign(value):
    return ":" in value or value.isdigit()
