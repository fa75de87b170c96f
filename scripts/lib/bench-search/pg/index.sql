-- Indexes of the PostgreSQL baseline, timed separately from the load by scripts/bench-search.
\set ON_ERROR_STOP on
SET maintenance_work_mem = '256MB';
CREATE INDEX bench_tsv ON bench_case_studies USING gin (tsv);
CREATE INDEX bench_approaches_gin ON bench_case_studies USING gin (approaches_with_broader);
CREATE INDEX bench_themes_gin ON bench_case_studies USING gin (themes);
CREATE INDEX bench_target_groups_gin ON bench_case_studies USING gin (target_groups);
CREATE INDEX bench_country ON bench_case_studies (country_code);
CREATE INDEX bench_updated ON bench_case_studies (updated_at DESC, slug);
CREATE INDEX bench_place_prefix ON bench_case_studies (place_folded text_pattern_ops);
CREATE INDEX bench_title_words ON bench_case_studies USING gin (title_words);
VACUUM ANALYZE bench_case_studies;
