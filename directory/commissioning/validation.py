"""What a service must be, checked the same way on every path in: the admin's form, the
spreadsheet import (directory/commissioning/spreadsheets.py) and load_directory
(directory/loading.py).

A field on its own is checked by the model, through `full_clean()`: UK phone numbers or known
helpline short codes (directory/phone.py), URLs, emails, ages 0 to 25 with the youngest not
above the oldest (constraints with plain messages), the summary's length. What needs several
fields and the service's links together, what publishing needs, is here, once.
"""

from directory.models import Service

CONTACT_FIELDS = ("phone", "sms_number", "email", "website", "referral_url")

# What says where the contact details come from, and why there are none.
SOURCE_FIELDS = ("contact_source_url", "contact_source_read_on", "no_direct_contact_note")

# A way to reach the service itself, as against a website that may be a landing page.
DIRECT_CONTACT_FIELDS = ("phone", "sms_number", "email", "referral_url")

# Contact details that must say where they were read (Service.contact_source_url).
SOURCED_CONTACT_FIELDS = ("phone", "sms_number", "email", "website", "referral_url")

NO_DELIVERY = (
    "To publish, choose how it is delivered (online, phone, text, in person, in school, at "
    "home): without one it disappears whenever someone filters by delivery."
)

NO_DIRECT_CONTACT = (
    "To publish, give a direct way in (a phone number, email, referral form link or an "
    "address), or say in \u201cwhy there is no direct contact\u201d why there is none and the "
    "best route instead."
)

NO_CONTACT_SOURCE = (
    "To publish contact details, give the page they were read from and the date it was read."
)

NO_CONTACT = (
    "To publish, give at least one way to get in touch: a phone number, a text number, an "
    "email address, a website, a referral form link or a page for each borough."
)


def publishing_problems(values, links, has_borough_pages=False, has_address=None):
    """Why a service with these field `values` and `links` (relation name → rows, for the
    relations known) cannot be published, as (field name or None, message) pairs. None for a
    draft or an archived service: a draft may be saved unfinished.

    The rules on sources and direct contact are checked where the caller knows those fields
    (`"contact_source_url" in values`), and a place to walk in where it knows the service's
    addresses (`has_address` not None)."""
    if values.get("status") != Service.Status.PUBLISHED:
        return []
    problems = []
    if not values.get("summary"):
        problems.append(("summary", "To publish, write a one-sentence summary."))
    if values.get("min_age") is None or values.get("max_age") is None:
        problems.append((None, "To publish, give the youngest and oldest ages it is for."))
    explained = (values.get("no_direct_contact_note") or "").strip()
    if not any(values.get(field) for field in CONTACT_FIELDS) and not (
        has_borough_pages or has_address or explained
    ):
        problems.append((None, NO_CONTACT))
    if "thrive_categories" in links and not links["thrive_categories"]:
        problems.append(("thrive_categories", "To publish, choose a THRIVE category."))
    if "boroughs" in links and not links["boroughs"] and not values.get("is_national"):
        problems.append(("boroughs", "To publish, choose the boroughs it covers."))
    if "delivery_modes" in links and not links["delivery_modes"]:
        problems.append(("delivery_modes", NO_DELIVERY))
    if "contact_source_url" in values:
        problems += _source_problems(values, bool(has_address))
    if "no_direct_contact_note" in values and not values.get("is_national"):
        direct = any(values.get(field) for field in DIRECT_CONTACT_FIELDS) or has_address
        if not direct and not explained:
            problems.append(("no_direct_contact_note", NO_DIRECT_CONTACT))
    return problems


def _source_problems(values, has_address):
    """Every published contact detail says where it was read, and when."""
    if not (any(values.get(field) for field in SOURCED_CONTACT_FIELDS) or has_address):
        return []
    problems = []
    if not values.get("contact_source_url"):
        problems.append(("contact_source_url", NO_CONTACT_SOURCE))
    if not values.get("contact_source_read_on"):
        problems.append(("contact_source_read_on", NO_CONTACT_SOURCE))
    return problems
