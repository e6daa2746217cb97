"""PostgreSQL derives columns on each service and keeps them right by itself.

- `<vocabulary>_slugs`: the slugs of the boroughs, needs, THRIVE categories… a service is linked
  to, GIN-indexed, so that several filters combine as one bitmap instead of one join each.
- `search_vector`: as before (0004), but now recomputed by the database on every write; and
  `name_vector`, the name alone, GIN-indexed, for "every word is in the name".
- `SearchWord`: the words of service names, organisation names and the needs vocabulary,
  trigram-indexed, which search corrects typos to.

Triggers recompute them whenever a service, its links, a need, an organisation or a
vocabulary's slug changes, so nothing in Python has to remember to (docs/search.md). Setting
`findhelp.defer_index` to `on` in a transaction makes link changes skip the recomputation, for
bulk loads that rebuild once at the end (`derived_columns().deferred()`,
directory/models/derived_columns.py). On SQLite the columns exist and stay empty; the QuerySet
methods read the link tables there instead.
"""

import django.contrib.postgres.search
from django.db import migrations, models

import directory.models.fields

# (column, link table, its vocabulary column, vocabulary table)
FACETS = [
    ("borough_slugs", "directory_service_boroughs", "borough_id", "directory_borough"),
    ("need_slugs", "directory_service_needs", "need_id", "directory_need"),
    (
        "thrive_slugs",
        "directory_service_thrive_categories",
        "thrivecategory_id",
        "directory_thrivecategory",
    ),
    ("audience_slugs", "directory_service_audiences", "audience_id", "directory_audience"),
    (
        "referral_slugs",
        "directory_service_referral_routes",
        "referralroute_id",
        "directory_referralroute",
    ),
    (
        "delivery_slugs",
        "directory_service_delivery_modes",
        "deliverymode_id",
        "directory_deliverymode",
    ),
    ("language_slugs", "directory_service_languages", "language_id", "directory_language"),
    (
        "eligibility_slugs",
        "directory_service_eligibility_criteria",
        "eligibilitycriterion_id",
        "directory_eligibilitycriterion",
    ),
]

# Words shorter than this are never corrected (directory.search.words.MIN_PREFIX_LENGTH).
WORDS_SQL = """
    INSERT INTO directory_searchword (word)
    SELECT DISTINCT word FROM regexp_split_to_table(lower({text}), '[^[:alnum:]]+') AS word
    WHERE length(word) BETWEEN 4 AND 100
    ON CONFLICT DO NOTHING
"""

SLUGS_SQL = (
    "ARRAY(SELECT v.slug FROM {link} AS l JOIN {vocabulary} AS v ON v.id = l.{column} "
    "WHERE l.service_id = NEW.id ORDER BY v.slug)"
)

DERIVE_SERVICE_SQL = """
CREATE OR REPLACE FUNCTION directory_service_derive() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    {facets}
    NEW.name_vector := to_tsvector('english', NEW.name);
    NEW.search_vector :=
        setweight(to_tsvector('english', NEW.name), 'A')
        || setweight(to_tsvector('english', coalesce((
            SELECT string_agg(
                n.name || ' ' || n.label || ' ' || coalesce((
                    SELECT string_agg(synonym, ' ')
                    FROM jsonb_array_elements_text(n.synonyms) AS synonym
                ), ''), ' ' ORDER BY n.position, n.id)
            FROM directory_need AS n WHERE n.slug = ANY(NEW.need_slugs)
        ), '') || CASE WHEN NEW.is_crisis THEN ' crisis urgent emergency' ELSE '' END), 'B')
        || setweight(to_tsvector('english', NEW.summary || ' ' || coalesce((
            SELECT o.name FROM directory_organisation AS o WHERE o.id = NEW.organisation_id
        ), '')), 'C')
        || setweight(to_tsvector('english', NEW.description), 'D');
    IF TG_OP = 'INSERT' OR NEW.name IS DISTINCT FROM OLD.name THEN
        {words}
    END IF;
    RETURN NEW;
END $$;
""".format(
    facets="\n    ".join(
        f"NEW.{column} := {SLUGS_SQL.format(link=link, vocabulary=vocabulary, column=fk)};"
        for column, link, fk, vocabulary in FACETS
    ),
    words=WORDS_SQL.format(text="NEW.name").strip() + ";",
)

# Touching a service row (SET id = id) fires directory_service_derive for it.
LINKS_CHANGED_SQL = """
CREATE OR REPLACE FUNCTION directory_service_links_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('findhelp.defer_index', true) = 'on' THEN
        RETURN NULL;
    END IF;
    IF TG_OP = 'INSERT' THEN
        UPDATE directory_service SET id = id WHERE id IN (SELECT service_id FROM new_links);
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE directory_service SET id = id WHERE id IN (SELECT service_id FROM old_links);
    ELSE
        UPDATE directory_service SET id = id WHERE id IN (
            SELECT service_id FROM new_links UNION SELECT service_id FROM old_links
        );
    END IF;
    RETURN NULL;
END $$;
"""

# TG_ARGV: the link table and its vocabulary column.
VOCABULARY_CHANGED_SQL = """
CREATE OR REPLACE FUNCTION directory_vocabulary_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    EXECUTE format(
        'UPDATE directory_service SET id = id WHERE id IN '
        '(SELECT service_id FROM %I WHERE %I = $1)', TG_ARGV[0], TG_ARGV[1]
    ) USING NEW.id;
    IF TG_TABLE_NAME = 'directory_need' THEN
        {need_words}
    END IF;
    RETURN NULL;
END $$;
""".format(
    need_words=WORDS_SQL.format(
        text="NEW.name || ' ' || NEW.label || ' ' || coalesce(("
        "SELECT string_agg(s, ' ') FROM jsonb_array_elements_text(NEW.synonyms) AS s), '')"
    ).strip()
    + ";"
)

ORGANISATION_CHANGED_SQL = """
CREATE OR REPLACE FUNCTION directory_organisation_changed() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE directory_service SET id = id WHERE organisation_id = NEW.id;
    {words}
    RETURN NULL;
END $$;
""".format(words=WORDS_SQL.format(text="NEW.name").strip() + ";")


def _triggers():
    """(name, table, CREATE TRIGGER statement) for every trigger this migration makes."""
    yield (
        "directory_service_derive",
        "directory_service",
        "CREATE TRIGGER directory_service_derive BEFORE INSERT OR UPDATE ON directory_service "
        "FOR EACH ROW EXECUTE FUNCTION directory_service_derive()",
    )
    for _, link, fk, vocabulary in FACETS:
        for event, referencing in [
            ("INSERT", "NEW TABLE AS new_links"),
            ("DELETE", "OLD TABLE AS old_links"),
            ("UPDATE", "OLD TABLE AS old_links NEW TABLE AS new_links"),
        ]:
            name = f"{link}_{event.lower()}"
            yield (
                name,
                link,
                f"CREATE TRIGGER {name} AFTER {event} ON {link} REFERENCING {referencing} "
                "FOR EACH STATEMENT EXECUTE FUNCTION directory_service_links_changed()",
            )
        watched = "slug, name, label, synonyms" if vocabulary == "directory_need" else "slug"
        name = f"{vocabulary}_changed"
        yield (
            name,
            vocabulary,
            f"CREATE TRIGGER {name} AFTER UPDATE OF {watched} ON {vocabulary} FOR EACH ROW "
            f"EXECUTE FUNCTION directory_vocabulary_changed('{link}', '{fk}')",
        )
    yield (
        "directory_organisation_changed",
        "directory_organisation",
        "CREATE TRIGGER directory_organisation_changed AFTER INSERT OR UPDATE OF name "
        "ON directory_organisation FOR EACH ROW "
        "EXECUTE FUNCTION directory_organisation_changed()",
    )


FUNCTIONS = [
    "directory_service_derive",
    "directory_service_links_changed",
    "directory_vocabulary_changed",
    "directory_organisation_changed",
]


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return

    def execute(sql):
        schema_editor.execute(sql, params=None)  # no parameters: % is literal SQL here

    for column, *_ in FACETS:
        execute(
            f"CREATE INDEX directory_service_{column}_gin ON directory_service USING gin ({column})"
        )
    execute(
        "CREATE INDEX directory_service_name_vector_gin ON directory_service "
        "USING gin (name_vector)"
    )
    execute(
        "CREATE INDEX directory_searchword_trgm_gin ON directory_searchword "
        "USING gin (word gin_trgm_ops)"
    )
    # Fine-grained statistics, so the planner knows a rare word is rare: with the default, a
    # word matching 2 services is estimated at 200, and "LIMIT 20" then reads the whole table
    # in name order looking for them.
    execute(
        "ALTER TABLE directory_service ALTER COLUMN search_vector SET STATISTICS 1000, "
        "ALTER COLUMN name_vector SET STATISTICS 1000"
    )
    # Search looks for an exact name, whatever its case (directory.search).
    execute("CREATE INDEX directory_service_upper_name ON directory_service (status, upper(name))")
    for sql in [
        DERIVE_SERVICE_SQL,
        LINKS_CHANGED_SQL,
        VOCABULARY_CHANGED_SQL,
        ORGANISATION_CHANGED_SQL,
    ]:
        execute(sql)
    for _, _, sql in _triggers():
        execute(sql)
    # Derive everything for the services already there, and the words of the vocabulary.
    execute("UPDATE directory_service SET id = id")
    for table in ["directory_service", "directory_organisation"]:
        execute(WORDS_SQL.format(text=f"(SELECT string_agg(name, ' ') FROM {table})"))
    execute(
        WORDS_SQL.format(
            text="(SELECT string_agg(n.name || ' ' || n.label || ' ' || coalesce(("
            "SELECT string_agg(s, ' ') FROM jsonb_array_elements_text(n.synonyms) AS s), ''), ' ') "
            "FROM directory_need AS n)"
        )
    )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, table, _ in _triggers():
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
    for function in FUNCTIONS:
        schema_editor.execute(f"DROP FUNCTION IF EXISTS {function}()")
    for column, *_ in FACETS:
        schema_editor.execute(f"DROP INDEX IF EXISTS directory_service_{column}_gin")
    schema_editor.execute("DROP INDEX IF EXISTS directory_service_upper_name")
    schema_editor.execute("DROP INDEX IF EXISTS directory_service_name_vector_gin")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_list_indexes"),
    ]

    operations = [
        migrations.CreateModel(
            name="SearchWord",
            fields=[
                ("word", models.CharField(max_length=100, primary_key=True, serialize=False)),
            ],
            options={"ordering": ["word"]},
        ),
        migrations.AddField(
            model_name="service",
            name="name_vector",
            field=django.contrib.postgres.search.SearchVectorField(editable=False, null=True),
        ),
        *[
            migrations.AddField(
                model_name="service",
                name=column,
                field=directory.models.fields.DerivedSlugsField(
                    base_field=models.TextField(), size=None
                ),
            )
            for column, *_ in FACETS
        ],
        migrations.RunPython(create, drop),
    ]
