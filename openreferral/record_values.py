"""One Open Referral service record's values read as our fields (import_openreferral), each
value not kept as it came noted: a field we do not hold, an age clamped to 0-25, a phone number
that is not a UK one, text cut to fit."""

import re

from django.core.exceptions import ValidationError
from django.utils.dateparse import parse_date

from directory.models import Service
from directory.models.service import MAX_AGE
from directory.phone import validate_uk_phone

from .term_mapping import dicts, plain_words

# The fields of a service record we read (any other with a value is reported as dropped).
READ_FIELDS = {
    "id", "name", "status", "description", "summary", "url", "email", "minimum_age",
    "maximum_age", "eligibility_description", "application_process", "fees",
    "fees_description", "cost_options", "schedules", "service_areas", "service_at_locations",
    "languages", "attributes", "taxonomy_terms", "contacts", "phones", "organization",
    "organization_id", "assured_date", "last_modified", "crisis", "referral_url",
}  # fmt: skip


class Values:
    """A service record's values as our fields, noting each one not kept as it came."""

    def __init__(self, record):
        self.record, self.losses, self.unmapped = record, [], []

    def lose(self, what):
        self.losses.append(what)

    def text(self, name, limit=None, value=None):
        value = self.record.get(name) if value is None else value
        text = str(value or "").strip()
        if limit and len(text) > limit:
            self.lose(f"{name} cut to {limit} characters")
            text = text[:limit].rstrip()
        return text

    def age(self, name, default):
        value = self.record.get(name)
        if value in (None, ""):
            return default
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.lose(f"{name} not a number")
            return default
        kept = max(0, min(MAX_AGE, int(number)))
        if kept != number:
            self.lose(f"{name} {value:g} stored as {kept}" if isinstance(value, (int, float))
                      else f"{name} {value} stored as {kept}")  # fmt: skip
        return kept


def _clean_number(number):
    """A phone number as written, without the quotes or spaces some feeds leave around it."""
    return str(number or "").strip().strip("\"'\u201c\u201d\u2018\u2019 ").strip()


def _phones(record):
    """(number, description) of the service's phones and its contacts' phones."""
    phones = dicts(record.get("phones"))
    for contact in dicts(record.get("contacts")):
        phones += dicts(contact.get("phones"))
    seen, found = set(), []
    for phone in phones:
        number = _clean_number(phone.get("number"))
        if number and number not in seen:
            seen.add(number)
            found.append((number, str(phone.get("description") or "")))
    return found


def _is_uk_phone(number):
    try:
        validate_uk_phone(number)
    except ValidationError:
        return False
    return True


TEXT_KEYWORD = re.compile(r"^Text\b(?:\s+(?P<keyword>\S+)\s+to\b)?", re.IGNORECASE)


def _phone_fields(record, values):
    """Our phone, text number and keyword from their phones; numbers that are not UK ones
    are reported."""
    fields = {"phone": "", "sms_number": "", "sms_keyword": ""}
    for number, description in _phones(record):
        if not _is_uk_phone(number):
            values.lose(f"phone {number} (not a UK number)")
            continue
        text = TEXT_KEYWORD.match(description)
        if text and not fields["sms_number"]:
            fields["sms_number"] = number
            fields["sms_keyword"] = (text.group("keyword") or "")[:30]
        elif not fields["phone"]:
            fields["phone"] = number
        else:
            values.lose(f"phone {number} (we keep one)")
    return fields


def _email(record, values):
    email = values.text("email")
    if not email:
        for contact in dicts(record.get("contacts")):
            if contact.get("email"):
                email = str(contact["email"]).strip()
                break
    try:
        Service._meta.get_field("email").run_validators(email)
    except ValidationError:
        values.lose(f"email {email} (not an address)")
        return ""
    return email if len(email) <= 254 else ""


def _cost(record, values):
    """Paid when a cost option has an amount above 0, or fees are described without a cost
    option that says it is free; free when a cost option says so or nothing says anything."""
    options = dicts(record.get("cost_options"))
    fees = values.text("fees") or values.text("fees_description")
    free_option = False
    for option in options:
        try:
            if float(option.get("amount") or 0) > 0:
                return Service.Cost.PAID
        except (TypeError, ValueError):
            pass
        if plain_words(option.get("option")) in ("paid", "charged", "fee"):
            return Service.Cost.PAID
        if plain_words(option.get("option")) == "free" or option.get("amount") in (0, "0"):
            free_option = True
    if free_option:
        return Service.Cost.FREE
    if fees and not re.fullmatch(r"(?i)\s*(free|no charge|none|£?0(\.00)?)[.!]?\s*", fees):
        values.lose("fees without a cost option: marked paid, check the note")
        return Service.Cost.PAID
    return Service.Cost.FREE


def _description_and_summary(record, values):
    description = values.text("description")
    summary = values.text("summary")
    if summary and description.startswith(summary):
        description = description[len(summary) :].lstrip("\n")  # our own feed: summary first
    elif not summary:
        words = " ".join(description.split())
        first = re.split(r"(?<=[.!?])\s", words, maxsplit=1)[0] if words else ""
        summary = first or values.text("name")
    if len(summary) > 300:
        values.lose("summary cut to 300 characters")
        summary = summary[:300].rstrip()
    return description, summary


def _assured(record, values):
    value = record.get("assured_date")
    if not value:
        return None
    try:
        day = parse_date(str(value)[:10])
    except ValueError:
        day = None
    if day is None:
        values.lose(f"assured_date {value} (not a date)")
    return day


def fields_of(record, values):
    """The record's values for our service's fields, by field name."""
    description, summary = _description_and_summary(record, values)
    min_age, max_age = values.age("minimum_age", 0), values.age("maximum_age", MAX_AGE)
    if min_age > max_age:
        values.lose(f"ages {min_age}-{max_age} (youngest above oldest): stored as 0-{MAX_AGE}")
        min_age, max_age = 0, MAX_AGE
    schedules = "; ".join(
        str(schedule.get("description") or "") for schedule in dicts(record.get("schedules"))
    )
    url, referral_url = values.text("url"), values.text("referral_url")
    if len(url) > 200:
        values.lose("url (longer than 200 characters)")
        url = ""
    if len(referral_url) > 200:
        values.lose("referral_url (longer than 200 characters)")
        referral_url = ""
    return {
        "name": values.text("name", 200),
        "summary": summary,
        "description": description,
        "min_age": min_age,
        "max_age": max_age,
        "website": url,
        "referral_url": referral_url,
        "email": _email(record, values),
        "eligibility_note": values.text("eligibility_description"),
        "referral_note": values.text("application_process"),
        "cost": _cost(record, values),
        "cost_note": values.text("fees", 250, record.get("fees") or record.get("fees_description")),
        "opening_hours": values.text("schedules", 250, schedules),
        "is_crisis": record.get("crisis") is True,
        "source_date": _assured(record, values),
        **_phone_fields(record, values),
    }


# What we read of the records nested in a service: any other value is reported as dropped.
NESTED_READ = {
    "contacts": {"id", "service_id", "email", "phones", "attributes"},
    "languages": {"id", "service_id", "name"},
    "cost_options": {"id", "service_id", "option", "amount"},
    "schedules": {"id", "service_id", "description"},
}


def note_dropped_fields(record, values):
    """Notes each field of the record, and of the records nested in it, that we do not hold."""
    for name, value in record.items():
        if name not in READ_FIELDS and value not in (None, "", [], {}):
            values.lose(f"{name} (we do not hold it)")
    for name, read in NESTED_READ.items():
        for item in dicts(record.get(name)):
            for key, value in item.items():
                if key not in read and value not in (None, "", [], {}):
                    values.lose(f"{name}[].{key} (we do not hold it)")
        if name == "languages" and any(not item.get("name") for item in dicts(record.get(name))):
            values.lose("a language with no name")
