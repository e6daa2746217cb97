"""The admin's change form as a browser would post it back."""

from directory.models import Service
from directory.vocabulary import VOCABULARIES

INLINES = ("locations", "links")


def form_data(service: Service, **changes):
    service.refresh_from_db()
    data = {
        field: getattr(service, field)
        for field in [
            "name", "slug", "status", "summary", "description", "min_age", "max_age",
            "referral_note", "cost", "cost_note", "phone", "sms_number", "sms_keyword", "email",
            "website", "referral_url", "opening_hours", "eligibility_note", "change_note",
            "source_note",
        ]
    }  # fmt: skip
    data["organisation"] = service.organisation_id
    for vocabulary in VOCABULARIES:
        data[vocabulary.relation] = [row.pk for row in getattr(service, vocabulary.relation).all()]
    for flag in ("is_national", "is_crisis", "may_have_changed"):
        if getattr(service, flag):
            data[flag] = "on"
    for prefix in INLINES:
        data[f"{prefix}-TOTAL_FORMS"] = 0
        data[f"{prefix}-INITIAL_FORMS"] = 0
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}
