"""Many people at once: the mix of pages the public use, for `bench/load` (bench/README.md).

Each simulated person does one thing after another without pausing, so the figure is how many
requests the server answers a second, not how many people it could serve (real people pause
for seconds between pages). The mix, by weight: the home page, the directory with the filters
people choose most (a borough, an age group, a topic), rarer combinations of filters, searches,
service pages (most often the better-known ones), a shortlist, and a navigator journey.

The services' addresses come from the file named by LOCUST_SLUGS (one slug a line; bench/load
writes it); the boroughs and needs are the site's own fixed vocabularies.
"""

import os
import random

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

    @task(10)
    def navigator(self):
        self.client.get("/help/")
        self.client.get("/help/?answered=danger&urgent=no", name="/help/?answered=[step]")
        needs = "&".join(f"need={n}" for n in random.sample(NEEDS, random.choice([1, 2])))
        self.client.get(
            f"/help/results/?who={random.choice(WHO)}&age={random.randint(5, 24)}"
            f"&borough={random.choice(BOROUGHS)}&{needs}&impact={random.choice(IMPACT)}"
            "&urgent=no",
            name="/help/results/?[answers]",
        )
