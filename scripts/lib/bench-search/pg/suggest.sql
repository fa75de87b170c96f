-- (e) Completions of a prefix, as GET /api/v1/suggest?prefix=<p> gives them (8 in all): approach names with a word
-- starting with it, then the most frequent place names starting with it, then titles with a word starting with it.
\set i random(1, @COUNT@)
SELECT name, slug FROM bench_approaches
WHERE ' ' || bench_fold(name) LIKE '% ' || (ARRAY[@PREFIXES@])[:i] || '%'
ORDER BY name LIMIT 3;
SELECT place_name, count(*) AS n FROM bench_case_studies
WHERE place_folded LIKE (ARRAY[@PREFIXES@])[:i] || '%' AND status = 'published'
GROUP BY place_name ORDER BY n DESC, place_name LIMIT 3;
SELECT title, slug FROM bench_case_studies
WHERE title_words @@ to_tsquery('simple', (ARRAY[@PREFIXES@])[:i] || ':*') AND status = 'published'
ORDER BY title, slug LIMIT 8;
