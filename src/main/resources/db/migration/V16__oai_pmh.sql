-- Numbered after main's V13-V15 (frameworks, source identifiers, place attributes), which this branch does not have yet.
-- The OAI-PMH provider (/oai) lists each case study once, as the change feed's latest entry for it at a position, and
-- names it by the slug of its first entry (its identifier survives renames). Both questions go by case study and by
-- slug, which the feed's primary key (its position) cannot answer without reading every entry.
create index change_feed_entry_case_study_idx on change_feed_entry (case_study_id, position);
create index change_feed_entry_slug_idx on change_feed_entry (slug);
