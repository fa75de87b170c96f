-- (c) A word, a country and a theme, with every facet: what
-- GET /api/v1/case-studies?q=<word>&country=<cc>&theme=<theme>&facets=approach,country,theme,targetGroup,evidence,scale
-- answers. As in the API, a facet's own filter does not narrow its counts: country is counted under the text and
-- theme only, theme under the text and country only, the other facets under everything.
\set i random(1, @COUNT@)
-- The first page, ranked.
SELECT slug, title, summary, place_name, local_authority, region, country_code, scale, start_year, end_year, ongoing,
       approaches, themes, target_groups, evidence_level, status, licence, created_at, updated_at,
       ts_rank(tsv, plainto_tsquery('english', bench_fold((ARRAY[@FWORDS@])[:i]))) AS rank
FROM bench_case_studies
WHERE tsv @@ plainto_tsquery('english', bench_fold((ARRAY[@FWORDS@])[:i])) AND status = 'published'
  AND country_code = (ARRAY[@FCOUNTRIES@])[:i] AND themes @> ARRAY[(ARRAY[@FTHEMES@])[:i]]
ORDER BY rank DESC, slug
LIMIT 20;
-- The total and the facets counted under every filter.
WITH hits AS MATERIALIZED (
    SELECT approaches_with_broader, target_groups, evidence_level, scale FROM bench_case_studies
    WHERE tsv @@ plainto_tsquery('english', bench_fold((ARRAY[@FWORDS@])[:i])) AND status = 'published'
      AND country_code = (ARRAY[@FCOUNTRIES@])[:i] AND themes @> ARRAY[(ARRAY[@FTHEMES@])[:i]])
SELECT 'total' AS facet, NULL AS value, count(*) FROM hits
UNION ALL SELECT 'approach', a, count(*) FROM hits, unnest(approaches_with_broader) a GROUP BY a
UNION ALL SELECT 'targetGroup', g, count(*) FROM hits, unnest(target_groups) g GROUP BY g
UNION ALL SELECT 'evidence', evidence_level::text, count(*) FROM hits GROUP BY evidence_level
UNION ALL SELECT 'scale', scale, count(*) FROM hits GROUP BY scale;
-- The country facet, without the country filter.
SELECT country_code, count(*) FROM bench_case_studies
WHERE tsv @@ plainto_tsquery('english', bench_fold((ARRAY[@FWORDS@])[:i])) AND status = 'published'
  AND themes @> ARRAY[(ARRAY[@FTHEMES@])[:i]]
GROUP BY country_code;
-- The theme facet, without the theme filter.
SELECT t, count(*) FROM bench_case_studies, unnest(themes) t
WHERE tsv @@ plainto_tsquery('english', bench_fold((ARRAY[@FWORDS@])[:i])) AND status = 'published'
  AND country_code = (ARRAY[@FCOUNTRIES@])[:i]
GROUP BY t;
