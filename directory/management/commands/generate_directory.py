"""A large, realistic, made-up directory for measuring speed (bench/run.py).

Every generated row has a slug starting "gen-", so the real services from fixtures/ are never
touched and `--clear` removes only what this command made. Service number i is built from its own
random generator seeded with (seed, i), so a seed always gives the same directory, however it is
split into batches and whether it is made in one go or topped up later (review dates count
back from today).

Contact details use Ofcom's ranges reserved for drama (020 7946 0xxx, 0808 157 0xxx,
0306 999 0xxx), which reach no one, and websites under example.org, which is reserved.
"""

import datetime
import random
from dataclasses import dataclass, field

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.text import slugify

from directory import caching
from directory.maintenance import analyze
from directory.management.generated_words import (
    ELIGIBILITY_NOTES,
    FEELINGS,
    KINDS,
    OPENING_HOURS,
    OTHER_LANGUAGES,
    PROVIDER_KINDS,
    PROVIDER_WORDS,
    REFERRAL_NOTES,
)
from directory.models import Language, Organisation, Service
from directory.models.derived_columns import derived_columns
from directory.phone import is_valid_uk_phone
from directory.vocabulary import VOCABULARIES
from pages.london import BOROUGHS, borough_slug

PREFIX = "gen-"
BATCH_SIZE = 2000
NATIONAL_SHARE = 0.02
ORGANISATION_POOL = 600


def _drama_numbers():
    """Ofcom's drama numbers that the site's phone validation accepts.

    Checked here rather than assumed, because libphonenumber's metadata changes between
    releases; falls back to a London range if none of them pass.
    """
    prefixes = ["020 7946 0", "0808 157 0", "0306 999 0"]
    numbers = [f"{prefix}{n:03d}" for prefix in prefixes for n in range(1000)]
    valid = [number for number in numbers if is_valid_uk_phone(number)]
    if not valid:
        valid = [f"020 3{n:03d} {n:04d}" for n in range(1000)]
        valid = [number for number in valid if is_valid_uk_phone(number)]
    return valid


@dataclass
class GeneratedService:
    service: Service
    organisation_slug: str
    relations: dict = field(default_factory=dict)  # relation name -> list of slugs


def _organisation(index):
    """The made-up organisation with this pool index: (slug, name)."""
    rng = random.Random(f"organisation-{index}")
    if index < len(BOROUGHS):
        name = f"{BOROUGHS[index][0]} Council"
    else:
        name = f"{rng.choice(PROVIDER_WORDS)} {rng.choice(PROVIDER_KINDS)}"
    return f"{PREFIX}org-{index:04d}", name


def _some(rng, pool, low, high):
    return rng.sample(pool, rng.randint(low, min(high, len(pool))))


def generate_service(seed, number, phones, today):
    """The made-up service with this number: the same every time for a seed."""
    rng = random.Random(f"{seed}-{number}")
    kind = rng.choice(KINDS)
    is_national = rng.random() < NATIONAL_SHARE
    if is_national:
        boroughs, place = [], "National"
    else:
        home_name, _, icb = rng.choice(BOROUGHS)
        neighbours = [name for name, _, other in BOROUGHS if other == icb and name != home_name]
        boroughs = [home_name] + rng.sample(neighbours, rng.choice([0, 0, 0, 1, 1, 2]))
        place = home_name
    organisation_index = rng.randrange(ORGANISATION_POOL)
    if rng.random() < 0.3 and not is_national:  # councils run a share of local services
        organisation_index = [name for name, _, _ in BOROUGHS].index(place)
    organisation_slug, provider = _organisation(organisation_index)
    if provider.endswith(" Council"):
        provider = place
    name = rng.choice(kind["names"]).format(borough=place, provider=provider)
    slug = f"{PREFIX}{number:06d}-{slugify(name)}"[:120].rstrip("-")

    thrive = kind["thrive"][: 2 if rng.random() < 0.35 else 1]
    core, others = kind["need"][:2], kind["need"][2:]
    needs = [rng.choice(core), *_some(rng, others, 0, 3)]
    min_age, max_age = rng.choice(kind["ages"])
    audiences = kind.get("audience", ["young-people"])[:]
    if "parents-carers" not in audiences and (min_age < 11 or rng.random() < 0.25):
        audiences.append("parents-carers")
    if rng.random() < 0.15:
        audiences.append("professionals")
    referral_pool = kind.get("referral", ["self", "parent-carer", "gp", "school"])
    referral = _some(rng, referral_pool, 1, 3)
    if "referral" not in kind and rng.random() < 0.7 and "self" not in referral:
        referral.insert(0, "self")
    delivery = _some(rng, kind["delivery"], 1, 3)
    paid = rng.random() < 0.06
    languages = ["English"] + _some(rng, OTHER_LANGUAGES, 0, 2) if rng.random() < 0.3 else []
    eligibility = [e for e in kind.get("eligibility", []) if rng.random() < 0.8]
    if not is_national and "lives-in-borough" not in eligibility and rng.random() < 0.3:
        eligibility.append("lives-in-borough")

    status = rng.choices(
        [Service.Status.PUBLISHED, Service.Status.DRAFT, Service.Status.ARCHIVED], [94, 4, 2]
    )[0]
    website = f"https://{organisation_slug.removeprefix(PREFIX)}.example.org/{slug}/"
    phone = rng.choice(phones) if rng.random() < 0.85 else ""
    ages = f"{min_age} to {max_age}" if min_age else f"up to {max_age}"
    where = "anywhere in England" if is_national else " and ".join(boroughs)
    service = Service(
        name=name,
        slug=slug,
        summary=kind["summary"].format(feel=rng.choice(FEELINGS)),
        description=(
            f"{name} is run by {provider}. We work with children and young people aged {ages} "
            f"{'who live ' + where if not is_national else where}. "
            f"Everything you tell us is confidential unless we are worried about your safety."
        ),
        is_national=is_national,
        min_age=min_age,
        max_age=max_age,
        referral_note=" ".join(REFERRAL_NOTES[route] for route in referral),
        cost=Service.Cost.PAID if paid else Service.Cost.FREE,
        cost_note="Sessions cost £10 to £40, depending on income." if paid else "",
        is_crisis=kind.get("crisis", False),
        phone=phone,
        email=f"hello@{organisation_slug.removeprefix(PREFIX)}.example.org"
        if rng.random() < 0.4
        else "",
        website=website if not phone or rng.random() < 0.8 else "",
        opening_hours=OPENING_HOURS[4] if kind.get("crisis") else rng.choice(OPENING_HOURS[:4]),
        eligibility_note=" ".join(ELIGIBILITY_NOTES.get(e, "") for e in eligibility).strip(),
        status=status,
        confirmed_on=today - datetime.timedelta(days=rng.randint(0, 540)),
        confirmed_by="manage.py generate_directory (performance test data)",
        source_note="Generated by manage.py generate_directory for performance testing",
    )
    relations = {
        "thrive": thrive,
        "need": needs,
        "borough": [borough_slug(name) for name in boroughs],
        "audience": audiences,
        "referral": referral,
        "delivery": delivery,
        "language": [slugify(language) for language in languages],
        "eligibility": eligibility,
    }
    return GeneratedService(service, organisation_slug, relations)


def generated_services():
    return Service.objects.filter(slug__startswith=PREFIX)


def clear_generated():
    """Delete what this command made, and nothing else. Returns how many services went."""
    services = generated_services()
    count = services.count()
    with transaction.atomic():
        for vocabulary in VOCABULARIES:
            through = getattr(Service, vocabulary.relation).through
            through.objects.filter(service__slug__startswith=PREFIX).delete()
        services.delete()
        Organisation.objects.filter(slug__startswith=PREFIX, services__isnull=True).delete()
    return count


def _ensure_languages():
    for name in ["English", *OTHER_LANGUAGES]:
        Language.objects.get_or_create(slug=slugify(name), defaults={"name": name})


def _ensure_organisations(slugs):
    wanted = sorted(set(slugs))
    names = {slug: name for slug, name in map(_organisation, range(ORGANISATION_POOL))}
    Organisation.objects.bulk_create(
        [
            Organisation(
                slug=slug,
                name=names[slug],
                website=f"https://{slug.removeprefix(PREFIX)}.example.org/",
            )
            for slug in wanted
        ],
        ignore_conflicts=True,
    )
    return dict(Organisation.objects.filter(slug__in=wanted).values_list("slug", "pk"))


def _write_batch(batch, lookups):
    organisations = _ensure_organisations(item.organisation_slug for item in batch)
    for item in batch:
        item.service.organisation_id = organisations[item.organisation_slug]
    created = Service.objects.bulk_create([item.service for item in batch])
    if any(service.pk is None for service in created):  # databases without RETURNING
        pks = dict(
            generated_services()
            .filter(slug__in=[s.slug for s in created])
            .values_list("slug", "pk")
        )
        for service in created:
            service.pk = pks[service.slug]
    for vocabulary in VOCABULARIES:
        field = Service._meta.get_field(vocabulary.relation)
        through, column = field.remote_field.through, f"{field.m2m_reverse_field_name()}_id"
        rows = [
            through(service_id=item.service.pk, **{column: lookups[vocabulary.key][slug]})
            for item in batch
            for slug in item.relations[vocabulary.key]
        ]
        through.objects.bulk_create(rows, batch_size=5000)
    return created


class Command(BaseCommand):
    help = (
        "Make a large, realistic, made-up directory for speed tests. Generated services have "
        "slugs starting 'gen-'; --clear removes them and nothing else."
    )

    def add_arguments(self, parser):
        parser.add_argument("--services", type=int, default=50_000, help="How many to make")
        parser.add_argument("--seed", type=int, default=1, help="The same seed, the same data")
        parser.add_argument(
            "--clear", action="store_true", help="Delete previously generated services first"
        )

    def handle(self, *args, services, seed, clear, **options):
        if services < 0:
            raise CommandError("--services must be 0 or more")
        if clear:
            removed = clear_generated()
            self.stdout.write(f"Deleted {removed} generated services")
        start = generated_services().count()
        if start:
            self.stdout.write(f"{start} generated services already there; adding the rest")
        _ensure_languages()
        lookups = {
            vocabulary.key: dict(vocabulary.model.objects.values_list("slug", "pk"))
            for vocabulary in VOCABULARIES
        }
        phones = _drama_numbers()
        today = datetime.date.today()
        for batch_start in range(start, services, BATCH_SIZE):
            numbers = range(batch_start, min(batch_start + BATCH_SIZE, services))
            batch = [generate_service(seed, n, phones, today) for n in numbers]
            with transaction.atomic():
                # Derive each service's search and filter columns once, not once per link.
                database = derived_columns()
                with database.deferred():
                    created = _write_batch(batch, lookups)
                database.rebuild(Service.objects.filter(pk__in=[s.pk for s in created]))
            if options["verbosity"] > 1:
                self.stdout.write(f"  {numbers.stop} services")
        # Planner statistics for the new rows now, not when autovacuum gets round to it (the
        # bulk inserts send no signals, so the cache is told here too).
        analyze(Organisation, Service, Language)
        caching.invalidate()
        made = max(services - start, 0)
        self.stdout.write(self.style.SUCCESS(f"Generated {made} services (seed {seed})"))
