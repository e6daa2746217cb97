"""Validating responses against the ORUK JSON schemas, their $refs resolved from the same
folder (each schema names the others by file name)."""

import json
from pathlib import Path

from jsonschema import Draft202012Validator, FormatChecker
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

BASE = "https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/"
# What the profile's OpenAPI file says each endpoint returns.
PAGE_ITEM_SCHEMAS = {
    "/services": "compiled/service_list.json",
    "/service_at_locations": "compiled/service_at_location_list.json",
    "/organizations": "compiled/organization_list.json",
    "/taxonomies": "taxonomy.json",
    "/taxonomy_terms": "taxonomy_term.json",
}
RECORD_SCHEMAS = {
    "/services/{id}": "compiled/service.json",
    "/service_at_locations/{id}": "compiled/service_at_location.json",
    "/organizations/{id}": "compiled/organization.json",
    "/taxonomies/{id}": "taxonomy.json",
    "/taxonomy_terms/{id}": "taxonomy_term.json",
}


class SchemaSet:
    def __init__(self, folder):
        self.folder = Path(folder)
        resources = []
        for path in sorted(self.folder.rglob("*.json")):
            if path.name == "openapi.json":
                continue
            contents = json.loads(path.read_text(encoding="utf-8"))
            resource = Resource.from_contents(contents, default_specification=DRAFT202012)
            # Where the profile's OpenAPI file says they are: the schemas name each other
            # relative to it ("attribute.json").
            resources.append((BASE + path.relative_to(self.folder).as_posix(), resource))
        self.registry = Registry().with_resources(resources)
        self.openapi = json.loads((self.folder / "openapi.json").read_text(encoding="utf-8"))
        self.page = self.openapi["components"]["schemas"]["Page"]

    def validator(self, name):
        schema = {"$id": BASE + name, **self.registry.contents(BASE + name)}
        return Draft202012Validator(schema, registry=self.registry, format_checker=FormatChecker())

    def errors(self, name, instance):
        return [
            f"{'/'.join(map(str, error.absolute_path))}: {error.message}"
            for error in self.validator(name).iter_errors(instance)
        ]

    def page_errors(self, endpoint, page):
        errors = [
            f"page: {error.message}" for error in Draft202012Validator(self.page).iter_errors(page)
        ]
        missing = set(self.page["properties"]) | {"contents"}
        errors += [f"page: no {name}" for name in sorted(missing - set(page))]
        for number, item in enumerate(page.get("contents", [])):
            errors += [f"{number}/{e}" for e in self.errors(PAGE_ITEM_SCHEMAS[endpoint], item)]
        return errors
