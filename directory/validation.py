"""What a service must be, checked the same way on every path in: the admin's form, the
spreadsheet import (directory/spreadsheets.py) and load_directory (directory/loading.py).

A field on its own is checked by the model, through `full_clean()`: UK phone numbers or known
helpline short codes (directory/phone.py), URLs, emails, ages 0 to 25 with the youngest not
above the oldest (constraints with plain messages), the summary's length. What needs several
fields and the service's links together, what publishing needs, is here, once.
"""

from .models import Service

CONTACT_FIELDS = ("phone", "sms_number", "email", "website", "referral_url")

NO_CONTACT = (
    "To publish, give at least one way to get in touch: a phone number, a text number, an "
    "email address, a website, a referral form link or a page for each borough."
)


def publishing_problems(values, links, has_borough_pages=False):
    """Why a service with these field `values` and `links` (relation name → rows, for the
    relations known) cannot be published, as (field name or None, message) pairs. None for a
    draft or an archived service: a draft may be saved unfinished."""
    if values.get("status") != Service.Status.PUBLISHED:
        return []
    problems = []
    if not values.get("summary"):
        problems.append(("summary", "To publish, write a one-sentence summary."))
    if values.get("min_age") is None or values.get("max_age") is None:
        problems.append((None, "To publish, give the youngest and oldest ages it is for."))
    if not any(values.get(field) for field in CONTACT_FIELDS) and not has_borough_pages:
        problems.append((None, NO_CONTACT))
    if "thrive_categories" in links and not links["thrive_categories"]:
        problems.append(("thrive_categories", "To publish, choose a THRIVE category."))
    if "boroughs" in links and not links["boroughs"] and not values.get("is_national"):
        problems.append(("boroughs", "To publish, choose the boroughs it covers."))
    return problems
