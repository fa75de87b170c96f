-- (d) Page @PAGE@ of the unfiltered listing, newest change first, with the total: what the API answers for the cursor
-- that bench-search fetched by paging there. OFFSET is what a plain SQL listing does; the API pages by cursor.
SELECT slug, title, summary, place_name, local_authority, region, country_code, scale, start_year, end_year, ongoing,
       approaches, themes, target_groups, evidence_level, status, licence, created_at, updated_at
FROM bench_case_studies
WHERE status = 'published'
ORDER BY updated_at DESC, slug
LIMIT 20 OFFSET @OFFSET@;
SELECT count(*) FROM bench_case_studies WHERE status = 'published';
