-- Whether a slug is taken is asked on every create, rename, publish and imported row, often without a scope (an
-- editor sees every case study's slug): the unique key (slug_scope, slug) cannot answer "slug = ?" alone, so both
-- databases counted over every case study. This index answers it from the slug.
create index case_study_slug_idx on case_study (slug);
