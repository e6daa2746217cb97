"""Search: the one place that knows how to find services from words people type.

`engine.search(queryset, query, boroughs=())` returns the services in `queryset` that match `query`,
best first, as a `SearchResults` that Django's Paginator can page through (docs/search.md).

Reading the query (`read_query`): everyday phrases become the need they mean ("my mum drinks"
-> drugs and alcohol: `SearchPhrase` rows, edited in the admin; crisis phrases, below, in
code); stop words and filler ("near me", "i need", "help with") are dropped; each remaining
word becomes a group of alternatives, and a service must match every group. Words are compared
by their stems (Snowball English, as PostgreSQL's English configuration), so "drinks" finds
"drinking".

Relevance is the same on every database, in tiers:

0. the service's name is exactly what was typed;
1. every word typed (or a word that means the same) is in the name;
2. every word is in the name or names a need the service helps with;
3. every word is somewhere in its entry (summary, organisation, description).

Within a tier, what fits comes first (`ranking.py`): services a person can
contact themselves, for the person asking, saying the words in their name or summary, a first
step, and, when a borough is chosen, local to it; then the name. A search the crisis reader
(`crisis_reader.py`) finds to be about suicide, self-harm, an overdose or danger puts crisis
services first, and the page shows urgent help above them; one about harm by someone else puts
the services that fit it first (HARM_SERVICES), and the page shows "If someone is hurting you"
above them.

On PostgreSQL each tier is an indexed condition on columns the database derives
(`postgresql.py`). Elsewhere (SQLite, the demo) a portable fallback
ranks in one query (`portable.py`).

A page that may or may not have words to search for uses `Unsearched(queryset)` when it has
none: the queryset in its own order, as a SearchResults too, so the page never has to ask which
kind of results it holds.

A word that finds nothing is taken as a typo and the most similar known word is searched for
and offered ("councelling": "Did you mean counselling?"; the heading keeps what was typed),
unless it is a real English word ("near" stays "near"), a contraction or slang ("dont"), or a
word the crisis reader recognised; a
word that finds nothing and is no typo is left out ("my son" -> "son" left out), and
`SearchResults.corrections` and `.left_out` say so.

The package, a module each:
- `words.py`: how a word is read (stems, synonyms, stop and filler words, possible typos);
- `english.py`: the English word list (a real word is never a typo);
- `crisis_reader.py` (with its lexicon, `crisis_lexicon.py`): crisis and harm in the raw words;
- `query.py`: the query as groups of alternatives (`read_query`), with the admin's phrases;
- `ranking.py`: what fits the person asking, the same expressions on every database;
- `results.py`: `SearchResults` (paged like a queryset, the one ORDER BY) and `Unsearched`;
- `postgresql.py` and `portable.py`: the tiers on each database;
- `engine.py`: `search()`, which reads the words and picks the implementation.
"""
