"""Signing a test client in past the second factor; the admin's change form as a browser
would post it back."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from directory.models import Service
from directory.vocabulary import VOCABULARIES

INLINES = ("locations", "links")


def sign_in(client, user):
    """Signs the user in as if with their password and a right code: `force_login` and a
    session verified by their (confirmed) authenticator, as django_otp.login does."""
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="Test phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def form_data(service: Service, **changes):
    service.refresh_from_db()
    data = {
        field: getattr(service, field)
        for field in [
            "name", "slug", "status", "summary", "description", "min_age", "max_age",
            "referral_note", "cost", "cost_note", "phone", "sms_number", "sms_keyword", "email",
            "website", "referral_url", "opening_hours", "eligibility_note", "change_note",
            "source_note", "source_date", "contact_source_url", "contact_source_read_on",
            "no_direct_contact_note", "essential",
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
