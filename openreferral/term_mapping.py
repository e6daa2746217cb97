"""Their taxonomy terms and service areas mapped onto our vocabularies (import_openreferral):
a term's id (a feed of ours), slug, name, label, synonym or ONS code that matches one of ours.
What could not be mapped is reported, never guessed."""

import re

from .taxonomy import TAXONOMIES

NATIONAL_AREAS = {"england", "national", "uk", "united kingdom", "great britain", "nationwide"}


def plain_words(text):
    """Text as lower-case words, hyphens, underscores and slashes read as spaces."""
    return " ".join(re.sub(r"[-_/]+", " ", str(text or "")).lower().split())


class TermMap:
    """Their taxonomy terms -> our vocabulary rows, by our term ids (a feed of ours), or a
    slug, name, label, synonym or ONS code that matches."""

    def __init__(self):
        self.terms = {}
        self.boroughs = {}
        for taxonomy in TAXONOMIES:
            for row in taxonomy.vocabulary.model.objects.all():
                found = (taxonomy.key, row)
                self.terms[taxonomy.term_id(row.slug)] = found
                names = [row.slug, row.name, getattr(row, "label", "")]
                names += getattr(row, "synonyms", None) or []
                names += [getattr(row, "gss_code", "")]
                for word in filter(None, map(plain_words, names)):
                    self.terms.setdefault(word, found)
                    if taxonomy.key == "borough":
                        self.boroughs[word] = row

    def find(self, term):
        for candidate in (
            term.get("id"),
            plain_words(term.get("term")),
            plain_words(term.get("name")),
        ):
            if candidate and candidate in self.terms:
                return self.terms[candidate]
        return None

    def borough(self, area):
        for candidate in (area.get("extent"), area.get("name"), area.get("service_area")):
            row = self.boroughs.get(plain_words(candidate))
            if row:
                return row
        uri = area.get("uri") or ""
        return self.boroughs.get(plain_words(uri.rsplit("/", 1)[-1])) if uri else None


def _term_label(term):
    taxonomy = term.get("taxonomy") or term.get("taxonomy_id") or "no taxonomy"
    return f"{taxonomy}: {term.get('name') or term.get('term') or term.get('id')}"


def _terms_of(record):
    """Taxonomy terms on the service: its attributes' (ORUK 3.0), and a bare list (2.0)."""
    terms = [a.get("taxonomy_term") for a in dicts(record.get("attributes"))]
    terms += dicts(record.get("taxonomy_terms"))
    return [term for term in terms if isinstance(term, dict)]


def dicts(value):
    """The objects in a list of a record's (anything else in it is passed over)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def links_of(record, terms, values):
    """Our vocabulary rows for their terms and service areas, and whether it is national."""
    linked = {taxonomy.key: [] for taxonomy in TAXONOMIES}
    for term in _terms_of(record):
        found = terms.find(term)
        if found:
            linked[found[0]].append(found[1])
        else:
            values.unmapped.append(_term_label(term))
    is_national = False
    for area in dicts(record.get("service_areas")):
        if plain_words(area.get("name") or area.get("service_area")) in NATIONAL_AREAS:
            is_national = True
        elif borough := terms.borough(area):
            linked["borough"].append(borough)
        else:
            name = " ".join(str(area.get("name") or area.get("extent") or "?").split())
            name = name if len(name) <= 60 else f"{name[:59]}…"
            values.lose(f"service area {name} (not a London borough)")
    return linked, is_national
