"""Directory rows as Open Referral UK 3.0 records (schema/compiled/*.json in the profile).

Plain functions from prefetched model instances to dicts: no queries here (see
`queries.py`). Optional text and number fields that are empty are left out rather than sent
as null; every array the profile's schema has at a place is sent, empty where there is
nothing (clients read `.length` on them). Ids of the nested records that have no row of their
own (contacts, phones, schedules…) are uuid5 of their parent's id and what they are, so they
are as stable as the parent's.

Fields beyond the UK profile (EXTENSIONS, described in openapi.py and docs/api.md) are HSDS
3.0 fields the profile leaves out, or ours: clients that do not know them ignore them.
"""

from directory.models import Service
from directory.models.fields import stable_uuid

from .taxonomy import GSS_URI, TAXONOMIES, term_record

ACTIVE = "active"  # only published services are served, and ORUK calls them active
ENGLAND = "England"


def present(**fields):
    """The fields that have a value: ORUK leaves empty optional fields out."""
    return {name: value for name, value in fields.items() if value not in (None, "", [], {})}


def child_id(parent_id, *parts):
    return str(stable_uuid(":".join([str(parent_id), *map(str, parts)])))


# Sent beyond the UK profile: name -> what it is (openapi.py and docs/api.md describe them).
EXTENSIONS = {
    "summary": "service: the one plain sentence a card shows (its description starts with it)",
    "eligibility_description": "service (HSDS 3.0): who can use it, in plain words",
    "application_process": "service (HSDS 3.0): how to get in",
    "phones": "service (HSDS 3.0), contacts: the phone and text numbers",
    "crisis": "service: true for urgent or 24/7 help for someone in crisis",
    "referral_url": "service: the address of its referral form",
    "languages[].name": "language (HSDS 3.0): the language's name",
    "address_2": "address (HSDS 3.0): the address lines after the first",
    "physical_addresses": "location (ORUK 1.0): the same addresses, for older clients",
    "fees_description": "service (HSDS 3.0): the same text as the profile's `fees`",
}


def organization_summary(organisation):
    """The one-to-one fields of an organization (compiled/organization_list.json)."""
    return {
        "id": str(organisation.uuid),
        "name": organisation.name,
        "description": organisation.description,  # required, even when empty
        **present(website=organisation.website),
        "organization_identifiers": [],
        "attributes": [],
    }


def organization_record(organisation, services, full_services=False):
    """An organization with its published services (compiled/organization.json): their list
    fields, or (`full_services`, from services fetched with queries.with_record_data) each
    fully nested."""
    write = service_record if full_services else service_summary
    return {
        **organization_summary(organisation),
        "services": [write(service, with_organization=False) for service in services],
    }


def minimal_service(service):
    """ORUK's `minimal`: a service's id and when it last changed."""
    return {"id": str(service.uuid), "last_modified": service.updated_at.isoformat()}


def _description(service):
    return "\n\n".join(part for part in (service.summary, service.description) if part)


def service_summary(service, with_organization=True):
    """The one-to-one fields of a service (compiled/service_list.json)."""
    record = {
        "id": str(service.uuid),
        "organization_id": str(service.organisation.uuid),
        "name": service.name,
        "status": ACTIVE,
        "crisis": service.is_crisis,
        **present(
            summary=service.summary,
            description=_description(service),
            url=service.website,
            referral_url=service.referral_url,
            email=service.email,
            minimum_age=service.min_age,
            maximum_age=service.max_age,
            eligibility_description=service.eligibility_note,
            application_process=service.referral_note,
            fees=service.cost_note,
            fees_description=service.cost_note,
            assured_date=service.confirmed_on and service.confirmed_on.isoformat(),
            last_modified=service.updated_at and service.updated_at.isoformat(),
        ),
    }
    if with_organization:
        record["organization"] = organization_summary(service.organisation)
    return record


def service_record(service, with_organization=True):
    """The fully nested service (compiled/service.json), from a service fetched with
    queries.with_record_data(). Every array is sent, empty where there is nothing."""
    service_id = str(service.uuid)
    return {
        **service_summary(service, with_organization=with_organization),
        "phones": _phones(service, service_id),
        "contacts": _contacts(service, service_id),
        "schedules": _schedules(service, service_id),
        "service_areas": _service_areas(service, service_id),
        "service_at_locations": [
            service_at_location_record(location, service) for location in service.location_list
        ],
        "languages": [
            {"id": child_id(service_id, "language", language.slug), "name": language.name}
            for language in service.language_list
        ],
        "funding": [],
        "cost_options": _cost_options(service, service_id),
        "attributes": _attributes(service, service_id),
    }


def _phones(service, owner_id):
    """The service's phone and text numbers, as HSDS 3.0 phones of `owner_id`."""
    phones = []
    if service.phone:
        phones.append(
            {"id": child_id(owner_id, "phone"), "number": service.phone, "description": "Call"}
        )
    if service.sms_number:
        how = f"Text {service.sms_keyword} to" if service.sms_keyword else "Text"
        phones.append(
            {
                "id": child_id(owner_id, "text"),
                "number": service.sms_number,
                "description": f"{how} {service.sms_number}",
            }
        )
    return phones


def _contacts(service, service_id):
    contact_id = child_id(service_id, "contact")
    phones = _phones(service, contact_id)
    if not phones and not service.email:
        return []
    return [
        {
            "id": contact_id,
            "service_id": service_id,
            "name": service.name,
            **present(email=service.email),
            "phones": phones,
            "attributes": [],
        }
    ]


def _schedules(service, service_id):
    if not service.opening_hours:
        return []
    return [
        {
            "id": child_id(service_id, "schedule"),
            "service_id": service_id,
            "description": service.opening_hours,
        }
    ]


def _service_areas(service, service_id):
    if service.is_national:
        return [
            {
                "id": child_id(service_id, "area", "england"),
                "service_id": service_id,
                "name": ENGLAND,
                "service_area": ENGLAND,
            }
        ]
    return [
        {
            "id": child_id(service_id, "area", borough.slug),
            "service_id": service_id,
            "name": borough.name,
            "service_area": borough.name,
            "extent_type": "gss_code",
            "extent": borough.gss_code,
            "uri": GSS_URI.format(borough.gss_code),
        }
        for borough in service.borough_list
    ]


def _cost_options(service, service_id):
    free = service.cost == Service.Cost.FREE
    return [
        {
            "id": child_id(service_id, "cost"),
            "service_id": service_id,
            "option": "Free" if free else "Paid",
            **present(amount=0 if free else None, amount_description=service.cost_note),
        }
    ]


def _attributes(service, service_id):
    """Each taxonomy term the service is linked to (THRIVE category, need, borough…)."""
    attributes = []
    for taxonomy in TAXONOMIES:
        for row in getattr(service, taxonomy.vocabulary.list_attribute):
            term = term_record(taxonomy, row)
            attributes.append(
                {
                    "id": child_id(service_id, "attribute", term["id"]),
                    "link_id": service_id,
                    "link_type": "service",
                    "taxonomy_term_id": term["id"],
                    "taxonomy_term": term,
                }
            )
    return attributes


def location_id(location):
    return child_id(location.uuid, "location")


def location_record(location):
    lines = [line.strip(" ,") for line in location.address.splitlines() if line.strip(" ,")]
    first, rest = (lines[0], lines[1:]) if lines else (location.address, [])
    address = {
        "id": child_id(location.uuid, "address"),
        "location_id": location_id(location),
        "address_1": first,
        **present(address_2=", ".join(rest)),
        "city": "London",
        "state_province": "London",
        "postal_code": location.postcode,
        "country": "GB",
        "address_type": "physical",
        "attributes": [],
    }
    return {
        "id": location_id(location),
        "location_type": "physical",
        **present(name=location.name),
        "addresses": [address],
        "physical_addresses": [address],  # its ORUK 1.0 name: ServiceFinder reads it
        "accessibility": [],
        "attributes": [],
    }


def service_at_location_record(location, service, nested_service=None):
    """A service at one of its places. Our locations belong to one service each, so the
    location's own stable id is the service_at_location id."""
    record = {
        "id": str(location.uuid),
        "service_id": str(service.uuid),
        "location_id": location_id(location),
        "location": location_record(location),
    }
    if nested_service is not None:
        record["service"] = nested_service
    return record
