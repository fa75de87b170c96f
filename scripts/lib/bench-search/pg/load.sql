-- Loads the benchmark corpus into PostgreSQL: the baseline that the API's Lucene search is compared with.
-- Run by scripts/bench-search with the corpus as CSV on standard input (see BenchTool.csvRow) and the psql
-- variable :approaches holding the seed taxonomy as JSON. Everything lives in the dedicated database bench-search creates.
\set ON_ERROR_STOP on

-- Accent folding as the API does it (Malmö = Malmo). unaccent ships with PostgreSQL's contrib; without it the
-- baseline simply does not fold accents.
DO $$
BEGIN
    CREATE EXTENSION IF NOT EXISTS unaccent;
EXCEPTION WHEN OTHERS THEN
    RAISE NOTICE 'unaccent is not available (%), accents are not folded', SQLERRM;
END $$;

-- unaccent() is only STABLE, so it cannot be used in an index expression or be folded at plan time; this wrapper
-- with its dictionary named explicitly is the usual way to make it IMMUTABLE.
DO $do$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'unaccent') THEN
        EXECUTE $f$CREATE FUNCTION bench_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                   AS $b$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, t)) $b$ $f$;
    ELSE
        EXECUTE $f$CREATE FUNCTION bench_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
                   AS $b$ SELECT lower(t) $b$ $f$;
    END IF;
END $do$;

CREATE TABLE bench_approaches (slug text PRIMARY KEY, name text NOT NULL, parent text);
INSERT INTO bench_approaches
SELECT slug, name, parent FROM json_to_recordset(:'approaches'::json) AS a(slug text, name text, parent text);

-- The CSV as generated, one row per case study. `outcomes` holds the statements of the case study's findings, which the
-- API searches under the same name.
CREATE UNLOGGED TABLE bench_raw (
    id bigint, slug text, title text, summary text, body text, place_name text, local_authority text, region text,
    country_code text, country_name text, scale text, approaches text[], approaches_with_broader text[],
    approach_names text, themes text[], target_groups text[], evidence_level int, start_year int, end_year int,
    ongoing boolean, organisations text, outcomes text);
-- pstdin: psql's own standard input (\copy takes no variables, and plain STDIN would be this file).
\copy bench_raw FROM pstdin WITH (FORMAT csv)

-- The searchable table: the fields of a case study summary, plus what search needs.
CREATE TABLE bench_case_studies (
    id bigint PRIMARY KEY,
    slug text NOT NULL UNIQUE,
    status text NOT NULL,
    title text NOT NULL,
    summary text NOT NULL,
    body text NOT NULL,
    place_name text NOT NULL,
    local_authority text,
    region text,
    country_code text,
    scale text NOT NULL,
    approaches text[] NOT NULL,              -- as tagged
    approaches_with_broader text[] NOT NULL, -- for the approach filter and facet, which include narrower approaches
    themes text[] NOT NULL,
    target_groups text[] NOT NULL,
    evidence_level int NOT NULL,
    start_year int,
    end_year int,
    ongoing boolean,
    licence text NOT NULL,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    place_folded text NOT NULL,              -- for completing place names
    title_words tsvector NOT NULL,           -- unstemmed title words, for completing titles
    -- Weighted as the API weighs its fields: title and approach names A, summary and place B, the rest C.
    tsv tsvector NOT NULL
);

INSERT INTO bench_case_studies
SELECT id, slug, 'published', title, summary, body, place_name, local_authority, region, country_code, scale,
       approaches, approaches_with_broader, themes, target_groups, evidence_level, start_year, end_year, ongoing,
       'CC-BY-4.0',
       -- Later loads are newer, as in the API, so that "newest first" pages through the corpus in reverse load order.
       timestamptz '2026-01-01' + id * interval '1 second',
       timestamptz '2026-01-01' + id * interval '1 second',
       bench_fold(place_name),
       to_tsvector('simple', bench_fold(title)),
       setweight(to_tsvector('english', bench_fold(title || ' ' || coalesce(approach_names, ''))), 'A')
       || setweight(to_tsvector('english', bench_fold(concat_ws(' ', summary, place_name, local_authority, region,
                                                                country_name))), 'B')
       || setweight(to_tsvector('english', bench_fold(concat_ws(' ', body, organisations, outcomes))), 'C')
FROM bench_raw;

DROP TABLE bench_raw;
