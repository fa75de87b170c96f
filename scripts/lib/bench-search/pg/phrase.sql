-- (b) A phrase, ranked: the first page and the total, as GET /api/v1/case-studies?q="<phrase>" answers them.
\set i random(1, @COUNT@)
SELECT slug, title, summary, place_name, local_authority, region, country_code, scale, start_year, end_year, ongoing,
       approaches, themes, target_groups, evidence_level, status, licence, created_at, updated_at,
       ts_rank(tsv, phraseto_tsquery('english', bench_fold((ARRAY[@PHRASES@])[:i]))) AS rank
FROM bench_case_studies
WHERE tsv @@ phraseto_tsquery('english', bench_fold((ARRAY[@PHRASES@])[:i])) AND status = 'published'
ORDER BY rank DESC, slug
LIMIT 20;
SELECT count(*) FROM bench_case_studies
WHERE tsv @@ phraseto_tsquery('english', bench_fold((ARRAY[@PHRASES@])[:i])) AND status = 'published';
