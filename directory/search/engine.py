"""`search()`: the services that match a query, read by the crisis reader and `read_query`, and
ranked by the implementation for the queryset's database (PostgreSQL or portable)."""

from django.db import connections

from directory.search import crisis_reader
from directory.search.portable import PortableSearchResults
from directory.search.postgresql import PostgreSQLSearchResults
from directory.search.query import everyday_phrases, read_query
from directory.search.words import MAX_QUERY_LENGTH, words_of

IMPLEMENTATIONS = {"postgresql": PostgreSQLSearchResults}


def search_results(queryset, query, groups, boroughs=()):
    """The SearchResults for these groups, from the implementation for the queryset's database."""
    vendor = connections[queryset.db].vendor
    return IMPLEMENTATIONS.get(vendor, PortableSearchResults)(queryset, query, groups, boroughs)


def search(queryset, query, boroughs=()):
    """Services in `queryset` that match `query`, most relevant first. `boroughs`: the
    boroughs the search is filtered to (slugs or rows), whose local services come first."""
    query = (query or "")[:MAX_QUERY_LENGTH]
    reading = crisis_reader.read(query)  # the raw words, before anything else reads them
    groups = read_query(query, everyday_phrases(), reading) if words_of(query) else []
    boroughs = [borough if isinstance(borough, str) else borough.slug for borough in boroughs]
    results = search_results(queryset, query, groups, boroughs)
    results.reading = reading
    if reading.shows_help and len(groups) > 1 and not results.count():
        # The other words found nothing alongside: what the reader found is what matters.
        results = search_results(queryset, query, groups[:1], boroughs)
        results.reading = reading
    return results
