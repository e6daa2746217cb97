"""A shortlist of services. Without JavaScript it lives in the page address (?service=a&service=b),
carried from page to page by links and forms; with JavaScript, site.js keeps it in the tab's
session storage, which "Leave this site" clears. Nothing is stored on the server, no cookie, and
the shortlist page's link is the list."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.http import QueryDict
from django.urls import reverse
from django.utils.text import slugify

MAX_SERVICES = 20
PARAMETER = "service"


@dataclass(frozen=True)
class Shortlist:
    slugs: tuple = ()
    dropped: int = 0  # values that were not service slugs, or over the limit

    @classmethod
    def from_query(cls, query):
        slugs, dropped = [], 0
        for value in query.getlist(PARAMETER):
            slug = value.strip()
            if not slug or slug != slugify(slug) or len(slug) > 120:
                dropped += 1
            elif slug not in slugs:
                slugs.append(slug)
        if len(slugs) > MAX_SERVICES:
            dropped += len(slugs) - MAX_SERVICES
            slugs = slugs[:MAX_SERVICES]
        return cls(tuple(slugs), dropped)

    def __len__(self):
        return len(self.slugs)

    def __contains__(self, slug):
        return slug in self.slugs

    @property
    def is_full(self):
        return len(self.slugs) >= MAX_SERVICES

    @property
    def query_string(self):
        return urlencode([(PARAMETER, slug) for slug in self.slugs])

    @property
    def url(self):
        base = reverse("directory:shortlist")
        return f"{base}?{self.query_string}" if self.slugs else base

    def with_service(self, slug):
        if slug in self.slugs or self.is_full:
            return self
        return Shortlist((*self.slugs, slug))

    def without_service(self, slug):
        return Shortlist(tuple(s for s in self.slugs if s != slug))

    def query_on(self, query):
        """A copy of a page's query (a QueryDict) carrying this shortlist."""
        carried = QueryDict(mutable=True)
        for key, values in query.lists():  # not query.copy(): a deep copy, for every card
            carried.setlist(key, list(values))
        carried.setlist(PARAMETER, list(self.slugs))
        return carried

    @property
    def carried_query(self):
        """The list to carry onto a link ("?service=a&service=b"), or "" when it is empty."""
        return f"?{self.query_string}" if self.slugs else ""
