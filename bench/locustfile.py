"""Many people at once: the mix of pages the public use, for `bench/load` (bench/README.md).

Each simulated person does one thing after another without pausing, so the figure is how many
requests the server answers a second, not how many people it could serve (real people pause
for seconds between pages). The mix, by weight: the home page, the directory with the filters
people choose most (a borough, an age group, a topic), rarer combinations of filters, searches,
service pages (most often the better-known ones), a shortlist, and a navigator journey
through every question to the results.

The services' addresses come from the file named by LOCUST_SLUGS (one slug a line; bench/load
writes it); the boroughs and needs are the site's own fixed vocabularies.
"""

import os
import random
import re
from urllib.parse import urlencode

from locust import FastHttpUser, constant, task

BOROUGHS = [
    "barking-and-dagenham", "barnet", "bexley", "brent", "bromley", "camden", "city-of-london",
    "croydon", "ealing", "enfield", "greenwich", "hackney", "hammersmith-and-fulham",
    "haringey", "harrow", "havering", "hillingdon", "hounslow", "islington",
    "kensington-and-chelsea", "kingston-upon-thames", "lambeth", "lewisham", "merton", "newham",
    "redbridge", "richmond-upon-thames", "southwark", "sutton", "tower-hamlets",
    "waltham-forest", "wandsworth", "westminster",
]  # fmt: skip
NEEDS = [
    "anxiety", "low-mood", "self-harm", "eating-difficulties", "behaviour", "early-years",
    "neurodiversity", "drugs-and-alcohol", "bereavement", "trauma", "family-relationships",
    "gender-and-sexuality", "school-stress", "body-image", "sleep", "young-carers", "parenting",
]  # fmt: skip
AGE_BANDS = ["under-5", "5-to-10", "11-to-15", "16-to-17", "18-to-25"]
WORDS = [
    "counselling", "anxiety", "adhd", "autism", "bereavement", "eating", "youth", "camhs",
    "councelling", "exam stress", "self harm", "young carers", "parenting", "kooth",
]  # fmt: skip
WHO = ["young-person", "parent-carer", "professional"]
IMPACT = ["a-little", "quite-a-lot", "a-lot"]


def _slugs():
    path = os.environ.get("LOCUST_SLUGS", "")
    if path and os.path.exists(path):
        with open(path, encoding="utf-8") as handle:
            return [line.strip() for line in handle if line.strip()]
    return []


SLUGS = _slugs()
POPULAR = SLUGS[:300]


def a_service():
    """A better-known service four times in five; any of the others otherwise."""
    pool = POPULAR if random.random() < 0.8 else SLUGS
    return random.choice(pool)


class Visitor(FastHttpUser):
    wait_time = constant(0)

    @task(10)
    def home(self):
        self.client.get("/")

    @task(20)
    def popular_filters(self):
        choice = random.random()
        if choice < 0.4:
            url = f"/services/?borough={random.choice(BOROUGHS)}"
        elif choice < 0.7:
            url = f"/services/?need={random.choice(NEEDS)}"
        elif choice < 0.9:
            url = (
                f"/services/?borough={random.choice(BOROUGHS)}&age_band={random.choice(AGE_BANDS)}"
            )
        else:
            url = "/services/"
        self.client.get(url, name="/services/?[popular filters]")

    @task(8)
    def rarer_filters(self):
        need = "&".join(f"need={n}" for n in random.sample(NEEDS, random.choice([1, 2])))
        url = (
            f"/services/?borough={random.choice(BOROUGHS)}&age={random.randint(0, 25)}&{need}"
            f"&page={random.choice([1, 1, 2])}"
        )
        self.client.get(url, name="/services/?[rarer filters]")

    @task(12)
    def search(self):
        self.client.get(
            "/services/", params={"q": random.choice(WORDS)}, name="/services/?q=[search]"
        )

    @task(25)
    def service_page(self):
        if SLUGS:
            self.client.get(f"/services/{a_service()}/", name="/services/[slug]/")

    @task(5)
    def shortlist(self):
        if SLUGS:
            chosen = "&".join(f"service={a_service()}" for _ in range(random.randint(1, 4)))
            self.client.get(f"/shortlist/?{chosen}", name="/shortlist/?service=[slugs]")
            self.client.get(
                f"/services/{a_service()}/?{chosen}", name="/services/[slug]/?service=[slugs]"
            )

    @task(4)
    def navigator(self):
        """The questions one by one, as a browser without JavaScript answers them, then the
        results: nine question pages, each answer's redirect to the next (the answers so far
        sealed in its address) and the results, about 19 requests."""

        def get(url):
            response = self.client.get(url, name=_name(url), allow_redirects=False)
            return response.status_code, response.headers.get("Location"), response.text or ""

        walk_navigator(get, random)


def _name(url):
    path = url.split("?")[0]
    return f"{path}?[answers]" if "?" in url else path


HIDDEN = re.compile(r'<input type="hidden" name="([^"]+)" value="([^"]*)">')
FIELD = re.compile(r'<(?:input|select)[^>]*\bname="([a-z_]+)"')


def navigator_answer(field, rng):
    return {
        "urgent": "no",
        "who": rng.choice(WHO),
        "age": str(rng.randint(5, 24)),
        "borough": rng.choice(BOROUGHS),
        "need": rng.choice(NEEDS),
        "impact": rng.choice(IMPACT),
    }.get(field)


def walk_navigator(get, rng, start="/help/"):
    """Answer each question page until the results (or give up after 30 requests). `get(url)`
    returns (status, Location header, HTML)."""
    url = start
    for _ in range(30):
        status, location, html = get(url)
        if status in (301, 302, 303):
            url = location
            continue
        if status != 200 or url.startswith("/help/results/"):
            return url
        pairs = HIDDEN.findall(html)
        carried = {name for name, _ in pairs}
        for field in dict.fromkeys(FIELD.findall(html)):
            if field not in carried and (value := navigator_answer(field, rng)) is not None:
                pairs.append((field, value))
        url = f"{url.split('?')[0]}?{urlencode(pairs)}"
    return url
